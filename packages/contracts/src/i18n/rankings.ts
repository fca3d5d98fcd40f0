/**
 * Ranking methods, editions, corrections and signatures: error messages and field-problem reasons,
 * each in zh-CN (source) and en.
 */
import { defineMessages } from './define';

const PREFIXES = ['ranking'] as const;

export const rankingsErrors = defineMessages(PREFIXES, {
  'ranking.method_not_found': {
    zh: '榜单方法不存在或无权查看',
    en: 'No such ranking method, or you may not see it',
  },
  'ranking.method_immutable': {
    zh: '榜单方法已发布，不能再修改；如需调整请新建版本',
    en: 'The ranking method is published and cannot change; create a new version',
  },
  'ranking.method_not_published': {
    zh: '榜单方法尚未发布，不能用于编制榜单',
    en: 'The ranking method is not published yet and cannot be used',
  },
  'ranking.edition_not_found': {
    zh: '榜单不存在或无权查看',
    en: 'No such ranking edition, or you may not see it',
  },
  'ranking.published_immutable': {
    zh: '榜单已发布，任何内容均不可更改',
    en: 'The edition is published: nothing in it can change',
  },
  'ranking.wrong_state': {
    zh: '榜单当前所处阶段不允许此操作',
    en: 'The edition is not at a stage that allows this',
  },
  'ranking.not_published': { zh: '榜单尚未发布', en: 'The edition is not published yet' },
  'ranking.no_inputs': {
    zh: '所选年度和范围内没有企业指标数据，无法生成榜单',
    en: 'No enterprise has indicators for this year and scope: nothing to rank',
  },
  'ranking.window_not_open': {
    zh: '纠错窗口未开放或已截止',
    en: 'The correction window is not open',
  },
  'ranking.window_minimum': {
    zh: '公示期至少 {days} 天，{closableAt}（北京时间）之后才能截止纠错或发布',
    en: 'The correction window stays open at least {days} days: it can close, and the edition be published, from {closableAt} (China time)',
  },
  'ranking.not_in_edition': {
    zh: '本企业不在该榜单的数据快照中',
    en: 'Your enterprise is not in this edition’s snapshot',
  },
  'ranking.correction_not_found': {
    zh: '纠错申请不存在或无权查看',
    en: 'No such correction, or you may not see it',
  },
  'ranking.correction_decided': {
    zh: '该纠错申请已处理',
    en: 'The correction has already been decided',
  },
  'ranking.correction_pending': {
    zh: '该指标已有待处理的纠错申请',
    en: 'A correction of this indicator is already pending',
  },
  'ranking.corrections_pending': {
    zh: '尚有未处理的纠错申请，处理完毕后才能发布',
    en: 'Corrections are still pending: decide them before publishing',
  },
});

export const rankingsReasons = defineMessages(PREFIXES, {
  'ranking.weights_sum': { zh: '各指标权重之和须为 1', en: 'the weights must sum to 1' },
  'ranking.duplicate_indicator': { zh: '指标重复', en: 'indicator listed twice' },
  'ranking.method_code': {
    zh: '方法代码为 3–40 位小写字母、数字或 -，以字母开头',
    en: 'a method code is 3–40 lower-case letters, digits or -, starting with a letter',
  },
  'ranking.closes_in_past': {
    zh: '截止日期不能早于今天',
    en: 'the closing date cannot be before today',
  },
  'ranking.closes_too_soon': {
    zh: '公示期至少 {days} 天，截止日期不能早于 {date}',
    en: 'the window stays open at least {days} days: the closing date cannot be before {date}',
  },
  'ranking.field_not_in_method': {
    zh: '该指标不在本榜单方法中',
    en: 'this indicator is not part of the edition’s method',
  },
  'ranking.verify.ok': {
    zh: '签名有效：内容与发布方公钥签名一致',
    en: 'valid: the content matches the publisher’s signature',
  },
  'ranking.verify.not_canonical': {
    zh: '文件不是规范化 JSON（可能被重新排版或修改）',
    en: 'file is not canonical JSON (reformatted or edited)',
  },
  'ranking.verify.malformed_public_key': {
    zh: '公钥格式错误（应为 SM2 曲线上的点，十六进制）',
    en: 'malformed public key (expected an SM2 curve point in hex)',
  },
  'ranking.verify.malformed_signature': {
    zh: '签名格式错误（应为 128 位十六进制 r‖s）',
    en: 'malformed signature (expected 128 hex digits r‖s)',
  },
  'ranking.verify.signature_mismatch': {
    zh: '签名与内容不符：内容被改动，或签名/公钥不属于此榜单',
    en: 'signature does not match the content',
  },
});
