/**
 * What the API answers about tiers: an enterprise's evaluation per tier, the certificates it
 * actually holds, the per-city statistics, and the "within reach" rule those statistics use.
 */
import { z } from 'zod';
import { DateSchema, PathIdSchema, plainText } from './common';
import { FiscalYearSchema } from './indicators';
import { CITY_CODES } from './regions';
import { METRIC_UNITS } from './tiers/metric-kinds';
import {
  TIER_GAP_CODES,
  TIER_NOT_APPLICABLE,
  type TierGap,
  type TierResult,
} from './tiers/result-types';
import { COMPARE_OPS, TIER_IDS, type TierId } from './tiers/rule-types';
import { ENTERPRISE_SIZES, SIZE_CLASS_IDS, SIZE_MEASURES } from './tiers/size-types';
import { PROFILE_FLAGS, RECOGNISED_STATUSES } from './tiers/types';

const VALUE_UNITS = [...METRIC_UNITS, '分'] as const;

// ---------- certificates actually held ----------

/** A recognition per tier, plus the other recognitions the rule-sets read as statuses. */
export const CERTIFICATE_KINDS = [
  ...TIER_IDS,
  'nationalTechInnovationDemo',
  'ipAdvantage',
  'ipDemonstration',
] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export const CERTIFICATE_LABELS: Record<CertificateKind, { zh: string; en: string }> = {
  techSme: { zh: '科技型中小企业（入库登记）', en: 'Technology-based SME (registered)' },
  highTech: { zh: '高新技术企业证书', en: 'High-tech enterprise certificate' },
  gazelle: { zh: '瞪羚企业', en: 'Gazelle' },
  potentialUnicorn: { zh: '潜在独角兽企业', en: 'Potential unicorn' },
  unicorn: { zh: '独角兽企业', en: 'Unicorn' },
  innovativeSme: { zh: '创新型中小企业', en: 'Innovative SME' },
  specialisedSme: { zh: '专精特新中小企业', en: 'Specialised and sophisticated SME' },
  littleGiant: { zh: '专精特新"小巨人"企业', en: '"Little giant"' },
  singleChampion: { zh: '制造业单项冠军', en: 'Manufacturing single champion' },
  nationalTechInnovationDemo: {
    zh: '国家级技术创新示范企业',
    en: 'National technology-innovation demonstration enterprise',
  },
  ipAdvantage: { zh: '知识产权优势企业', en: 'IP advantage enterprise' },
  ipDemonstration: { zh: '知识产权示范企业', en: 'IP demonstration enterprise' },
};

export const CertificateInputSchema = z
  .strictObject({
    kind: z.enum(CERTIFICATE_KINDS),
    /** Certificate or list number, e.g. GR202342001234. */
    number: plainText(60).min(1),
    issuedOn: DateSchema,
    expiresOn: DateSchema.nullable().optional(),
    issuer: plainText(100).nullable().optional(),
  })
  .refine((c) => !c.expiresOn || c.expiresOn >= c.issuedOn, {
    message: 'certificate.expires_before_issued',
    path: ['expiresOn'],
  });
export type CertificateInput = z.infer<typeof CertificateInputSchema>;

export const CertificateSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  kind: z.enum(CERTIFICATE_KINDS),
  number: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  issuer: z.string().nullable(),
  createdAt: z.string(),
});
export type Certificate = z.infer<typeof CertificateSchema>;
export const CertificateListSchema = z.object({
  items: z.array(CertificateSchema),
  abilities: z.object({ manage: z.boolean() }),
});
export type CertificateList = z.infer<typeof CertificateListSchema>;

export const CertificateParamSchema = z.strictObject({ id: PathIdSchema, certId: PathIdSchema });

/** A certificate counts for a fiscal year when it was valid on at least one day of it. */
export function certificateValidIn(
  c: { issuedOn: string; expiresOn?: string | null | undefined },
  year: number,
): boolean {
  return c.issuedOn <= `${year}-12-31` && (!c.expiresOn || c.expiresOn >= `${year}-01-01`);
}

// ---------- within reach ----------

/** Most conditions still failing for an enterprise to count as within reach of a tier. */
export const WITHIN_REACH_MAX_GAPS = 2;
/** A score gap this small (in points) is within reach. */
export const WITHIN_REACH_POINTS = 10;
/** A figure at least this share of a lower bound (or at most its inverse over an upper one). */
export const WITHIN_REACH_SHARE = 0.8;

