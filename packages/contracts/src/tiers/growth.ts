/**
 * Growth formulas. Each returns null when the rate is not defined (a base ≤ 0).
 */

/**
 * The 高企 growth-rate formula (reference §3, "Growth-rate formula"):
 * rate = ½ × (Y2/Y1 + Y3/Y2) − 1, where Y1..Y3 are the values of three consecutive years,
 * oldest first. Also used as the "2-year average growth" of 小巨人 (§4.3).
 */
export function growthRate3y(y1: number, y2: number, y3: number): number | null {
  if (y1 <= 0 || y2 <= 0) return null;
  return (y2 / y1 + y3 / y2) / 2 - 1;
}

/** The Y3 that brings growthRate3y(y1, y2, Y3) to `rate` (solved from the same formula). */
export function requiredY3(y1: number, y2: number, rate: number): number {
  return y2 * (2 * (1 + rate) - y2 / y1);
}

/** Year-on-year growth: current / previous − 1. */
export function yoyGrowth(previous: number, current: number): number | null {
  if (previous <= 0) return null;
  return current / previous - 1;
}

/** Compound annual growth rate from a base-year value over `years` years. */
export function cagr(base: number, last: number, years: number): number | null {
  if (base <= 0 || last < 0 || years <= 0) return null;
  return (last / base) ** (1 / years) - 1;
}
