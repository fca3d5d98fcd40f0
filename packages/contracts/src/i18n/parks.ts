/** Co-built parks: error messages and field-problem reasons, each in zh-CN (source) and en. */
import { defineMessages } from './define';

const PREFIXES = ['park', 'parks'] as const;

export const parksErrors = defineMessages(PREFIXES, {
  'park.not_found': { zh: '共建园区不存在', en: 'No such co-built park' },
  'park.phase_not_found': { zh: '协议阶段不存在', en: 'No such agreement phase' },
  'park.figure_not_found': { zh: '年度数据不存在', en: 'No such yearly figure' },
  'park.figure_exists': {
    zh: '该园区该年度该指标已有数据，请修改已有记录',
    en: 'This park already has this figure for the year; edit the existing one',
  },
});

export const parksReasons = defineMessages(PREFIXES, {
  'parks.ratios_sum': { zh: '各方比例之和须为 100%', en: 'the shares must add up to 100 %' },
  'parks.percent': {
    zh: '比例应为 0–100 之间、最多两位小数',
    en: 'a share is 0–100 with at most two decimals',
  },
  'parks.not_a_party': {
    zh: '该城市不是本园区的共建方',
    en: 'this city is not a party to the park',
  },
  'parks.party_missing': { zh: '缺少共建方：{cities}', en: 'parties missing: {cities}' },
  'parks.duplicate_item': {
    zh: '同一阶段内每个收入或指标只能有一条分成规则',
    en: 'one rule per revenue type or indicator in a phase',
  },
  'parks.to_city_required': { zh: '请选择归属的一方', en: 'choose the party that takes it all' },
  'parks.equity_required': {
    zh: '按股比分成须先填写本阶段各方股比',
    en: 'splitting by equity needs the parties’ equity in this phase',
  },
  'parks.coalitions_missing': {
    zh: '缺少以下组合的预期收益：{coalitions}',
    en: 'the expected return of these coalitions is missing: {coalitions}',
  },
  'parks.too_many_parties': {
    zh: 'Shapley 分成最多支持 {max} 方',
    en: 'a Shapley split takes at most {max} parties',
  },
  'parks.phase_overlap': {
    zh: '与已有阶段（{from} 至 {to}）重叠',
    en: 'overlaps the phase from {from} to {to}',
  },
  'parks.phase_dates': {
    zh: '结束日期不能早于开始日期',
    en: 'the end may not come before the start',
  },
  'parks.duplicate_party': { zh: '同一城市只能作为一方', en: 'a city can be a party once only' },
  'parks.one_host': {
    zh: '须有且只有一个飞入地（园区所在城市）',
    en: 'exactly one party must be the host city',
  },
  'parks.incentives_exceed': {
    zh: '优惠政策兑现额不能超过该项数值',
    en: 'incentives cannot exceed the figure',
  },
  'parks.year_outside': {
    zh: '该年度不在共建协议的任何阶段内',
    en: 'the year lies outside every phase of the agreement',
  },
  'parks.amount_positive': { zh: '金额须大于 0', en: 'the amount must be above 0' },
  'parks.same_city': { zh: '付款方与收款方不能是同一城市', en: 'payer and payee must differ' },
  'parks.own_city_party': {
    zh: '市级管理员创建的园区须包含本市',
    en: 'a park created by a city admin must include that city',
  },
  'parks.not_own_city': {
    zh: '只能导入本市作为填报城市的数据',
    en: 'only figures your city reports can be imported',
  },
  'parks.item_unknown': { zh: '未知的收入或指标', en: 'unknown revenue type or indicator' },
  'parks.city_unknown': { zh: '未知的城市', en: 'unknown city' },
  'parks.duplicate_in_file': {
    zh: '与第 {row} 行重复（同一年度同一指标）',
    en: 'repeats row {row} (same year and item)',
  },
});
