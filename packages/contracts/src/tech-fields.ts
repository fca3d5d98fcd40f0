import type { Locale } from './i18n/define';
import { HIGH_TECH_FIELDS, type HighTechField } from './tiers/types';

/**
 * The technology fields (《国家重点支持的高新技术领域》, eight fields): the ONE place their names
 * live. The market, deals, indicators, matching, the cockpit and every export name a field
 * through this table, so a page never shows a raw code or a second spelling (the cockpit once
 * said 生物医药, the industry, where the market said 生物与新医药, the field).
 */
export type FieldCode = HighTechField;
export const FIELD_CODES = [...HIGH_TECH_FIELDS] as [FieldCode, ...FieldCode[]];

export const TECH_FIELD_LABELS: Record<FieldCode, { zh: string; en: string }> = {
  electronicInformation: { zh: '电子信息', en: 'Electronic information' },
  biomedicine: { zh: '生物与新医药', en: 'Biology and new medicine' },
  aerospace: { zh: '航空航天', en: 'Aerospace' },
  newMaterials: { zh: '新材料', en: 'New materials' },
  highTechServices: { zh: '高技术服务', en: 'High-tech services' },
  newEnergy: { zh: '新能源与节能', en: 'New energy and energy saving' },
  resourcesEnvironment: { zh: '资源与环境', en: 'Resources and environment' },
  advancedManufacturing: { zh: '先进制造与自动化', en: 'Advanced manufacturing and automation' },
};

/** The fields in their official order with their names (choice lists, sheet columns). */
export const TECH_FIELDS: readonly { code: FieldCode; zh: string; en: string }[] = FIELD_CODES.map(
  (code) => ({ code, ...TECH_FIELD_LABELS[code] }),
);

export function isFieldCode(code: unknown): code is FieldCode {
  return typeof code === 'string' && Object.hasOwn(TECH_FIELD_LABELS, code);
}

/** A field's name in the reader's language, or null for a code that is not a field. */
export function techFieldLabel(code: string | null | undefined, locale: Locale): string | null {
  if (!isFieldCode(code)) return null;
  const label = TECH_FIELD_LABELS[code];
  return locale === 'en' ? label.en : label.zh;
}
