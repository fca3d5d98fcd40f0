/** Request and response schemas of the rankings API (methods, editions, corrections, verify). */
import { z } from 'zod';
import {
  DateSchema,
  PageQuerySchema,
  pageOf,
  plainText,
  queryText,
  RowVersionSchema,
} from '../common';

/** Body of a method step: the draft's revision read. */
export const RevisionOnlySchema = z.strictObject({ revision: RowVersionSchema });

import { INDUSTRY_CODES } from '../orgs';
import { CITY_CODES } from '../regions';
import { DIRECTIONS, NORMALISATIONS, PROVENANCES, RANKING_METRICS } from './method';

export const METHOD_STATUSES = ['draft', 'published'] as const;
/** draft (inputs frozen) → correction (window open) → closed (decisions only) → published. */
export const EDITION_STATUSES = ['draft', 'correction', 'closed', 'published'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];
export const CORRECTION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

const id = z.number().int();

export const RankingIndicatorSchema = z.object({
  key: z.enum(RANKING_METRICS),
  label: z.string(),
  direction: z.enum(DIRECTIONS),
  weight: z.number(),
});

export const RankingMethodSchema = z.object({
  id,
  code: z.string(),
  version: id,
  name: z.string(),
  description: z.string().nullable(),
  normalisation: z.enum(NORMALISATIONS),
  indicators: z.array(RankingIndicatorSchema),
  status: z.enum(METHOD_STATUSES),
  /** Edits of this draft (`version` numbers the method's published versions). */
  revision: id,
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export type RankingMethod = z.infer<typeof RankingMethodSchema>;
export const RankingMethodPageSchema = pageOf(RankingMethodSchema);

export const RankingMethodQuerySchema = PageQuerySchema.extend({
  status: z.enum(METHOD_STATUSES).optional(),
});

export const EditionInputSchema = z.strictObject({
  methodId: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
  title: plainText(100).min(2),
  /** The fiscal year of the enterprises' indicators. */
  year: z.number().int().min(2000).max(2100),
  city: z.enum(CITY_CODES).nullable().default(null),
  industry: z.enum(INDUSTRY_CODES).nullable().default(null),
});
export type EditionInput = z.infer<typeof EditionInputSchema>;

export const EditionUpdateSchema = z.strictObject({
  title: plainText(100).min(2),
  version: RowVersionSchema,
});
export const OpenWindowSchema = z.strictObject({ closesOn: DateSchema, version: RowVersionSchema });
export const EmptyBodySchema = z.strictObject({});

export const SignatureInfoSchema = z.object({
  algorithm: z.string(),
  userId: z.string(),
  publicKey: z.string(),
  signature: z.string(),
  canonicalSm3: z.string(),
});

export const EditionSchema = z.object({
  id,
  title: z.string(),
  year: id,
  city: z.enum(CITY_CODES).nullable(),
  industry: z.enum(INDUSTRY_CODES).nullable(),
  status: z.enum(EDITION_STATUSES),
  /** Moves with every change the publisher makes (title, stages). */
  version: id,
  method: z.object({ id, code: z.string(), version: id, name: z.string() }),
  publisherName: z.string(),
  entryCount: id,
  createdAt: z.string(),
  windowOpenedAt: z.string().nullable(),
  windowClosesOn: z.string().nullable(),
  windowClosedAt: z.string().nullable(),
  /** Shortest correction window, in days (the server's setting): no close before it has run. */
  minCorrectionDays: id,
  /** While the window is open: the first moment the publisher may close it. */
  windowClosableAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  frozenInputsSm3: z.string(),
  finalInputsSm3: z.string().nullable(),
  previousEditionId: id.nullable(),
  signature: SignatureInfoSchema.nullable(),
  corrections: z.object({ pending: id, accepted: id, rejected: id }),
  abilities: z.object({
    edit: z.boolean(),
    openWindow: z.boolean(),
    closeWindow: z.boolean(),
    publish: z.boolean(),
    fileCorrection: z.boolean(),
    decideCorrections: z.boolean(),
  }),
});
export type Edition = z.infer<typeof EditionSchema>;
export const EditionPageSchema = pageOf(EditionSchema);

export const EditionQuerySchema = PageQuerySchema.extend({
  status: z.enum(EDITION_STATUSES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  methodId: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
});
export type EditionQuery = z.infer<typeof EditionQuerySchema>;

export const EntryFilterSchema = z.strictObject({
  city: z.enum(CITY_CODES).optional(),
  industry: z.enum(INDUSTRY_CODES).optional(),
  /** Name fragment or credit-code prefix. */
  q: queryText(50).optional(),
});
export const EntryQuerySchema = PageQuerySchema.extend(EntryFilterSchema.shape);
export type EntryQuery = z.infer<typeof EntryQuerySchema>;

const ScoredIndicatorSchema = z.object({
  key: z.string(),
  value: z.number().nullable(),
  normalised: z.number(),
  contribution: z.number(),
  provenance: z.enum(PROVENANCES),
});

export const EntrySchema = z.object({
  rank: id,
  orgId: id,
  creditCode: z.string(),
  name: z.string(),
  regionCode: z.string(),
  industry: z.string().nullable(),
  total: z.number(),
  previousRank: id.nullable(),
  movement: id.nullable(),
  indicators: z.array(ScoredIndicatorSchema),
});
export type Entry = z.infer<typeof EntrySchema>;
export const EntryPageSchema = pageOf(EntrySchema);

export const InputRowSchema = z.object({
  orgId: id,
  creditCode: z.string(),
  name: z.string(),
  regionCode: z.string(),
  industry: z.string().nullable(),
  values: z.array(
    z.object({ key: z.string(), value: z.number().nullable(), provenance: z.enum(PROVENANCES) }),
  ),
});
export type InputRow = z.infer<typeof InputRowSchema>;
export const InputPageSchema = pageOf(InputRowSchema);

/** Largest magnitude a claimed value may have (万元, counts and ratios all fit well inside). */
export const MAX_INDICATOR_VALUE = 1e12;

export const CorrectionInputSchema = z.strictObject({
  /** The enterprise's own organisation; defaults to the account's organisation. */
  orgId: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
  field: z.enum(RANKING_METRICS),
  claimedValue: z.number().min(-MAX_INDICATOR_VALUE).max(MAX_INDICATOR_VALUE),
  reason: plainText(500).min(2),
  evidence: plainText(2000).default(''),
});
export type CorrectionInput = z.infer<typeof CorrectionInputSchema>;

export const CorrectionDecisionSchema = z.strictObject({
  decision: z.enum(['accept', 'reject']),
  reason: plainText(500).min(2),
  version: RowVersionSchema,
});
export type CorrectionDecision = z.infer<typeof CorrectionDecisionSchema>;

export const CorrectionSchema = z.object({
  id,
  editionId: id,
  version: id,
  orgId: id,
  orgName: z.string(),
  creditCode: z.string(),
  field: z.string(),
  previousValue: z.number().nullable(),
  claimedValue: z.number(),
  reason: z.string(),
  evidence: z.string(),
  status: z.enum(CORRECTION_STATUSES),
  decisionReason: z.string().nullable(),
  filedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type Correction = z.infer<typeof CorrectionSchema>;
export const CorrectionPageSchema = pageOf(CorrectionSchema);
export const CorrectionQuerySchema = PageQuerySchema.extend({
  status: z.enum(CORRECTION_STATUSES).optional(),
});

export const VERIFY_FAILURES = [
  'not_canonical',
  'malformed_public_key',
  'malformed_signature',
  'signature_mismatch',
] as const;
export type VerifyFailure = (typeof VERIFY_FAILURES)[number];

export const VerifyRequestSchema = z.strictObject({
  /** The canonical JSON text exactly as downloaded. */
  edition: z.string().min(1).max(900_000),
  signature: z.string().max(400),
  publicKey: z.string().max(400),
});

export const VerifyResultSchema = z.object({
  valid: z.boolean(),
  reason: z.enum(VERIFY_FAILURES).nullable(),
  message: z.string(),
});
export type VerifyResult = z.infer<typeof VerifyResultSchema>;
