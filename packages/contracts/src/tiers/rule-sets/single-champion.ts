/** 制造业单项冠军 (reference §4.4, [secondary] sources). */
import type { TierRuleSet } from '../rule-types';
import { any, cmp, flag, m } from './build';

export const SINGLE_CHAMPION_2022: TierRuleSet = {
  id: 'singleChampion@2022',
  tier: 'singleChampion',
  version: '2022',
  nameZh: '制造业单项冠军企业',
  nameEn: 'Manufacturing single champion',
  basis: '工业和信息化部 制造业单项冠军企业遴选条件',
  regionCode: null,
  ref: '§4.4',
  confidence: 'secondary',
  sections: [],
  indicators: [],
  rules: [
    {
      kind: 'case',
      id: 'yearsInField',
      labelZh: '从事相关领域 10 年以上（新产品 3 年以上）',
      by: flag('newProduct'),
      ref: '§4.4',
      cases: [
        { min: 1, rule: cmp('years3', '新产品：3 年以上', m('yearsInField'), '>=', 3) },
        { rule: cmp('years10', '10 年以上', m('yearsInField'), '>=', 10) },
      ],
    },
    cmp('marketRank', '单项产品市场占有率位居全球前 3', m('globalMarketRank'), '<=', 3, '§4.4'),
    any('revenue', '营业收入 4 亿元以上，或为营业收入较低的"小巨人"企业', [
      cmp('revenueMin', '营业收入不低于 4 亿元', m('revenue'), '>=', 40000),
      cmp('littleGiant', '专精特新"小巨人"企业', m('status', { status: 'littleGiant' }), '==', 1),
    ]),
    cmp(
      'record',
      '近三年无环境、质量、安全违法违规记录',
      m('violations', {
        withinYears: 3,
        violationKinds: ['seriousEnvironmental', 'majorQualityAccident', 'majorSafetyAccident'],
      }),
      '==',
      0,
      '§4.4',
    ),
  ],
  directRoutes: [],
  notes: ['Older versions also required niche-product revenue ≥ 70 % of total; not encoded.'],
};
