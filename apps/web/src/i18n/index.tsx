import { fillTemplate, type Locale } from '@corridor/contracts';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { catalogues, type MessageKey } from './catalogue';

export type { Locale, MessageKey };
export type MessageParams = Record<string, string | number>;
export type TFunction = (key: MessageKey, params?: MessageParams) => string;

const STORAGE_KEY = 'corridor.locale';

function readStoredLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let currentLocale: Locale = readStoredLocale();

/** The UI language outside React (the API client sends it as Accept-Language). */
export function getLocale(): Locale {
  return currentLocale;
}

export function translate(key: MessageKey, params?: MessageParams, locale = currentLocale): string {
  return fillTemplate(catalogues[locale][key] ?? key, params);
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue>({ locale: currentLocale, setLocale: () => {} });

function applyDocument(locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = translate('app.title', undefined, locale);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    applyDocument(currentLocale);
    return currentLocale;
  });
  const setLocale = useCallback((next: Locale) => {
    currentLocale = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    applyDocument(next);
    setLocaleState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useLocale(): I18nValue {
  return useContext(I18nContext);
}

/** `t(key, params)` in the current UI language. */
export function useT(): TFunction {
  const { locale } = useContext(I18nContext);
  return useCallback<TFunction>((key, params) => translate(key, params, locale), [locale]);
}
