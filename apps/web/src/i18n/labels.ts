import { useMemo } from 'react';
import { useLocale, useT } from './index';
import { type Labels, makeLabels } from './make-labels';

export type { Labels };

/** Labels of contract enums (roles, cities, org types, industries, fields) in the UI language. */
export function useLabels(): Labels {
  const { locale } = useLocale();
  const t = useT();
  return useMemo(() => makeLabels(locale, t), [locale, t]);
}
