/** 独角兽 and 潜在独角兽 — 火炬中心 / 长城战略咨询 style (reference §6). */
import type { TierRuleSet } from '../rule-types';
import { all, any, cmp, m } from './build';

/** CNY per USD for the USD thresholds; data, to be updated with each edition. */
export const USD_CNY = 7.2;
const USD = m('valuationUsd', { usdCny: USD_CNY });

const invested = cmp('invested', '获得过私募投资', m('equityRaised'), '>', 0, '§6');
const unlisted = cmp('unlisted', '未上市（新三板挂牌除外）', m('listed'), '==', 0, '§6');

export const UNICORN_2018: TierRuleSet = {
  id: 'unicorn@2018',
  tier: 'unicorn',
  version: '2018',
  nameZh: '独角兽企业',
  nameEn: 'Unicorn',
  basis: '科技部火炬中心 长城战略咨询《中国独角兽企业研究报告》',
  regionCode: null,
  ref: '§6',
  confidence: 'official',
  sections: [],
  indicators: [],
  rules: [
    cmp(
      'credit',
      '无不良信用记录',
      m('violations', { violationKinds: ['seriousDishonesty'] }),
      '==',
      0,
      '§6',
    ),
    cmp('highTech', '为高新技术企业', m('highTechCertValid'), '==', 1, '§6'),
    cmp('age', '成立 10 年以内', m('ageYears'), '<=', 10, '§6'),
    invested,
    unlisted,
    // US$1B = 100,000 万美元, strictly above
    cmp('valuation', '企业估值超过 10 亿美元', USD, '>', 100000, '§6'),
  ],
  directRoutes: [],
};

export const POTENTIAL_UNICORN_2018: TierRuleSet = {
  id: 'potentialUnicorn@2018',
  tier: 'potentialUnicorn',
  version: '2018',
  nameZh: '潜在独角兽企业',
  nameEn: 'Potential unicorn',
  basis: '科技部火炬中心 长城战略咨询《中国独角兽企业研究报告》',
  regionCode: null,
  ref: '§6',
  confidence: 'official',
  sections: [],
  indicators: [],
  rules: [
    invested,
    unlisted,
    any('window', '成立年限与估值达到任一档', [
      all('young', '成立 5 年以内，估值不低于 5000 万美元（或 3 亿元）', [
        cmp('age5', '成立 5 年以内', m('ageYears'), '<=', 5),
        any('value5', '估值不低于 5000 万美元或 3 亿元', [
          cmp('usd', '估值不低于 5000 万美元', USD, '>=', 5000),
          cmp('cny', '估值不低于 3 亿元', m('valuation'), '>=', 30000),
        ]),
      ]),
      all('older', '成立 5–9 年，估值 1–10 亿美元', [
        cmp('ageAbove5', '成立超过 5 年', m('ageYears'), '>', 5),
        cmp('age9', '成立 9 年以内', m('ageYears'), '<=', 9),
        cmp('usdMin', '估值不低于 1 亿美元', USD, '>=', 10000),
        cmp('usdMax', '估值不超过 10 亿美元', USD, '<=', 100000),
      ]),
    ]),
  ],
  directRoutes: [],
};
