/**
 * The metric registry: how each indicator value is computed from an EnterpriseYear, and how
 * much of one input would move it to a required value (the "lever" behind every gap).
 * Rule-sets refer to metrics by id; thresholds, bands and points stay in the rule-set data.
 */
import { ageAtYearEnd, figure, figuresOf, inWindow, knownValues, pairedSums } from './figures';
import { cagr } from './growth';
import { ipCount } from './ip';
import { bool, cur, growth3y, type MetricDef, pair, plain, ratio, yoy } from './metric-kinds';
import type { MetricParams, MetricRef } from './rule-types';
import type { EnterpriseYear } from './types';

export type { MetricDef, MetricUnit } from './metric-kinds';

const rdRatio = (x: EnterpriseYear, year: number) => {
  const f = figuresOf(x, year);
  const rd = figure(f, 'rdSpend');
  const rev = figure(f, 'revenue');
  return rd === null || rev === null || rev <= 0 ? null : rd / rev;
};

const sumEquity = (x: EnterpriseYear, p: MetricParams) =>
  (x.equity ?? [])
    .filter((e) => inWindow(x, e.year, p.withinYears) && (!p.qualifiedOnly || e.qualifiedInvestor))
    .reduce((s, e) => s + e.amount, 0);

export const METRICS: Record<string, MetricDef> = {
  revenue: plain('营业收入', '万元', cur('revenue')),
  mainRevenue: plain('主营业务收入', '万元', cur('mainRevenue')),
  totalAssets: plain('资产总额', '万元', cur('totalAssets')),
  staff: plain('职工总数', '人', cur('staff')),
  rdSpend: plain('研发费用', '万元', cur('rdSpend')),
  /** Revenue of the base year y − years (default 3). */
  revenueBase: plain('基期营业收入', '万元', (x, p) =>
    figure(figuresOf(x, x.year - (p.years ?? 3)), 'revenue'),
  ),
  scienceStaffShare: ratio('科技人员占职工总数比例', '人', true, pair('scienceStaff', 'staff')),
  rdStaffShare: ratio('研发人员占职工总数比例', '人', true, pair('rdStaff', 'staff')),
  rdToSales: ratio('研发费用占销售收入', '万元', false, pair('rdSpend', 'revenue')),
  /** The same ratio under the MIIT name (营业收入). */
  rdToRevenue: ratio('研发费用占营业收入', '万元', false, pair('rdSpend', 'revenue')),
  rdToCosts: ratio('研发费用占成本费用总额', '万元', true, pair('rdSpend', 'totalCosts')),
  rdToSales3y: ratio('近三年研发费用占同期销售收入', '万元', false, (x, p) =>
    pairedSums(x, 'rdSpend', 'revenue', p.years ?? 3),
  ),
  rdDomesticShare3y: ratio('近三年境内研发费用占研发费用总额', '万元', true, (x, p) =>
    pairedSums(x, 'rdSpendDomestic', 'rdSpend', p.years ?? 3),
  ),
  highTechIncomeShare: ratio(
    '高新技术产品（服务）收入占总收入',
    '万元',
    true,
    pair('highTechIncome', 'totalIncome'),
  ),
  mainRevenueShare: ratio('主营业务收入占营业收入', '万元', true, pair('mainRevenue', 'revenue')),
  /** Lever: liabilities to repay or convert with total assets unchanged. */
  debtRatio: ratio('资产负债率', '万元', false, pair('liabilities', 'totalAssets')),
  /** 小巨人 "R&D ≥ 3 % in each of the last 2 years": the lower of the two years' ratios. */
  rdToSalesMin2y: {
    labelZh: '近两年研发费用占营业收入（较低一年）',
    unit: 'ratio',
    leverUnit: '万元',
    value: (x) => {
      const a = rdRatio(x, x.year - 1);
      const b = rdRatio(x, x.year);
      return a === null || b === null ? null : Math.min(a, b);
    },
    lever: (x, _p, r) => {
      const last = rdRatio(x, x.year - 1);
      if (last === null || last < r) return null; // the past year cannot be changed
      return Math.max(0, r * x.revenue - x.rdSpend);
    },
  },
  revenueGrowth: yoy('营业收入增长率', 'revenue'),
  mainRevenueGrowth: yoy('主营业务收入增长率', 'mainRevenue'),
  revenueGrowth3y: growth3y('销售收入增长率', 'revenue'),
  netAssetsGrowth3y: growth3y('净资产增长率', 'netAssets'),
  mainRevenueGrowth2yAvg: growth3y('近两年主营业务收入平均增长率', 'mainRevenue'),
  /** (Y_y / Y_{y−n})^(1/n) − 1; needs only the base year and the data year. */
  revenueCagr: {
    labelZh: '营业收入复合增长率',
    unit: 'ratio',
    leverUnit: '万元',
    value: (x, p) => {
      const n = p.years ?? 3;
      const base = figure(figuresOf(x, x.year - n), 'revenue');
      return base === null ? null : cagr(base, x.revenue, n);
    },
    lever: (x, p, r) => {
      const n = p.years ?? 3;
      const base = figure(figuresOf(x, x.year - n), 'revenue');
      return base !== null && base > 0 ? Math.abs(base * (1 + r) ** n - x.revenue) : null;
    },
  },
  ipClassI: plain('Ⅰ类知识产权', '项', (x) => ipCount(x, 'I')),
  ipClassII: plain('Ⅱ类知识产权', '项', (x) => ipCount(x, 'II')),
  ipTotal: plain('有效知识产权', '项', (x) => ipCount(x, 'I') + ipCount(x, 'II')),
  ipClassIOwnDeveloped: plain('自主研发Ⅰ类知识产权', '项', (x) => x.ipClassIOwnDeveloped ?? 0),
  ipClassIHighValue: plain('Ⅰ类高价值知识产权', '项', (x) => x.ipClassIHighValue ?? 0),
  ipClassIInUse: plain('实现产业化应用的Ⅰ类知识产权', '项', (x) => x.ipClassIInUse ?? 0),
  /** 2 = own R&D, 1 = only transferred / donated / acquired, 0 = no IP. */
  ipAcquisition: {
    labelZh: '知识产权获得方式',
    unit: 'bool',
    value: (x) => {
      if (ipCount(x, 'I') + ipCount(x, 'II') === 0) return 0;
      return x.ipObtainedBy === 'own' ? 2 : x.ipObtainedBy === 'acquired' ? 1 : null;
    },
  },
  conversionsAvg: {
    labelZh: '年均科技成果转化数',
    unit: '次',
    value: (x, p) => {
      const v = knownValues(x, 'conversions', p.years ?? 3);
      return v.length === 0 ? null : v.reduce((s, n) => s + n, 0) / v.length;
    },
    lever: (x, p, r) => {
      const v = knownValues(x, 'conversions', p.years ?? 3);
      return v.length === 0 ? null : Math.abs(r * v.length - v.reduce((s, n) => s + n, 0));
    },
  },
  standards: plain(
    '起草标准',
    '项',
    (x, p) =>
      (x.standards ?? []).filter(
        (s) =>
          inWindow(x, s.year, p.withinYears) &&
          (!p.standardLevels || p.standardLevels.includes(s.level)) &&
          (!p.leadOnly || s.role === 'lead'),
      ).length,
  ),
  awards: plain(
    '科技奖励',
    '项',
    (x, p) =>
      (x.awards ?? []).filter(
        (a) =>
          inWindow(x, a.year, p.withinYears) &&
          (!p.awardKinds || p.awardKinds.includes(a.kind)) &&
          (!p.awardLevels || p.awardLevels.includes(a.level)) &&
          (p.maxRank === undefined || (a.rank !== undefined && a.rank <= p.maxRank)),
      ).length,
  ),
  rdInstitutions: plain(
    '研发机构',
    '项',
    (x, p) =>
      (x.rdInstitutions ?? []).filter(
        (i) => !p.institutionLevels || p.institutionLevels.includes(i.level),
      ).length,
  ),
  equityRaised: plain('新增股权融资', '万元', sumEquity),
  violations: plain(
    '违法违规及事故记录',
    '项',
    (x, p) =>
      (x.violations ?? []).filter(
        (v) =>
          inWindow(x, v.year, p.withinYears) &&
          (!p.violationKinds || p.violationKinds.includes(v.kind)),
      ).length,
  ),
  highTechCertValid: bool('持有有效高新技术企业证书', (x, p) => {
    const c = x.highTechCertYear;
    return c !== undefined && c <= x.year && x.year < c + (p.validityYears ?? 3);
  }),
  status: bool('已获认定', (x, p) => p.status !== undefined && !!x.statuses?.includes(p.status)),
  flag: bool('企业属性', (x, p) => {
    if (!p.flag) return false;
    return x.profile?.[p.flag] ?? p.flag === 'resident';
  }),
  inHighTechField: bool('属于国家重点支持的高新技术领域', (x) => x.highTechField !== undefined),
  listed: bool('已上市（新三板除外）', (x) => x.listing === 'listed'),
  ageYears: plain('成立年限', '年', (x) => ageAtYearEnd(x.foundedOn, x.year)),
  yearsInNiche: plain('从事细分市场年限', '年', (x) => x.yearsInNiche ?? null),
  yearsInField: plain('从事相关领域年限', '年', (x) => x.yearsInField ?? null),
  globalMarketRank: plain('主导产品全球市场占有率排名', '名', (x) => x.globalMarketRank ?? null),
  valuation: plain('企业估值', '万元', (x) => x.valuation ?? null),
  valuationUsd: plain('企业估值', '万美元', (x, p) =>
    x.valuation === undefined || !p.usdCny ? null : x.valuation / p.usdCny,
  ),
};

