/**
 * The technology market (achievements, demands, search): error messages and field-problem
 * reasons, each in zh-CN (source) and en.
 */
import { defineMessages } from './define';

const PREFIXES = ['market', 'trl', 'field', 'modes', 'ip', 'attachment', 'search'] as const;

export const marketErrors = defineMessages(PREFIXES, {
  'market.achievement_not_found': {
    zh: '科技成果不存在或无权查看',
    en: 'No such achievement, or you may not see it',
  },
  'market.demand_not_found': {
    zh: '技术需求不存在或无权查看',
    en: 'No such technology demand, or you may not see it',
  },
  'market.version_conflict': {
    zh: '该记录已被他人修改或已进入下一环节，请刷新后重试',
    en: 'Someone changed this record or moved it on; reload and try again',
  },
  'market.illegal_transition': {
    zh: '当前状态下不能执行该操作',
    en: 'This step is not possible in the current status',
  },
  'market.not_editable': {
    zh: '只有草稿可以修改；已提交的记录请撤回后重新填报',
    en: 'Only drafts can be edited; withdraw and re-enter a submitted record',
  },
  'market.not_listed': {
    zh: '只有已发布且未成交的成果可以设为精选',
    en: 'Only published achievements not yet transacted can be featured',
  },
  'market.deadline_passed': {
    zh: '截止日期已过，请修改截止日期后再发布',
    en: 'The deadline has passed; change it before publishing',
  },
  'market.query_empty': { zh: '请输入检索词', en: 'Enter something to search for' },
});

export const marketReasons = defineMessages(PREFIXES, {
  'trl.invalid': { zh: '技术成熟度应为整数', en: 'the TRL is a whole number' },
  'trl.range': { zh: '技术成熟度应为 1–9 级', en: 'the TRL is between 1 and 9' },
  'field.invalid': {
    zh: '技术领域须为八大高新技术领域之一',
    en: 'must be one of the eight high-tech fields',
  },
  'modes.required': { zh: '至少选择一种转化方式', en: 'choose at least one transfer mode' },
  'modes.duplicate': { zh: '转化方式重复', en: 'transfer mode listed twice' },
  'ip.number_format': {
    zh: '知识产权号码只能包含字母、数字及 . - /',
    en: 'IP numbers contain letters, digits and . - / only',
  },
  'attachment.mime': { zh: '附件类型格式不正确', en: 'malformed attachment type' },
  'search.page_too_deep': {
    zh: '检索结果最多翻到第 {max} 页，请添加条件缩小范围',
    en: 'results go up to page {max}; add filters to narrow them',
  },
  'search.trl_order': { zh: '成熟度下限不能高于上限', en: 'the lowest TRL is above the highest' },
  'market.org_unknown': {
    zh: '没有登记该统一社会信用代码的机构',
    en: 'no organisation is registered with this credit code',
  },
  'market.org_not_allowed': {
    zh: '只能为本机构或本市机构导入',
    en: 'you may import for your own organisation or your city’s only',
  },
  'market.org_type': {
    zh: '该机构不是企业、高校或科研院所',
    en: 'this organisation is not an enterprise, university or institute',
  },
});
