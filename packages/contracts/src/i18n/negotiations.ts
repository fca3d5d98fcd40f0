/**
 * Negotiations between the parties: error messages and field-problem reasons,
 * each in zh-CN (source) and en.
 */
import { defineMessages } from './define';

const PREFIXES = ['negotiation'] as const;

export const negotiationsErrors = defineMessages(PREFIXES, {
  'negotiation.not_found': {
    zh: '洽谈不存在或无权查看',
    en: 'No such negotiation, or you may not see it',
  },
  'negotiation.not_open': {
    zh: '该洽谈已结束或已达成一致，不能再发言或报价',
    en: 'This negotiation is closed or agreed; no more messages or offers',
  },
  'negotiation.not_agreed': {
    zh: '双方尚未就报价达成一致，不能生成合同',
    en: 'The parties have not agreed on an offer yet',
  },
  'negotiation.not_latest_offer': {
    zh: '只能接受对方最新的一次报价',
    en: 'Only the other party’s latest offer can be accepted',
  },
  'negotiation.already_open': {
    zh: '与该机构就此成果的洽谈已在进行中',
    en: 'A negotiation with this organisation on this achievement is open',
  },
  'negotiation.not_listed': {
    zh: '只能就已发布且未成交的成果发起洽谈',
    en: 'Negotiations are opened on published achievements not yet transacted',
  },
});

export const negotiationsReasons = defineMessages(PREFIXES, {
  'negotiation.buyer_required': {
    zh: '技术经纪人发起洽谈须填写买方统一社会信用代码',
    en: 'a broker must name the buyer by its credit code',
  },
  'negotiation.empty': { zh: '请填写留言或报价', en: 'write a message or make an offer' },
  'negotiation.own_achievement': {
    zh: '不能就本机构的成果作为买方发起洽谈',
    en: 'you cannot buy your own organisation’s achievement',
  },
});
