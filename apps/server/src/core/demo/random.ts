/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) for demo data.
 * Not for anything secret: it only makes the demo reproducible (same seed → same sequence).
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One value of a non-empty list of [value, weight] pairs, in proportion to the weights. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRandom(seed: number): Random {
  const init = splitmix32(Math.floor(seed));
  let a = init();
  let b = init();
  let c = init();
  let d = 1;
  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up so that close seeds diverge at once.
  for (let i = 0; i < 12; i++) nextU32();

  const next = (): number => nextU32() / 4_294_967_296;

  return {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const n = entries.length;
      let total = 0;
      for (let i = 0; i < n; i++) total += (entries[i] as readonly [T, number])[1];
      if (n === 0 || total <= 0) throw new RangeError('weighted pick without weight');
      let r = next() * total;
      for (let i = 0; i < n - 1; i++) {
        const entry = entries[i] as readonly [T, number];
        r -= entry[1];
        if (r < 0) return entry[0];
      }
      return (entries[n - 1] as readonly [T, number])[0];
    },
  };
}
