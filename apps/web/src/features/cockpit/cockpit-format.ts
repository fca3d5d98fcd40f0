import { type KpiUnit, OUTSIDE_CODE } from '@corridor/contracts';
import type { MessageKey, TFunction } from '../../i18n';
import type { Labels } from '../../i18n/make-labels';

/** The current year in Beijing, the default year of the cockpit. */
export function beijingYear(): number {
  return new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}

/**
 * Formatting of cockpit figures in one language. Pure, so the chart options built from it can
 * be checked in unit tests (charts draw on canvas: no DOM check sees their labels).
 */
export function makeCockpitFormat(t: TFunction, labels: Labels) {
  const locale = labels.locale === 'en' ? 'en-US' : 'zh-CN';
  const num = (v: number, digits = 0) =>
    v.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  const value = (unit: KpiUnit, v: number) =>
    unit === 'percent'
      ? `${num(v, 2)}%`
      : unit === 'wan'
        ? t('cockpit.unit.wan', { value: num(v, 2) })
        : num(v);
  // 'YYYY-MM' as the month's short name: 1月 / Jan.
  const month = (ym: string) =>
    new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) - 1, 1)).toLocaleString(
      locale,
      { month: 'short', timeZone: 'UTC' },
    );
  const wan = (v: number) => t('cockpit.unit.wan', { value: num(v, 2) });
  const city = (code: string) => (code === OUTSIDE_CODE ? t('cockpit.outside') : labels.city(code));
  // A technology field by its one label source; flows recorded without one are 未分类.
  const field = (code: string) => (code ? labels.field(code) : t('cockpit.field.none'));
  const kpi = (code: string) => t(`cockpit.kpi.${code}` as MessageKey);
  const flowKind = (kind: string) => t(`cockpit.flow.${kind}` as MessageKey);
  const tier = (tier: string) => t(`cockpit.tier.${tier}` as MessageKey);
  return { num, value, wan, month, city, field, kpi, flowKind, tier, labels, t };
}

export type CockpitFormat = ReturnType<typeof makeCockpitFormat>;
