/**
 * Technology contracts: error messages and field-problem reasons,
 * each in zh-CN (source) and en.
 */
import { defineMessages } from './define';

const PREFIXES = ['deal'] as const;

export const dealsErrors = defineMessages(PREFIXES, {
  'deal.not_found': {
    zh: '技术合同不存在或无权查看',
    en: 'No such technology contract, or you may not see it',
  },
  'deal.illegal_transition': {
    zh: '该技术合同当前状态下不能执行此操作',
    en: 'This step is not possible in the contract’s current status',
  },
  'deal.already_confirmed': {
    zh: '贵单位已确认签订该合同，待对方确认',
    en: 'Your organisation has already confirmed this contract; the other party has yet to',
  },
  'deal.not_party': {
    zh: '只有合同双方单位的用户才能确认或拒绝签订',
    en: 'Only users of the two parties can confirm or refuse a contract',
  },
});

export const dealsReasons = defineMessages(PREFIXES, {
  'deal.same_party': {
    zh: '卖方与买方不能是同一机构',
    en: 'seller and buyer must be different organisations',
  },
  'deal.tech_exceeds_total': {
    zh: '技术交易额不能大于合同成交额',
    en: 'the technology transaction amount exceeds the contract amount',
  },
  'deal.end_before_start': {
    zh: '合同有效期截止日早于起始日',
    en: 'the end date is before the start date',
  },
  'deal.org_unknown': {
    zh: '该统一社会信用代码未在平台登记',
    en: 'no organisation is registered with this credit code',
  },
  'deal.not_own_org': {
    zh: '只能填报本机构作为买方或卖方的合同',
    en: 'you may enter contracts of your own organisation only',
  },
  'deal.reason_too_short': {
    zh: '请写明拒绝签订的理由（至少 4 个字）',
    en: 'say why you refuse (at least 4 characters)',
  },
  'deal.achievement_unknown': {
    zh: '技术市场中没有该成果或无权查看',
    en: 'no such achievement in the technology market, or you may not see it',
  },
});
