/**
 * The benefit-sharing arithmetic of a co-built park (reference §3.3), pure and exact: amounts
 * are 万元 with two decimals and are computed in hundredths, so the shares of a split always add
 * up to the base to the last hundredth (largest remainder, ties to the earlier party).
 */
import { type Coalition, shapley } from './shapley';
import type { SharedItem, SplitBase, SplitMethod } from './vocab';

export interface CityPercent {
  cityCode: string;
  percent: number;
}
export interface SplitRule {
  item: SharedItem;
  method: SplitMethod;
  base: SplitBase;
  /** `split`: one percent per party, summing to 100. */
  ratios: CityPercent[];
  /** `to_party`: the city that takes it all. */
  toCity: string | null;
  /** `shapley`: v(S) of every non-empty coalition of the parties. */
  coalitions: Coalition[];
}
export interface PhaseLike {
  startsOn: string;
  endsOn: string | null;
  /** Equity of the parties in this phase (for `by_equity`). */
  equity: CityPercent[];
  rules: SplitRule[];
}
export interface FigureLike {
  year: number;
  item: SharedItem;
  valueWan: number;
  /** Incentives the firms enjoyed (deducted first when the base is after incentives). */
  incentivesWan: number;
  reportedBy: string;
}
export interface Share {
  cityCode: string;
  shareWan: number;
  /** The part of the base this party gets, in percent (100 for each when double counted). */
  percent: number;
}
export interface SplitResult {
  year: number;
  item: SharedItem;
  method: SplitMethod;
  base: SplitBase;
  reportedBy: string;
  valueWan: number;
  /** What is shared: the value, or the value after incentives. */
  baseWan: number;
  /** Kept by the reporting city to honour the incentives it granted (after-incentives base). */
  incentivesWan: number;
  shares: Share[];
}

export const toCents = (wan: number) => Math.round(wan * 100);
export const fromCents = (cents: number) => cents / 100;

/** Splits `total` hundredths by non-negative weights; the parts sum to `total` exactly. */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, p) => a + p, 0);
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

/** Sum of percents in hundredths of a percent (so 33.33 + 33.33 + 33.34 is exactly 100). */
export function percentTotal(ratios: readonly CityPercent[]): number {
  return ratios.reduce((a, r) => a + Math.round(r.percent * 100), 0);
}
export const ratiosSumTo100 = (ratios: readonly CityPercent[]) => percentTotal(ratios) === 10_000;

/** The weight of each party under a rule, or null when the rule names no weights (double count). */
export function ruleWeights(
  rule: SplitRule,
  parties: readonly string[],
  equity: readonly CityPercent[],
): number[] | null {
  const pick = (list: readonly CityPercent[]) =>
    parties.map((c) => list.find((r) => r.cityCode === c)?.percent ?? 0);
  switch (rule.method) {
    case 'split':
      return pick(rule.ratios);
    case 'by_equity':
      return pick(equity);
    case 'to_party':
      return parties.map((c) => (c === rule.toCity ? 1 : 0));
    case 'shapley': {
      const { values } = shapley(parties, rule.coalitions);
      return parties.map((c) => Math.max(0, values[c] ?? 0));
    }
    case 'double_count':
      return null;
  }
}

/** The phase in force for a year: of the phases reaching into the year, the latest to start. */
export function phaseForYear<P extends PhaseLike>(phases: readonly P[], year: number): P | null {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  let best: P | null = null;
  for (const p of phases) {
    if (p.startsOn > last || (p.endsOn !== null && p.endsOn < first)) continue;
    if (!best || p.startsOn > best.startsOn) best = p;
  }
  return best;
}

/** One reported figure shared by its phase's rule; null when the phase has no rule for it. */
export function splitFigure(
  figure: FigureLike,
  phase: PhaseLike,
  parties: readonly string[],
): SplitResult | null {
  const rule = phase.rules.find((r) => r.item === figure.item);
  if (!rule) return null;
  const value = toCents(figure.valueWan);
  const incentives = rule.base === 'after_incentives' ? toCents(figure.incentivesWan) : 0;
  const base = Math.max(0, value - incentives);
  const weights = ruleWeights(rule, parties, phase.equity);
  const shares: Share[] =
    weights === null
      ? parties.map((cityCode) => ({ cityCode, shareWan: fromCents(base), percent: 100 }))
      : allocate(base, weights).map((cents, i) => ({
          cityCode: parties[i]!,
          shareWan: fromCents(cents),
          percent: percentOf(weights, i),
        }));
  return {
    year: figure.year,
    item: figure.item,
    method: rule.method,
    base: rule.base,
    reportedBy: figure.reportedBy,
    valueWan: figure.valueWan,
    baseWan: fromCents(base),
    incentivesWan: fromCents(incentives),
    shares,
  };
}

function percentOf(weights: readonly number[], i: number): number {
  const sum = weights.reduce((a, w) => a + w, 0);
  return sum > 0 ? Math.round(((weights[i] ?? 0) / sum) * 10_000) / 100 : 0;
}

export interface CorridorTotals {
  /** What each city reports: its shares, a double-counted figure in full. */
  byCity: Record<string, number>;
  /** The corridor's total: every figure once, whatever its rule. */
  corridorWan: number;
}

/**
 * Totals per city and for the corridor of a set of splits (e.g. one item, one year). A
 * double-counted figure appears in full in each party's report but ONCE in the corridor total:
 * the corridor sums the bases, never the cities' reports.
 */
export function corridorTotals(splits: readonly SplitResult[]): CorridorTotals {
  const byCity: Record<string, number> = {};
  let corridor = 0;
  for (const s of splits) {
    corridor += toCents(s.baseWan);
    for (const share of s.shares)
      byCity[share.cityCode] = (byCity[share.cityCode] ?? 0) + toCents(share.shareWan);
  }
  return {
    byCity: Object.fromEntries(Object.entries(byCity).map(([c, v]) => [c, fromCents(v)])),
    corridorWan: fromCents(corridor),
  };
}
