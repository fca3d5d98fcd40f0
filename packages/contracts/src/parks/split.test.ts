import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhaseInputSchema } from '../parks';
import { shapley } from './shapley';
import {
  allocate,
  corridorTotals,
  type PhaseLike,
  phaseForYear,
  type SplitRule,
  splitFigure,
  toCents,
} from './split';
import { promisedVsPaid } from './statement';
import { overlapProblem, phasePartyProblems, phaseShapeProblems } from './validate';

const WH = '420100';
const EZ = '420700';
const HG = '421100';
const rule = (r: Partial<SplitRule> & Pick<SplitRule, 'item' | 'method'>): SplitRule => ({
  base: 'gross',
  ratios: [],
  toCity: null,
  coalitions: [],
  ...r,
});
const phase = (rules: SplitRule[], extra: Partial<PhaseLike> = {}): PhaseLike => ({
  startsOn: '2019-01-01',
  endsOn: null,
  equity: [],
  rules,
  ...extra,
});
const figure = (item: SplitRule['item'], valueWan: number, incentivesWan = 0) => ({
  year: 2024,
  item,
  valueWan,
  incentivesWan,
  reportedBy: HG,
});

describe('reference §3.3 formulas', () => {
  it('ratio split: share_i = base × r_i, and the shares add up to the base', () => {
    const p = phase([
      rule({
        item: 'vat_local',
        method: 'split',
        ratios: [
          { cityCode: WH, percent: 40 },
          { cityCode: HG, percent: 60 },
        ],
      }),
    ]);
    const s = splitFigure(figure('vat_local', 1234.56), p, [WH, HG])!;
    expect(s.shares).toEqual([
      { cityCode: WH, shareWan: 493.82, percent: 40 },
      { cityCode: HG, shareWan: 740.74, percent: 60 },
    ]);
  });

  it('a revenue split is applied to the base after incentives when the rule says so (昆明 2024)', () => {
    const r = rule({
      item: 'cit_local',
      method: 'split',
      base: 'after_incentives',
      ratios: [
        { cityCode: WH, percent: 50 },
        { cityCode: HG, percent: 50 },
      ],
    });
    const s = splitFigure(figure('cit_local', 1000, 200), phase([r]), [WH, HG])!;
    expect(s.baseWan).toBe(800);
    expect(s.incentivesWan).toBe(200);
    expect(s.shares.map((x) => x.shareWan)).toEqual([400, 400]);
    // the same figure on the gross base shares all of it
    const gross = splitFigure(figure('cit_local', 1000, 200), phase([{ ...r, base: 'gross' }]), [
      WH,
      HG,
    ])!;
    expect(gross.shares.map((x) => x.shareWan)).toEqual([500, 500]);
  });

  it('equity split (苏宿): r_i = equity_i / Σ equity', () => {
    const p = phase([rule({ item: 'land_revenue', method: 'by_equity' })], {
      equity: [
        { cityCode: WH, percent: 51 },
        { cityCode: HG, percent: 49 },
      ],
    });
    expect(
      splitFigure(figure('land_revenue', 10_000), p, [WH, HG])!.shares.map((s) => s.shareWan),
    ).toEqual([5100, 4900]);
  });

  it('to one party: 省外到位资金 all to the cooperating area (昆明)', () => {
    const p = phase([rule({ item: 'outside_funds', method: 'to_party', toCity: WH })]);
    expect(
      splitFigure(figure('outside_funds', 321), p, [WH, HG])!.shares.map((s) => s.shareWan),
    ).toEqual([321, 0]);
  });

  it('double count: full in each city, once in the corridor total', () => {
    const p = phase([rule({ item: 'fixed_investment', method: 'double_count' })]);
    const s = splitFigure(figure('fixed_investment', 5000), p, [WH, HG])!;
    const totals = corridorTotals([s]);
    expect(totals.byCity).toEqual({ [WH]: 5000, [HG]: 5000 });
    expect(totals.corridorWan).toBe(5000);
  });

  it('thirds add up to the last hundredth (largest remainder)', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
  });

  it('a figure without a rule in its phase is not shared', () => {
    expect(splitFigure(figure('gdp', 1), phase([]), [WH, HG])).toBeNull();
  });
});

