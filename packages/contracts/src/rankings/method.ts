/**
 * A ranking method: which indicators, which way is better, how values are normalised and how
 * much each one weighs. Published with every edition (reference §7.3: publish the recipe).
 */
import { z } from 'zod';
import { patchOf, plainText, RowVersionSchema } from '../common';
import type { Locale } from '../i18n';
import { METRICS } from '../tiers';

/**
 * Indicators a method may rank on: numeric tier-engine metrics that need no parameters, so an
 * indicator key alone says how the value is computed from an enterprise's yearly figures.
 */
export const RANKING_METRICS = [
  'revenue',
  'mainRevenue',
  'totalAssets',
  'staff',
  'rdSpend',
  'scienceStaffShare',
  'rdStaffShare',
  'rdToRevenue',
  'rdToCosts',
  'highTechIncomeShare',
  'mainRevenueShare',
  'debtRatio',
  'revenueGrowth',
  'mainRevenueGrowth',
  'revenueGrowth3y',
  'netAssetsGrowth3y',
  'revenueCagr',
  'ipClassI',
  'ipClassII',
  'ipTotal',
  'conversionsAvg',
  'standards',
  'awards',
  'rdInstitutions',
  'equityRaised',
  'ageYears',
  'valuation',
] as const satisfies readonly (keyof typeof METRICS)[];
export type RankingMetric = (typeof RANKING_METRICS)[number];

export function rankingMetricLabel(key: string, locale: Locale = 'zh-CN'): string {
  const label = METRICS[key]?.label;
  return label ? (locale === 'en' ? label.en : label.zh) : key;
}
export function rankingMetricUnit(key: string): string {
  return METRICS[key]?.unit ?? '';
}

/**
 * min-max: (v − min) / (max − min);
 * percentile: mid-rank percentile (below + (ties − 1) / 2) / (n − 1);
 * z-score: z = (v − mean) / population SD, clamped to ±3 and mapped to (z + 3) / 6.
 * All give 0..1; with no spread (one value, or all equal) every present value gets 0.5.
 */
export const NORMALISATIONS = ['minmax', 'percentile', 'zscore'] as const;
export type Normalisation = (typeof NORMALISATIONS)[number];

/** higher: a larger value ranks better (revenue); lower: a smaller one does (debt ratio). */
export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Where an input value came from (reference §7.3), plus 'corrected' after an accepted claim. */
export const PROVENANCES = [
  'official',
  'registry',
  'self_reported',
  'derived',
  'corrected',
] as const;
export type Provenance = (typeof PROVENANCES)[number];

export interface RankingIndicator {
  key: RankingMetric;
  label: string;
  direction: Direction;
  /** Share of the total score, 0 < weight ≤ 1; a method's weights sum to 1. */
  weight: number;
}

export interface RankingMethodDefinition {
  code: string;
  version: number;
  name: string;
  normalisation: Normalisation;
  indicators: RankingIndicator[];
}

export const WEIGHT_TOLERANCE = 1e-6;

export const IndicatorInputSchema = z.strictObject({
  key: z.enum(RANKING_METRICS),
  /** Shown in lists and the published edition; defaults to the metric's Chinese name. */
  label: plainText(40).min(2).optional(),
  direction: z.enum(DIRECTIONS),
  weight: z.number().gt(0).max(1),
});

export const IndicatorListSchema = z
  .array(IndicatorInputSchema)
  .min(1)
  .max(20)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((indicator, i) => {
      if (seen.has(indicator.key))
        ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'ranking.duplicate_indicator' });
      seen.add(indicator.key);
    });
    const sum = list.reduce((s, indicator) => s + indicator.weight, 0);
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE)
      ctx.addIssue({ code: 'custom', message: 'ranking.weights_sum' });
  });

export const MethodCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{2,39}$/, { message: 'ranking.method_code' });

/** A new method version (the server numbers versions per code: 1, 2, …). */
export const RankingMethodInputSchema = z.strictObject({
  code: MethodCodeSchema,
  name: plainText(80).min(2),
  description: plainText(2000).nullable().default(null),
  normalisation: z.enum(NORMALISATIONS),
  indicators: IndicatorListSchema,
});
export type RankingMethodInput = z.infer<typeof RankingMethodInputSchema>;

/** Editing a draft method; a published one is immutable. */
export const RankingMethodUpdateSchema = patchOf(
  RankingMethodInputSchema.omit({ code: true }),
).extend({
  revision: RowVersionSchema,
});
export type RankingMethodUpdate = z.infer<typeof RankingMethodUpdateSchema>;

/** Fills in default labels: what gets stored and published. */
export function normaliseIndicators(list: z.infer<typeof IndicatorListSchema>): RankingIndicator[] {
  return list.map((i) => ({
    key: i.key,
    label: i.label ?? rankingMetricLabel(i.key),
    direction: i.direction,
    weight: i.weight,
  }));
}
