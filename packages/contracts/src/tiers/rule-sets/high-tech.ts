/**
 * 高新技术企业 — 认定管理办法 国科发火〔2016〕32号 + 工作指引 国科发火〔2016〕195号 (reference §3).
 * The 8 conditions and most scoring bands are [unverified] in the reference.
 */
import type { TierBand, TierRuleSet } from '../rule-types';
import { atLeastRange, cmp, m } from './build';

/** §3 企业成长性 bands: ≥ 35 % → 9–10 … > 0 → 1–2, ≤ 0 → 0 [unverified bands]. */
const GROWTH_BANDS: TierBand[] = [
  { min: 0.35, points: 9, pointsMax: 10 },
  { min: 0.25, points: 7, pointsMax: 8 },
  { min: 0.15, points: 5, pointsMax: 6 },
  { min: 0.05, points: 3, pointsMax: 4 },
  { min: 0, minExclusive: true, points: 1, pointsMax: 2 },
  { points: 0 },
];

const judged = (id: string, labelZh: string, section: string, maxPoints: number) => ({
  id,
  labelZh,
  section,
  maxPoints,
  assessed: true,
  ref: '§3 innovation-capability evaluation',
});

export const HIGH_TECH_2016: TierRuleSet = {
  id: 'highTech@2016',
  tier: 'highTech',
  version: '2016',
  nameZh: '高新技术企业',
  nameEn: 'High-tech enterprise',
  basis: '《高新技术企业认定管理办法》（国科发火〔2016〕32号）及工作指引（国科发火〔2016〕195号）',
  regionCode: null,
  ref: '§3',
  confidence: 'unverified',
  sections: [
    // §3: the standards bonus counts inside 知识产权, whose total stays ≤ 30
    { id: 'ip', labelZh: '知识产权', labelEn: 'Intellectual property', cap: 30 },
    {
      id: 'conversion',
      labelZh: '科技成果转化能力',
      labelEn: 'Technology conversion',
      cap: 30,
    },
    {
      id: 'rdManagement',
      labelZh: '研究开发组织管理水平',
      labelEn: 'R&D organisation and management',
      cap: 20,
    },
    { id: 'growth', labelZh: '企业成长性', labelEn: 'Growth', cap: 20 },
  ],
  indicators: [
    judged('ipAdvancement', '技术的先进程度', 'ip', 8),
    judged('ipCoreSupport', '对主要产品（服务）在技术上发挥核心支持作用', 'ip', 8),
    {
      id: 'ipQuantity',
      labelZh: '知识产权数量',
      section: 'ip',
      maxPoints: 8,
      ref: '§3 数量',
      tables: [
        {
          metric: m('ipClassII'),
          bands: [
            { metric: m('ipClassI'), min: 1, points: 7, pointsMax: 8 },
            { min: 5, points: 5, pointsMax: 6 },
            { min: 3, points: 3, pointsMax: 4 },
            { min: 1, points: 1, pointsMax: 2 },
            { points: 0 },
          ],
        },
      ],
    },
    {
      id: 'ipAcquisition',
      labelZh: '知识产权获得方式',
      section: 'ip',
      maxPoints: 6,
      ref: '§3 获得方式',
      // metric: 2 = own R&D (1–6), 1 = only transferred / donated / acquired (1–3)
      tables: [
        {
          metric: m('ipAcquisition'),
          bands: atLeastRange([
            [2, 1, 6],
            [1, 1, 3],
          ]),
        },
      ],
    },
    {
      id: 'standardsBonus',
      labelZh: '参与制定标准（加分）',
      section: 'ip',
      maxPoints: 2,
      ref: '§3 bonus',
      tables: [{ metric: m('standards'), bands: atLeastRange([[1, 1, 2]]) }],
    },
    {
      id: 'conversion',
      labelZh: '科技成果转化（近三年年均）',
      section: 'conversion',
      maxPoints: 30,
      ref: '§3 科技成果转化能力 [unverified]',
      tables: [
        {
          metric: m('conversionsAvg', { years: 3 }),
          bands: atLeastRange([
            [5, 25, 30],
            [4, 19, 24],
            [3, 13, 18],
            [2, 7, 12],
            [1, 1, 6],
          ]),
        },
      ],
    },
    judged('rdSystem', '研发项目立项、预算、核算制度与研发费用辅助账', 'rdManagement', 6),
    judged('rdPlatform', '内部研发机构与产学研合作', 'rdManagement', 6),
    judged('transferSystem', '成果转化组织与激励、开放式创新平台', 'rdManagement', 4),
    judged('talent', '人才培养、引进与绩效奖励', 'rdManagement', 4),
    {
      id: 'netAssetsGrowth',
      labelZh: '净资产增长率',
      section: 'growth',
      maxPoints: 10,
      ref: '§3 企业成长性; growth-rate formula',
      tables: [{ metric: m('netAssetsGrowth3y'), bands: GROWTH_BANDS }],
    },
    {
      id: 'salesGrowth',
      labelZh: '销售收入增长率',
      section: 'growth',
      maxPoints: 10,
      ref: '§3 企业成长性; growth-rate formula',
      tables: [{ metric: m('revenueGrowth3y'), bands: GROWTH_BANDS }],
    },
  ],
  rules: [
    cmp('registered', '注册成立一年以上', m('ageYears'), '>=', 1, '§3 (1)'),
    cmp('ip', '拥有对主要产品（服务）发挥核心支持作用的知识产权', m('ipTotal'), '>=', 1, '§3 (2)'),
    cmp('field', '技术属于《国家重点支持的高新技术领域》', m('inHighTechField'), '==', 1, '§3 (3)'),
    cmp(
      'scienceStaff',
      '科技人员占职工总数不低于 10%',
      m('scienceStaffShare'),
      '>=',
      0.1,
      '§3 (4)',
    ),
    // §3 (5): the required 3-year R&D ratio depends on last year's sales
    {
      kind: 'case',
      id: 'rdRatio',
      labelZh: '近三个会计年度研发费用占同期销售收入比例达标',
      by: m('revenue'),
      ref: '§3 (5)',
      cases: [
        {
          max: 5000,
          rule: cmp('rdRatio5', '≤ 5000 万元：不低于 5%', m('rdToSales3y'), '>=', 0.05),
        },
        {
          max: 20000,
          rule: cmp('rdRatio4', '5000 万–2 亿元：不低于 4%', m('rdToSales3y'), '>=', 0.04),
        },
        { rule: cmp('rdRatio3', '> 2 亿元：不低于 3%', m('rdToSales3y'), '>=', 0.03) },
      ],
    },
    cmp(
      'rdDomestic',
      '境内研发费用占研发费用总额不低于 60%',
      m('rdDomesticShare3y'),
      '>=',
      0.6,
      '§3 (5)',
    ),
    cmp(
      'highTechIncome',
      '高新技术产品（服务）收入占总收入不低于 60%',
      m('highTechIncomeShare'),
      '>=',
      0.6,
      '§3 (6)',
    ),
    // §3 (7): pass = "70分以上（不含70分）" per the 工作指引, i.e. strictly above 70
    {
      kind: 'score',
      id: 'score',
      labelZh: '创新能力评价得分 70 分以上（不含 70 分）',
      op: '>',
      value: 70,
      ref: '§3 (7)',
    },
    cmp(
      'record',
      '申请认定前一年内无重大安全、质量事故或严重环境违法行为',
      m('violations', {
        withinYears: 1,
        violationKinds: ['majorSafetyAccident', 'majorQualityAccident', 'seriousEnvironmental'],
      }),
      '==',
      0,
      '§3 (8)',
    ),
  ],
  directRoutes: [],
  notes: ['Status is valid for 3 years (metric highTechCertValid, validityYears 3).'],
};
