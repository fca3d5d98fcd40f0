import { cityName, isCityCode } from '@corridor/contracts';
import type { TFunction } from '../../i18n';

/** The place a credit code was issued in, in words: a corridor city, elsewhere in Hubei, or out of it. */
export function issuedPlace(region: string, locale: 'zh-CN' | 'en', t: TFunction): string {
  if (isCityCode(region)) return cityName(region, locale);
  return region.startsWith('42') ? t('org.issuedInHubei') : t('org.issuedOutsideHubei');
}
