import { describe, expect, it } from 'vitest';
import { IndicatorListSchema, type RankingIndicator } from './method';
import { normalise, type RankingInput, roundTo, scoreEdition } from './score';

function input(code: string, values: Record<string, number | null>): RankingInput {
  return {
    orgId: Number.parseInt(code.replace(/\D/g, ''), 10) || 1,
    creditCode: code,
    name: `企业${code}`,
    regionCode: '420100',
    industry: 'optoelectronics',
    values,
  };
}

const indicators: RankingIndicator[] = [
  { key: 'revenueGrowth', label: '营业收入增长率', direction: 'higher', weight: 0.6 },
  { key: 'debtRatio', label: '资产负债率', direction: 'lower', weight: 0.4 },
];

describe('normalisation', () => {
  it('min-max maps the smallest to 0 and the largest to 1', () => {
    expect(normalise('minmax', [10, 20, 30, null])).toEqual([0, 0.5, 1, null]);
  });

  it('percentile gives ties their mid-rank', () => {
    // sorted 1, 2, 2, 3 → 0, (1 + 0.5)/3, same, 1
    expect(normalise('percentile', [2, 1, 3, 2])).toEqual([0.5, 0, 1, 0.5]);
  });

  it('z-score is clamped to ±3 and mapped to 0..1', () => {
    const values = [0, 0, 0, 0, 0, 0, 0, 0, 0, 100];
    const out = normalise('zscore', values) as number[];
    // mean 10, SD 30: the outlier is z = 3 → 1; the others z = −1/3 → 0.444…
    expect(out[9]).toBe(1);
    expect(out[0]).toBeCloseTo((3 - 1 / 3) / 6, 12);
    expect(normalise('zscore', [-1e9, 0, 1e9])).toEqual([
      (3 - Math.sqrt(1.5)) / 6,
      0.5,
      (3 + Math.sqrt(1.5)) / 6,
    ]);
  });

  it('no spread (one value, or all equal) gives 0.5 in every method', () => {
    for (const kind of ['minmax', 'percentile', 'zscore'] as const) {
      expect(normalise(kind, [7, 7, null])).toEqual([0.5, 0.5, null]);
      expect(normalise(kind, [3])).toEqual([0.5]);
      expect(normalise(kind, [null, null])).toEqual([null, null]);
    }
  });
});

describe('scoreEdition', () => {
  it('breaks the total into weighted contributions, direction applied', () => {
    const entries = scoreEdition({ normalisation: 'minmax', indicators }, [
      input('A1', { revenueGrowth: 0.5, debtRatio: 0.2 }),
      input('B2', { revenueGrowth: 0.1, debtRatio: 0.6 }),
      input('C3', { revenueGrowth: 0.3, debtRatio: 0.4 }),
    ]);
    expect(entries.map((e) => [e.creditCode, e.rank, e.total])).toEqual([
      ['A1', 1, 100],
      ['C3', 2, 50],
      ['B2', 3, 0],
    ]);
    const c3 = entries[1]!;
    expect(c3.indicators).toEqual([
      {
        key: 'revenueGrowth',
        value: 0.3,
        normalised: 0.5,
        contribution: 30,
        provenance: 'derived',
      },
      { key: 'debtRatio', value: 0.4, normalised: 0.5, contribution: 20, provenance: 'derived' },
    ]);
    for (const e of entries) {
      const sum = e.indicators.reduce((s, i) => s + i.contribution, 0);
      expect(e.total).toBe(roundTo(sum, 4));
    }
  });

  it('equal totals share a rank, ordered by credit code; the next rank skips', () => {
    const entries = scoreEdition({ normalisation: 'percentile', indicators }, [
      input('Z9', { revenueGrowth: 0.2, debtRatio: 0.5 }),
      input('M5', { revenueGrowth: 0.9, debtRatio: 0.1 }),
      input('B2', { revenueGrowth: 0.2, debtRatio: 0.5 }),
      input('K4', { revenueGrowth: 0.0, debtRatio: 0.9 }),
    ]);
    expect(entries.map((e) => `${e.rank}:${e.creditCode}`)).toEqual([
      '1:M5',
      '2:B2',
      '2:Z9',
      '4:K4',
    ]);
  });

  it('a missing value scores 0 for that indicator and keeps its null value', () => {
    const entries = scoreEdition({ normalisation: 'minmax', indicators }, [
      input('A1', { revenueGrowth: 0.5, debtRatio: null }),
      input('B2', { revenueGrowth: 0.1 }),
      input('C3', { revenueGrowth: 0.3, debtRatio: 0.4 }),
    ]);
    const a1 = entries.find((e) => e.creditCode === 'A1')!;
    expect(a1.indicators[1]).toMatchObject({ value: null, normalised: 0, contribution: 0 });
    // C3 is the only debt ratio: no spread → 0.5
    expect(entries.find((e) => e.creditCode === 'C3')!.indicators[1]!.normalised).toBe(0.5);
  });

  it('the result does not depend on input order', () => {
    const rows = Array.from({ length: 50 }, (_, i) =>
      input(`C${String(i).padStart(3, '0')}`, {
        revenueGrowth: ((i * 37) % 11) / 10,
        debtRatio: ((i * 13) % 7) / 10,
      }),
    );
    for (const normalisation of ['minmax', 'percentile', 'zscore'] as const) {
      const a = scoreEdition({ normalisation, indicators }, rows);
      const b = scoreEdition({ normalisation, indicators }, [...rows].reverse());
      expect(b).toEqual(a);
    }
  });

  it('movement compares with the previous edition by credit code', () => {
    const entries = scoreEdition(
      { normalisation: 'minmax', indicators },
      [
        input('A1', { revenueGrowth: 0.5, debtRatio: 0.2 }),
        input('B2', { revenueGrowth: 0.1, debtRatio: 0.6 }),
        input('C3', { revenueGrowth: 0.3, debtRatio: 0.4 }),
      ],
      {
        previousRanks: new Map([
          ['A1', 3],
          ['B2', 1],
        ]),
      },
    );
    expect(entries.map((e) => [e.creditCode, e.previousRank, e.movement])).toEqual([
      ['A1', 3, 2],
      ['C3', null, null],
      ['B2', 1, -2],
    ]);
  });

  it('keeps the provenance of each input value', () => {
    const [entry] = scoreEdition({ normalisation: 'minmax', indicators }, [
      {
        ...input('A1', { revenueGrowth: 1, debtRatio: 1 }),
        provenance: { debtRatio: 'corrected' },
      },
    ]);
    expect(entry!.indicators.map((i) => i.provenance)).toEqual(['derived', 'corrected']);
  });
});

describe('method definition', () => {
  it('weights must sum to 1 and indicators be distinct', () => {
    expect(IndicatorListSchema.safeParse(indicators).success).toBe(true);
    const bad = IndicatorListSchema.safeParse([
      { key: 'revenue', direction: 'higher', weight: 0.5 },
      { key: 'revenue', direction: 'higher', weight: 0.3 },
    ]);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message).sort()).toEqual([
      'ranking.duplicate_indicator',
      'ranking.weights_sum',
    ]);
    // three thirds are accepted within the tolerance
    const thirds = [
      { key: 'revenue', direction: 'higher', weight: 0.333333 },
      { key: 'staff', direction: 'higher', weight: 0.333333 },
      { key: 'ipTotal', direction: 'higher', weight: 0.333334 },
    ];
    expect(IndicatorListSchema.safeParse(thirds).success).toBe(true);
  });
});
