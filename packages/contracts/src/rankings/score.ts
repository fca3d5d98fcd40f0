/**
 * Scoring an edition: pure, deterministic, no I/O. The same method and inputs always give the
 * same entries, in the same order, with the same rounded numbers — which is what lets the
 * published canonical JSON be signed and checked.
 */
import type { Normalisation, Provenance, RankingMethodDefinition } from './method';

/** One enterprise's frozen inputs: indicator key → value (null when unknown). */
export interface RankingInput {
  orgId: number;
  creditCode: string;
  name: string;
  regionCode: string;
  industry: string | null;
  values: Record<string, number | null>;
  provenance?: Record<string, Provenance>;
}

export interface ScoredIndicator {
  key: string;
  value: number | null;
  /** 0..1 after direction; a missing value scores 0. */
  normalised: number;
  /** weight × normalised × 100, so the total is on a 0..100 scale. */
  contribution: number;
  provenance: Provenance;
}

export interface ScoredEntry {
  orgId: number;
  creditCode: string;
  name: string;
  regionCode: string;
  industry: string | null;
  rank: number;
  total: number;
  /** Rank in the previous published edition, null when not ranked there. */
  previousRank: number | null;
  /** previousRank − rank: positive = moved up; null when new. */
  movement: number | null;
  indicators: ScoredIndicator[];
}

/** Decimal places kept: normalised values 6, contributions and totals 4. */
export const NORMALISED_DP = 6;
export const SCORE_DP = 4;

/** Half-up rounding as JavaScript's Math.round does it; −0 becomes 0. */
export function roundTo(x: number, dp: number): number {
  const f = 10 ** dp;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}

function present(values: (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}

/** Normalised 0..1 for each value (null stays null), before direction. */
export function normalise(kind: Normalisation, values: (number | null)[]): (number | null)[] {
  const xs = present(values);
  if (xs.length === 0) return values.map(() => null);
  if (kind === 'minmax') {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const x of xs) {
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const span = max - min;
    return values.map((v) => (v === null ? null : span === 0 ? 0.5 : (v - min) / span));
  }
  if (kind === 'zscore') {
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    return values.map((v) => {
      if (v === null) return null;
      if (sd === 0) return 0.5;
      const z = Math.max(-3, Math.min(3, (v - mean) / sd));
      return (z + 3) / 6;
    });
  }
  // percentile: ties share their mid-rank, so equal values always get equal scores
  const sorted = [...xs].sort((a, b) => a - b);
  const n = sorted.length;
  const byValue = new Map<number, number>();
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && sorted[j + 1] === sorted[i]) j++;
    const ties = j - i + 1;
    byValue.set(sorted[i]!, n === 1 ? 0.5 : (i + (ties - 1) / 2) / (n - 1));
    i = j + 1;
  }
  return values.map((v) => (v === null ? null : byValue.get(v)!));
}

export interface ScoreOptions {
  /** Ranks in the previous published edition of the same method, by credit code. */
  previousRanks?: ReadonlyMap<string, number>;
}

/**
 * Scores and ranks every input. Total = sum of contributions (rounded to 4 dp); entries are
 * ordered by total descending, then credit code ascending; equal totals share a rank and the
 * next rank skips (1, 2, 2, 4).
 */
export function scoreEdition(
  method: Pick<RankingMethodDefinition, 'normalisation' | 'indicators'>,
  inputs: readonly RankingInput[],
  options: ScoreOptions = {},
): ScoredEntry[] {
  const columns = method.indicators.map((indicator) => {
    const raw = inputs.map((input) => {
      const v = input.values[indicator.key];
      return v === undefined || v === null || !Number.isFinite(v) ? null : v;
    });
    const norm = normalise(method.normalisation, raw);
    return { indicator, raw, norm };
  });
  const entries: ScoredEntry[] = inputs.map((input, row) => {
    let total = 0;
    const indicators = columns.map(({ indicator, raw, norm }) => {
      const n = norm[row] ?? null;
      const directed = n === null ? 0 : indicator.direction === 'lower' ? 1 - n : n;
      const normalised = roundTo(directed, NORMALISED_DP);
      const contribution = roundTo(indicator.weight * normalised * 100, SCORE_DP);
      total += contribution;
      return {
        key: indicator.key,
        value: raw[row] ?? null,
        normalised,
        contribution,
        provenance: input.provenance?.[indicator.key] ?? 'derived',
      };
    });
    return {
      orgId: input.orgId,
      creditCode: input.creditCode,
      name: input.name,
      regionCode: input.regionCode,
      industry: input.industry,
      rank: 0,
      total: roundTo(total, SCORE_DP),
      previousRank: null,
      movement: null,
      indicators,
    };
  });
  entries.sort((a, b) =>
    b.total !== a.total ? b.total - a.total : a.creditCode < b.creditCode ? -1 : 1,
  );
  const previous = options.previousRanks;
  entries.forEach((entry, i) => {
    const before = entries[i - 1];
    entry.rank = before && before.total === entry.total ? before.rank : i + 1;
    const prev = previous?.get(entry.creditCode);
    if (prev !== undefined) {
      entry.previousRank = prev;
      entry.movement = prev - entry.rank;
    }
  });
  return entries;
}