describe('Shapley (消薄飞地, reference §3.3)', () => {
  it('three villages: the textbook glove-style example', () => {
    const players = ['A', 'B', 'C'];
    const v = [
      { members: ['A'], value: 0 },
      { members: ['B'], value: 0 },
      { members: ['C'], value: 0 },
      { members: ['A', 'B'], value: 90 },
      { members: ['A', 'C'], value: 80 },
      { members: ['B', 'C'], value: 70 },
      { members: ['A', 'B', 'C'], value: 120 },
    ];
    const { values, marginals } = shapley(players, v);
    // φ_A = 1/3·0 + 1/6·90 + 1/6·80 + 1/3·(120−70) = 45
    expect(values.A).toBeCloseTo(45, 9);
    expect(values.B).toBeCloseTo(40, 9);
    expect(values.C).toBeCloseTo(35, 9);
    expect(marginals.filter((m) => m.party === 'A')).toHaveLength(4);
    expect(marginals.find((m) => m.party === 'A' && m.joined.join() === 'B,C')).toMatchObject({
      before: 70,
      after: 120,
    });
  });

  const game = fc.integer({ min: 2, max: 5 }).chain((n) => {
    const players = [WH, EZ, '420200', HG, '421200'].slice(0, n);
    return fc
      .array(fc.integer({ min: 0, max: 100_000 }), {
        minLength: (1 << n) - 1,
        maxLength: (1 << n) - 1,
      })
      .map((vals) => ({
        players,
        coalitions: vals.map((value, k) => ({
          members: players.filter((_, i) => (k + 1) & (1 << i)),
          value,
        })),
      }));
  });

  it('efficiency: the values add up to v(N)', () => {
    fc.assert(
      fc.property(game, ({ players, coalitions }) => {
        const { values } = shapley(players, coalitions);
        const grand = coalitions.find((c) => c.members.length === players.length)!.value;
        expect(Object.values(values).reduce((a, b) => a + b, 0)).toBeCloseTo(grand, 6);
      }),
    );
  });

  it('symmetry: two parties that add the same to every coalition get the same', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 4 }),
        ([a, b, ab, abc]) => {
          // X and Y are interchangeable: v depends only on how many of them and whether Z is in
          const players = ['X', 'Y', 'Z'];
          const worth = (m: string[]) => {
            const xy = m.filter((p) => p !== 'Z').length;
            const z = m.includes('Z');
            return [
              [0, a!],
              [b!, ab!],
              [ab! + 1, abc!],
            ][xy]![z ? 1 : 0]!;
          };
          const subsets = [
            ['X'],
            ['Y'],
            ['Z'],
            ['X', 'Y'],
            ['X', 'Z'],
            ['Y', 'Z'],
            ['X', 'Y', 'Z'],
          ];
          const { values } = shapley(
            players,
            subsets.map((m) => ({ members: m, value: worth(m) })),
          );
          expect(values.X).toBeCloseTo(values.Y!, 9);
        },
      ),
    );
  });
});

