import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { attachment, danishCsv } from './csv.ts';

describe('danishCsv', () => {
  it('starts with a byte-order mark, separates by semicolons, writes decimal commas and quotes where needed', () => {
    const csv = danishCsv(
      ['Navn', 'Gennemsnit', 'Note'],
      [
        ['Søren Ærø', 2.5, 'a; b'],
        ['Åse', 3, null],
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Søren Ærø;2,5;"a; b"\r\n');
    const rows = parse(csv.slice(1), { delimiter: ';' }) as string[][];
    expect(rows).toEqual([
      ['Navn', 'Gennemsnit', 'Note'],
      ['Søren Ærø', '2,5', 'a; b'],
      ['Åse', '3', ''],
    ]);
  });
});

describe('attachment', () => {
  it('keeps file names to safe ASCII', () => {
    expect(attachment('revisionslog 2026-12.csv')).toBe('attachment; filename="revisionslog-2026-12.csv"');
    expect(attachment('team"æ.csv')).toBe('attachment; filename="team--.csv"');
  });
});
