/** Separator of composite keys (never in a code or a month). */
export const SEP = '\u0001';
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM' of an ISO timestamp in Beijing time (officials count months in local time). */
export function beijingMonth(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not a timestamp: ${iso}`);
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
}

/** Sorted by key: concurrent transactions lock the same rows in the same order (no deadlock). */
export function sortedEntries<V>(map: Map<string, V>): [string, V][] {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
