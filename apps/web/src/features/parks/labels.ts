import {
  GOVERNANCE_LABELS,
  PARTY_ROLE_LABELS,
  SHARED_ITEM_LABELS,
  SPLIT_BASE_LABELS,
  SPLIT_METHOD_LABELS,
} from '@corridor/contracts';
import { useLocale } from '../../i18n';

type Table = Record<string, { zh: string; en: string }>;

/** Names of the parks' codes in the reader's language (never a raw code on the page). */
export function useParkLabels() {
  const { locale } = useLocale();
  const pick = (table: Table) => (code: string) => {
    const l = table[code];
    return l ? (locale === 'en' ? l.en : l.zh) : '—';
  };
  const options = (table: Table) =>
    Object.keys(table).map((value) => ({ value, label: pick(table)(value) }));
  return {
    item: pick(SHARED_ITEM_LABELS),
    method: pick(SPLIT_METHOD_LABELS),
    base: pick(SPLIT_BASE_LABELS),
    governance: pick(GOVERNANCE_LABELS),
    role: pick(PARTY_ROLE_LABELS),
    itemOptions: options(SHARED_ITEM_LABELS),
    methodOptions: options(SPLIT_METHOD_LABELS),
    baseOptions: options(SPLIT_BASE_LABELS),
    governanceOptions: options(GOVERNANCE_LABELS),
    roleOptions: options(PARTY_ROLE_LABELS),
  };
}

export const wan = (n: number) =>
  n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
