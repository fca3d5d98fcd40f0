/**
 * Enterprise size under a size standard (大型 / 中型 / 小型 / 微型), and the size check of the
 * tiers that only 中小企业 may hold. Pure: the figures come from the enterprise-year.
 */
import { SIZE_STANDARDS } from './rule-sets/sme-size';
import type { TierRuleSet } from './rule-types';
import type {
  EnterpriseSize,
  SizeBounds,
  SizeClassId,
  SizeMeasure,
  SizeStandard,
  TierSizeCheck,
} from './size-types';
import type { EnterpriseYear } from './types';

export function sizeStandard(id: string): SizeStandard {
  const standard = SIZE_STANDARDS[id];
  if (!standard) throw new Error(`tier engine: unknown size standard '${id}'`);
  return standard;
}

/** true = every bound met, false = one known figure is below, null = undecided for want of data. */
function meets(bounds: SizeBounds, values: SizeBounds): boolean | null {
  let unknown = false;
  for (const [measure, min] of Object.entries(bounds) as [SizeMeasure, number][]) {
    const v = values[measure];
    if (v === undefined) unknown = true;
    else if (v < min) return false;
  }
  return unknown ? null : true;
}

export interface SizeOf {
  size: EnterpriseSize | null;
  sme: boolean | null;
}

/**
 * The size of an enterprise in one class: the first of large, medium, small whose lower bounds
 * it meets together, else micro ("须同时满足所列指标的下限，否则下划一档").
 */
export function classifySize(
  standard: SizeStandard,
  sizeClass: SizeClassId,
  values: SizeBounds,
): SizeOf {
  const def = standard.classes[sizeClass];
  const large = meets(def.large, values);
  if (large === null) return { size: null, sme: null };
  if (large) return { size: 'large', sme: false };
  for (const size of ['medium', 'small'] as const) {
    const hit = meets(def[size], values);
    if (hit === null) return { size: null, sme: true };
    if (hit) return { size, sme: true };
  }
  return { size: 'micro', sme: true };
}

/** The class an enterprise-year falls into: its own record, else its corridor industry's. */
export function sizeClassOf(standard: SizeStandard, x: EnterpriseYear): SizeClassId | null {
  if (x.sizeClass) return x.sizeClass;
  const byIndustry = standard.industryClasses as Record<string, SizeClassId | undefined>;
  return (x.industry && byIndustry[x.industry]) || null;
}

function figures(x: EnterpriseYear, measures: SizeMeasure[]): SizeBounds {
  const out: SizeBounds = {};
  for (const m of measures) {
    const v = x[m] as number | null | undefined;
    if (typeof v === 'number') out[m] = v;
  }
  return out;
}

/** The size check of an SME-only rule-set, or null when the rule-set has none. */
export function sizeCheck(ruleSet: TierRuleSet, x: EnterpriseYear): TierSizeCheck | null {
  if (!ruleSet.smeOnly) return null;
  const standard = sizeStandard(ruleSet.smeOnly.sizeStandard);
  const sizeClass = sizeClassOf(standard, x);
  if (!sizeClass)
    return { standardId: standard.id, sizeClass, size: null, sme: null, values: {}, largeFrom: {} };
  const largeFrom = standard.classes[sizeClass].large;
  const values = figures(x, Object.keys(largeFrom) as SizeMeasure[]);
  return {
    standardId: standard.id,
    sizeClass,
    ...classifySize(standard, sizeClass, values),
    values,
    largeFrom,
  };
}
