/** GB/T 2260 codes of the corridor's five cities; the city is the tenant of every record. */
export const PROVINCE_CODE = '420000' as const;

export const CITIES = [
  { code: '420100', zh: '武汉', en: 'Wuhan', park: '东湖高新区' },
  { code: '420700', zh: '鄂州', en: 'Ezhou', park: '葛店经开区' },
  { code: '420200', zh: '黄石', en: 'Huangshi', park: '黄石大冶湖高新区' },
  { code: '421100', zh: '黄冈', en: 'Huanggang', park: '黄冈高新区' },
  { code: '421200', zh: '咸宁', en: 'Xianning', park: '咸宁高新区' },
] as const;

export type CityCode = (typeof CITIES)[number]['code'];
export const CITY_CODES = CITIES.map((c) => c.code) as [CityCode, ...CityCode[]];
/** An account's scope: one city, or the whole province. */
export type ScopeCode = CityCode | typeof PROVINCE_CODE;
export const SCOPE_CODES = [PROVINCE_CODE, ...CITY_CODES] as [ScopeCode, ...ScopeCode[]];

export function isCityCode(value: string): value is CityCode {
  return (CITY_CODES as string[]).includes(value);
}

export function cityName(code: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  if (code === PROVINCE_CODE) return locale === 'en' ? 'Hubei (province)' : '湖北省';
  const city = CITIES.find((c) => c.code === code);
  if (!city) return code;
  return locale === 'en' ? city.en : city.zh;
}
