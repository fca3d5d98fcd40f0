import { z } from 'zod';
import { DateSchema, plainText } from './common';
import { CITY_CODES } from './regions';
import { TIER_IDS } from './tiers/rule-types';

/**
 * The corridor cockpit (驾驶舱, seed 四.三 云上展示): KPIs against the province's published
 * targets, aggregates per city, and flows between the five cities.
 */

/** Where the 2025 targets come from (reference market-and-challenges.md §1). */
export const CORRIDOR_PLAN = {
  titleZh: '《加快推进光谷科技创新大走廊协同创新高质量发展行动方案(2023—2025年)》',
  titleEn: 'Action plan for collaborative innovation in the Optics Valley corridor (2023–2025)',
  issuerZh: '湖北省科技创新办公室',
  issuedOn: '2023-04-08',
  targetYear: 2025,
} as const;

export const KPI_CODES = [
  'rd_gdp_ratio',
  'high_tech_enterprises',
  'high_tech_value_added_ratio',
  'provincial_platforms',
  'tech_contract_turnover',
  'cross_city_contract_share',
] as const;
export type KpiCode = (typeof KPI_CODES)[number];

export const KPI_UNITS = ['percent', 'count', 'wan'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

/** What a platform-computed KPI figure counts (the page says it in words). */
export const KPI_BASES = [
  'registry.platform_types_any_level',
  'indicators.high_tech_certificates',
  'contracts.year',
] as const;

export interface KpiDef {
  unit: KpiUnit;
  /** The plan's 2025 target, or null for figures the plan sets no target for. */
  target: { op: 'gt' | 'eq'; value: number } | null;
  /** Officials may enter this figure (with its source and date). */
  official: boolean;
  /** Bounds of an entered value; counts must be whole numbers. */
  min: number;
  max: number;
  integer: boolean;
}

export const KPI_DEFS: Record<KpiCode, KpiDef> = {
  rd_gdp_ratio: {
    unit: 'percent',
    target: { op: 'gt', value: 4.2 },
    official: true,
    min: 0,
    max: 100,
    integer: false,
  },
  high_tech_enterprises: {
    unit: 'count',
    target: { op: 'gt', value: 15_000 },
    official: true,
    min: 0,
    max: 10_000_000,
    integer: true,
  },
  high_tech_value_added_ratio: {
    unit: 'percent',
    target: { op: 'eq', value: 36 },
    official: true,
    min: 0,
    max: 100,
    integer: false,
  },
  provincial_platforms: {
    unit: 'count',
    target: { op: 'gt', value: 1_500 },
    official: true,
    min: 0,
    max: 1_000_000,
    integer: true,
  },
  tech_contract_turnover: {
    unit: 'wan',
    target: null,
    official: true,
    min: 0,
    max: 1e10,
    integer: false,
  },
  cross_city_contract_share: {
    unit: 'percent',
    target: null,
    official: false,
    min: 0,
    max: 100,
    integer: false,
  },
};

export const OFFICIAL_KPI_CODES = KPI_CODES.filter((c) => KPI_DEFS[c].official) as [
  KpiCode,
  ...KpiCode[],
];

/** Why an entered value is refused, or null when it is acceptable (a reason key). */
export function checkKpiValue(
  code: KpiCode,
  value: number,
): 'kpi.out_of_range' | 'kpi.not_integer' | null {
  const def = KPI_DEFS[code];
  if (!Number.isFinite(value) || value < def.min || value > def.max) return 'kpi.out_of_range';
  if (def.integer && !Number.isInteger(value)) return 'kpi.not_integer';
  return null;
}

/** Kinds of cross-city flow drawn as lines on the map; each arrives with its module. */
export const FLOW_KINDS = ['contract', 'dual_appointment', 'service_order'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/** Counterparties outside the five cities are pooled under this code. */
export const OUTSIDE_CODE = '000000' as const;

/** Org types counted as "platforms" for context beside the 省级以上科创平台 target. */
export const PLATFORM_ORG_TYPES = ['service_platform', 'institute'] as const;

const ValueSchema = z.number();
const sourceText = plainText(200).min(1);

export const OfficialKpiInputSchema = z
  .strictObject({
    code: z.enum(OFFICIAL_KPI_CODES),
    value: ValueSchema,
    /** The date the figure refers to (statistical date), not the day it was typed in. */
    asOf: DateSchema,
    /** Where the figure comes from, e.g. '湖北省统计局《2025年统计公报》'. */
    source: sourceText,
    note: plainText(500).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    const problem = checkKpiValue(v.code, v.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });
export type OfficialKpiInput = z.infer<typeof OfficialKpiInputSchema>;

/** A correction of an entry; the code stays, the version read is sent back. */
export const OfficialKpiPatchSchema = z.strictObject({
  value: ValueSchema.optional(),
  asOf: DateSchema.optional(),
  source: sourceText.optional(),
  note: plainText(500).nullable().optional(),
  version: z.number().int().min(1),
});
export type OfficialKpiPatch = z.infer<typeof OfficialKpiPatchSchema>;

export const OfficialKpiEntrySchema = z.object({
  id: z.number().int(),
  code: z.enum(KPI_CODES),
  value: z.number(),
  asOf: z.string(),
  source: z.string(),
  note: z.string().nullable(),
  version: z.number().int(),
  enteredAt: z.string(),
  updatedAt: z.string(),
});
export type OfficialKpiEntry = z.infer<typeof OfficialKpiEntrySchema>;
export const OfficialKpiListSchema = z.object({ items: z.array(OfficialKpiEntrySchema) });

export const CockpitQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const CockpitCityParamsSchema = z.strictObject({ city: z.enum(CITY_CODES) });

const int = z.number().int();
const Tally = z.object({ count: int, amountWan: z.number() });
export type Tally = z.infer<typeof Tally>;

export const KpiViewSchema = z.object({
  code: z.enum(KPI_CODES),
  unit: z.enum(KPI_UNITS),
  target: z.object({ op: z.enum(['gt', 'eq']), value: z.number(), year: int }).nullable(),
  /** Computed from the platform's own records; `comparable` says whether it measures the target. */
  platform: z
    .object({ value: z.number(), basis: z.enum(KPI_BASES), comparable: z.boolean() })
    .nullable(),
  /** The latest figure entered by a province official. */
  official: z
    .object({ value: z.number(), asOf: z.string(), source: z.string(), updatedAt: z.string() })
    .nullable(),
});
export type KpiView = z.infer<typeof KpiViewSchema>;

export const ContractsViewSchema = z.object({
  /** False until any technology contract has been recorded (the deals module). */
  available: z.boolean(),
  total: Tally,
  crossCity: Tally,
  /** Cross-city turnover ÷ all turnover, in %, or null when there is none. */
  crossCityShare: z.number().nullable(),
  byMonth: z.array(Tally.extend({ month: z.string() })),
  /** 5×5: seller (technology out) city → buyer city. */
  matrix: z.array(Tally.extend({ from: z.enum(CITY_CODES), to: z.enum(CITY_CODES) })),
  topFields: z.array(Tally.extend({ field: z.string() })),
});

export const FlowViewSchema = Tally.extend({
  kind: z.enum(FLOW_KINDS),
  from: z.enum(CITY_CODES),
  to: z.enum(CITY_CODES),
});

/**
 * Enterprises per tier per city, from the indicators module.
 * - `certified`: holders of a certificate or listing valid in the year, counted from the
 *   certificates recorded on the platform. Public information (the issuers publish the lists of
 *   高新技术企业, 专精特新 and 小巨人), so everyone sees it.
 * - `eligible`: enterprises meeting the tier's rules on their stored figures, the platform's own
 *   computation over firms' private figures, and `evaluated`: the city's enterprises with
 *   figures for the year (0 means the year cannot be judged yet, not that no firm qualifies);
 *   officials only. Anyone else gets status 'certified_only' and rows without these fields.
 */
export const TIER_VIEW_STATUSES = ['certified_only', 'full'] as const;
export const TiersViewSchema = z.object({
  status: z.enum(TIER_VIEW_STATUSES),
  rows: z.array(
    z.object({
      city: z.enum(CITY_CODES),
      tier: z.enum(TIER_IDS),
      certified: int,
      eligible: int.optional(),
      evaluated: int.optional(),
    }),
  ),
});
export type TiersView = z.infer<typeof TiersViewSchema>;

export const CityAggregateSchema = z.object({
  code: z.enum(CITY_CODES),
  orgs: int,
  byType: z.record(z.string(), int),
  contractsOut: Tally,
  contractsIn: Tally,
});

export const PublicCockpitSchema = z.object({
  generatedAt: z.string(),
  year: int,
  totals: z.object({ orgs: int }),
  cities: z.array(CityAggregateSchema),
  kpis: z.array(KpiViewSchema),
  contracts: ContractsViewSchema,
  flows: z.array(FlowViewSchema),
  tiers: TiersViewSchema,
});
export type PublicCockpit = z.infer<typeof PublicCockpitSchema>;

export const CityDetailSchema = z.object({
  generatedAt: z.string(),
  year: int,
  code: z.enum(CITY_CODES),
  orgs: int,
  byType: z.record(z.string(), int),
  byIndustry: z.array(z.object({ industry: z.string().nullable(), count: int })),
  /** Organisations registered on the platform per month of the year (Beijing time). */
  registrations: z.array(z.object({ month: z.string(), count: int })),
  contracts: z.object({
    out: Tally,
    in: Tally,
    internal: Tally,
    byMonth: z.array(z.object({ month: z.string(), out: Tally, in: Tally })),
    /** Counterparty cities; OUTSIDE_CODE pools those outside the corridor. */
    partners: z.array(z.object({ city: z.string(), out: Tally, in: Tally })),
    topFields: z.array(Tally.extend({ field: z.string() })),
  }),
  flows: z.array(FlowViewSchema),
  tiers: TiersViewSchema,
});
export type CityDetail = z.infer<typeof CityDetailSchema>;
