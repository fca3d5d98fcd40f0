import { INDUSTRIES, type KpiUnit, OUTSIDE_CODE } from '@corridor/contracts';
import { useMemo } from 'react';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';

/** The current year in Beijing, the default year of the cockpit. */
export function beijingYear(): number {
  return new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}

/** Formatting of cockpit figures in the UI language. */
export function useCockpitFormat() {
  const t = useT();
  const labels = useLabels();
  return useMemo(() => {
    const locale = labels.locale === 'en' ? 'en-US' : 'zh-CN';
    const num = (v: number, digits = 0) =>
      v.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    const value = (unit: KpiUnit, v: number) =>
      unit === 'percent'
        ? `${num(v, 2)}%`
        : unit === 'wan'
          ? t('cockpit.unit.wan', { value: num(v, 2) })
          : num(v);
    const wan = (v: number) => t('cockpit.unit.wan', { value: num(v, 2) });
    const city = (code: string) =>
      code === OUTSIDE_CODE ? t('cockpit.outside') : labels.city(code);
    const field = (code: string) => {
      if (!code) return t('cockpit.field.none');
      const found = INDUSTRIES.find((i) => i.code === code);
      return found ? (labels.locale === 'en' ? found.en : found.zh) : code;
    };
    const kpi = (code: string) => t(`cockpit.kpi.${code}` as MessageKey);
    const flowKind = (kind: string) => t(`cockpit.flow.${kind}` as MessageKey);
    return { num, value, wan, city, field, kpi, flowKind, labels, t };
  }, [t, labels]);
}

export type CockpitFormat = ReturnType<typeof useCockpitFormat>;
