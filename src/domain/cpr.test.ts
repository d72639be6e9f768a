import { describe, expect, it } from 'vitest';
import { containsCprNumber, cprBirthYear, findCprNumbers } from './cpr.ts';

describe('cprBirthYear', () => {
  it.each([
    // two-digit year, 7th digit → year
    [90, 0, 1990],
    [5, 3, 1905],
    [36, 4, 2036],
    [37, 4, 1937],
    [57, 5, 2057],
    [58, 5, 1858],
    [0, 8, 2000],
    [99, 8, 1899],
    [36, 9, 2036],
    [37, 9, 1937],
  ])('year %i with 7th digit %i → %i', (year, seventh, expected) => {
    expect(cprBirthYear(year, seventh)).toBe(expected);
  });
});

describe('findCprNumbers', () => {
  it.each([
    ['with a dash', 'Borgeren 010190-1234 ville have hjælp', '1990-01-01'],
    ['without a dash', 'Borgeren 0101901234 ville have hjælp', '1990-01-01'],
    ['with a space', 'cpr 010190 1234', '1990-01-01'],
    ['with an en dash from autocorrect', '010190–1234', '1990-01-01'],
    ['alone', '3112991234', '1999-12-31'],
    ['at the end of a sentence', 'Hun havde nr. 010190-1234.', '1990-01-01'],
    ['in brackets', '(0101901234)', '1990-01-01'],
    ['glued to letters', 'cpr0101901234', '1990-01-01'],
    ['without the modulus-11 check holding', '0101901235', '1990-01-01'],
    ['born in 2005', '150605-4321', '2005-06-15'],
    ['born in 1937 (7th digit 4)', '150637-4321', '1937-06-15'],
    ['born in 1858 (7th digit 5)', '150658-5321', '1858-06-15'],
    ['29 February in the leap year 2000 (7th digit 4)', '290200-4123', '2000-02-29'],
    ['29 February in the leap year 1896 (7th digit 5)', '290296-5123', '1896-02-29'],
    ['29 February 1996', '2902961234', '1996-02-29'],
    ['30 April', '300485-2222', '1985-04-30'],
    ['31 December', '311285-2222', '1985-12-31'],
  ])('finds a CPR number %s', (_case, text, birthDate) => {
    const found = findCprNumbers(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.birthDate).toBe(birthDate);
    expect(containsCprNumber(text)).toBe(true);
  });

  it.each([
    ['day 00', '000190-1234'],
    ['day 32', '320190-1234'],
    ['month 00', '010090-1234'],
    ['month 13', '011390-1234'],
    ['31 April', '310485-1234'],
    ['30 February', '3002961234'],
    ['29 February 1900, not a leap year (7th digit 0–3)', '290200-1234'],
    ['29 February 1858 (7th digit 5)', '290258-5123'],
    ['29 February 1997', '2902971234'],
    ['a Danish phone number', 'Ring på 12345678'],
    ['a phone number with country code', 'Ring på +45 12 34 56 78'],
    ['a phone number written in pairs', 'tlf. 20 30 40 50'],
    ['a phone number with country code and no spaces', '+4520304050'],
    ['eleven digits', '01019012345'],
    ['twelve digits', '010190123456'],
    ['ten digits inside a longer number', 'konto 12340101901234'],
    ['a longer number joined with a hyphen', 'ref 9876-0101901234'],
    ['a longer number continued with a hyphen', '010190-1234-5678'],
    ['a bank account number', 'Reg. nr. 1234 kontonr. 0012345678'],
    ['an amount', 'Beløbet var 1.234.567,89 kr.'],
    ['an amount with ten digits and decimals', '0101901234,50 kr.'],
    ['a decimal number', '0,0101901234'],
    ['a date', 'den 01-01-1990'],
    ['a date with points', 'den 01.01.1990 kl. 10.30'],
    ['an ISO date and time', '2026-05-12T14:30'],
    ['six digits', 'sag 010190'],
    ['nine digits', '010190123'],
  ])('leaves %s alone', (_case, text) => {
    expect(findCprNumbers(text)).toEqual([]);
    expect(containsCprNumber(text)).toBe(false);
  });

  it('finds every CPR number and where it is, without returning the digits', () => {
    const text = 'To borgere: 010190-1234 og 0202020202 (og tlf. 12345678).';
    const found = findCprNumbers(text);
    expect(found.map((match) => text.slice(match.index, match.index + match.length))).toEqual([
      '010190-1234',
      '0202020202',
    ]);
    expect(found.map((match) => match.birthDate)).toEqual(['1990-01-01', '1902-02-02']);
    expect(JSON.stringify(found)).not.toContain('1234');
  });

  it('finds a CPR number after a number it rejected', () => {
    expect(findCprNumbers('3201901234 og 0101901234')).toHaveLength(1);
  });
});
