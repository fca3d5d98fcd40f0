/** Number formatting for gap sentences and band labels, in the reader's language. */
import { type Locale, ruleText, type TextCode } from '../i18n';
import type { MetricUnit } from './metric-kinds';
import type { Bounds, CompareOp } from './rule-types';

const EPS = 1e-9;

/** Compares with a relative tolerance, so 0.35000000000000003 ≥ 0.35 (inclusive bounds hold). */
export function compare(a: number, op: CompareOp, b: number): boolean {
  const tol = EPS * Math.max(1, Math.abs(b));
  switch (op) {
    case '>=':
      return a >= b - tol;
    case '>':
      return a > b + tol;
    case '<=':
      return a <= b + tol;
    case '<':
      return a < b - tol;
    case '==':
      return Math.abs(a - b) <= tol;
  }
}

function trim(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/** Counted units: English counts one person, two people; Chinese writes both the same. */
const COUNTED: Partial<Record<MetricUnit | '分', [many: TextCode, one: TextCode]>> = {
  人: ['tiers.unit.people', 'tiers.unit.people.one'],
  项: ['tiers.unit.items', 'tiers.unit.items.one'],
  次: ['tiers.unit.times', 'tiers.unit.times.one'],
  年: ['tiers.unit.years', 'tiers.unit.years.one'],
  分: ['tiers.unit.points', 'tiers.unit.points.one'],
};

/**
 * A value in its unit: 0.024 ratio → '2.4%', 18.6 万元 → '18.6 万元', rank 3 → '第 3 名'.
 * `ratioDigits`: decimals of a percentage (a ranking, comparing close values, shows 2).
 */
export function formatValue(
  v: number,
  unit: MetricUnit | '分',
  locale: Locale = 'zh-CN',
  ratioDigits = 1,
): string {
  switch (unit) {
    case 'ratio':
      return `${(v * 100).toFixed(ratioDigits)}%`;
    case 'bool':
      return ruleText(v ? 'tiers.value.yes' : 'tiers.value.no', locale);
    case '名':
      return ruleText('tiers.value.rank', locale, { n: trim(v, 0) });
    case '万元':
      return ruleText('tiers.unit.wan', locale, { n: trim(v, 1) });
    case '万美元': // 1 万美元 = USD 0.01 million
      return ruleText('tiers.unit.wanUsd', locale, {
        n: locale === 'en' ? trim(v / 100, 4) : trim(v, 1),
      });
    default: {
      const n = trim(v, 2);
      const codes = COUNTED[unit];
      return codes ? ruleText(codes[n === '1' ? 1 : 0], locale, { n }) : n;
    }
  }
}

export function stepOf(unit: MetricUnit | '分'): number {
  return unit === '万元' || unit === '万美元' ? 0.1 : unit === '年' || unit === 'ratio' ? 0.01 : 1;
}

/** Rounds a shortfall up to the unit's step, so that adding it is always enough. */
export function roundUp(v: number, unit: MetricUnit | '分'): number {
  const step = stepOf(unit);
  return Number((Math.ceil(v / step - 1e-6) * step).toFixed(2));
}

/** '> ', '≤ ', '< ' or '' (plain "需 3.0%" means at least). */
export function opPrefix(op: CompareOp): string {
  return { '>=': '', '>': '> ', '<=': '≤ ', '<': '< ', '==': '' }[op];
}

/** A band's bounds in words: '≥ 30.0%', '≤ 55.0%', '> 0.0%', '其他'; yes/no for flags. */
export function boundText(b: Bounds, unit: MetricUnit, locale: Locale = 'zh-CN'): string {
  if (unit === 'bool') {
    if (b.min !== undefined && b.min > 0) return ruleText('tiers.value.yes', locale);
    return ruleText(b.max !== undefined ? 'tiers.value.no' : 'tiers.band.other', locale);
  }
  const min =
    b.min !== undefined
      ? `${b.minExclusive ? '>' : '≥'} ${formatValue(b.min, unit, locale)}`
      : null;
  const max =
    b.max !== undefined
      ? `${b.maxExclusive ? '<' : '≤'} ${formatValue(b.max, unit, locale)}`
      : null;
  if (min && max) return ruleText('tiers.band.and', locale, { a: min, b: max });
  return min ?? max ?? ruleText('tiers.band.other', locale);
}
