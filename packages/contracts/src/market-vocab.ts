import { z } from 'zod';

/** Fields of achievements and demands (FIELD_CODES, their names): tech-fields.ts. */

export const TRANSFER_MODES = [
  { code: 'transfer', zh: '转让', en: 'Assignment' },
  { code: 'license', zh: '许可', en: 'Licence' },
  { code: 'equity', zh: '作价入股', en: 'Equity contribution' },
  { code: 'joint', zh: '合作开发', en: 'Joint development' },
] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number]['code'];
export const TRANSFER_MODE_CODES = TRANSFER_MODES.map((m) => m.code) as [
  TransferMode,
  ...TransferMode[],
];

/** 成果所处阶段 (科技成果登记): laboratory / pilot / mature. Stored beside the TRL. */
export const STAGES = [
  { code: 'early', zh: '初期', en: 'Early (laboratory)' },
  { code: 'middle', zh: '中期', en: 'Middle (pilot)' },
  { code: 'mature', zh: '成熟', en: 'Mature' },
] as const;
export type Stage = (typeof STAGES)[number]['code'];
export const STAGE_CODES = STAGES.map((s) => s.code) as [Stage, ...Stage[]];

/** The stage a TRL usually corresponds to (the form's default; the owner may choose another). */
export function stageOfTrl(trl: number): Stage {
  return trl <= 3 ? 'early' : trl <= 6 ? 'middle' : 'mature';
}

export const MARKET_IP_KINDS = [
  { code: 'inventionPatent', zh: '发明专利', en: 'Invention patent' },
  { code: 'utilityModel', zh: '实用新型', en: 'Utility model' },
  { code: 'design', zh: '外观设计', en: 'Design patent' },
  { code: 'softwareCopyright', zh: '软件著作权', en: 'Software copyright' },
  { code: 'icLayoutDesign', zh: '集成电路布图设计', en: 'IC layout design' },
  { code: 'plantVariety', zh: '植物新品种', en: 'Plant variety' },
  { code: 'knowHow', zh: '技术秘密', en: 'Know-how' },
] as const;
export type MarketIpKind = (typeof MARKET_IP_KINDS)[number]['code'];
export const MARKET_IP_KIND_CODES = MARKET_IP_KINDS.map((k) => k.code) as [
  MarketIpKind,
  ...MarketIpKind[],
];

/**
 * Achievement workflow. curated = an official of its city reviewed it; listed statuses
 * (published, in_negotiation, transacted) are what signed-in users see and search.
 */
export const ACHIEVEMENT_STATUSES = [
  'draft',
  'submitted',
  'curated',
  'published',
  'in_negotiation',
  'transacted',
  'withdrawn',
] as const;
export type AchievementStatus = (typeof ACHIEVEMENT_STATUSES)[number];
export const LISTED_STATUSES: readonly AchievementStatus[] = [
  'published',
  'in_negotiation',
  'transacted',
];

/** Allowed transitions; anything else is 409 market.illegal_transition. */
export const ACHIEVEMENT_TRANSITIONS: Record<AchievementStatus, readonly AchievementStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['curated', 'draft', 'withdrawn'],
  curated: ['published', 'withdrawn'],
  published: ['in_negotiation', 'withdrawn'],
  in_negotiation: ['published', 'transacted', 'withdrawn'],
  transacted: [],
  withdrawn: [],
};

export function canTransition(from: AchievementStatus, to: AchievementStatus): boolean {
  return ACHIEVEMENT_TRANSITIONS[from].includes(to);
}

export const DEMAND_STATUSES = ['draft', 'published', 'closed', 'withdrawn'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];
export const DEMAND_TRANSITIONS: Record<DemandStatus, readonly DemandStatus[]> = {
  draft: ['published', 'withdrawn'],
  published: ['closed', 'withdrawn'],
  closed: [],
  withdrawn: [],
};

/** Price bands of the search facet, in 万元; `negotiable` is a price of null (面议). */
export const PRICE_BANDS = [
  { code: 'lt10', min: 0, max: 10, zh: '10 万元以下', en: 'Under 100k yuan' },
  { code: '10to50', min: 10, max: 50, zh: '10–50 万元', en: '100k–500k yuan' },
  { code: '50to100', min: 50, max: 100, zh: '50–100 万元', en: '500k–1M yuan' },
  { code: '100to500', min: 100, max: 500, zh: '100–500 万元', en: '1M–5M yuan' },
  { code: '500to1000', min: 500, max: 1000, zh: '500–1000 万元', en: '5M–10M yuan' },
  {
    code: 'gte1000',
    min: 1000,
    max: Number.POSITIVE_INFINITY,
    zh: '1000 万元及以上',
    en: '10M yuan and more',
  },
  { code: 'negotiable', min: null, max: null, zh: '面议', en: 'Negotiable' },
] as const;
export type PriceBand = (typeof PRICE_BANDS)[number]['code'];
export const PRICE_BAND_CODES = PRICE_BANDS.map((b) => b.code) as [PriceBand, ...PriceBand[]];

/** The band of a price in 万元 (lower bound inclusive); null means negotiable. */
export function priceBand(price: number | null): PriceBand {
  if (price === null) return 'negotiable';
  for (const band of PRICE_BANDS) {
    if (band.min !== null && price >= band.min && price < band.max) return band.code;
  }
  return 'gte1000';
}

export const MAX_PRICE_WAN = 1_000_000;
/** An amount in 万元: not negative, at most two decimals, bounded. */
export const AmountSchema = z
  .number({ message: 'amount.invalid' })
  .min(0, { message: 'amount.negative' })
  .max(MAX_PRICE_WAN, { message: 'amount.too_big' })
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { message: 'amount.decimals' });

export const TrlSchema = z
  .number({ message: 'trl.invalid' })
  .int({ message: 'trl.invalid' })
  .min(1, { message: 'trl.range' })
  .max(9, { message: 'trl.range' });

/** An organisation as market records name it. */
export const MarketOrgRefSchema = z.object({ id: z.number().int(), name: z.string() });
