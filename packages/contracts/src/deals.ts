import { z } from 'zod';
import { DateSchema, PageQuerySchema, pageOf, plainText, RowVersionSchema } from './common';
import { AttachmentSchema } from './files';
import { AmountSchema } from './market-vocab';
import { CreditCodeSchema, type ORG_TYPES } from './orgs';
import { CITY_CODES } from './regions';
import { FIELD_CODES } from './tech-fields';

/** 技术开发 / 转让 / 许可 / 咨询 / 服务 (民法典 第三编第二十章; market-and-challenges.md §4.1). */
export const DEAL_TYPES = ['development', 'transfer', 'licence', 'consulting', 'service'] as const;
export type DealType = (typeof DEAL_TYPES)[number];
/**
 * draft: entered, waiting for both parties' confirmation; signed: both organisations confirmed
 * (only then can the seller's city register it); refused: one party declined, with a reason.
 */
export const DEAL_STATUSES = ['draft', 'signed', 'registered', 'refused'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/**
 * 合同登记编号: the current form has 16 digits but its layout is not published (§4.4), so we
 * extend the older 14-digit layout: registration year (4) + the seller city's GB/T 2260 code (6)
 * + serial within that year and city (6).
 */
export const REGISTRATION_NO_PATTERN = /^\d{4}42\d{4}\d{6}$/;
export function formatRegistrationNo(year: number, regionCode: string, serial: number): string {
  return `${year}${regionCode}${String(serial).padStart(6, '0')}`;
}

/** 买方/卖方 性质 (3-digit codes of the 登记表, §4.3) of the platform's organisation types. */
export const NATURE_CODES: Record<(typeof ORG_TYPES)[number], string> = {
  enterprise: '100',
  university: '022',
  institute: '021',
  incubator: '030',
  financial_institution: '100',
  service_platform: '030',
  government_department: '010',
};
/** Customs country code of China (国别代码): every corridor organisation is domestic. */
export const COUNTRY_CODE_CN = '156';

const WAN = AmountSchema;

export const DealInputSchema = z
  .strictObject({
    type: z.enum(DEAL_TYPES),
    projectName: plainText(120).pipe(z.string().min(2)),
    sellerCreditCode: CreditCodeSchema,
    buyerCreditCode: CreditCodeSchema,
    achievementId: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .nullable()
      .default(null),
    totalAmountWan: WAN,
    techAmountWan: WAN,
    signedOn: DateSchema,
    validFrom: DateSchema,
    validTo: DateSchema,
    field: z.enum(FIELD_CODES, { message: 'field.invalid' }),
    /** 预计新增投入 / 产值 (万元): required for transfer contracts (§4.3). */
    expectedNewInvestmentWan: WAN.nullable().default(null),
    expectedNewOutputWan: WAN.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.sellerCreditCode === v.buyerCreditCode)
      ctx.addIssue({ code: 'custom', path: ['buyerCreditCode'], message: 'deal.same_party' });
    if (v.techAmountWan > v.totalAmountWan)
      ctx.addIssue({ code: 'custom', path: ['techAmountWan'], message: 'deal.tech_exceeds_total' });
    if (v.validTo < v.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'deal.end_before_start' });
    if (v.type === 'transfer') {
      for (const k of ['expectedNewInvestmentWan', 'expectedNewOutputWan'] as const)
        if (v[k] === null) ctx.addIssue({ code: 'custom', path: [k], message: 'required' });
    }
  });
export type DealInput = z.infer<typeof DealInputSchema>;

const PartySchema = z.object({
  orgId: z.number().int(),
  name: z.string(),
  creditCode: z.string(),
  natureCode: z.string(),
  regionCode: z.string(),
  countryCode: z.string(),
});

/** 技术合同登记表, pre-filled from the contract when the seller's city registers it. */
export const RegistrationRecordSchema = z.object({
  registrationNo: z.string(),
  projectName: z.string(),
  type: z.enum(DEAL_TYPES),
  validFrom: z.string(),
  validTo: z.string(),
  signedOn: z.string(),
  seller: PartySchema,
  buyer: PartySchema,
  totalAmountWan: z.number(),
  techAmountWan: z.number(),
  field: z.string(),
  expectedNewInvestmentWan: z.number().nullable(),
  expectedNewOutputWan: z.number().nullable(),
  registeredAt: z.string(),
  registrationRegion: z.string(),
});
export type RegistrationRecord = z.infer<typeof RegistrationRecordSchema>;

