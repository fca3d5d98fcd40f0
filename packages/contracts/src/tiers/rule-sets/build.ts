/** Terse constructors for rule-set data. They only build plain objects. */
import type { CompareOp, MetricParams, MetricRef, TierBand, TierRule } from '../rule-types';

export function m(id: string, params?: MetricParams): MetricRef {
  return params ? { id, params } : { id };
}

export function cmp(
  id: string,
  labelZh: string,
  metric: MetricRef,
  op: CompareOp,
  value: number,
  ref?: string,
): TierRule {
  return ref
    ? { kind: 'compare', id, labelZh, metric, op, value, ref }
    : { kind: 'compare', id, labelZh, metric, op, value };
}

export function all(id: string, labelZh: string, rules: TierRule[]): TierRule {
  return { kind: 'all', id, labelZh, rules };
}

export function any(id: string, labelZh: string, rules: TierRule[]): TierRule {
  return { kind: 'any', id, labelZh, rules };
}

/** Descending "≥ threshold → points" bands, ending with a catch-all of `rest` points. */
export function atLeast(pairs: [number, number][], rest = 0): TierBand[] {
  return [...pairs.map(([min, points]) => ({ min, points })), { points: rest }];
}

/** Like atLeast, with point ranges [min, points, pointsMax]. */
export function atLeastRange(triples: [number, number, number][], rest = 0): TierBand[] {
  return [
    ...triples.map(([min, points, pointsMax]) => ({ min, points, pointsMax })),
    { points: rest },
  ];
}

/** A boolean flag of the enterprise profile, as a metric. */
export const flag = (name: NonNullable<MetricParams['flag']>) => m('flag', { flag: name });
