import { describe, expect, it } from 'vitest';
import { evaluateAllTiers, evaluateTier, ruleSetFor } from './evaluate';
import {
  GAZELLE_DEFAULT_2019,
  GAZELLE_HUANGPU,
  GAZELLE_JINAN,
  gazelleRuleSetFor,
  POTENTIAL_UNICORN_2018,
  UNICORN_2018,
  USD_CNY,
} from './rule-sets';
import { firm } from './test-fixtures';
import { tierGapText } from './texts';
import type { EnterpriseYear } from './types';

/** Revenue 1000 in 2021 growing to `last` in 2024, with 2022–2023 in between. */
const grown = (last: number, base = 1000): Partial<EnterpriseYear> => ({
  revenue: last,
  previous: [
    { year: 2021, revenue: base },
    { year: 2022, revenue: base * 1.1 },
    { year: 2023, revenue: last * 0.99 },
  ],
});

describe('瞪羚 default rule-set (§5, 2019 China gazelle report)', () => {
  const OK: Partial<EnterpriseYear> = {
    foundedOn: '2015-01-01',
    highTechCertYear: 2023,
    ...grown(1728),
  };
  const run = (over: Partial<EnterpriseYear>) =>
    evaluateTier(GAZELLE_DEFAULT_2019, firm({ ...OK, ...over }));

  it('passes with a 20 % 3-year CAGR (1000 → 1728)', () => {
    expect(run({})).toMatchObject({ eligible: true });
    const r = run({ revenue: 1727 });
    expect(r.eligible).toBe(false);
    expect(r.gaps[0]).toMatchObject({ indicator: 'revenueCagr', shortfall: 1, unit: '万元' });
  });

  it('passes with revenue ≥ 5000 万 and no growth', () => {
    expect(run({ ...grown(5000, 6000) }).eligible).toBe(true);
    expect(run({ ...grown(4999, 6000) }).eligible).toBe(false);
  });

  it.each([
    ['age', { foundedOn: '2013-12-31' }],
    ['highTech', { highTechCertYear: undefined }],
    ['largeSoe', { profile: { largeSoe: true } }],
    ['realEstate', { profile: { realEstate: true } }],
    ['resourceMonopoly', { profile: { resourceMonopoly: true } }],
  ] as [string, Partial<EnterpriseYear>][])('fails %s', (id, over) => {
    expect(run(over).failedRules.map((f) => f.id)).toEqual([id]);
  });

  it('is exactly 10 years old at the end of 2024 when founded on 2014-12-31', () => {
    expect(run({ foundedOn: '2014-12-31' }).eligible).toBe(true);
  });
});

describe('瞪羚 per-city override', () => {
  const input = firm({ regionCode: '420100', foundedOn: '2015-01-01', ...grown(1728) });

  it('uses the default when the city has no variant', () => {
    expect(ruleSetFor('gazelle', input).id).toBe('gazelle@2019-national');
    expect(gazelleRuleSetFor(undefined).id).toBe('gazelle@2019-national');
  });

  it('uses the city variant configured for the input region', () => {
    const all = evaluateAllTiers(input, { gazelleByRegion: { '420100': GAZELLE_HUANGPU } });
    expect(all.gazelle.ruleSetId).toBe('gazelle@huangpu');
    // Huangpu needs no 高企 certificate: base 1000, CAGR 20 %, still growing
    expect(all.gazelle.eligible).toBe(true);
    const other = evaluateAllTiers(
      { ...input, regionCode: '420700' },
      { gazelleByRegion: { '420100': GAZELLE_HUANGPU } },
    );
    expect(other.gazelle.ruleSetId).toBe('gazelle@2019-national');
  });

  it('an explicit rule-set beats the city map', () => {
    const all = evaluateAllTiers(input, {
      gazelleByRegion: { '420100': GAZELLE_HUANGPU },
      ruleSets: { gazelle: GAZELLE_JINAN },
    });
    expect(all.gazelle.ruleSetId).toBe('gazelle@jinan');
  });

  it('Huangpu: age/revenue routes, with strict revenue bounds', () => {
    const young = { foundedOn: '2020-01-01', revenue: 50001 };
    expect(evaluateTier(GAZELLE_HUANGPU, firm(young)).eligible).toBe(true);
    expect(evaluateTier(GAZELLE_HUANGPU, firm({ ...young, revenue: 50000 })).eligible).toBe(false);
    expect(
      evaluateTier(GAZELLE_HUANGPU, firm({ foundedOn: '2015-01-01', revenue: 100001 })).eligible,
    ).toBe(true);
  });

  it('Huangpu: a shrinking last year fails the growth route', () => {
    const shrinking = {
      ...grown(1728),
      previous: [
        { year: 2021, revenue: 1000 },
        { year: 2023, revenue: 1800 },
      ],
    };
    expect(evaluateTier(GAZELLE_HUANGPU, firm(shrinking)).eligible).toBe(false);
  });

  it.each([
    [999, 1000, false],
    [1000, 1000 * 1.2 ** 3, true],
    [1000, 1000 * 1.2 ** 3 - 1, false],
    [10000, 10000 * 1.15 ** 3, true],
    [10000, 10000 * 1.15 ** 3 - 1, false],
    [50000, 50000 * 1.1 ** 3, true],
    [50000, 50000 * 1.1 ** 3 - 1, false],
  ])('Jinan: base-year revenue %i, last %f → %s (band by last revenue)', (base, last, passes) => {
    const over = { revenue: last, previous: [{ year: 2021, revenue: base }] };
    expect(evaluateTier(GAZELLE_JINAN, firm(over)).eligible).toBe(passes);
  });
});