const FLAG_LABELS: Record<string, string> = {
  resident: '在中国境内注册的居民企业',
  restrictedCategory: '产品或服务属于禁止、限制或淘汰类',
  largeSoe: '属于大型国有企业',
  realEstate: '属于房地产企业',
  resourceMonopoly: '属于资源垄断型企业',
  newEconomy: '属于新经济企业',
  leadProductStrategicEmerging: '主导产品属于《战略性新兴产业分类》',
  newProduct: '属于新产品',
};
const STATUS_LABELS: Record<string, string> = {
  nationalTechInnovationDemo: '国家级技术创新示范企业',
  ipAdvantage: '知识产权优势企业',
  ipDemonstration: '知识产权示范企业',
  innovativeSme: '创新型中小企业',
  specialisedSme: '专精特新中小企业',
  littleGiant: '专精特新"小巨人"企业',
};

/** The metric's name in Chinese, qualified by its parameters (window, investor, flag). */
export function metricLabel(ref: MetricRef): string {
  const p = ref.params ?? {};
  if (ref.id === 'flag' && p.flag) return FLAG_LABELS[p.flag] ?? p.flag;
  if (ref.id === 'status' && p.status) return STATUS_LABELS[p.status] ?? p.status;
  let label = METRICS[ref.id]?.labelZh ?? ref.id;
  if (p.qualifiedOnly) label = `合格投资者${label}`;
  if (p.withinYears) label = `近${p.withinYears}年${label}`;
  return label;
}

/** A metric's value for one input; unknown metric ids throw (a broken rule-set). */
export function metricValue(ref: MetricRef, x: EnterpriseYear): number | null {
  const def = METRICS[ref.id];
  if (!def) throw new Error(`tier engine: unknown metric '${ref.id}'`);
  return def.value(x, ref.params ?? {});
}