describe('properties of the split', () => {
  const cities = [WH, EZ, '420200', HG, '421200'];
  const ratiosArb = fc.integer({ min: 2, max: 5 }).chain((n) =>
    fc
      .array(fc.integer({ min: 0, max: 10_000 }), { minLength: n - 1, maxLength: n - 1 })
      .map((cuts) => {
        const sorted = [0, ...cuts.sort((x, y) => x - y), 10_000];
        return cities
          .slice(0, n)
          .map((cityCode, i) => ({ cityCode, percent: (sorted[i + 1]! - sorted[i]!) / 100 }));
      }),
  );
  const amount = fc.integer({ min: 0, max: 10_000_000_000 }).map((c) => c / 100);

  it('the shares of a split rule sum to the figure (to the hundredth)', () => {
    fc.assert(
      fc.property(ratiosArb, amount, (ratios, valueWan) => {
        const parties = ratios.map((r) => r.cityCode);
        expect(
          phaseShapeProblems(phase([rule({ item: 'vat_local', method: 'split', ratios })])),
        ).toEqual([]);
        const s = splitFigure(
          { ...figure('vat_local', valueWan), reportedBy: parties[0]! },
          phase([rule({ item: 'vat_local', method: 'split', ratios })]),
          parties,
        )!;
        expect(s.shares.reduce((a, x) => a + toCents(x.shareWan), 0)).toBe(toCents(valueWan));
        for (const x of s.shares) expect(x.shareWan).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('a double-counted figure is counted once in the corridor total, whatever else is there', () => {
    fc.assert(
      fc.property(ratiosArb, amount, amount, (ratios, splitValue, doubleValue) => {
        const parties = ratios.map((r) => r.cityCode);
        const p = phase([
          rule({ item: 'gdp', method: 'split', ratios }),
          rule({ item: 'fixed_investment', method: 'double_count' }),
        ]);
        const a = splitFigure(
          { ...figure('gdp', splitValue), reportedBy: parties[0]! },
          p,
          parties,
        )!;
        const b = splitFigure(
          { ...figure('fixed_investment', doubleValue), reportedBy: parties[0]! },
          p,
          parties,
        )!;
        const t = corridorTotals([a, b]);
        expect(toCents(t.corridorWan)).toBe(toCents(splitValue) + toCents(doubleValue));
        const citiesSum = Object.values(t.byCity).reduce((x, y) => x + toCents(y), 0);
        expect(citiesSum).toBe(toCents(splitValue) + parties.length * toCents(doubleValue));
      }),
    );
  });
});

describe('validation', () => {
  it('ratios must sum to 100 % per phase and rule, naming the field', () => {
    const bad = PhaseInputSchema.safeParse({
      startsOn: '2019-01-01',
      governance: 'joint',
      rules: [
        {
          item: 'vat_local',
          method: 'split',
          ratios: [
            { cityCode: WH, percent: 40 },
            { cityCode: HG, percent: 50 },
          ],
        },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({
      path: ['rules', 0, 'ratios'],
      message: 'parks.ratios_sum',
    });
    expect(
      phaseShapeProblems(
        phase([
          rule({
            item: 'vat_local',
            method: 'split',
            ratios: [
              { cityCode: WH, percent: 33.33 },
              { cityCode: EZ, percent: 33.33 },
              { cityCode: HG, percent: 33.34 },
            ],
          }),
        ]),
      ),
    ).toEqual([]);
  });

  it('cities named must be parties, and every party has a ratio', () => {
    const p = phase([
      rule({
        item: 'vat_local',
        method: 'split',
        ratios: [
          { cityCode: WH, percent: 50 },
          { cityCode: EZ, percent: 50 },
        ],
      }),
    ]);
    expect(phasePartyProblems(p, [WH, HG]).map((x) => [x.field, x.code])).toEqual([
      ['rules.0.ratios.1.cityCode', 'parks.not_a_party'],
      ['rules.0.ratios', 'parks.party_missing'],
    ]);
  });

  it('phases may not overlap; an open end reaches forever', () => {
    const others = [
      { id: 1, startsOn: '2019-01-01', endsOn: '2021-12-31' },
      { id: 2, startsOn: '2022-01-01', endsOn: null },
    ];
    expect(overlapProblem({ startsOn: '2021-06-01', endsOn: '2021-12-31' }, others)?.code).toBe(
      'parks.phase_overlap',
    );
    expect(overlapProblem({ startsOn: '2030-01-01', endsOn: null }, others)?.code).toBe(
      'parks.phase_overlap',
    );
    expect(overlapProblem({ startsOn: '2015-01-01', endsOn: '2018-12-31' }, others)).toBeNull();
  });

  it('the phase in force for a year is the latest to start within it (深汕: joint, then Shenzhen-led)', () => {
    const phases = [
      { ...phase([]), startsOn: '2011-02-18', endsOn: '2018-12-15' },
      { ...phase([]), startsOn: '2018-12-16', endsOn: '2040-12-31' },
    ];
    expect(phaseForYear(phases, 2017)).toBe(phases[0]);
    expect(phaseForYear(phases, 2018)).toBe(phases[1]);
    expect(phaseForYear(phases, 2041)).toBeNull();
    expect(phaseForYear(phases, 2010)).toBeNull();
  });
});

describe('promised vs paid', () => {
  it('the host owes each other party its share of revenue, not of indicators or double counts', () => {
    const p = phase([
      rule({
        item: 'vat_local',
        method: 'split',
        ratios: [
          { cityCode: WH, percent: 40 },
          { cityCode: HG, percent: 60 },
        ],
      }),
      rule({
        item: 'gdp',
        method: 'split',
        ratios: [
          { cityCode: WH, percent: 40 },
          { cityCode: HG, percent: 60 },
        ],
      }),
      rule({ item: 'cit_local', method: 'double_count' }),
    ]);
    const splits = [figure('vat_local', 1000), figure('gdp', 9000), figure('cit_local', 500)].map(
      (f) => splitFigure(f, p, [WH, HG])!,
    );
    const { lines, totals } = promisedVsPaid(splits, [
      { year: 2024, item: 'vat_local', payerCity: HG, payeeCity: WH, amountWan: 250 },
    ]);
    expect(lines).toEqual([
      {
        year: 2024,
        item: 'vat_local',
        fromCity: HG,
        toCity: WH,
        promisedWan: 400,
        paidWan: 250,
        shortfallWan: 150,
      },
    ]);
    expect(totals).toEqual([
      { year: 2024, cityCode: WH, promisedWan: 400, paidWan: 250, shortfallWan: 150 },
    ]);
  });
});
