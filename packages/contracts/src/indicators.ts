/**
 * Yearly enterprise indicators as stored and edited: exactly the inputs of the tier engine's
 * EnterpriseYear (./tiers/types.ts) for one fiscal year, plus where every value came from.
 * Amounts in 万元, counts whole numbers.
 */
import { z } from 'zod';
import { DateSchema, PathIdSchema, PathYearSchema, plainText } from './common';
import { CITY_CODES } from './regions';
import {
  AWARD_KINDS,
  AWARD_LEVELS,
  HIGH_TECH_FIELDS,
  INSTITUTION_LEVELS,
  IP_KINDS,
  LISTING_STATUSES,
  PROFILE_FLAGS,
  STANDARD_LEVELS,
  VIOLATION_KINDS,
} from './tiers/types';

/** Where a stored value came from. */
export const INDICATOR_SOURCES = ['form', 'excel', 'correction', 'seed'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/** Fiscal years: from 1900 up to 9999 here; "not in the future" is a plausibility check. */
export const FiscalYearSchema = z.coerce.number().int().min(1900).max(9999);

// Bounds keep values inside what both databases store (PostgreSQL integer, double precision).
const amount = z.number().finite().min(-1e10).max(1e10);
const count = z.number().int().min(-1e7).max(1e7);
const itemYear = z.number().int().min(1900).max(9999);
const opt = <T extends z.ZodType>(t: T) => t.nullable().optional();

/** Figures of the year (YearFigures without `year`); the first five are required. */
export const FIGURE_FIELDS = [
  'revenue',
  'mainRevenue',
  'totalIncome',
  'highTechIncome',
  'rdSpend',
  'rdSpendDomestic',
  'totalCosts',
  'totalAssets',
  'liabilities',
  'netAssets',
  'staff',
  'scienceStaff',
  'rdStaff',
  'conversions',
] as const;
export type FigureFieldName = (typeof FIGURE_FIELDS)[number];
export const REQUIRED_FIGURES = ['revenue', 'rdSpend', 'totalAssets', 'staff', 'scienceStaff'];
export const COUNT_FIELDS = new Set<string>([
  'staff',
  'scienceStaff',
  'rdStaff',
  'ipClassIOwnDeveloped',
  'ipClassIHighValue',
  'ipClassIInUse',
  'globalMarketRank',
]);

export const EquityRoundSchema = z.strictObject({
  year: itemYear,
  amount,
  qualifiedInvestor: z.boolean().optional(),
});
export const AwardSchema = z.strictObject({
  kind: z.enum(AWARD_KINDS),
  level: z.enum(AWARD_LEVELS),
  year: itemYear,
  rank: z.number().int().min(1).max(1000).optional(),
});
export const RdInstitutionSchema = z.strictObject({
  level: z.enum(INSTITUTION_LEVELS),
  name: plainText(200).optional(),
});
export const StandardSchema = z.strictObject({
  level: z.enum(STANDARD_LEVELS),
  year: itemYear,
  role: z.enum(['lead', 'participant']),
});
export const ViolationSchema = z.strictObject({ kind: z.enum(VIOLATION_KINDS), year: itemYear });

const figureShape = {
  revenue: amount,
  mainRevenue: opt(amount),
  totalIncome: opt(amount),
  highTechIncome: opt(amount),
  rdSpend: amount,
  rdSpendDomestic: opt(amount),
  totalCosts: opt(amount),
  totalAssets: amount,
  liabilities: opt(amount),
  netAssets: opt(amount),
  staff: count,
  scienceStaff: count,
  rdStaff: opt(count),
  conversions: opt(amount),
};

/** Everything entered for one enterprise and one fiscal year. */
const valuesShape = {
  ...figureShape,
  /** Defaults to the organisation's founding date. */
  foundedOn: opt(DateSchema),
  ip: opt(z.partialRecord(z.enum(IP_KINDS), count)),
  ipClassIOwnDeveloped: opt(count),
  ipClassIHighValue: opt(count),
  ipClassIInUse: opt(count),
  ipObtainedBy: opt(z.enum(['own', 'acquired'])),
  valuation: opt(amount),
  listing: opt(z.enum(LISTING_STATUSES)),
  equity: opt(z.array(EquityRoundSchema).max(100)),
  awards: opt(z.array(AwardSchema).max(100)),
  rdInstitutions: opt(z.array(RdInstitutionSchema).max(100)),
  standards: opt(z.array(StandardSchema).max(200)),
  violations: opt(z.array(ViolationSchema).max(100)),
  highTechField: opt(z.enum(HIGH_TECH_FIELDS)),
  profile: opt(z.partialRecord(z.enum(PROFILE_FLAGS), z.boolean())),
  yearsInNiche: opt(amount),
  yearsInField: opt(amount),
  globalMarketRank: opt(z.number().int().min(1).max(1e6)),
  /** Expert scores of judged indicators, keyed '<tier>.<indicator>' (e.g. 'highTech.talent'). */
  assessments: opt(
    z.record(
      z.string().regex(/^[a-zA-Z]{2,40}\.[a-zA-Z]{2,40}$/),
      z.number().finite().min(-1e3).max(1e3),
    ),
  ),
};

export const IndicatorValuesSchema = z.strictObject(valuesShape);
export type IndicatorValues = z.infer<typeof IndicatorValuesSchema>;
export type IndicatorField = keyof IndicatorValues;
export const INDICATOR_FIELDS = Object.keys(valuesShape) as IndicatorField[];

/**
 * PUT: the whole year as a form holds it, with the version read: 0 when the year had no record
 * yet (two first writers cannot both create it), else the record's version (409 when it moved).
 */
export const IndicatorYearInputSchema = IndicatorValuesSchema.extend({
  version: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
});
export type IndicatorYearInput = z.infer<typeof IndicatorYearInputSchema>;

/** PATCH: a correction of some values, with the reason, against the version read. */
export const IndicatorCorrectionSchema = z.strictObject({
  values: IndicatorValuesSchema.partial(),
  note: plainText(500).min(2),
  version: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});
export type IndicatorCorrection = z.infer<typeof IndicatorCorrectionSchema>;

export const ValueProvenanceSchema = z.object({
  source: z.enum(INDICATOR_SOURCES),
  changedAt: z.string(),
  /** Display name of the account; null for the system, or when the reader may not see it. */
  changedBy: z.string().nullable(),
});
export type ValueProvenance = z.infer<typeof ValueProvenanceSchema>;

const storedValues = z.object(
  Object.fromEntries(INDICATOR_FIELDS.map((k) => [k, z.unknown()])) as Record<
    IndicatorField,
    z.ZodUnknown
  >,
);

export const IndicatorYearSchema = z.object({
  orgId: z.number().int(),
  year: z.number().int(),
  /** Every field, null where nothing was entered. */
  values: storedValues,
  version: z.number().int(),
  updatedAt: z.string(),
  /** Per field: the change that set its current value. */
  provenance: z.record(z.string(), ValueProvenanceSchema),
});
export type IndicatorYear = Omit<z.infer<typeof IndicatorYearSchema>, 'values'> & {
  values: { [K in IndicatorField]: Exclude<IndicatorValues[K], undefined> };
};

export const IndicatorYearListSchema = z.object({
  orgId: z.number().int(),
  years: z.array(IndicatorYearSchema),
  abilities: z.object({ edit: z.boolean(), certificates: z.boolean(), history: z.boolean() }),
});

export const IndicatorChangeSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  /** A field name, or '*' when a whole record was loaded at once (demo data). */
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  source: z.enum(INDICATOR_SOURCES),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type IndicatorChange = z.infer<typeof IndicatorChangeSchema>;
export const IndicatorHistorySchema = z.object({ items: z.array(IndicatorChangeSchema) });

export const OrgYearParamSchema = z.strictObject({ id: PathIdSchema, year: PathYearSchema });
export const EmptyQuerySchema = z.strictObject({});

export const IndicatorExportQuerySchema = z.strictObject({
  year: FiscalYearSchema,
  city: z.enum(CITY_CODES).optional(),
});

/** An accepted import: rows created, rows changed, rows identical to what was stored. */
export const IndicatorImportReportSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type IndicatorImportReport = z.infer<typeof IndicatorImportReportSchema>;
