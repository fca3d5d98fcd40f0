import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleText } from '../i18n';
import { evaluateTier } from './evaluate';
import { METRICS } from './metrics';
import { DEFAULT_RULE_SETS, GAZELLE_VARIANTS } from './rule-sets';
import type { TierRuleSet } from './rule-types';
import { firm } from './test-fixtures';
import { subjectText, tierBandText, tierGapText } from './texts';
import { PROFILE_FLAGS, RECOGNISED_STATUSES } from './types';

const RULE_SETS: TierRuleSet[] = [
  ...Object.values(DEFAULT_RULE_SETS),
  ...Object.values(GAZELLE_VARIANTS),
];
/** Chinese characters; '万元' / '万美元' are the platform's units in both languages. */
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
const english = (s: string) => s.replace(/万元|万美元/g, '');

describe('gap and band texts in both languages', () => {
  it('names every metric, flag and status in English without Chinese', () => {
    for (const metric of Object.keys(METRICS)) {
      const en = subjectText({ kind: 'metric', metric }, 'en');
      expect(en, metric).not.toMatch(CJK);
      expect(subjectText({ kind: 'metric', metric }, 'zh-CN'), metric).toMatch(CJK);
    }
    for (const flag of PROFILE_FLAGS)
      expect(subjectText({ kind: 'metric', metric: 'flag', flag }, 'en')).not.toMatch(CJK);
    for (const status of RECOGNISED_STATUSES)
      expect(subjectText({ kind: 'metric', metric: 'status', status }, 'en')).not.toMatch(CJK);
  });

  it('counts one and many in English, the same in Chinese', () => {
    expect(ruleText('tiers.unit.items.one', 'en', { n: 1 })).toBe('1 item');
    expect(ruleText('tiers.unit.items', 'en', { n: 2 })).toBe('2 items');
    expect(ruleText('tiers.unit.items.one', 'zh-CN', { n: 1 })).toBe('1 项');
  });

  it('renders every gap and band of every rule-set, in English without Chinese (property)', () => {
    const figures = fc.record({
      revenue: fc.integer({ min: 0, max: 300_000 }),
      rdSpend: fc.integer({ min: 0, max: 20_000 }),
      staff: fc.integer({ min: 1, max: 2000 }),
      scienceStaff: fc.integer({ min: 0, max: 500 }),
      totalAssets: fc.integer({ min: 0, max: 300_000 }),
      valuation: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: undefined }),
      globalMarketRank: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
      utilityModel: fc.integer({ min: 0, max: 8 }),
      foundedOn: fc.constantFrom('2000-01-01', '2016-06-01', '2023-09-01'),
    });
    fc.assert(
      fc.property(figures, ({ utilityModel, ...f }) => {
        const x = firm({ ...f, ip: { utilityModel } });
        for (const ruleSet of RULE_SETS) {
          const r = evaluateTier(ruleSet, x);
          const gaps = [...r.gaps, ...r.indicators.flatMap((i) => (i.next ? [i.next.gap] : []))];
          const bands = r.indicators.flatMap((i) => [i.band, i.next?.band ?? null]);
          const texts = [
            ...gaps.flatMap((g) => [tierGapText(g, 'zh-CN'), tierGapText(g, 'en')]),
            ...bands.flatMap((b) => (b ? [tierBandText(b, 'zh-CN'), tierBandText(b, 'en')] : [])),
          ];
          for (const text of texts) expect(text).not.toMatch(/[{}]/);
          for (const g of gaps) expect(english(tierGapText(g, 'en')), ruleSet.id).not.toMatch(CJK);
          for (const b of bands) if (b) expect(english(tierBandText(b, 'en'))).not.toMatch(CJK);
        }
      }),
      { numRuns: 60 },
    );
  });
});
