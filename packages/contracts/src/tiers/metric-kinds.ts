/** Kinds of metric (plain figure, flag, ratio, growth) and how each computes its lever. */
import { type FigureField, figure, series } from './figures';
import { growthRate3y, requiredY3, yoyGrowth } from './growth';
import type { MetricParams } from './rule-types';
import type { EnterpriseYear } from './types';

export const METRIC_UNITS = [
  'ratio',
  '万元',
  '万美元',
  '人',
  '项',
  '次',
  '年',
  '名',
  'bool',
] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export type Value = (x: EnterpriseYear, p: MetricParams) => number | null;
/** Absolute change of the lever input that makes the metric equal `required`, or null. */
export type Lever = (x: EnterpriseYear, p: MetricParams, required: number) => number | null;

/** A metric's name in Chinese (source) and English. */
export interface MetricLabel {
  zh: string;
  en: string;
}

export interface MetricDef {
  label: MetricLabel;
  unit: MetricUnit;
  value: Value;
  lever?: Lever;
  /** Unit of the lever amount (the shortfall); defaults to the metric unit. */
  leverUnit?: MetricUnit;
}

export function plain(label: MetricLabel, unit: MetricUnit, value: Value): MetricDef {
  return {
    label,
    unit,
    value,
    lever: (x, p, required) => {
      const v = value(x, p);
      return v === null ? null : Math.abs(required - v);
    },
  };
}

export function bool(
  label: MetricLabel,
  value: (x: EnterpriseYear, p: MetricParams) => boolean,
): MetricDef {
  return { label, unit: 'bool', value: (x, p) => (value(x, p) ? 1 : 0) };
}

/**
 * num / den. `included`: the numerator is part of the denominator (科技人员 ⊂ 职工), so adding
 * to it grows both: Δ = (r·den − num) / (1 − r); otherwise Δ = r·den − num.
 */
export function ratio(
  label: MetricLabel,
  leverUnit: MetricUnit,
  included: boolean,
  parts: (x: EnterpriseYear, p: MetricParams) => [number | null, number | null] | null,
): MetricDef {
  const get = (x: EnterpriseYear, p: MetricParams) => {
    const [num, den] = parts(x, p) ?? [null, null];
    return num === null || den === null || den <= 0 ? null : [num, den];
  };
  return {
    label,
    unit: 'ratio',
    leverUnit,
    value: (x, p) => {
      const nd = get(x, p);
      return nd ? nd[0]! / nd[1]! : null;
    },
    lever: (x, p, r) => {
      const nd = get(x, p);
      if (!nd || (included && r >= 1)) return null;
      const [num, den] = [nd[0]!, nd[1]!];
      return Math.abs(included ? (r * den - num) / (1 - r) : r * den - num);
    },
  };
}

export const cur = (field: FigureField) => (x: EnterpriseYear) => figure(x, field);
export const pair = (a: FigureField, b: FigureField) => (x: EnterpriseYear) =>
  [figure(x, a), figure(x, b)] as [number | null, number | null];

export function growth3y(label: MetricLabel, field: FigureField): MetricDef {
  return {
    label,
    unit: 'ratio',
    leverUnit: '万元',
    value: (x) => {
      const s = series(x, field, 3);
      return s ? growthRate3y(s[0]!, s[1]!, s[2]!) : null;
    },
    lever: (x, _p, r) => {
      const s = series(x, field, 3);
      if (!s || s[0]! <= 0 || s[1]! <= 0) return null;
      return Math.abs(requiredY3(s[0]!, s[1]!, r) - s[2]!);
    },
  };
}

export function yoy(label: MetricLabel, field: FigureField): MetricDef {
  return {
    label,
    unit: 'ratio',
    leverUnit: '万元',
    value: (x) => {
      const s = series(x, field, 2);
      return s ? yoyGrowth(s[0]!, s[1]!) : null;
    },
    lever: (x, _p, r) => {
      const s = series(x, field, 2);
      return s && s[0]! > 0 ? Math.abs(s[0]! * (1 + r) - s[1]!) : null;
    },
  };
}
