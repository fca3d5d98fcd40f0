/**
 * The cockpit and its official KPIs: error messages and field-problem reasons,
 * each in zh-CN (source) and en.
 */
import { defineMessages } from './define';

const PREFIXES = ['cockpit', 'kpi'] as const;

export const cockpitErrors = defineMessages(PREFIXES, {
  'cockpit.kpi_not_found': { zh: '指标录入记录不存在', en: 'No such indicator entry' },
  'cockpit.kpi_version_conflict': {
    zh: '该指标记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this indicator entry; reload and try again',
  },
});

export const cockpitReasons = defineMessages(PREFIXES, {
  'kpi.out_of_range': {
    zh: '数值超出该指标的允许范围',
    en: 'the value is outside the range allowed for this indicator',
  },
  'kpi.not_integer': { zh: '该指标须为整数', en: 'this indicator must be a whole number' },
});
