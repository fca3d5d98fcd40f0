/** Reading year figures out of an EnterpriseYear. */
import type { EnterpriseYear, YearFigures } from './types';

export type FigureField = Exclude<keyof YearFigures, 'year'>;

export function figuresOf(x: EnterpriseYear, year: number): YearFigures | undefined {
  if (year === x.year) return x;
  return x.previous?.find((p) => p.year === year);
}

/** One figure; netAssets falls back to totalAssets − liabilities, totalIncome to revenue. */
export function figure(f: YearFigures | undefined, field: FigureField): number | null {
  if (!f) return null;
  const own = f[field];
  if (own !== undefined) return own;
  if (field === 'netAssets' && f.totalAssets !== undefined && f.liabilities !== undefined) {
    return f.totalAssets - f.liabilities;
  }
  if (field === 'totalIncome') return f.revenue ?? null;
  return null;
}

/** Values of years y−n+1 … y, oldest first; null if any year is missing. */
export function series(x: EnterpriseYear, field: FigureField, n: number): number[] | null {
  const out: number[] = [];
  for (let year = x.year - n + 1; year <= x.year; year++) {
    const v = figure(figuresOf(x, year), field);
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

/**
 * Sums of two figures over the years y−n+1 … y in which both are known (a younger firm is
 * counted over its actual years). Null when no year has both.
 */
export function pairedSums(
  x: EnterpriseYear,
  a: FigureField,
  b: FigureField,
  n: number,
): [number, number] | null {
  let sa = 0;
  let sb = 0;
  let years = 0;
  for (let year = x.year - n + 1; year <= x.year; year++) {
    const f = figuresOf(x, year);
    const va = figure(f, a);
    const vb = figure(f, b);
    if (va === null || vb === null) continue;
    sa += va;
    sb += vb;
    years++;
  }
  return years === 0 ? null : [sa, sb];
}

/** Known values of the years y−n+1 … y (missing years skipped). */
export function knownValues(x: EnterpriseYear, field: FigureField, n: number): number[] {
  const out: number[] = [];
  for (let year = x.year - n + 1; year <= x.year; year++) {
    const v = figure(figuresOf(x, year), field);
    if (v !== null) out.push(v);
  }
  return out;
}

/** True when `year` lies in the window of the last n years ending at the data year. */
export function inWindow(x: EnterpriseYear, year: number, n: number | undefined): boolean {
  if (year > x.year) return false;
  return n === undefined || year > x.year - n;
}

/**
 * Age in years at 31 December of the data year: completed years plus the elapsed fraction of
 * the current one (so a firm founded on 2015-12-31 is exactly 10 at the end of 2025).
 */
export function ageAtYearEnd(foundedOn: string, year: number): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(foundedOn);
  if (!m) return null;
  const fy = Number(m[1]);
  const month = Number(m[2]) - 1;
  const day = Number(m[3]);
  if (fy > year) return null;
  const yearEnd = Date.UTC(year, 11, 31);
  const anniversary = Date.UTC(year, month, day);
  const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  const fraction = Math.max(0, (yearEnd - anniversary) / 86_400_000) / daysInYear;
  return year - fy + fraction;
}