/**
 * The same form as soon as the contract exists, pre-filled from it for the registrar to review;
 * number and date stay empty until the seller's city registers it.
 */
export const PrefilledRecordSchema = RegistrationRecordSchema.extend({
  registrationNo: z.string().nullable(),
  registeredAt: z.string().nullable(),
});
export type PrefilledRecord = z.infer<typeof PrefilledRecordSchema>;

export const DEAL_SIDES = ['seller', 'buyer'] as const;
export type DealSide = (typeof DEAL_SIDES)[number];

/** One party's confirmation: when its user confirmed (who did is in the audit trail). */
const ConfirmationSchema = z.object({ at: z.string() }).nullable();

export const DealRefuseSchema = z.strictObject({
  version: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
  /** Why the organisation does not sign: the other side reads it. */
  reason: plainText(500).pipe(z.string().min(4, { message: 'deal.reason_too_short' })),
});
export type DealRefuse = z.infer<typeof DealRefuseSchema>;

export const DealSchema = z.object({
  id: z.number().int(),
  /** Moves with every step (signature, registration): a step names the version read. */
  version: z.number().int(),
  type: z.enum(DEAL_TYPES),
  status: z.enum(DEAL_STATUSES),
  projectName: z.string(),
  seller: PartySchema,
  buyer: PartySchema,
  achievementId: z.number().int().nullable(),
  totalAmountWan: z.number(),
  techAmountWan: z.number(),
  signedOn: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  field: z.string(),
  expectedNewInvestmentWan: z.number().nullable(),
  expectedNewOutputWan: z.number().nullable(),
  registration: RegistrationRecordSchema.nullable(),
  record: PrefilledRecordSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Scans of the signed contract (uploaded files attached to it); in the detail only. */
  scans: z.array(AttachmentSchema).optional(),
  /** Each party's confirmation that it signed (null: not yet, or registered before both were asked). */
  confirmations: z.object({ seller: ConfirmationSchema, buyer: ConfirmationSchema }),
  refusal: z.object({ side: z.enum(DEAL_SIDES), reason: z.string(), at: z.string() }).nullable(),
  /** The caller's side in this contract, when the caller is a user of one of its parties. */
  mySide: z.enum(DEAL_SIDES).nullable(),
  abilities: z.object({
    /** Confirm that the caller's organisation signed. */
    sign: z.boolean(),
    refuse: z.boolean(),
    register: z.boolean(),
    attachScan: z.boolean(),
  }),
});
export type Deal = z.infer<typeof DealSchema>;
export const DealPageSchema = pageOf(DealSchema);

export const DealQuerySchema = PageQuerySchema.extend({
  status: z.enum(DEAL_STATUSES).optional(),
  city: z.enum(CITY_CODES).optional(),
});
export type DealQuery = z.infer<typeof DealQuerySchema>;

const YearSchema = z.coerce.number().int().min(2000).max(2999);
export const DealFlowsQuerySchema = z.strictObject({
  year: YearSchema.optional(),
  field: z.enum(FIELD_CODES, { message: 'field.invalid' }).optional(),
});
export type DealFlowsQuery = z.infer<typeof DealFlowsQuerySchema>;

const Tally = z.object({ count: z.number().int(), amountWan: z.number() });
export const DealFlowsSchema = z.object({
  year: z.number().int(),
  field: z.string().nullable(),
  cities: z.array(z.enum(CITY_CODES)),
  /** matrix[i][j]: registered contracts with the seller in cities[i] and the buyer in cities[j]. */
  matrix: z.array(z.array(Tally)),
});
export type DealFlows = z.infer<typeof DealFlowsSchema>;

export const DealCityParamSchema = z.strictObject({ city: z.enum(CITY_CODES) });
export const DealCitySummarySchema = z.object({
  city: z.enum(CITY_CODES),
  year: z.number().int(),
  asSeller: Tally,
  asBuyer: Tally,
  withinCity: Tally,
});
export type DealCitySummary = z.infer<typeof DealCitySummarySchema>;
export const DealYearQuerySchema = z.strictObject({ year: YearSchema.optional() });
