import { z } from 'zod';
import { PageQuerySchema, pageOf, queryText } from './common';
import {
  MarketOrgRefSchema,
  PRICE_BAND_CODES,
  STAGE_CODES,
  TRANSFER_MODE_CODES,
} from './market-vocab';
import { CITY_CODES } from './regions';
import { FIELD_CODES } from './tech-fields';

// ---------------------------------------------------------------------------------------------
// Search

export const SEARCH_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const MAX_QUERY_CHARS = 100;

export const SearchQuerySchema = PageQuerySchema.extend({
  /** Chinese text, pinyin (jiguangqi) or initials (jgq); omitted = browse newest. */
  q: queryText(MAX_QUERY_CHARS).optional(),
  city: z.enum(CITY_CODES).optional(),
  field: z.enum(FIELD_CODES).optional(),
  trlMin: z.coerce.number().int().min(1).max(9).optional(),
  trlMax: z.coerce.number().int().min(1).max(9).optional(),
  mode: z.enum(TRANSFER_MODE_CODES).optional(),
  band: z.enum(PRICE_BAND_CODES).optional(),
  /** Only this organisation's listed records. */
  org: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
  sort: z.enum(SEARCH_SORTS).default('relevance'),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** A run of text, `hit` when it matched a query term (rendered bold; never HTML). */
export const FragmentSchema = z.object({ text: z.string(), hit: z.boolean() });
export type Fragment = z.infer<typeof FragmentSchema>;

const FacetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const FacetsSchema = z.object({
  city: FacetSchema,
  field: FacetSchema,
  trl: FacetSchema,
  mode: FacetSchema,
  band: FacetSchema,
});
export type Facets = z.infer<typeof FacetsSchema>;

export const SearchHitSchema = z.object({
  id: z.number().int(),
  org: MarketOrgRefSchema,
  regionCode: z.enum(CITY_CODES),
  title: z.string(),
  field: z.enum(FIELD_CODES),
  trl: z.number().int().nullable(),
  transferModes: z.array(z.enum(TRANSFER_MODE_CODES)),
  priceWan: z.number().nullable(),
  status: z.string(),
  publishedAt: z.string().nullable(),
  deadline: z.string().nullable(),
  highlight: z.object({ title: z.array(FragmentSchema), snippet: z.array(FragmentSchema) }),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResultSchema = z.object({
  items: z.array(SearchHitSchema),
  /** Matches counted, at most the search window. */
  total: z.number().int(),
  /** More matches exist than the window holds: results and facets cover the newest `total`. */
  capped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The terms searched, after segmentation (shown so the user sees what was understood). */
  terms: z.array(z.string()),
  facets: FacetsSchema,
  tookMs: z.number(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

// ---------------------------------------------------------------------------------------------
// Showcase (public, no personal data)

export const ShowcaseItemSchema = z.object({
  id: z.number().int(),
  orgName: z.string(),
  regionCode: z.enum(CITY_CODES),
  title: z.string(),
  abstract: z.string(),
  keywords: z.array(z.string()),
  field: z.enum(FIELD_CODES),
  trl: z.number().int(),
  stage: z.enum(STAGE_CODES),
  transferModes: z.array(z.enum(TRANSFER_MODE_CODES)),
  priceWan: z.number().nullable(),
  publishedAt: z.string().nullable(),
});
export type ShowcaseItem = z.infer<typeof ShowcaseItemSchema>;
export const ShowcasePageSchema = pageOf(ShowcaseItemSchema);
export const OpenCallSchema = z.object({
  id: z.number().int(),
  orgName: z.string(),
  regionCode: z.enum(CITY_CODES),
  title: z.string(),
  description: z.string(),
  field: z.enum(FIELD_CODES),
  budgetWan: z.number().nullable(),
  deadline: z.string(),
  publishedAt: z.string().nullable(),
});
export type OpenCall = z.infer<typeof OpenCallSchema>;
export const OpenCallPageSchema = pageOf(OpenCallSchema);
export const ShowcaseQuerySchema = PageQuerySchema.extend({
  field: z.enum(FIELD_CODES).optional(),
  city: z.enum(CITY_CODES).optional(),
});

// ---------------------------------------------------------------------------------------------
// Excel

export const ACHIEVEMENT_SHEET_COLUMNS = [
  { key: 'orgCreditCode', header: '所属机构统一社会信用代码', width: 24 },
  { key: 'title', header: '成果名称', width: 36 },
  { key: 'abstract', header: '成果简介', width: 60 },
  { key: 'keywords', header: '关键词（、分隔）', width: 24 },
  { key: 'field', header: '技术领域', width: 16 },
  { key: 'industry', header: '所属产业', width: 18 },
  { key: 'trl', header: '技术成熟度（TRL 1–9）', width: 12 },
  { key: 'stage', header: '成果阶段', width: 10 },
  { key: 'ipItems', header: '知识产权（类型:号码；分隔）', width: 36 },
  { key: 'inventors', header: '完成人（、分隔）', width: 20 },
  { key: 'transferModes', header: '转化方式（、分隔）', width: 20 },
  { key: 'priceWan', header: '意向价格（万元，空为面议）', width: 14 },
] as const;

export const DEMAND_SHEET_COLUMNS = [
  { key: 'orgCreditCode', header: '所属机构统一社会信用代码', width: 24 },
  { key: 'title', header: '需求名称', width: 36 },
  { key: 'description', header: '需求描述', width: 60 },
  { key: 'field', header: '技术领域', width: 16 },
  { key: 'industry', header: '所属产业', width: 18 },
  { key: 'budgetWan', header: '预算（万元，空为面议）', width: 14 },
  { key: 'deadline', header: '截止日期', width: 14 },
] as const;
