/**
 * How messages are written, here and in the web app: each key holds its Chinese (source) and
 * English text side by side, so a missing translation is a type error where it is written, and
 * each domain file names the key prefixes it owns (a key outside them is a type error too).
 */
export type Locale = 'zh-CN' | 'en';
export const LOCALES: Locale[] = ['zh-CN', 'en'];

/** One message in both languages; `{name}` marks a placeholder filled by `fillTemplate`. */
export interface Message {
  zh: string;
  en: string;
}

/**
 * The part of a key that names its owner: before the first dot ('org.not_found' → 'org'), or
 * the whole key when it has none (zod's own issue codes such as 'too_long').
 */
export type OwnedKey<P extends string> = P | `${P}.${string}`;

export function keyPrefix(key: string): string {
  const dot = key.indexOf('.');
  return dot < 0 ? key : key.slice(0, dot);
}

/** A domain's messages and the prefixes it owns. */
export interface MessageSet<K extends string> {
  prefixes: readonly string[];
  messages: Record<K, Message>;
}

/** `defineMessages(['neg'], { 'neg.title': { zh: '成果洽谈', en: 'Negotiations' } })`. */
export function defineMessages<const P extends string, K extends OwnedKey<P>>(
  prefixes: readonly P[],
  messages: Record<K, Message>,
): MessageSet<K> {
  return { prefixes, messages };
}

/** One language's texts of a set of messages. */
export function inLocale<K extends string>(
  messages: Record<K, Message>,
  locale: Locale,
): Record<K, string> {
  const lang = locale === 'en' ? 'en' : 'zh';
  const out = {} as Record<K, string>;
  for (const key of Object.keys(messages) as K[]) out[key] = messages[key][lang];
  return out;
}

/** Fills `{name}` placeholders; an unknown one stays visible rather than vanishing. */
export function fillTemplate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** Placeholder names of a template, e.g. '{year} 年' → ['year']. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