/** One failed condition is small: a few points, or a figure within 20 % of its threshold. */
export function isSmallGap(g: TierGap): boolean {
  if (g.current === null || g.required === null) return false; // data missing: unknown distance
  if (g.unit === '分') return (g.shortfall ?? Number.POSITIVE_INFINITY) <= WITHIN_REACH_POINTS;
  // yes/no facts (a certificate, a clean record, a profile flag) are not closed by a modest change
  if (g.unit === 'bool' || g.op === '==') return false;
  if (g.op === '>=' || g.op === '>')
    return g.required > 0 && g.current >= WITHIN_REACH_SHARE * g.required;
  return g.current <= g.required / WITHIN_REACH_SHARE;
}

/**
 * Within reach of a tier: not yet eligible, at most two conditions still fail, and each of them
 * is small (a score short by ≤ 10 points, or a figure within 20 % of its threshold). Missing
 * data, yes/no conditions and knock-outs (violations, restricted categories) never are.
 */
export function isWithinReach(result: Pick<TierResult, 'eligible' | 'gaps'>): boolean {
  if (result.eligible) return false;
  const { gaps } = result;
  return gaps.length > 0 && gaps.length <= WITHIN_REACH_MAX_GAPS && gaps.every(isSmallGap);
}

// ---------- evaluation as answered ----------

const TierLabelSchema = z.object({ zh: z.string(), en: z.string() });

/** What a gap or band is about (the web names it in the reader's language). */
export const TierSubjectSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('metric'),
    metric: z.string(),
    withinYears: z.number().optional(),
    qualifiedOnly: z.boolean().optional(),
    flag: z.enum(PROFILE_FLAGS).optional(),
    status: z.enum(RECOGNISED_STATUSES).optional(),
  }),
  z.object({ kind: z.literal('total') }),
  z.object({ kind: z.literal('section'), id: z.string(), label: TierLabelSchema }),
  z.object({ kind: z.literal('points'), id: z.string(), label: TierLabelSchema }),
]);

/** A gap as a sentence code and values, never as words (see tierGapText). */
export const TierGapSchema = z.object({
  ruleId: z.string(),
  indicator: z.string(),
  current: z.number().nullable(),
  required: z.number().nullable(),
  op: z.enum(COMPARE_OPS),
  shortfall: z.number().nullable(),
  unit: z.string(),
  code: z.enum(TIER_GAP_CODES),
  values: z.object({ subject: TierSubjectSchema, valueUnit: z.enum(VALUE_UNITS) }),
});

/** A band as data (see tierBandText). */
export const TierBandSchema = z.object({
  min: z.number().optional(),
  minExclusive: z.boolean().optional(),
  max: z.number().optional(),
  maxExclusive: z.boolean().optional(),
  unit: z.enum(METRIC_UNITS),
  subject: TierSubjectSchema.optional(),
});

const IndicatorScoreSchema = z.object({
  id: z.string(),
  labelZh: z.string(),
  section: z.string().nullable(),
  maxPoints: z.number(),
  metric: z.string().nullable(),
  value: z.number().nullable(),
  band: TierBandSchema.nullable(),
  points: z.number(),
  missing: z.boolean(),
  assessed: z.boolean(),
  next: z.object({ band: TierBandSchema, points: z.number(), gap: TierGapSchema }).nullable(),
});

export const FailedRuleSchema = z.object({
  id: z.string(),
  labelZh: z.string(),
  missing: z.boolean(),
  value: z.number().nullable(),
  op: z.string().optional(),
  required: z.number().optional(),
  bypassed: z.boolean(),
});

const SizeFiguresSchema = z.partialRecord(z.enum(SIZE_MEASURES), z.number());

/** The size check of a tier for 中小企业 (see tierSizeText). */
export const TierSizeCheckSchema = z.object({
  standardId: z.string(),
  sizeClass: z.enum(SIZE_CLASS_IDS).nullable(),
  size: z.enum(ENTERPRISE_SIZES).nullable(),
  sme: z.boolean().nullable(),
  values: SizeFiguresSchema,
  largeFrom: SizeFiguresSchema,
});

