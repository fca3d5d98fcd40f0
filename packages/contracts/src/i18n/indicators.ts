/**
 * Yearly indicators and certificates: error messages and field-problem reasons,
 * each in zh-CN (source) and en.
 */
import { defineMessages } from './define';

const PREFIXES = ['indicator', 'certificate'] as const;

export const indicatorsErrors = defineMessages(PREFIXES, {
  'indicator.not_found': {
    zh: '该企业该年度暂无指标数据',
    en: 'No indicators of this enterprise for that year',
  },
  'indicator.version_conflict': {
    zh: '该年度指标已被他人修改，请刷新后重试',
    en: 'Someone else changed these indicators; reload and try again',
  },
  'indicator.not_enterprise': {
    zh: '只有企业类机构才有年度指标',
    en: 'Only enterprises have yearly indicators',
  },
  'certificate.not_found': { zh: '资质证书不存在', en: 'No such certificate' },
  'certificate.duplicate': {
    zh: '该企业已登记同类同号的证书',
    en: 'This enterprise already holds a certificate of that kind and number',
  },
});

export const indicatorsReasons = defineMessages(PREFIXES, {
  'indicator.negative': { zh: '不能为负数', en: 'must not be negative' },
  'indicator.science_staff_exceeds_staff': {
    zh: '科技人员数不能超过职工总数',
    en: 'science and technology staff exceed total staff',
  },
  'indicator.year_in_future': { zh: '年份不能晚于当前年份', en: 'the year is in the future' },
  'indicator.percent_over_100': {
    zh: '占比超过 100%：部分不能大于总数',
    en: 'share over 100 %: a part exceeds its total',
  },
  'indicator.year_not_earlier': {
    zh: '往年数据的年份须早于评价年度且不重复',
    en: 'earlier years must precede the data year, without repeats',
  },
  'indicator.founded_after_year': { zh: '成立日期晚于评价年度', en: 'founded after the data year' },
  'indicator.org_unknown': {
    zh: '该统一社会信用代码未登记',
    en: 'no organisation is registered with this credit code',
  },
  'indicator.org_not_own_city': {
    zh: '只能导入本市企业的指标',
    en: "you may import indicators of your own city's enterprises only",
  },
  'indicator.org_not_enterprise': {
    zh: '该机构不是企业',
    en: 'this organisation is not an enterprise',
  },
  'indicator.duplicate_in_file': {
    zh: '文件中该企业该年度重复（第 {row} 行）',
    en: 'enterprise and year repeated in the file (row {row})',
  },
  'indicator.number': { zh: '应填写数字', en: 'must be a number' },
  'indicator.integer': { zh: '应填写整数', en: 'must be a whole number' },
  'indicator.choice': { zh: '取值应为：{choices}', en: 'must be one of: {choices}' },
  'certificate.expires_before_issued': {
    zh: '到期日期不能早于发证日期',
    en: 'the expiry date is before the issue date',
  },
  'certificate.issued_in_future': {
    zh: '发证日期不能晚于今天',
    en: 'the issue date is in the future',
  },
});
