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
  'audit.checkpointHeld': {
    zh: '已与 {at} 的签名检查点（库外保存，记录 {count} 条事件）核对一致',
    en: 'Held against the signed checkpoint of {at} (kept outside the database, {count} events)',
  },
  'audit.archived': {
    zh: '；第 1–{n} 条事件已按留存规定归档（超过 180 天），链从归档末条哈希续接',
    en: '; events 1–{n} are archived (older than 180 days); the chain continues from the last one’s hash',
  },
  'audit.noCheckpoint': {
    zh: '尚无库外签名检查点，仅校验了库内哈希链',
    en: 'No signed checkpoint outside the database yet: only the stored chain was checked',
  },
  'audit.break.head_missing': { zh: '哈希链头记录缺失', en: 'The chain head is missing' },
  'audit.break.rewritten': {
    zh: '该事件与 {at} 的签名检查点不一致：历史记录被改写',
    en: 'This event differs from the signed checkpoint of {at}: history was rewritten',
  },
  'audit.break.missing': { zh: '该事件缺失（被删除）', en: 'This event is missing (deleted)' },
  'audit.break.prev_mismatch': {
    zh: '前序哈希与上一条事件不符',
    en: 'Its previous hash does not match the event before it',
  },
  'audit.break.hash_mismatch': {
    zh: '事件内容与其哈希不符：记录被修改',
    en: 'Its stored fields do not match its hash: the record was changed',
  },
  'audit.break.cut': {
    zh: '{at} 的签名检查点记录了 {count} 条事件，现仅余 {n} 条：链尾被截断',
    en: 'The signed checkpoint of {at} counted {count} events; only {n} remain: the chain was cut',
  },
  'audit.break.head_mismatch': {
    zh: '链头与最后一条事件不符（末尾事件可能被删除）',
    en: 'The chain head does not match the last event (events removed at the end?)',
  },
});