export const TierViewSchema = z.object({
  tier: z.enum(TIER_IDS),
  nameZh: z.string(),
  nameEn: z.string(),
  ruleSetId: z.string(),
  eligible: z.boolean(),
  /** 'size': an SME-only tier the enterprise has outgrown (不适用（规模）); no gaps then. */
  notApplicable: z.enum(TIER_NOT_APPLICABLE).nullable(),
  /** Null for tiers open to enterprises of any size. */
  size: TierSizeCheckSchema.nullable(),
  via: z.enum(['rules', 'direct']).nullable(),
  withinReach: z.boolean(),
  /** Holds a certificate of this tier valid in the year. */
  certified: z.boolean(),
  total: z.number().nullable(),
  sections: z.array(
    z.object({
      id: z.string(),
      labelZh: z.string(),
      points: z.number(),
      cap: z.number().nullable(),
    }),
  ),
  indicators: z.array(IndicatorScoreSchema),
  failedRules: z.array(FailedRuleSchema),
  directRoutes: z.array(z.object({ id: z.string(), labelZh: z.string(), applies: z.boolean() })),
  gaps: z.array(TierGapSchema),
});
export type TierView = z.infer<typeof TierViewSchema>;

/**
 * A rung of the ladder for one enterprise: reached (a tier in it is met or certified), outgrown
 * (every tier in it is an SME tier the firm is too large for), the next target, or later.
 */
export const LADDER_STATES = ['reached', 'outgrown', 'next', 'later'] as const;
export type LadderState = (typeof LADDER_STATES)[number];
export const LadderRungSchema = z.object({
  tiers: z.array(z.enum(TIER_IDS)),
  state: z.enum(LADDER_STATES),
});
export type LadderRung = z.infer<typeof LadderRungSchema>;

export const OrgTiersSchema = z.object({
  orgId: z.number().int(),
  year: z.number().int(),
  availableYears: z.array(z.number().int()),
  tiers: z.array(TierViewSchema),
  /** LADDER_RUNGS with their state; at most one rung is 'next'. */
  ladder: z.array(LadderRungSchema),
});
export type OrgTiers = z.infer<typeof OrgTiersSchema>;
export const OrgTiersQuerySchema = z.strictObject({ year: FiscalYearSchema.optional() });

// ---------- statistics ----------

export const TierStatsQuerySchema = z.strictObject({ year: FiscalYearSchema });
export const TierCountSchema = z.object({
  tier: z.enum(TIER_IDS),
  eligible: z.number().int(),
  withinReach: z.number().int(),
  certified: z.number().int(),
});
export const TierStatsSchema = z.object({
  year: z.number().int(),
  cities: z.array(
    z.object({
      regionCode: z.enum(CITY_CODES),
      /** Enterprises with indicators for the year (evaluated). */
      evaluated: z.number().int(),
      tiers: z.array(TierCountSchema),
    }),
  ),
});
export type TierStats = z.infer<typeof TierStatsSchema>;

/** The ladder as the profile page draws it, lowest rung first; a rung may hold two tiers. */
export const LADDER_RUNGS: TierId[][] = [
  ['techSme'],
  ['highTech'],
  ['innovativeSme', 'specialisedSme'],
  ['littleGiant'],
  ['gazelle'],
  ['potentialUnicorn', 'unicorn'],
];

type LadderInput = Pick<TierView, 'tier' | 'eligible' | 'certified' | 'notApplicable'>;

/**
 * The ladder's rungs for one enterprise-year. The next target is the lowest rung neither reached
 * nor outgrown: a tier the firm has outgrown is never a target (issue 10 item 2).
 */
export function ladderOf(tiers: LadderInput[]): LadderRung[] {
  const byId = new Map(tiers.map((x) => [x.tier, x]));
  let nextTaken = false;
  return LADDER_RUNGS.map((ids) => {
    const views = ids.map((id) => byId.get(id)).filter((x): x is LadderInput => !!x);
    let state: LadderState;
    if (views.some((x) => x.eligible || x.certified)) state = 'reached';
    else if (views.length > 0 && views.every((x) => x.notApplicable !== null)) state = 'outgrown';
    else if (!nextTaken) state = 'next';
    else state = 'later';
    if (state === 'next') nextTaken = true;
    return { tiers: ids, state };
  });
}
