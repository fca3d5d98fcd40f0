/**
 * 瞪羚 — no single national definition (reference §5): one rule-set per issuer and year.
 * The default is the 2019 China gazelle report; cities override it with their own variant.
 */
import type { TierRuleSet } from '../rule-types';
import { all, any, cmp, flag, m } from './build';

const CAGR_3Y = m('revenueCagr', { years: 3 });

const common = {
  tier: 'gazelle' as const,
  nameZh: '瞪羚企业',
  nameEn: 'Gazelle',
  sections: [],
  indicators: [],
  directRoutes: [],
};

/** §5 "2019 China gazelle report" (iotxj.com/news_detail?id=4). */
export const GAZELLE_DEFAULT_2019: TierRuleSet = {
  ...common,
  id: 'gazelle@2019-national',
  version: '2019',
  basis: '2019 中国瞪羚企业发展报告',
  regionCode: null,
  ref: '§5 (2019 China gazelle report)',
  confidence: 'official',
  rules: [
    cmp('age', '成立 10 年以内', m('ageYears'), '<=', 10),
    cmp('highTech', '为高新技术企业', m('highTechCertValid'), '==', 1),
    cmp('largeSoe', '不属于大型国有企业', flag('largeSoe'), '==', 0),
    cmp('realEstate', '不属于房地产企业', flag('realEstate'), '==', 0),
    cmp('resourceMonopoly', '不属于资源垄断型企业', flag('resourceMonopoly'), '==', 0),
    any('growth', '营业收入增长率不低于 20% 或营业收入不低于 5000 万元', [
      cmp('cagr', '近 3 年营业收入复合增长率不低于 20%', CAGR_3Y, '>=', 0.2),
      cmp('revenue', '营业收入不低于 5000 万元', m('revenue'), '>=', 5000),
    ]),
  ],
  notes: ['"growth ≥ 20 %" read as the 3-year revenue CAGR.'],
};

/** §5 广州黄埔 variant [secondary] — an example of a city override. */
export const GAZELLE_HUANGPU: TierRuleSet = {
  ...common,
  id: 'gazelle@huangpu',
  version: 'huangpu',
  basis: '广州市黄埔区 瞪羚企业认定条件',
  regionCode: '440112',
  ref: '§5 (广州黄埔)',
  confidence: 'secondary',
  rules: [
    any('route', '满足任一认定条件', [
      all('growth', '基期营收 1000 万元以上、3 年复合增长率 20% 以上且上年仍在增长', [
        cmp('base', '基期营业收入不低于 1000 万元', m('revenueBase', { years: 3 }), '>=', 1000),
        cmp('cagr', '3 年复合增长率不低于 20%', CAGR_3Y, '>=', 0.2),
        cmp('lastYear', '上年营业收入仍在增长', m('revenueGrowth'), '>', 0),
      ]),
      all('young', '成立 5 年以内且营业收入超过 5 亿元', [
        cmp('age5', '成立 5 年以内', m('ageYears'), '<=', 5),
        cmp('rev5', '营业收入超过 5 亿元', m('revenue'), '>', 50000),
      ]),
      all('large', '成立 10 年以内且营业收入超过 10 亿元', [
        cmp('age10', '成立 10 年以内', m('ageYears'), '<=', 10),
        cmp('rev10', '营业收入超过 10 亿元', m('revenue'), '>', 100000),
      ]),
    ]),
  ],
  notes: ['The lower tier 瞪羚培育 is not encoded.'],
};

/** §5 济南高新区 variant [secondary]: growth threshold by revenue band. */
export const GAZELLE_JINAN: TierRuleSet = {
  ...common,
  id: 'gazelle@jinan',
  version: 'jinan',
  basis: '济南高新区 瞪羚企业认定条件',
  regionCode: '370100',
  ref: '§5 (济南高新区)',
  confidence: 'secondary',
  rules: [
    {
      kind: 'case',
      id: 'growth',
      labelZh: '营业收入复合增长率达到所在营收档的要求',
      by: m('revenue'),
      cases: [
        { min: 50000, rule: cmp('g10', '≥ 5 亿元：增长率不低于 10%', CAGR_3Y, '>=', 0.1) },
        { min: 10000, rule: cmp('g15', '1–5 亿元：增长率不低于 15%', CAGR_3Y, '>=', 0.15) },
        { min: 1000, rule: cmp('g20', '1000 万–1 亿元：增长率不低于 20%', CAGR_3Y, '>=', 0.2) },
        { rule: cmp('revenueMin', '营业收入不低于 1000 万元', m('revenue'), '>=', 1000) },
      ],
    },
  ],
  notes: ['The "5+N" age/revenue rule is not specified in the reference and is not encoded.'],
};

/** Known variants by id, for analysts to assign to cities. */
export const GAZELLE_VARIANTS: Record<string, TierRuleSet> = {
  [GAZELLE_DEFAULT_2019.id]: GAZELLE_DEFAULT_2019,
  [GAZELLE_HUANGPU.id]: GAZELLE_HUANGPU,
  [GAZELLE_JINAN.id]: GAZELLE_JINAN,
};

/**
 * Corridor cities with their own 瞪羚 rule-set. Empty: the reference publishes no thresholds for
 * Optics Valley (only the shape of its 2016 rule) or the other four cities.
 */
export const GAZELLE_BY_REGION: Record<string, TierRuleSet> = {};

/** The city's variant if one is configured, else the default. */
export function gazelleRuleSetFor(
  regionCode: string | undefined,
  byRegion: Record<string, TierRuleSet> = GAZELLE_BY_REGION,
): TierRuleSet {
  return (regionCode && byRegion[regionCode]) || GAZELLE_DEFAULT_2019;
}
