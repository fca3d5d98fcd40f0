/**
 * Co-built parks (共建园区): the park and its parties, the agreement's dated phases with their
 * benefit-sharing rules, yearly figures, payments between the cities, and what the API answers
 * (computed splits, promised vs paid, corridor totals). Pure arithmetic is in ./parks/.
 */
import { z } from 'zod';
import {
  DateSchema,
  PathIdSchema,
  patchOf,
  plainText,
  properName,
  RowVersionSchema,
} from './common';
import { phaseShapeProblems } from './parks/validate';
import {
  GOVERNANCE_MODELS,
  PARTY_ROLES,
  REVENUE_TYPES,
  SHARED_ITEMS,
  SPLIT_BASES,
  SPLIT_METHODS,
} from './parks/vocab';
import { CITY_CODES } from './regions';

export * from './parks/shapley';
export * from './parks/split';
export * from './parks/statement';
export * from './parks/validate';
export * from './parks/vocab';

/** 万元 with two decimals; a park's output can reach hundreds of 亿, so the cap is 1 万亿. */
export const PARK_MAX_WAN = 100_000_000;
export const ParkAmountSchema = z
  .number({ message: 'amount.invalid' })
  .min(0, { message: 'amount.negative' })
  .max(PARK_MAX_WAN, { message: 'amount.too_big' })
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { message: 'amount.decimals' });
const PercentSchema = z
  .number({ message: 'parks.percent' })
  .min(0, { message: 'parks.percent' })
  .max(100, { message: 'parks.percent' })
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { message: 'parks.percent' });
const YearSchema = z.number().int().min(2000).max(2100);
const City = z.enum(CITY_CODES);

export const PartySchema = z.strictObject({ cityCode: City, role: z.enum(PARTY_ROLES) });
export type Party = z.infer<typeof PartySchema>;
export const CityPercentSchema = z.strictObject({ cityCode: City, percent: PercentSchema });
export const CoalitionSchema = z.strictObject({
  members: z.array(City).min(1).max(5),
  value: ParkAmountSchema,
});

/** Two or more distinct cities, exactly one of them the host (飞入地). */
export function partiesProblem(parties: readonly Party[]): { field: string; code: string } | null {
  if (new Set(parties.map((p) => p.cityCode)).size !== parties.length)
    return { field: 'parties', code: 'parks.duplicate_party' };
  if (parties.filter((p) => p.role === 'inflow').length !== 1)
    return { field: 'parties', code: 'parks.one_host' };
  return null;
}

const ParkFields = z.strictObject({
  name: properName(60),
  parties: z.array(PartySchema).min(2).max(5),
  areaKm2: z.number().min(0).max(10_000).nullable().default(null),
  establishedOn: DateSchema,
  termEndsOn: DateSchema.nullable().default(null),
  agreementTitle: plainText(120).nullable().default(null),
  description: plainText(1000).nullable().default(null),
});
export const ParkInputSchema = ParkFields.superRefine((v, ctx) => {
  const p = partiesProblem(v.parties);
  if (p) ctx.addIssue({ code: 'custom', path: [p.field], message: p.code });
  if (v.termEndsOn && v.termEndsOn < v.establishedOn)
    ctx.addIssue({ code: 'custom', path: ['termEndsOn'], message: 'parks.phase_dates' });
});
export type ParkInput = z.infer<typeof ParkInputSchema>;
export const ParkPatchSchema = patchOf(ParkFields).extend({ version: RowVersionSchema });
export type ParkPatch = z.infer<typeof ParkPatchSchema>;

export const RuleInputSchema = z.strictObject({
  item: z.enum(SHARED_ITEMS),
  method: z.enum(SPLIT_METHODS),
  base: z.enum(SPLIT_BASES).default('gross'),
  ratios: z.array(CityPercentSchema).max(5).default([]),
  toCity: City.nullable().default(null),
  coalitions: z.array(CoalitionSchema).max(63).default([]),
});
const PhaseFields = z.strictObject({
  startsOn: DateSchema,
  endsOn: DateSchema.nullable().default(null),
  governance: z.enum(GOVERNANCE_MODELS),
  equity: z.array(CityPercentSchema).max(5).default([]),
  rules: z.array(RuleInputSchema).max(SHARED_ITEMS.length).default([]),
  note: plainText(500).nullable().default(null),
});
export const PhaseInputSchema = PhaseFields.superRefine((v, ctx) => {
  for (const p of phaseShapeProblems(v))
    ctx.addIssue({
      code: 'custom',
      path: p.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      message: p.code,
      params: p.params,
    });
});
export type PhaseInput = z.infer<typeof PhaseInputSchema>;
export const PhasePatchSchema = patchOf(PhaseFields).extend({ version: RowVersionSchema });
export type PhasePatch = z.infer<typeof PhasePatchSchema>;
export const ParkPhaseParamSchema = z.strictObject({ id: PathIdSchema, phaseId: PathIdSchema });
export const ParkFigureParamSchema = z.strictObject({ id: PathIdSchema, figureId: PathIdSchema });

