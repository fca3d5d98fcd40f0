import {
  MARKET_IP_KINDS,
  PRICE_BANDS,
  STAGES,
  TECH_FIELDS,
  TRANSFER_MODES,
} from '@corridor/contracts';
import { useMemo } from 'react';
import { type MessageKey, useLocale, useT } from '../../i18n';

type Coded = readonly { code: string; zh: string; en: string }[];

/** Labels of the market's codes in the UI language (fields, modes, stages, bands, statuses). */
export function useMarketLabels() {
  const { locale } = useLocale();
  const t = useT();
  return useMemo(() => {
    const zh = locale === 'zh-CN';
    const of = (items: Coded) => (code: string | null | undefined) => {
      const found = items.find((i) => i.code === code);
      return found ? (zh ? found.zh : found.en) : (code ?? '—');
    };
    const options = (items: Coded) =>
      items.map((i) => ({ value: i.code, label: zh ? i.zh : i.en }));
    const status = (s: string) => t(`market.status.${s}` as MessageKey);
    const price = (p: number | null) =>
      p === null ? t('market.negotiable') : t('market.priceValue', { n: p });
    return {
      field: of(TECH_FIELDS),
      mode: of(TRANSFER_MODES),
      stage: of(STAGES),
      band: of(PRICE_BANDS as unknown as Coded),
      ipKind: of(MARKET_IP_KINDS),
      status,
      price,
      fieldOptions: options(TECH_FIELDS),
      modeOptions: options(TRANSFER_MODES),
      stageOptions: options(STAGES),
      bandOptions: options(PRICE_BANDS as unknown as Coded),
      ipKindOptions: options(MARKET_IP_KINDS),
    };
  }, [locale, t]);
}

export const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  curated: 'cyan',
  published: 'success',
  in_negotiation: 'gold',
  transacted: 'purple',
  withdrawn: 'default',
  closed: 'default',
};
