import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeText, readImportFile } from './import-file.ts';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
/** Æ, Ø and Å are the same single bytes in Windows-1252 as in Latin-1. */
const windows1252 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);

const danish = 'eksternt_id;navn\r\nP-1;Søren Ærø Åberg\r\n';

describe('decodeText', () => {
  it.each([
    ['UTF-8', utf8(danish), 'utf-8'],
    ['UTF-8 with a byte-order mark', withBom(utf8(danish)), 'utf-8'],
    ['Windows-1252', windows1252(danish), 'windows-1252'],
  ] as const)('reads %s', (_case, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text: danish, encoding });
  });
});

describe('readImportFile', () => {
  it.each([
    ['semicolons', 'eksternt_id;navn;email\r\nP-1;"Hansen, Birthe";b@x.dk\r\n', ';'],
    ['commas', 'eksternt_id,navn,email\nP-1,"Hansen; Birthe",b@x.dk\n', ','],
  ] as const)(
    'reads CSV with %s and keeps a quoted delimiter inside its cell',
    async (_case, text, delimiter) => {
      const read = await readImportFile(utf8(text));
      expect(read).toMatchObject({ ok: true, format: 'csv', delimiter, encoding: 'utf-8' });
      if (!read.ok) return;
      expect(read.sheet.header).toEqual(['eksternt_id', 'navn', 'email']);
      expect(read.sheet.rows).toEqual([
        { row: 2, cells: ['P-1', delimiter === ';' ? 'Hansen, Birthe' : 'Hansen; Birthe', 'b@x.dk'] },
      ]);
    },
  );

  it('numbers rows as a spreadsheet does, empty lines included', async () => {
    const read = await readImportFile(utf8('a;b\n1;2\n\n3;4\n'));
    expect(read.ok && read.sheet.rows.map((row) => row.row)).toEqual([2, 3, 4]);
    expect(read.ok && read.sheet.rows[2]).toEqual({ row: 4, cells: ['3', '4'] });
  });

  it('refuses a CSV file with a quote left open, giving the line and none of the text', async () => {
    const read = await readImportFile(utf8('a;b\n1;2\n"010190-1234;3\n4;5\n'));
    expect(read).toEqual({ ok: false, reason: 'csv_syntax', line: 3 });
    expect(JSON.stringify(read)).not.toContain('010190');
  });

  it.each([
    [
      'the old Excel format',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'xls_not_supported',
    ],
    ['a PDF', utf8('%PDF-1.7\n\u0001\u0002binary'), 'unreadable_file'],
    ['a damaged XLSX', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'unreadable_file'],
  ])('refuses %s', async (_case, bytes, reason) => {
    expect(await readImportFile(bytes)).toEqual({ ok: false, reason });
  });

  it('reads the first worksheet of an XLSX file as the text Excel shows, numbers and links included', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Medarbejdere');
    sheet.addRow(['eksternt_id', 'navn', 'email', 'titel']);
    sheet.addRow([
      1001,
      'Søren Ærø',
      { text: 'soren@kommune.dk', hyperlink: 'mailto:soren@kommune.dk' },
      null,
    ]);
    sheet.addRow([]);
    sheet.addRow(['P-2', 'Åse', 'aase@kommune.dk', 'Elev']);
    workbook.addWorksheet('Noter').addRow(['ignoreres']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const read = await readImportFile(bytes);
    expect(read).toMatchObject({ ok: true, format: 'xlsx' });
    if (!read.ok) return;
    expect(read.sheet.header).toEqual(['eksternt_id', 'navn', 'email', 'titel']);
    expect(read.sheet.rows).toEqual([
      { row: 2, cells: ['1001', 'Søren Ærø', 'soren@kommune.dk', ''] },
      { row: 4, cells: ['P-2', 'Åse', 'aase@kommune.dk', 'Elev'] },
    ]);
  });
});
