/** Number formatting for gap sentences and band labels (zh-CN). */
import type { MetricUnit } from './metrics';
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

/** A value in its unit: 0.024 ratio → '2.4%', 18.6 万元 → '18.6 万元', rank 3 → '第 3 名'. */
export function formatValue(v: number, unit: MetricUnit | '分'): string {
  switch (unit) {
    case 'ratio':
      return `${(v * 100).toFixed(1)}%`;
    case 'bool':
      return v ? '是' : '否';
    case '名':
      return `第 ${trim(v, 0)} 名`;
    case '万元':
    case '万美元':
      return `${trim(v, 1)} ${unit}`;
    default:
      return `${trim(v, 2)} ${unit}`;
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

/** '≥ ', '> ', '≤ ', '< ' or '' (plain "需 3.0%" means at least). */
export function opPrefix(op: CompareOp): string {
  return { '>=': '', '>': '> ', '<=': '≤ ', '<': '< ', '==': '' }[op];
}

/** Label of a band: '≥ 30.0%', '≤ 55.0%', '> 0.0%', '其他'. */
export function boundLabel(b: Bounds, unit: MetricUnit): string {
  if (unit === 'bool')
    return b.min !== undefined && b.min > 0 ? '是' : b.max !== undefined ? '否' : '其他';
  const parts: string[] = [];
  if (b.min !== undefined) parts.push(`${b.minExclusive ? '>' : '≥'} ${formatValue(b.min, unit)}`);
  if (b.max !== undefined) parts.push(`${b.maxExclusive ? '<' : '≤'} ${formatValue(b.max, unit)}`);
  return parts.length ? parts.join(' 且 ') : '其他';
}
