import { z } from 'zod';
import { DateSchema, plainText, RowVersionSchema } from './common';
import { DEAL_TYPES, DealSchema } from './deals';
import { AmountSchema } from './market-vocab';
import { DECLINE_REASONS } from './matching';
import { CreditCodeSchema } from './orgs';
import { FIELD_CODES } from './tech-fields';

/**
 * A negotiation (洽谈) between an achievement's owner (the seller) and a would-be buyer, with a
 * broker when one brought them together. Messages and priced offers go back and forth; when one
 * party accepts the other's latest offer the terms are agreed, and the agreed terms become a
 * technology contract draft (deals module) — or either party abandons it with a reason.
 */
export const NEGOTIATION_STATUSES = ['open', 'agreed', 'contracted', 'abandoned'] as const;
export type NegotiationStatus = (typeof NEGOTIATION_STATUSES)[number];
export const NEGOTIATION_SIDES = ['seller', 'buyer', 'broker'] as const;
export type NegotiationSide = (typeof NEGOTIATION_SIDES)[number];
export const NEGOTIATION_ENTRY_KINDS = [
  'message',
  'offer',
  'accept',
  'abandon',
  'contract',
] as const;
export type NegotiationEntryKind = (typeof NEGOTIATION_ENTRY_KINDS)[number];

const Id = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);
const MessageText = plainText(2000);

export const OfferSchema = z
  .strictObject({
    type: z.enum(DEAL_TYPES),
    totalAmountWan: AmountSchema,
    techAmountWan: AmountSchema,
  })
  .superRefine((v, ctx) => {
    if (v.techAmountWan > v.totalAmountWan)
      ctx.addIssue({ code: 'custom', path: ['techAmountWan'], message: 'deal.tech_exceeds_total' });
  });
export type Offer = z.infer<typeof OfferSchema>;

export const NegotiationOpenSchema = z.strictObject({
  achievementId: Id,
  /** The buyer: a broker names it; a party's own users buy for their own organisation. */
  buyerCreditCode: CreditCodeSchema.optional(),
  text: MessageText.pipe(z.string().min(1)),
});
export type NegotiationOpen = z.infer<typeof NegotiationOpenSchema>;

export const NegotiationMessageInputSchema = z.strictObject({
  text: MessageText.default(''),
  offer: OfferSchema.nullable().default(null),
});
export type NegotiationMessageInput = z.infer<typeof NegotiationMessageInputSchema>;

export const NegotiationAcceptSchema = z.strictObject({ entryId: Id, version: RowVersionSchema });
export const NegotiationAbandonSchema = z.strictObject({
  reason: z.enum(DECLINE_REASONS),
  text: plainText(500).default(''),
  version: RowVersionSchema,
});
export type NegotiationAbandon = z.infer<typeof NegotiationAbandonSchema>;

/** The contract's remaining fields: parties, type and amounts come from the agreed offer. */
export const NegotiationContractSchema = z
  .strictObject({
    version: RowVersionSchema,
    projectName: plainText(120).pipe(z.string().min(2)),
    signedOn: DateSchema,
    validFrom: DateSchema,
    validTo: DateSchema,
    field: z.enum(FIELD_CODES, { message: 'field.invalid' }),
    expectedNewInvestmentWan: AmountSchema.nullable().default(null),
    expectedNewOutputWan: AmountSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.validTo < v.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'deal.end_before_start' });
  });
export type NegotiationContract = z.infer<typeof NegotiationContractSchema>;

export const NegotiationEntrySchema = z.object({
  id: z.number().int(),
  kind: z.enum(NEGOTIATION_ENTRY_KINDS),
  side: z.enum(NEGOTIATION_SIDES),
  authorName: z.string(),
  text: z.string(),
  offer: z
    .object({
      type: z.enum(DEAL_TYPES),
      totalAmountWan: z.number(),
      techAmountWan: z.number(),
    })
    .nullable(),
  reason: z.enum(DECLINE_REASONS).nullable(),
  createdAt: z.string(),
});
export type NegotiationEntry = z.infer<typeof NegotiationEntrySchema>;

const PartySchema = z.object({ orgId: z.number().int(), name: z.string(), city: z.string() });

export const NegotiationSchema = z.object({
  id: z.number().int(),
  /** Moves with every entry and step: a step names the version its writer read. */
  version: z.number().int(),
  status: z.enum(NEGOTIATION_STATUSES),
  achievementId: z.number().int(),
  achievementTitle: z.string(),
  seller: PartySchema,
  buyer: PartySchema,
  brokerName: z.string().nullable(),
  introductionId: z.number().int().nullable(),
  /** The offer both parties agreed (an 'offer' entry), once agreed. */
  agreedEntryId: z.number().int().nullable(),
  dealId: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The caller's side in this negotiation and what they may do now. */
  mySide: z.enum(NEGOTIATION_SIDES).nullable(),
  abilities: z.object({
    write: z.boolean(),
    offer: z.boolean(),
    /** The entry the caller may accept: the other party's latest offer, while open. */
    acceptEntryId: z.number().int().nullable(),
    abandon: z.boolean(),
    contract: z.boolean(),
  }),
});
export type Negotiation = z.infer<typeof NegotiationSchema>;

export const NegotiationDetailSchema = NegotiationSchema.extend({
  entries: z.array(NegotiationEntrySchema),
});
export type NegotiationDetail = z.infer<typeof NegotiationDetailSchema>;
export const NegotiationListSchema = z.object({ items: z.array(NegotiationSchema) });
export const NegotiationQuerySchema = z.strictObject({
  status: z.enum(NEGOTIATION_STATUSES).optional(),
});
export type NegotiationQuery = z.infer<typeof NegotiationQuerySchema>;
export const NegotiationContractResultSchema = z.object({
  negotiation: NegotiationDetailSchema,
  deal: DealSchema,
});
