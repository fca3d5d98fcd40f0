/** 创新型中小企业 — 《优质中小企业梯度培育管理暂行办法》工信部企业〔2022〕63号 annex (reference §4.1). */
import type { TierRuleSet } from '../rule-types';
import { any, atLeast, cmp, m } from './build';

/** §4.1 "Or qualify directly": each route replaces the whole points test. */
const POINTS_TEST = ['score', 'innovationScore', 'growthScore', 'specialisationScore'];

export const INNOVATIVE_SME_2022: TierRuleSet = {
  id: 'innovativeSme@2022',
  tier: 'innovativeSme',
  version: '2022',
  nameZh: '创新型中小企业',
  nameEn: 'Innovative SME',
  basis: '工业和信息化部《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）附件',
  regionCode: null,
  ref: '§4.1',
  confidence: 'secondary',
  // §1: the MIIT ladder's tiers are for 中小企业, sized by the 划型标准 (sme-size.ts)
  smeOnly: { sizeStandard: 'smeSize@2011', ref: '§1 MIIT ladder; 工信部联企业〔2011〕300号' },
  // Section membership of the indicators is our choice; the reference names only the minima.
  sections: [
    { id: 'innovation', labelZh: '创新能力', labelEn: 'Innovation' },
    { id: 'growth', labelZh: '成长性', labelEn: 'Growth' },
    { id: 'specialisation', labelZh: '专业化', labelEn: 'Specialisation' },
  ],
  indicators: [
    {
      id: 'ip',
      labelZh: '与主导产品相关的有效知识产权',
      section: 'innovation',
      maxPoints: 20,
      ref: '§4.1 table',
      tables: [
        {
          metric: m('ipClassI'),
          bands: [
            { metric: m('ipClassIHighValue'), min: 1, points: 20 },
            { metric: m('ipClassIOwnDeveloped'), min: 1, points: 15 },
            { min: 1, points: 10 },
            { metric: m('ipClassII'), min: 1, points: 5 },
            { points: 0 },
          ],
        },
      ],
    },
    {
      id: 'rd',
      labelZh: '研发费用占营业收入比重',
      section: 'innovation',
      maxPoints: 20,
      ref: '§4.1 table',
      tables: [
        {
          metric: m('rdToRevenue'),
          bands: atLeast([
            [0.05, 20],
            [0.03, 15],
            [0.02, 10],
            [0.01, 5],
          ]),
        },
      ],
    },
    {
      id: 'mainRevenueGrowth',
      labelZh: '主营业务收入增长率',
      section: 'growth',
      maxPoints: 20,
      ref: '§4.1 table',
      tables: [
        {
          metric: m('mainRevenueGrowth'),
          bands: atLeast([
            [0.15, 20],
            [0.1, 15],
            [0.05, 10],
            [0, 5],
          ]),
        },
      ],
    },
    {
      id: 'debtRatio',
      labelZh: '资产负债率',
      section: 'growth',
      maxPoints: 10,
      ref: '§4.1 table',
      tables: [
        {
          metric: m('debtRatio'),
          bands: [{ max: 0.55, points: 10 }, { max: 0.75, points: 5 }, { points: 0 }],
        },
      ],
    },
    {
      id: 'strategicEmerging',
      labelZh: '主导产品所属领域',
      section: 'specialisation',
      maxPoints: 10,
      ref: '§4.1 table',
      tables: [
        {
          metric: m('flag', { flag: 'leadProductStrategicEmerging' }),
          bands: [{ min: 1, points: 10 }, { points: 5 }],
        },
      ],
    },
    {
      id: 'mainRevenueShare',
      labelZh: '主营业务收入占营业收入比重',
      section: 'specialisation',
      maxPoints: 20,
      ref: '§4.1 table',
      tables: [
        {
          metric: m('mainRevenueShare'),
          bands: atLeast([
            [0.7, 20],
            [0.6, 15],
            [0.55, 10],
            [0.5, 5],
          ]),
        },
      ],
    },
  ],
  rules: [
    // §4.1 pass rule: ≥ 60 points, with 创新能力 ≥ 20, 成长性 ≥ 15 and 专业化 ≥ 15
    {
      kind: 'score',
      id: 'score',
      labelZh: '评价得分不低于 60 分',
      op: '>=',
      value: 60,
      ref: '§4.1',
    },
    {
      kind: 'score',
      id: 'innovationScore',
      labelZh: '创新能力得分不低于 20 分',
      section: 'innovation',
      op: '>=',
      value: 20,
      ref: '§4.1',
    },
    {
      kind: 'score',
      id: 'growthScore',
      labelZh: '成长性得分不低于 15 分',
      section: 'growth',
      op: '>=',
      value: 15,
      ref: '§4.1',
    },
    {
      kind: 'score',
      id: 'specialisationScore',
      labelZh: '专业化得分不低于 15 分',
      section: 'specialisation',
      op: '>=',
      value: 15,
      ref: '§4.1',
    },
  ],
  directRoutes: [
    {
      id: 'award',
      labelZh: '近三年内获得过国家级、省级科技奖励',
      rule: cmp(
        'award',
        '近三年国家级、省级科技奖励',
        m('awards', {
          withinYears: 3,
          awardKinds: ['stAward'],
          awardLevels: ['national', 'provincial'],
        }),
        '>=',
        1,
      ),
      replaces: POINTS_TEST,
      ref: '§4.1 direct',
    },
    {
      id: 'recognition',
      labelZh: '获得高新技术企业、国家级技术创新示范企业、知识产权优势企业或示范企业等称号',
      rule: any('recognition', '有效称号', [
        cmp('highTech', '有效高企证书', m('highTechCertValid'), '==', 1),
        cmp(
          'demo',
          '国家级技术创新示范企业',
          m('status', { status: 'nationalTechInnovationDemo' }),
          '==',
          1,
        ),
        cmp('ipAdvantage', '知识产权优势企业', m('status', { status: 'ipAdvantage' }), '==', 1),
        cmp('ipDemo', '知识产权示范企业', m('status', { status: 'ipDemonstration' }), '==', 1),
      ]),
      replaces: POINTS_TEST,
      ref: '§4.1 direct',
    },
    {
      id: 'rdInstitution',
      labelZh: '拥有经认定的省部级以上研发机构',
      rule: cmp(
        'rdInstitution',
        '省部级以上研发机构',
        m('rdInstitutions', { institutionLevels: ['national', 'provincial'] }),
        '>=',
        1,
      ),
      replaces: POINTS_TEST,
      ref: '§4.1 direct',
    },
    {
      id: 'equity',
      labelZh: '近三年新增股权融资总额（合格机构投资者）500 万元以上',
      rule: cmp(
        'equity',
        '近三年合格投资者股权融资',
        m('equityRaised', { withinYears: 3, qualifiedOnly: true }),
        '>=',
        500,
      ),
      replaces: POINTS_TEST,
      ref: '§4.1 direct',
    },
  ],
};
