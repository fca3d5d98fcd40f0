import type { ErrorCode } from '../errors';
import { en } from './en';
import { zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: Locale[] = ['zh-CN', 'en'];
const catalogues = { 'zh-CN': zhCN, en } as const;

/** Picks zh-CN unless the Accept-Language header prefers English. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return catalogues[locale].errors[code];
}

/** A field problem's reason in words; reason keys may carry {params}. */
export function reasonText(
  reason: string,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const table = catalogues[locale].reasons as Record<string, string>;
  const template = table[reason] ?? reason;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
