/** Plausibility checks of indicator input, as field problems with stable codes. */
import { figure } from './figures';
import { ipCount } from './ip';
import type { EnterpriseYear, YearFigures } from './types';

export const INDICATOR_PROBLEM_CODES = [
  'indicator.negative',
  'indicator.science_staff_exceeds_staff',
  'indicator.year_in_future',
  'indicator.percent_over_100',
  'indicator.year_not_earlier',
  'indicator.founded_after_year',
] as const;
export type IndicatorProblemCode = (typeof INDICATOR_PROBLEM_CODES)[number];

export interface IndicatorProblem {
  /** Dotted path into the input, e.g. 'previous.1.revenue'. */
  field: string;
  code: IndicatorProblemCode;
}

/** Messages for the i18n catalogues (reasons), keyed by code. */
export const INDICATOR_PROBLEM_TEXT: Record<IndicatorProblemCode, { zh: string; en: string }> = {
  'indicator.negative': { zh: '不能为负数', en: 'Must not be negative' },
  'indicator.science_staff_exceeds_staff': {
    zh: '科技人员数不能超过职工总数',
    en: 'Science and technology staff exceed total staff',
  },
  'indicator.year_in_future': { zh: '年份不能晚于当前年份', en: 'Year is in the future' },
  'indicator.percent_over_100': {
    zh: '占比超过 100%：部分不能大于总数',
    en: 'Share over 100 %: a part exceeds its total',
  },
  'indicator.year_not_earlier': {
    zh: '往年数据的年份须早于评价年度且不重复',
    en: 'Earlier years must precede the data year, without repeats',
  },
  'indicator.founded_after_year': { zh: '成立日期晚于评价年度', en: 'Founded after the data year' },
};

/** Figures that may not be negative (net assets may: an insolvent firm). */
const NON_NEGATIVE: (keyof YearFigures)[] = [
  'revenue',
  'mainRevenue',
  'totalIncome',
  'highTechIncome',
  'rdSpend',
  'rdSpendDomestic',
  'totalCosts',
  'totalAssets',
  'liabilities',
  'staff',
  'scienceStaff',
  'rdStaff',
  'conversions',
];

/** [part, whole] pairs whose ratio is a share that cannot exceed 100 %. */
const PARTS: [keyof YearFigures, 'revenue' | 'totalIncome' | 'rdSpend' | 'staff'][] = [
  ['mainRevenue', 'revenue'],
  ['highTechIncome', 'totalIncome'],
  ['rdSpendDomestic', 'rdSpend'],
  ['rdStaff', 'staff'],
];

function checkFigures(f: YearFigures, prefix: string, out: IndicatorProblem[]): void {
  for (const key of NON_NEGATIVE) {
    const v = f[key];
    if (v !== undefined && v < 0)
      out.push({ field: `${prefix}${key}`, code: 'indicator.negative' });
  }
  if (f.scienceStaff !== undefined && f.staff !== undefined && f.scienceStaff > f.staff) {
    out.push({ field: `${prefix}scienceStaff`, code: 'indicator.science_staff_exceeds_staff' });
  }
  for (const [part, whole] of PARTS) {
    const p = f[part];
    const w = figure(f, whole);
    if (p !== undefined && w !== null && w >= 0 && p > w) {
      out.push({ field: `${prefix}${part}`, code: 'indicator.percent_over_100' });
    }
  }
}

/**
 * Checks one enterprise-year. `now` decides what "the future" is (default: today).
 * Returns every problem found; an empty list means the input is plausible.
 */
export function validateEnterpriseYear(x: EnterpriseYear, now = new Date()): IndicatorProblem[] {
  const out: IndicatorProblem[] = [];
  const thisYear = now.getUTCFullYear();
  const future = (field: string, year: number | undefined) => {
    if (year !== undefined && year > thisYear)
      out.push({ field, code: 'indicator.year_in_future' });
  };
  future('year', x.year);
  checkFigures(x, '', out);
  const seen = new Set<number>();
  x.previous?.forEach((p, i) => {
    checkFigures(p, `previous.${i}.`, out);
    if (p.year >= x.year || seen.has(p.year)) {
      out.push({ field: `previous.${i}.year`, code: 'indicator.year_not_earlier' });
    }
    seen.add(p.year);
  });
  const founded = Number(x.foundedOn.slice(0, 4));
  if (Date.parse(`${x.foundedOn}T00:00:00Z`) > now.getTime()) {
    out.push({ field: 'foundedOn', code: 'indicator.year_in_future' });
  } else if (founded > x.year) {
    out.push({ field: 'foundedOn', code: 'indicator.founded_after_year' });
  }
  for (const [kind, n] of Object.entries(x.ip ?? {})) {
    if ((n ?? 0) < 0) out.push({ field: `ip.${kind}`, code: 'indicator.negative' });
  }
  const classI = ipCount(x, 'I');
  for (const key of ['ipClassIOwnDeveloped', 'ipClassIHighValue', 'ipClassIInUse'] as const) {
    const v = x[key];
    if (v === undefined) continue;
    if (v < 0) out.push({ field: key, code: 'indicator.negative' });
    else if (v > classI) out.push({ field: key, code: 'indicator.percent_over_100' });
  }
  for (const key of ['valuation', 'yearsInNiche', 'yearsInField'] as const) {
    const v = x[key];
    if (v !== undefined && v < 0) out.push({ field: key, code: 'indicator.negative' });
  }
  x.equity?.forEach((e, i) => {
    if (e.amount < 0) out.push({ field: `equity.${i}.amount`, code: 'indicator.negative' });
    future(`equity.${i}.year`, e.year);
  });
  const dated: [string, { year: number }[] | undefined][] = [
    ['awards', x.awards],
    ['standards', x.standards],
    ['violations', x.violations],
  ];
  for (const [key, list] of dated) {
    list?.forEach((item, i) => {
      future(`${key}.${i}.year`, item.year);
    });
  }
  future('highTechCertYear', x.highTechCertYear);
  for (const [key, v] of Object.entries(x.assessments ?? {})) {
    if (v < 0) out.push({ field: `assessments.${key}`, code: 'indicator.negative' });
  }
  return out;
}
