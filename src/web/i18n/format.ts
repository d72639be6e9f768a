/** @module Dates, times, numbers and lists in the reader's language: "12. maj 2026", "14.30", "2,5" in Danish. */
import type { Locale, LocalizedText } from '../../domain/text.ts';

const intlLocale = (locale: Locale): string => (locale === 'da' ? 'da-DK' : 'en-GB');

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

/**
 * A calendar day (YYYY-MM-DD, e.g. a deadline) as the same day everywhere: read and written in UTC, so a reader
 * west of Greenwich does not see the day before.
 */
export function formatDay(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** "14.30" in Danish, "14:30" in English, in the reader's own time zone. */
export function formatTime(instant: string | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit' }).format(
    typeof instant === 'string' ? new Date(instant) : instant,
  );
}

/** "2,5" / "2.5": at most one decimal, as the averages are rounded to. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(value);
}

/** Today as YYYY-MM-DD in the reader's time zone, for date inputs and comparing with deadlines. */
export function todayIso(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "A, B og C" / "A, B and C". */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
}

/** Content (framework, role profiles) carries both languages; pick the reader's. */
export const localized = (text: LocalizedText, locale: Locale): string => text[locale];

/** A month (`YYYY-MM`) as "august 2026" / "August 2026", or "aug." / "Aug" when short. */
export function formatMonth(month: string, locale: Locale, length: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    month: length,
    ...(length === 'long' ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

/** A share (0–1) as a whole percentage: "60 %" / "60%". */
export function formatPercent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}
