/** zod schema of the indicator input; plausibility problems carry the validate.ts codes. */
import { z } from 'zod';
import { DateSchema } from '../common';
import { INDUSTRY_CODES } from '../orgs';
import { SIZE_CLASS_IDS } from './size-types';
import {
  AWARD_KINDS,
  AWARD_LEVELS,
  type EnterpriseYear,
  HIGH_TECH_FIELDS,
  INSTITUTION_LEVELS,
  IP_KINDS,
  LISTING_STATUSES,
  PROFILE_FLAGS,
  RECOGNISED_STATUSES,
  STANDARD_LEVELS,
  STANDARD_ROLES,
  VIOLATION_KINDS,
} from './types';
import { validateEnterpriseYear } from './validate';

const year = z.number().int().min(1900).max(9999);
const amount = z.number().finite();
const count = z.number().int();

const YearFiguresShape = {
  year,
  revenue: amount.optional(),
  mainRevenue: amount.optional(),
  totalIncome: amount.optional(),
  highTechIncome: amount.optional(),
  rdSpend: amount.optional(),
  rdSpendDomestic: amount.optional(),
  totalCosts: amount.optional(),
  totalAssets: amount.optional(),
  liabilities: amount.optional(),
  netAssets: amount.optional(),
  staff: count.optional(),
  scienceStaff: count.optional(),
  rdStaff: count.optional(),
  conversions: amount.optional(),
};

export const YearFiguresSchema = z.strictObject(YearFiguresShape);

const EnterpriseYearObject = z.strictObject({
  ...YearFiguresShape,
  revenue: amount,
  rdSpend: amount,
  staff: count,
  scienceStaff: count,
  totalAssets: amount,
  regionCode: z
    .string()
    .regex(/^\d{6}$/, { message: 'region.invalid' })
    .optional(),
  industry: z.enum(INDUSTRY_CODES).optional(),
  sizeClass: z.enum(SIZE_CLASS_IDS).optional(),
  foundedOn: DateSchema,
  previous: z.array(YearFiguresSchema).max(20).optional(),
  ip: z.partialRecord(z.enum(IP_KINDS), count).optional(),
  ipClassIOwnDeveloped: count.optional(),
  ipClassIHighValue: count.optional(),
  ipClassIInUse: count.optional(),
  ipObtainedBy: z.enum(['own', 'acquired']).optional(),
  valuation: amount.optional(),
  listing: z.enum(LISTING_STATUSES).optional(),
  equity: z
    .array(z.strictObject({ year, amount, qualifiedInvestor: z.boolean().optional() }))
    .max(100)
    .optional(),
  awards: z
    .array(
      z.strictObject({
        kind: z.enum(AWARD_KINDS),
        level: z.enum(AWARD_LEVELS),
        year,
        rank: z.number().int().min(1).optional(),
      }),
    )
    .max(100)
    .optional(),
  rdInstitutions: z
    .array(
      z.strictObject({ level: z.enum(INSTITUTION_LEVELS), name: z.string().max(200).optional() }),
    )
    .max(100)
    .optional(),
  standards: z
    .array(
      z.strictObject({
        level: z.enum(STANDARD_LEVELS),
        year,
        role: z.enum(STANDARD_ROLES),
      }),
    )
    .max(200)
    .optional(),
  violations: z
    .array(z.strictObject({ kind: z.enum(VIOLATION_KINDS), year }))
    .max(100)
    .optional(),
  highTechCertYear: year.optional(),
  statuses: z.array(z.enum(RECOGNISED_STATUSES)).optional(),
  highTechField: z.enum(HIGH_TECH_FIELDS).optional(),
  profile: z.partialRecord(z.enum(PROFILE_FLAGS), z.boolean()).optional(),
  yearsInNiche: amount.optional(),
  yearsInField: amount.optional(),
  globalMarketRank: z.number().int().min(1).optional(),
  assessments: z.record(z.string().max(80), amount).optional(),
}) satisfies z.ZodType<EnterpriseYear>;

/** Schema whose plausibility checks treat years after `now` as the future. */
export function enterpriseYearSchema(now?: Date) {
  return EnterpriseYearObject.superRefine((value, ctx) => {
    for (const p of validateEnterpriseYear(value, now ?? new Date())) {
      const path = p.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      ctx.addIssue({ code: 'custom', message: p.code, path });
    }
  });
}

/** The indicator input as accepted at the door (now = the time of parsing). */
export const EnterpriseYearSchema = enterpriseYearSchema();
