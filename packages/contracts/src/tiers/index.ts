/** Tier engine: enterprise-cultivation ladders as versioned rule-sets (data) and their evaluation. */
export {
  type EvaluateAllOptions,
  type EvaluateOptions,
  evaluateAllTiers,
  evaluateTier,
  ruleSetFor,
} from './evaluate';
export { ageAtYearEnd } from './figures';
export { boundText, formatValue } from './format';
export { cagr, growthRate3y, requiredY3, yoyGrowth } from './growth';
export { IP_CLASS, ipCount } from './ip';
export { metricLabel } from './metric-labels';
export { METRICS, type MetricDef, type MetricUnit, metricValue } from './metrics';
export * from './result-types';
export * from './rule-sets';
export * from './rule-types';
export * from './schema';
export type { RangePolicy } from './score';
export { classifySize, type SizeOf, sizeCheck, sizeClassOf, sizeStandard } from './size';
export * from './size-types';
export * from './texts';
export * from './types';
export * from './validate';
