import {
  CERTIFICATE_LABELS,
  formatValue,
  INDICATOR_FIELD_LABELS,
  INDICATOR_SOURCE_LABELS,
  IP_KIND_LABELS,
  IP_OBTAINED_LABELS,
  LISTING_LABELS,
  METRICS,
  TECH_FIELD_LABELS,
} from '@corridor/contracts';
import type { Locale } from '../../i18n';

type Labelled = Record<string, { zh: string; en: string }>;
const pick = (table: Labelled, key: string, locale: Locale) => {
  const l = table[key];
  return l ? (locale === 'en' ? l.en : l.zh) : key;
};

export const fieldLabel = (key: string, locale: Locale) =>
  key.startsWith('ip.')
    ? pick(IP_KIND_LABELS, key.slice(3), locale)
    : pick(INDICATOR_FIELD_LABELS, key, locale);
export const certificateLabel = (kind: string, locale: Locale) =>
  pick(CERTIFICATE_LABELS, kind, locale);
export const sourceLabel = (source: string, locale: Locale) =>
  pick(INDICATOR_SOURCE_LABELS, source, locale);
export const listingLabel = (v: string, locale: Locale) => pick(LISTING_LABELS, v, locale);
export const fieldOfTechLabel = (v: string, locale: Locale) => pick(TECH_FIELD_LABELS, v, locale);
export const obtainedLabel = (v: string, locale: Locale) => pick(IP_OBTAINED_LABELS, v, locale);

const trim = (n: number, digits: number) => String(Number(n.toFixed(digits)));

/** A tier-engine metric value in its unit: ratios as %, yes/no, amounts in 万元, counts. */
export function metricText(metric: string | null, value: number | null, locale: Locale): string {
  if (value === null) return '—';
  const unit = metric ? METRICS[metric]?.unit : undefined;
  return unit ? formatValue(value, unit, locale) : trim(value, 2);
}

/** A stored value (number, text, list or map) as one short line. */
export function valueText(key: string, v: unknown, locale: Locale): string {
  if (v === null || v === undefined) return '—';
  if (key === 'listing' && typeof v === 'string') return listingLabel(v, locale);
  if (key === 'highTechField' && typeof v === 'string') return fieldOfTechLabel(v, locale);
  if (key === 'ipObtainedBy' && typeof v === 'string') return obtainedLabel(v, locale);
  if (typeof v === 'number') return trim(v, 2);
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return String(v.length);
  if (key === 'ip' && typeof v === 'object')
    return Object.entries(v as Record<string, number>)
      .filter(([, n]) => n)
      .map(([k, n]) => `${pick(IP_KIND_LABELS, k, locale)} ${n}`)
      .join('，');
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${k}: ${String(x)}`)
    .join('，');
}