describe('独角兽 and 潜在独角兽 (§6)', () => {
  const BILLION_USD = 100_000 * USD_CNY; // US$1B in 万元
  const OK: Partial<EnterpriseYear> = {
    foundedOn: '2016-06-01',
    highTechCertYear: 2024,
    equity: [{ year: 2020, amount: 50_000 }],
    listing: 'unlisted',
    valuation: BILLION_USD + 1,
  };
  const unicorn = (over: Partial<EnterpriseYear>) =>
    evaluateTier(UNICORN_2018, firm({ ...OK, ...over }));

  it('needs a valuation strictly above US$1B', () => {
    expect(unicorn({}).eligible).toBe(true);
    const r = unicorn({ valuation: BILLION_USD });
    expect(r.eligible).toBe(false);
    expect(tierGapText(r.gaps[0]!, 'zh-CN')).toBe(
      '企业估值 100000 万美元 → 需 > 100000 万美元：还差 0.1 万美元',
    );
    expect(tierGapText(r.gaps[0]!, 'en')).toBe(
      'Valuation USD 1000 million → needs > USD 1000 million: USD 0.001 million short',
    );
  });

  it.each([
    ['listed', { listing: 'listed' }, false],
    ['on 新三板', { listing: 'neeq' }, true],
    ['without investment', { equity: [] }, false],
    ['without 高企 status', { highTechCertYear: 2020 }, false],
    [
      'on the dishonesty list years ago',
      { violations: [{ kind: 'seriousDishonesty', year: 2017 }] },
      false,
    ],
    ['older than 10 years', { foundedOn: '2014-06-01' }, false],
  ] as [string, Partial<EnterpriseYear>, boolean][])('%s → eligible: %s', (_, over, eligible) => {
    expect(unicorn(over).eligible).toBe(eligible);
  });

  const potential = (over: Partial<EnterpriseYear>) =>
    evaluateTier(POTENTIAL_UNICORN_2018, firm({ ...OK, ...over })).eligible;

  it.each([
    ['≤ 5 years, US$0.5亿', { foundedOn: '2020-01-01', valuation: 5000 * USD_CNY }, true],
    ['≤ 5 years, ¥3亿', { foundedOn: '2020-01-01', valuation: 30_000 }, true],
    ['≤ 5 years, below both', { foundedOn: '2020-01-01', valuation: 29_999 }, false],
    ['5–9 years, US$1亿', { foundedOn: '2017-01-01', valuation: 10_000 * USD_CNY }, true],
    ['5–9 years, US$10亿', { foundedOn: '2017-01-01', valuation: BILLION_USD }, true],
    ['5–9 years, above US$10亿', { foundedOn: '2017-01-01', valuation: BILLION_USD + 1 }, false],
    ['5–9 years, ¥3亿 only', { foundedOn: '2017-01-01', valuation: 30_000 }, false],
    ['older than 9 years', { foundedOn: '2015-01-01', valuation: 10_000 * USD_CNY }, false],
    ['listed', { foundedOn: '2020-01-01', valuation: 30_000, listing: 'listed' }, false],
  ] as [string, Partial<EnterpriseYear>, boolean][])(
    'potential unicorn, %s → %s',
    (_, over, eligible) => {
      expect(potential(over)).toBe(eligible);
    },
  );
});
