/** @module Dates, times and numbers the way a Danish reader expects them, and English for English. */
import { describe, expect, it } from 'vitest';
import { formatDay, formatNumber, formatTime, todayIso } from './format.ts';

describe('formatDay', () => {
  it('writes a deadline as "12. maj 2026" in Danish and "12 May 2026" in English', () => {
    expect(formatDay('2026-05-12', 'da')).toBe('12. maj 2026');
    expect(formatDay('2026-05-12', 'en')).toBe('12 May 2026');
  });
});

describe('formatTime', () => {
  it('uses a full stop in Danish and a colon in English', () => {
    const afternoon = new Date(2026, 4, 12, 14, 30);
    expect(formatTime(afternoon, 'da')).toBe('14.30');
    expect(formatTime(afternoon, 'en')).toBe('14:30');
  });
});

describe('formatNumber', () => {
  it('writes a decimal comma in Danish and keeps at most one decimal', () => {
    expect(formatNumber(2.5, 'da')).toBe('2,5');
    expect(formatNumber(2.5, 'en')).toBe('2.5');
    expect(formatNumber(3, 'da')).toBe('3');
  });
});

describe('todayIso', () => {
  it('gives the local calendar day with leading zeros', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
