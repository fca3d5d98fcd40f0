import { z } from 'zod';
import {
  DateSchema,
  PageQuerySchema,
  pageOf,
  patchOf,
  plainText,
  properName,
  VersionOnlySchema,
} from './common';
import { AttachmentSchema, FileRefInputSchema } from './files';
import {
  ACHIEVEMENT_STATUSES,
  AmountSchema,
  DEMAND_STATUSES,
  MARKET_IP_KIND_CODES,
  MarketOrgRefSchema,
  PRICE_BAND_CODES,
  STAGE_CODES,
  TRANSFER_MODE_CODES,
  TrlSchema,
} from './market-vocab';
import { INDUSTRY_CODES } from './orgs';
import { CITY_CODES } from './regions';
import { FIELD_CODES } from './tech-fields';

/** Technology market: vocabulary (market-vocab), records (here), search and showcase (market-search). */
export * from './market-search';
export * from './market-vocab';

const IpItemSchema = z.strictObject({
  kind: z.enum(MARKET_IP_KIND_CODES),
  /** ZL202310123456.7, 2023SR0123456 …; free text (offices differ), letters/digits/.-/ only. */
  number: z
    .string()
    .trim()
    .max(40)
    .regex(/^[A-Za-z0-9.\-/ ]*$/, { message: 'ip.number_format' })
    .default(''),
  title: plainText(100).default(''),
});
export type IpItem = z.infer<typeof IpItemSchema>;

const KeywordSchema = plainText(20).pipe(z.string().min(1));

/** What an owner organisation fills in. The org and city come from the signed-in user. */
export const AchievementInputSchema = z.strictObject({
  title: plainText(100).pipe(z.string().min(4)),
  abstract: plainText(4000).pipe(z.string().min(20)),
  keywords: z.array(KeywordSchema).max(8).default([]),
  field: z.enum(FIELD_CODES, { message: 'field.invalid' }),
  industry: z.enum(INDUSTRY_CODES).nullable().default(null),
  trl: TrlSchema,
  stage: z.enum(STAGE_CODES).optional(),
  ipItems: z.array(IpItemSchema).max(30).default([]),
  inventors: z.array(properName(40)).max(30).default([]),
  transferModes: z
    .array(z.enum(TRANSFER_MODE_CODES))
    .min(1, { message: 'modes.required' })
    .max(4)
    .refine((m) => new Set(m).size === m.length, { message: 'modes.duplicate' }),
  /** Asking price in 万元; null = negotiable (面议). */
  priceWan: AmountSchema.nullable(),
  /** Uploaded files (POST /files) of the actor's organisation, not attached elsewhere. */
  attachments: z
    .array(FileRefInputSchema)
    .max(10)
    .refine((a) => new Set(a.map((f) => f.fileId)).size === a.length, {
      message: 'file.duplicate',
    })
    .default([]),
});
export type AchievementInput = z.input<typeof AchievementInputSchema>;
export type AchievementValues = z.output<typeof AchievementInputSchema>;

export const AchievementUpdateSchema = patchOf(AchievementInputSchema).extend({
  version: z.number().int().min(1),
});
export type AchievementUpdate = z.infer<typeof AchievementUpdateSchema>;

/** Body of every workflow step: the version read, so two officials cannot act on one state. */
export const VersionBodySchema = VersionOnlySchema;
export const ReviewBodySchema = z.strictObject({
  version: z.number().int().min(1),
  decision: z.enum(['approve', 'return']),
  note: plainText(500).default(''),
});
export type ReviewBody = z.infer<typeof ReviewBodySchema>;
export const ShowcaseBodySchema = z.strictObject({
  version: z.number().int().min(1),
  featured: z.boolean(),
});

export const AchievementSchema = z.object({
  id: z.number().int(),
  org: MarketOrgRefSchema,
  regionCode: z.enum(CITY_CODES),
  title: z.string(),
  abstract: z.string(),
  keywords: z.array(z.string()),
  field: z.enum(FIELD_CODES),
  industry: z.enum(INDUSTRY_CODES).nullable(),
  trl: z.number().int(),
  stage: z.enum(STAGE_CODES),
  ipItems: z.array(
    z.object({ kind: z.enum(MARKET_IP_KIND_CODES), number: z.string(), title: z.string() }),
  ),
  inventors: z.array(z.string()),
  transferModes: z.array(z.enum(TRANSFER_MODE_CODES)),
  priceWan: z.number().nullable(),
  priceBand: z.enum(PRICE_BAND_CODES),
  attachments: z.array(AttachmentSchema),
  status: z.enum(ACHIEVEMENT_STATUSES),
  showcase: z.boolean(),
  reviewNote: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  curatedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  abilities: z.object({
    update: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    publish: z.boolean(),
    withdraw: z.boolean(),
    feature: z.boolean(),
  }),
});
export type Achievement = z.infer<typeof AchievementSchema>;
export const AchievementPageSchema = pageOf(AchievementSchema);

/** Lists that are not search: own org's records, or an official's city (the review queue). */
export const MarketListQuerySchema = PageQuerySchema.extend({
  scope: z.enum(['mine', 'city']).default('mine'),
  status: z.string().trim().max(20).optional(),
  city: z.enum(CITY_CODES).optional(),
});
export type MarketListQuery = z.infer<typeof MarketListQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Demands

export const DemandInputSchema = z.strictObject({
  title: plainText(100).pipe(z.string().min(4)),
  description: plainText(4000).pipe(z.string().min(20)),
  field: z.enum(FIELD_CODES, { message: 'field.invalid' }),
  industry: z.enum(INDUSTRY_CODES).nullable().default(null),
  /** Budget in 万元; null = negotiable. */
  budgetWan: AmountSchema.nullable(),
  deadline: DateSchema,
});
export type DemandInput = z.input<typeof DemandInputSchema>;
export type DemandValues = z.output<typeof DemandInputSchema>;
export const DemandUpdateSchema = patchOf(DemandInputSchema).extend({
  version: z.number().int().min(1),
});
export type DemandUpdate = z.infer<typeof DemandUpdateSchema>;
export const DemandPublishSchema = z.strictObject({
  version: z.number().int().min(1),
  /** An open call (公开征集/揭榜) is also shown to the public without signing in. */
  openCall: z.boolean().default(false),
});

export const DemandSchema = z.object({
  id: z.number().int(),
  org: MarketOrgRefSchema,
  regionCode: z.enum(CITY_CODES),
  title: z.string(),
  description: z.string(),
  field: z.enum(FIELD_CODES),
  industry: z.enum(INDUSTRY_CODES).nullable(),
  budgetWan: z.number().nullable(),
  priceBand: z.enum(PRICE_BAND_CODES),
  deadline: z.string(),
  status: z.enum(DEMAND_STATUSES),
  openCall: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  abilities: z.object({ update: z.boolean(), publish: z.boolean(), close: z.boolean() }),
});
export type Demand = z.infer<typeof DemandSchema>;
export const DemandPageSchema = pageOf(DemandSchema);