const ShapleyViewSchema = z.object({
  values: z.record(z.string(), z.number()),
  marginals: z.array(
    z.object({
      party: z.string(),
      joined: z.array(z.string()),
      before: z.number(),
      after: z.number(),
      weight: z.number(),
    }),
  ),
});
export const RuleViewSchema = z.object({
  item: z.enum(SHARED_ITEMS),
  method: z.enum(SPLIT_METHODS),
  base: z.enum(SPLIT_BASES),
  ratios: z.array(z.object({ cityCode: z.string(), percent: z.number() })),
  toCity: z.string().nullable(),
  coalitions: z.array(z.object({ members: z.array(z.string()), value: z.number() })),
  /** For a Shapley rule: each party's value and the marginal-contribution table. */
  shapley: ShapleyViewSchema.optional(),
});
export const PhaseViewSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  governance: z.enum(GOVERNANCE_MODELS),
  equity: z.array(z.object({ cityCode: z.string(), percent: z.number() })),
  rules: z.array(RuleViewSchema),
  note: z.string().nullable(),
});
export type PhaseView = z.infer<typeof PhaseViewSchema>;
export const ParkSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  name: z.string(),
  hostCity: z.string(),
  parties: z.array(z.object({ cityCode: z.string(), role: z.enum(PARTY_ROLES) })),
  areaKm2: z.number().nullable(),
  establishedOn: z.string(),
  termEndsOn: z.string().nullable(),
  agreementTitle: z.string().nullable(),
  description: z.string().nullable(),
  updatedAt: z.string(),
  phases: z.array(PhaseViewSchema),
  /** What the signed-in account may do here (the page shows only what it may). */
  canEdit: z.boolean(),
});
export type Park = z.infer<typeof ParkSchema>;
export const ParkListSchema = z.object({ items: z.array(ParkSchema) });

export const FigureInputSchema = z
  .strictObject({
    year: YearSchema,
    item: z.enum(SHARED_ITEMS),
    valueWan: ParkAmountSchema,
    incentivesWan: ParkAmountSchema.default(0),
    /** The city that reports it (in-place statistics): the host unless said otherwise. */
    reportedBy: City.nullable().default(null),
    note: plainText(300).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.incentivesWan > v.valueWan)
      ctx.addIssue({ code: 'custom', path: ['incentivesWan'], message: 'parks.incentives_exceed' });
  });
export type FigureInput = z.infer<typeof FigureInputSchema>;
export const FigurePatchSchema = z.strictObject({
  valueWan: ParkAmountSchema.optional(),
  incentivesWan: ParkAmountSchema.optional(),
  note: plainText(300).nullable().optional(),
  version: RowVersionSchema,
});
export type FigurePatch = z.infer<typeof FigurePatchSchema>;
export const FigureSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  year: z.number().int(),
  item: z.enum(SHARED_ITEMS),
  valueWan: z.number(),
  incentivesWan: z.number(),
  reportedBy: z.string(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type Figure = z.infer<typeof FigureSchema>;
export const FigureListSchema = z.object({ items: z.array(FigureSchema) });
export const FigureImportReportSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

export const PaymentInputSchema = z
  .strictObject({
    year: YearSchema,
    item: z.enum(REVENUE_TYPES),
    payerCity: City,
    payeeCity: City,
    amountWan: ParkAmountSchema.refine((n) => n > 0, { message: 'parks.amount_positive' }),
    paidOn: DateSchema,
    note: plainText(300).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.payerCity === v.payeeCity)
      ctx.addIssue({ code: 'custom', path: ['payeeCity'], message: 'parks.same_city' });
  });
export type PaymentInput = z.infer<typeof PaymentInputSchema>;
export const PaymentSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  item: z.enum(REVENUE_TYPES),
  payerCity: z.string(),
  payeeCity: z.string(),
  amountWan: z.number(),
  paidOn: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Payment = z.infer<typeof PaymentSchema>;
export const PaymentListSchema = z.object({ items: z.array(PaymentSchema) });

const SplitResultSchema = z.object({
  year: z.number().int(),
  item: z.enum(SHARED_ITEMS),
  method: z.enum(SPLIT_METHODS),
  base: z.enum(SPLIT_BASES),
  reportedBy: z.string(),
  valueWan: z.number(),
  baseWan: z.number(),
  incentivesWan: z.number(),
  shares: z.array(z.object({ cityCode: z.string(), shareWan: z.number(), percent: z.number() })),
});
/** Figures with no phase or rule are listed, not silently dropped. */
export const ParkSplitSchema = z.object({
  splits: z.array(SplitResultSchema.extend({ phaseId: z.number().int() })),
  unshared: z.array(
    z.object({
      year: z.number().int(),
      item: z.enum(SHARED_ITEMS),
      reason: z.enum(['no_phase', 'no_rule']),
    }),
  ),
});
export type ParkSplit = z.infer<typeof ParkSplitSchema>;
export const StatementSchema = z.object({
  lines: z.array(
    z.object({
      year: z.number().int(),
      item: z.enum(SHARED_ITEMS),
      fromCity: z.string(),
      toCity: z.string(),
      promisedWan: z.number(),
      paidWan: z.number(),
      shortfallWan: z.number(),
    }),
  ),
  totals: z.array(
    z.object({
      year: z.number().int(),
      cityCode: z.string(),
      promisedWan: z.number(),
      paidWan: z.number(),
      shortfallWan: z.number(),
    }),
  ),
});
export type Statement = z.infer<typeof StatementSchema>;

export const ParkTotalsQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
});
/** Per item: what each city reports and the corridor total (double counts once). */
export const ParkTotalsSchema = z.object({
  year: z.number().int(),
  items: z.array(
    z.object({
      item: z.enum(SHARED_ITEMS),
      byCity: z.array(z.object({ cityCode: z.string(), valueWan: z.number() })),
      corridorWan: z.number(),
      /** Σ of the cities' reports: above the corridor total exactly by the double counts. */
      citiesSumWan: z.number(),
    }),
  ),
});
export type ParkTotals = z.infer<typeof ParkTotalsSchema>;
