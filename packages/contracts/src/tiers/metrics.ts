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
  revenue: plain({ zh: '营业收入', en: 'Revenue' }, '万元', cur('revenue')),
  mainRevenue: plain(
    { zh: '主营业务收入', en: 'Main-business revenue' },
    '万元',
    cur('mainRevenue'),
  ),
  totalAssets: plain({ zh: '资产总额', en: 'Total assets' }, '万元', cur('totalAssets')),
  staff: plain({ zh: '职工总数', en: 'Staff' }, '人', cur('staff')),
  rdSpend: plain({ zh: '研发费用', en: 'R&D spending' }, '万元', cur('rdSpend')),
  /** Revenue of the base year y − years (default 3). */
  revenueBase: plain({ zh: '基期营业收入', en: 'Base-year revenue' }, '万元', (x, p) =>
    figure(figuresOf(x, x.year - (p.years ?? 3)), 'revenue'),
  ),
  scienceStaffShare: ratio(
    { zh: '科技人员占职工总数比例', en: 'S&T staff share of staff' },
    '人',
    true,
    pair('scienceStaff', 'staff'),
  ),
  rdStaffShare: ratio(
    { zh: '研发人员占职工总数比例', en: 'R&D staff share of staff' },
    '人',
    true,
    pair('rdStaff', 'staff'),
  ),
  rdToSales: ratio(
    { zh: '研发费用占销售收入', en: 'R&D spending to sales' },
    '万元',
    false,
    pair('rdSpend', 'revenue'),
  ),
  /** The same ratio under the MIIT name (营业收入). */
  rdToRevenue: ratio(
    { zh: '研发费用占营业收入', en: 'R&D spending to revenue' },
    '万元',
    false,
    pair('rdSpend', 'revenue'),
  ),
  rdToCosts: ratio(
    { zh: '研发费用占成本费用总额', en: 'R&D spending to total costs' },
    '万元',
    true,
    pair('rdSpend', 'totalCosts'),
  ),
  rdToSales3y: ratio(
    { zh: '近三年研发费用占同期销售收入', en: 'R&D spending to sales, last three years' },
    '万元',
    false,
    (x, p) => pairedSums(x, 'rdSpend', 'revenue', p.years ?? 3),
  ),
  rdDomesticShare3y: ratio(
    {
      zh: '近三年境内研发费用占研发费用总额',
      en: 'Domestic share of R&D spending, last three years',
    },
    '万元',
    true,
    (x, p) => pairedSums(x, 'rdSpendDomestic', 'rdSpend', p.years ?? 3),
  ),
  highTechIncomeShare: ratio(
    { zh: '高新技术产品（服务）收入占总收入', en: 'High-tech product income to total income' },
    '万元',
    true,
    pair('highTechIncome', 'totalIncome'),
  ),
  mainRevenueShare: ratio(
    { zh: '主营业务收入占营业收入', en: 'Main-business share of revenue' },
    '万元',
    true,
    pair('mainRevenue', 'revenue'),
  ),
  /** Lever: liabilities to repay or convert with total assets unchanged. */
  debtRatio: ratio(
    { zh: '资产负债率', en: 'Debt-to-asset ratio' },
    '万元',
    false,
    pair('liabilities', 'totalAssets'),
  ),
  /** 小巨人 "R&D ≥ 3 % in each of the last 2 years": the lower of the two years' ratios. */
  rdToSalesMin2y: {
    label: {
      zh: '近两年研发费用占营业收入（较低一年）',
      en: 'R&D spending to revenue, lower of the last two years',
    },
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
  revenueGrowth: yoy({ zh: '营业收入增长率', en: 'Revenue growth' }, 'revenue'),
  mainRevenueGrowth: yoy(
    { zh: '主营业务收入增长率', en: 'Main-business revenue growth' },
    'mainRevenue',
  ),
  revenueGrowth3y: growth3y({ zh: '销售收入增长率', en: 'Sales growth' }, 'revenue'),
  netAssetsGrowth3y: growth3y({ zh: '净资产增长率', en: 'Net-asset growth' }, 'netAssets'),
  mainRevenueGrowth2yAvg: growth3y(
    {
      zh: '近两年主营业务收入平均增长率',
      en: 'Average main-business revenue growth, last two years',
    },
    'mainRevenue',
  ),
  /** (Y_y / Y_{y−n})^(1/n) − 1; needs only the base year and the data year. */
  revenueCagr: {
    label: { zh: '营业收入复合增长率', en: 'Revenue CAGR' },
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
  ipClassI: plain({ zh: 'Ⅰ类知识产权', en: 'Class-I IP' }, '项', (x) => ipCount(x, 'I')),
  ipClassII: plain({ zh: 'Ⅱ类知识产权', en: 'Class-II IP' }, '项', (x) => ipCount(x, 'II')),
  ipTotal: plain(
    { zh: '有效知识产权', en: 'Valid IP' },
    '项',
    (x) => ipCount(x, 'I') + ipCount(x, 'II'),
  ),
  ipClassIOwnDeveloped: plain(
    { zh: '自主研发Ⅰ类知识产权', en: 'Class-I IP from own R&D' },
    '项',
    (x) => x.ipClassIOwnDeveloped ?? 0,
  ),
  ipClassIHighValue: plain(
    { zh: 'Ⅰ类高价值知识产权', en: 'High-value Class-I IP' },
    '项',
    (x) => x.ipClassIHighValue ?? 0,
  ),
  ipClassIInUse: plain(
    { zh: '实现产业化应用的Ⅰ类知识产权', en: 'Class-I IP in industrial use' },
    '项',
    (x) => x.ipClassIInUse ?? 0,
  ),
  /** 2 = own R&D, 1 = only transferred / donated / acquired, 0 = no IP. */
  ipAcquisition: {
    label: { zh: '知识产权获得方式', en: 'How IP was obtained' },
    unit: 'bool',
    value: (x) => {
      if (ipCount(x, 'I') + ipCount(x, 'II') === 0) return 0;
      return x.ipObtainedBy === 'own' ? 2 : x.ipObtainedBy === 'acquired' ? 1 : null;
    },
  },
  conversionsAvg: {
    label: { zh: '年均科技成果转化数', en: 'Technology conversions per year' },
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
    { zh: '起草标准', en: 'Standards drafted' },
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
    { zh: '科技奖励', en: 'S&T awards' },
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
    { zh: '研发机构', en: 'R&D institutions' },
    '项',
    (x, p) =>
      (x.rdInstitutions ?? []).filter(
        (i) => !p.institutionLevels || p.institutionLevels.includes(i.level),
      ).length,
  ),
  equityRaised: plain({ zh: '新增股权融资', en: 'New equity raised' }, '万元', sumEquity),
  violations: plain(
    { zh: '违法违规及事故记录', en: 'Violations and accidents' },
    '项',
    (x, p) =>
      (x.violations ?? []).filter(
        (v) =>
          inWindow(x, v.year, p.withinYears) &&
          (!p.violationKinds || p.violationKinds.includes(v.kind)),
      ).length,
  ),
  highTechCertValid: bool(
    { zh: '持有有效高新技术企业证书', en: 'Holds a valid high-tech certificate' },
    (x, p) => {
      const c = x.highTechCertYear;
      return c !== undefined && c <= x.year && x.year < c + (p.validityYears ?? 3);
    },
  ),
  status: bool(
    { zh: '已获认定', en: 'Recognised' },
    (x, p) => p.status !== undefined && !!x.statuses?.includes(p.status),
  ),
  flag: bool({ zh: '企业属性', en: 'Enterprise profile' }, (x, p) => {
    if (!p.flag) return false;
    return x.profile?.[p.flag] ?? p.flag === 'resident';
  }),
  inHighTechField: bool(
    { zh: '属于国家重点支持的高新技术领域', en: 'In a state-supported high-tech field' },
    (x) => x.highTechField !== undefined,
  ),
  listed: bool(
    { zh: '已上市（新三板除外）', en: 'Listed (NEEQ excluded)' },
    (x) => x.listing === 'listed',
  ),
  ageYears: plain({ zh: '成立年限', en: 'Years since founding' }, '年', (x) =>
    ageAtYearEnd(x.foundedOn, x.year),
  ),
  yearsInNiche: plain(
    { zh: '从事细分市场年限', en: 'Years in the niche' },
    '年',
    (x) => x.yearsInNiche ?? null,
  ),
  yearsInField: plain(
    { zh: '从事相关领域年限', en: 'Years in the field' },
    '年',
    (x) => x.yearsInField ?? null,
  ),
  globalMarketRank: plain(
    { zh: '主导产品全球市场占有率排名', en: 'Global market rank of the lead product' },
    '名',
    (x) => x.globalMarketRank ?? null,
  ),
  valuation: plain({ zh: '企业估值', en: 'Valuation' }, '万元', (x) => x.valuation ?? null),
  valuationUsd: plain({ zh: '企业估值', en: 'Valuation' }, '万美元', (x, p) =>
    x.valuation === undefined || !p.usdCny ? null : x.valuation / p.usdCny,
  ),
};

/** A metric's value for one input; unknown metric ids throw (a broken rule-set). */
export function metricValue(ref: MetricRef, x: EnterpriseYear): number | null {
  const def = METRICS[ref.id];
  if (!def) throw new Error(`tier engine: unknown metric '${ref.id}'`);
  return def.value(x, ref.params ?? {});
}
