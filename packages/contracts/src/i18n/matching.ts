/**
 * Matching and broker introductions: error messages and field-problem reasons,
 * each in zh-CN (source) and en.
 */
import { defineMessages } from './define';

const PREFIXES = ['matching'] as const;

export const matchingErrors = defineMessages(PREFIXES, {
  'matching.introduction_not_found': {
    zh: '引荐记录不存在或无权查看',
    en: 'Introduction not found or not visible to you',
  },
  'matching.not_listed': {
    zh: '只能引荐已发布的成果和已发布的需求',
    en: 'Only published achievements and published demands can be introduced',
  },
  'matching.already_answered': {
    zh: '该引荐已答复',
    en: 'This introduction has already been answered',
  },
  'matching.already_introduced': {
    zh: '该成果已引荐给这项需求，正等待成果方答复；答复前不能重复引荐',
    en: 'This achievement has already been introduced for this demand and awaits the owner’s answer; it cannot be introduced again until then',
  },
  'matching.same_org': {
    zh: '成果与需求属于同一单位，无需引荐',
    en: 'The achievement and the demand belong to the same organisation: there is no one to introduce',
  },
});

export const matchingReasons = defineMessages(PREFIXES, {
  'matching.reason_required': { zh: '婉拒时请选择原因', en: 'Choose a reason when declining' },
  'matching.text_required': { zh: '选择“其他”时请填写说明', en: 'Explain when choosing “other”' },
  'matching.note_too_short': {
    zh: '请写明引荐理由（至少 10 个字），成果方据此决定是否洽谈',
    en: 'say why the two should talk (at least 10 characters): the owner decides on it',
  },
  'matching.match.shared_terms': { zh: '共同关键词：{terms}', en: 'Shared terms: {terms}' },
  'matching.match.same_field': { zh: '同一技术领域', en: 'Same technology field' },
  'matching.match.chain_link': {
    zh: '同一产业链：{industry}',
    en: 'Same industry chain: {industry}',
  },
  'matching.match.trl_fit': {
    zh: '技术成熟度 {trl} 级，便于企业落地',
    en: 'TRL {trl}: ready for an enterprise to use',
  },
  'matching.match.price_within_budget': {
    zh: '报价 {price} 万元在预算 {budget} 万元以内',
    en: 'Price {price} 万元 within budget {budget} 万元',
  },
  'matching.match.cross_city': {
    zh: '跨城转化：{from} → {to}',
    en: 'Cross-city transfer: {from} → {to}',
  },
  'matching.decline.too_early_stage': { zh: '技术阶段过早', en: 'Too early stage' },
  'matching.decline.benefit_unclear': { zh: '效益不明确', en: 'Benefit unclear' },
  'matching.decline.price': { zh: '价格不合适', en: 'Price' },
  'matching.decline.commercial_route_unclear': {
    zh: '商业化路径不清晰',
    en: 'Commercial route unclear',
  },
  'matching.decline.description_unclear': { zh: '描述不清楚', en: 'Description unclear' },
  'matching.decline.other': { zh: '其他', en: 'Other' },
});
