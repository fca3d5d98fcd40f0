import { useMemo } from 'react';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { type CockpitFormat, makeCockpitFormat } from './cockpit-format';

export { beijingYear, type CockpitFormat } from './cockpit-format';

/** Formatting of cockpit figures in the UI language. */
export function useCockpitFormat(): CockpitFormat {
  const t = useT();
  const labels = useLabels();
  return useMemo(() => makeCockpitFormat(t, labels), [t, labels]);
}
