/** The audit log (zh-CN source and en side by side). */
import { defineMessages } from '@corridor/contracts';

export const auditMessages = defineMessages(['audit'], {
  'audit.time': { zh: '时间', en: 'Time' },
  'audit.actor': { zh: '操作人', en: 'Actor' },
  'audit.actorId': { zh: '操作人 ID', en: 'Actor ID' },
  'audit.anonymous': { zh: '匿名', en: 'Anonymous' },
  'audit.roles': { zh: '角色', en: 'Roles' },
  'audit.city': { zh: '城市', en: 'City' },
  'audit.action': { zh: '操作', en: 'Action' },
  'audit.object': { zh: '对象', en: 'Object' },
  'audit.objectType': { zh: '对象类型', en: 'Object type' },
  'audit.sourceIp': { zh: '来源 IP', en: 'Source IP' },
  'audit.outcome': { zh: '结果', en: 'Outcome' },
  'audit.outcome.success': { zh: '成功', en: 'Success' },
  'audit.outcome.failure': { zh: '失败', en: 'Failure' },
  'audit.outcome.denied': { zh: '拒绝', en: 'Denied' },
  'audit.detail': { zh: '详情', en: 'Detail' },
  'audit.from': { zh: '起始日期', en: 'From' },
  'audit.to': { zh: '截止日期', en: 'To' },
  'audit.verify': { zh: '验证哈希链', en: 'Verify hash chain' },
  'audit.verifyOk': {
    zh: '哈希链完整：已校验 {n} 条事件，未发现篡改',
    en: 'Hash chain intact: {n} events checked, no tampering found',
  },
  'audit.verifyBroken': {
    zh: '哈希链校验失败：第一条异常事件 ID 为 {id}（已校验 {n} 条）',
    en: 'Hash chain broken: first bad event ID {id} ({n} checked)',
  },
});
