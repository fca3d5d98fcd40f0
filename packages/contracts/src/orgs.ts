import { z } from 'zod';
import {
  DateSchema,
  PageQuerySchema,
  pageOf,
  patchOf,
  plainText,
  properName,
  queryText,
} from './common';
import { checkCreditCode } from './credit-code';
import { CITY_CODES } from './regions';

export const ORG_TYPES = [
  'enterprise',
  'university',
  'institute',
  'incubator',
  'financial_institution',
  'service_platform',
  'government_department',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];
export const ORG_TYPE_LABELS: Record<OrgType, { zh: string; en: string }> = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  university: { zh: '高校', en: 'University' },
  institute: { zh: '科研院所', en: 'Research institute' },
  incubator: { zh: '孵化器', en: 'Incubator' },
  financial_institution: { zh: '金融机构', en: 'Financial institution' },
  service_platform: { zh: '服务平台', en: 'Service platform' },
  government_department: { zh: '政府部门', en: 'Government department' },
};

/** Industries of the five cities' division of labour (五地产业分工). */
export const INDUSTRIES = [
  { code: 'optoelectronics', zh: '光电子信息', en: 'Optoelectronics & ICT' },
  { code: 'biomedicine', zh: '生物医药', en: 'Biomedicine' },
  { code: 'auto', zh: '新能源与智能网联汽车', en: 'New-energy & connected vehicles' },
  { code: 'equipment', zh: '高端装备制造', en: 'Advanced equipment' },
  { code: 'materials', zh: '新材料', en: 'New materials' },
  { code: 'digital', zh: '数字经济', en: 'Digital economy' },
  { code: 'energy', zh: '节能环保与新能源', en: 'Clean energy & environment' },
  { code: 'agritech', zh: '现代农业与食品', en: 'Agritech & food' },
  { code: 'logistics', zh: '航空物流', en: 'Aviation logistics' },
  { code: 'health', zh: '大健康', en: 'Health' },
] as const;
export type IndustryCode = (typeof INDUSTRIES)[number]['code'];
export const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code) as [IndustryCode, ...IndustryCode[]];

export const CreditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    const problem = checkCreditCode(code);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { message: 'phone.format' });

/** Fields an official or the organisation itself may set. */
export const OrgInputSchema = z.strictObject({
  creditCode: CreditCodeSchema,
  name: properName(80),
  type: z.enum(ORG_TYPES, { message: 'org_type.invalid' }),
  regionCode: z.enum(CITY_CODES, { message: 'region.not_corridor' }),
  industry: z.enum(INDUSTRY_CODES).nullable().default(null),
  address: plainText(200).nullable().default(null),
  foundedOn: DateSchema.nullable().default(null),
  contactName: properName(40).nullable().default(null),
  contactPhone: PhoneSchema.nullable().default(null),
  description: plainText(2000).nullable().default(null),
});
export type OrgInput = z.infer<typeof OrgInputSchema>;

/** An edit sends the version it read; a stale version is refused (no lost updates). */
export const OrgUpdateSchema = patchOf(OrgInputSchema).extend({
  version: z.number().int().min(1),
});
export type OrgUpdate = z.infer<typeof OrgUpdateSchema>;

export const OrgSchema = z.object({
  id: z.number().int(),
  creditCode: z.string(),
  /** The code was issued outside the organisation's city: that city (xxxx00) or region; else null. */
  creditCodeIssuedIn: z.string().nullable(),
  name: z.string(),
  pinyinInitials: z.string(),
  type: z.enum(ORG_TYPES),
  regionCode: z.enum(CITY_CODES),
  industry: z.enum(INDUSTRY_CODES).nullable(),
  address: z.string().nullable(),
  foundedOn: z.string().nullable(),
  /** Personal data: masked unless the reader is the org itself, its city or the province. */
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  description: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ update: z.boolean() }),
});
export type Org = z.infer<typeof OrgSchema>;
export const OrgPageSchema = pageOf(OrgSchema);

export const OrgQuerySchema = PageQuerySchema.extend({
  city: z.enum(CITY_CODES).optional(),
  type: z.enum(ORG_TYPES).optional(),
  industry: z.enum(INDUSTRY_CODES).optional(),
  /** Chinese name fragment, pinyin initials (e.g. "whgd") or a credit code prefix. */
  q: queryText(50).optional(),
});
export type OrgQuery = z.infer<typeof OrgQuerySchema>;

export const ImportReportSchema = z.object({
  created: z.number().int(),
  problems: z.array(
    z.object({ row: z.number().int(), column: z.string(), field: z.string(), reason: z.string() }),
  ),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** Column order of the Excel template and export; headers in Chinese as officials keep them. */
export const ORG_SHEET_COLUMNS = [
  { key: 'creditCode', header: '统一社会信用代码', width: 24 },
  { key: 'name', header: '机构名称', width: 36 },
  { key: 'type', header: '机构类型', width: 14 },
  { key: 'regionCode', header: '所属城市', width: 10 },
  { key: 'industry', header: '所属产业', width: 20 },
  { key: 'address', header: '地址', width: 36 },
  { key: 'foundedOn', header: '成立日期', width: 14 },
  { key: 'contactName', header: '联系人', width: 12 },
  { key: 'contactPhone', header: '联系电话', width: 16 },
  { key: 'description', header: '简介', width: 40 },
] as const;
