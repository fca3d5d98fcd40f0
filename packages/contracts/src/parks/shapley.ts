/**
 * Shapley value for multi-party agreements (消薄飞地, reference §3.3):
 * φ_i = Σ_{S ⊆ N∖{i}} |S|!(n−|S|−1)!/n! · (v(S∪{i}) − v(S)), with v(∅) = 0.
 * The caller supplies v(S), the estimated return of each coalition; the table of marginal
 * contributions is returned beside the values so a page can show why each party gets its part.
 */
export interface Coalition {
  members: string[];
  value: number;
}
export interface MarginalContribution {
  party: string;
  /** The coalition joined (sorted), without the party. */
  joined: string[];
  before: number;
  after: number;
  /** |S|!(n−|S|−1)!/n! */
  weight: number;
}
export interface ShapleyResult {
  values: Record<string, number>;
  marginals: MarginalContribution[];
}

export const MAX_SHAPLEY_PARTIES = 6;

const keyOf = (members: readonly string[]) => [...members].sort().join('+');

function factorial(n: number): number {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}

/** Subsets of `players` missing from `coalitions` (the empty set excepted), as sorted keys. */
export function missingCoalitions(players: readonly string[], coalitions: Coalition[]): string[] {
  const have = new Set(coalitions.map((c) => keyOf(c.members)));
  const missing: string[] = [];
  for (let mask = 1; mask < 1 << players.length; mask++) {
    const key = keyOf(players.filter((_, i) => mask & (1 << i)));
    if (!have.has(key)) missing.push(key);
  }
  return missing;
}

export function shapley(players: readonly string[], coalitions: Coalition[]): ShapleyResult {
  const n = players.length;
  const v = new Map(coalitions.map((c) => [keyOf(c.members), c.value]));
  const worth = (members: string[]) => (members.length === 0 ? 0 : (v.get(keyOf(members)) ?? 0));
  const values: Record<string, number> = {};
  const marginals: MarginalContribution[] = [];
  players.forEach((party, i) => {
    const others = players.filter((_, j) => j !== i);
    let phi = 0;
    for (let mask = 0; mask < 1 << others.length; mask++) {
      const joined = others.filter((_, j) => mask & (1 << j)).sort();
      const s = joined.length;
      const weight = (factorial(s) * factorial(n - s - 1)) / factorial(n);
      const before = worth(joined);
      const after = worth([...joined, party]);
      phi += weight * (after - before);
      marginals.push({ party, joined, before, after, weight });
    }
    values[party] = phi;
  });
  return { values, marginals };
}
