/**
 * @module Finds Danish CPR numbers in free text, so that no citizen's personal number is ever stored in a practice
 * log. Runs in the browser for immediate feedback and on the server, which decides.
 */

/** One CPR number found: where it is, and the birth date it encodes (YYYY-MM-DD). Never the digits themselves. */
export interface CprMatch {
  index: number;
  length: number;
  birthDate: string;
}

/**
 * Six digits (DDMMYY), an optional separator — a hyphen or dash, as typed on a keyboard or changed by a phone's
 * autocorrect, or one space — and four digits. Not when the digits continue a longer number on either side (also
 * across a hyphen, point or comma), so bank accounts, reference numbers and amounts are left alone.
 */
const candidate = /(?<!\d[-.,]?)(\d{2})(\d{2})(\d{2})[-‐‑–— ]?(\d)\d{3}(?![-.,]?\d)/gu;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysIn = (month: number, year: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * The century of a CPR number, from its two-digit year and the first digit of the serial number (CPR-kontoret's
 * rule): 0–3 → 1900s; 4 and 9 → 2000s up to year 36, else 1900s; 5–8 → 2000s up to year 57, else 1800s.
 */
export function cprBirthYear(twoDigitYear: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900 + twoDigitYear;
  if (seventhDigit === 4 || seventhDigit === 9) return (twoDigitYear <= 36 ? 2000 : 1900) + twoDigitYear;
  return (twoDigitYear <= 57 ? 2000 : 1800) + twoDigitYear;
}

/**
 * Every CPR number in the text: ten digits whose first six are a real date once the century is known. The modulus-11
 * check is deliberately not used: numbers issued since 2007 need not satisfy it, and a number that fails it is still a
 * person's number.
 */
export function findCprNumbers(text: string): CprMatch[] {
  const found: CprMatch[] = [];
  for (const match of text.matchAll(candidate)) {
    const [whole, dd, mm, yy, seventh] = match as unknown as [string, string, string, string, string];
    const day = Number(dd);
    const month = Number(mm);
    const year = cprBirthYear(Number(yy), Number(seventh));
    if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) continue;
    found.push({ index: match.index ?? 0, length: whole.length, birthDate: `${year}-${mm}-${dd}` });
  }
  return found;
}

export const containsCprNumber = (text: string): boolean => findCprNumbers(text).length > 0;
