import { formatValue, METRICS } from '@corridor/contracts';
import type { Locale } from '../../i18n';

/** Ratios are stored as fractions (0.272727) and read as percentages. */
export const isRatio = (key: string) => METRICS[key]?.unit === 'ratio';

/**
 * The one formatter of a ranking indicator's value, wherever one is shown (frozen inputs,
 * claims, the published breakdown): ratios as percentages to 2 decimals (−0.034759 → -3.48%,
 * 0.272727 → 27.27%: a ranking compares close values), amounts in 万元, counts in their unit.
 */
export function rankingValueText(key: string, value: number | null, locale: Locale): string {
  if (value === null) return '—';
  const unit = METRICS[key]?.unit;
  return unit ? formatValue(value, unit, locale, 2) : String(Number(value.toFixed(6)));
}

/** What a claim's input is typed in: percent for a ratio, the stored unit otherwise. */
export const claimInput = {
  toStored: (key: string, v: number) => (isRatio(key) ? Number((v / 100).toFixed(6)) : v),
  addon: (key: string) => (isRatio(key) ? '%' : METRICS[key]?.unit === '万元' ? '万元' : null),
};
