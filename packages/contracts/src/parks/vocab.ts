/**
 * Vocabulary of co-built parks (共建园区, seed 四.二; reference parks-and-supervision.md §1–3):
 * what is shared (revenue types and statistical indicators), how, on which base, and who runs
 * the park in a phase. Codes only; their Chinese and English names are in LABELS below.
 */
export const REVENUE_TYPES = ['vat_local', 'cit_local', 'land_revenue', 'other_revenue'] as const;
export const STAT_INDICATORS = [
  'gdp',
  'fixed_investment',
  'industrial_output',
  'retail_sales',
  'service_revenue',
  'outside_funds',
  'fdi',
] as const;
/** Everything a rule can share: money the cities pay each other, and figures they report. */
export const SHARED_ITEMS = [...REVENUE_TYPES, ...STAT_INDICATORS] as const;
export type RevenueType = (typeof REVENUE_TYPES)[number];
export type SharedItem = (typeof SHARED_ITEMS)[number];

export function isRevenueType(item: string): item is RevenueType {
  return (REVENUE_TYPES as readonly string[]).includes(item);
}

/** split(ratios) | by_equity | double_count (全额双核算) | to_party(x) | shapley (消薄飞地). */
export const SPLIT_METHODS = ['split', 'by_equity', 'double_count', 'to_party', 'shapley'] as const;
export type SplitMethod = (typeof SPLIT_METHODS)[number];
/** gross, or 扣减企业享受产业优惠政策后的留成部分 (昆明 2024). */
export const SPLIT_BASES = ['gross', 'after_incentives'] as const;
export type SplitBase = (typeof SPLIT_BASES)[number];
/** Who runs the park in a phase; a dated change of model is a new phase (深汕 2018). */
export const GOVERNANCE_MODELS = [
  'joint',
  'outflow_led',
  'inflow_led',
  'entrusted_operator',
] as const;
export type GovernanceModel = (typeof GOVERNANCE_MODELS)[number];
/** 飞出地 (brings projects and capital) and 飞入地 (where the park is and statistics are made). */
export const PARTY_ROLES = ['outflow', 'inflow'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

type Label = { zh: string; en: string };
export const SHARED_ITEM_LABELS: Record<SharedItem, Label> = {
  vat_local: { zh: '增值税地方留成', en: 'VAT, local share' },
  cit_local: { zh: '企业所得税地方留成', en: 'Corporate income tax, local share' },
  land_revenue: { zh: '土地出让收入', en: 'Land transfer revenue' },
  other_revenue: { zh: '其他收入', en: 'Other revenue' },
  gdp: { zh: '地区生产总值（增加值）', en: 'GDP (value added)' },
  fixed_investment: { zh: '固定资产投资', en: 'Fixed-asset investment' },
  industrial_output: { zh: '规上工业产值', en: 'Output of large industry' },
  retail_sales: { zh: '限上销售额', en: 'Sales of large trade' },
  service_revenue: { zh: '规上服务业营收', en: 'Revenue of large services' },
  outside_funds: { zh: '省外到位资金', en: 'Funds from outside the province' },
  fdi: { zh: '实际利用外资', en: 'Foreign direct investment used' },
};
export const SPLIT_METHOD_LABELS: Record<SplitMethod, Label> = {
  split: { zh: '按比例分成', en: 'Split by ratios' },
  by_equity: { zh: '按股比分成', en: 'Split by equity' },
  double_count: { zh: '全额双核算', en: 'Counted in full by both' },
  to_party: { zh: '全部归一方', en: 'All to one party' },
  shapley: { zh: '按边际贡献（Shapley）', en: 'By marginal contribution (Shapley)' },
};
export const SPLIT_BASE_LABELS: Record<SplitBase, Label> = {
  gross: { zh: '全额', en: 'Gross' },
  after_incentives: { zh: '扣除优惠政策兑现后', en: 'After incentives' },
};
export const GOVERNANCE_LABELS: Record<GovernanceModel, Label> = {
  joint: { zh: '双方共管', en: 'Joint management' },
  outflow_led: { zh: '飞出地主导', en: 'Led by the outflow city' },
  inflow_led: { zh: '飞入地主导', en: 'Led by the host city' },
  entrusted_operator: { zh: '委托第三方运营', en: 'Entrusted operator' },
};
export const PARTY_ROLE_LABELS: Record<PartyRole, Label> = {
  outflow: { zh: '飞出地', en: 'Outflow city' },
  inflow: { zh: '飞入地', en: 'Host city' },
};
