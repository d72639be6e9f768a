/** @module The UI's i18next instance: Danish first, English second, the choice remembered in localStorage. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../domain/text.ts';
import da from './da.json';
import en from './en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // Typing keys against the Danish file makes a misspelt key a compile error.
    resources: { translation: typeof da };
  }
}

export const uiLocales: readonly Locale[] = ['da', 'en'];
const storageKey = 'vejviser.locale';

export const isLocale = (value: unknown): value is Locale => value === 'da' || value === 'en';

/** The language remembered on this device, or Danish. Storage may be blocked; that must not break the app. */
export function rememberedLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return isLocale(stored) ? stored : 'da';
  } catch {
    return 'da';
  }
}

function remember(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(storageKey, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts until the page is reloaded.
  }
}

export const currentLocale = (): Locale => (isLocale(i18n.language) ? i18n.language : 'da');

/** Listeners get the new language after every change, e.g. the API client's Accept-Language. */
const listeners = new Set<(locale: Locale) => void>();
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

i18n.on('languageChanged', (language) => {
  const locale: Locale = isLocale(language) ? language : 'da';
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  remember(locale);
  for (const listener of listeners) listener(locale);
});

void i18n.use(initReactI18next).init({
  resources: { da: { translation: da }, en: { translation: en } },
  lng: rememberedLocale(),
  fallbackLng: 'da',
  supportedLngs: ['da', 'en'],
  interpolation: { escapeValue: false },
  // Resources are bundled, so initialise synchronously and render the right language from the first paint.
  initAsync: false,
});

export default i18n;
