/** @module Dates and lists in the reader's language: "12. maj 2026" in Danish, "12 May 2026" in English. */
import type { Locale, LocalizedText } from '../../domain/text.ts';

const intlLocale = (locale: Locale): string => (locale === 'da' ? 'da-DK' : 'en-GB');

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

/** "A, B og C" / "A, B and C". */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
}

/** Content (framework, role profiles) carries both languages; pick the reader's. */
export const localized = (text: LocalizedText, locale: Locale): string => text[locale];
