/** 专精特新中小企业 — 工信部企业〔2022〕63号 (reference §4.2). */
import type { TierRuleSet } from '../rule-types';
import { all, any, cmp, m } from './build';

export const SPECIALISED_SME_2022: TierRuleSet = {
  id: 'specialisedSme@2022',
  tier: 'specialisedSme',
  version: '2022',
  nameZh: '专精特新中小企业',
  nameEn: 'Specialised and sophisticated SME',
  basis: '工业和信息化部《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）',
  regionCode: null,
  ref: '§4.2',
  confidence: 'secondary',
  // §1: the MIIT ladder's tiers are for 中小企业, sized by the 划型标准 (sme-size.ts)
  smeOnly: { sizeStandard: 'smeSize@2011', ref: '§1 MIIT ladder; 工信部联企业〔2011〕300号' },
  sections: [],
  indicators: [
    // §4.2: the 13-indicator table is not in the reference; the evaluated total is entered
    {
      id: 'evaluation',
      labelZh: '专业化、精细化、特色化、创新能力评价得分（13 项指标）',
      maxPoints: 100,
      assessed: true,
      ref: '§4.2',
    },
  ],
  rules: [
    cmp('niche', '从事特定细分市场时间达到 2 年以上', m('yearsInNiche'), '>=', 2, '§4.2'),
    cmp('rdAmount', '上年度研发费用总额不低于 100 万元', m('rdSpend'), '>=', 100, '§4.2'),
    cmp('rdRatio', '上年度研发费用占营业收入比重不低于 3%', m('rdToRevenue'), '>=', 0.03, '§4.2'),
    any('revenue', '营业收入 1000 万元以上，或近 2 年新增股权融资 2000 万元以上', [
      cmp('revenueMin', '营业收入不低于 1000 万元', m('revenue'), '>=', 1000, '§4.2'),
      all('equityInstead', '营业收入不足 1000 万元但近 2 年新增股权融资不低于 2000 万元', [
        cmp('revenueBelow', '营业收入低于 1000 万元', m('revenue'), '<', 1000),
        cmp(
          'equity',
          '近 2 年合格投资者股权融资',
          m('equityRaised', { withinYears: 2, qualifiedOnly: true }),
          '>=',
          2000,
        ),
      ]),
    ]),
    {
      kind: 'score',
      id: 'score',
      labelZh: '评价得分不低于 60 分',
      op: '>=',
      value: 60,
      ref: '§4.2',
    },
  ],
  // §4.2 mentions direct-qualification routes but does not list them
  directRoutes: [],
  notes: [
    '13-indicator table and direct routes not in the reference; supply assessments["specialisedSme.evaluation"].',
  ],
};
