/**
 * @module Reads an uploaded import file into a table of text: XLSX (the first worksheet), or CSV separated by `;` or
 * `,` in UTF-8 (with or without byte-order mark) or Windows-1252, as Danish Excel saves it. Never logs or repeats a
 * cell: a file is refused with a reason and, for CSV, the line.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { detectDelimiter, maxImportRows, type RawSheet } from '../domain/people-import.ts';

export type ImportFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'windows-1252';

export type ReadFile =
  | { ok: true; format: ImportFormat; sheet: RawSheet; encoding?: TextEncoding; delimiter?: ';' | ',' }
  | { ok: false; reason: 'unreadable_file' | 'xls_not_supported' | 'too_many_rows' }
  | { ok: false; reason: 'csv_syntax'; line: number };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((byte, index) => bytes[index] === byte);

const zip = [0x50, 0x4b, 0x03, 0x04];
/** The old binary Excel format (and other OLE documents). */
const ole = [0xd0, 0xcf, 0x11, 0xe0];
const utf8Bom = [0xef, 0xbb, 0xbf];

/**
 * Text in UTF-8 when the bytes are valid UTF-8 (a byte-order mark is dropped), otherwise Windows-1252: a file of
 * Danish text in Windows-1252 is practically never valid UTF-8, since æ, ø and å are single bytes above 127.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const body = startsWith(bytes, utf8Bom) ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The line where a quoted field opens and never closes, or undefined: csv-parse only says where the file ended. */
function unclosedQuoteLine(text: string): number | undefined {
  let line = 1;
  let openedAt: number | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '\n') line += 1;
    if (character !== '"') continue;
    if (openedAt === undefined) openedAt = line;
    else if (text[index + 1] === '"') index += 1;
    else openedAt = undefined;
  }
  return openedAt;
}

function readCsv(bytes: Uint8Array): ReadFile {
  // Control characters other than tab and line breaks mean a binary file (a PDF, an image), not text.
  if (bytes.subarray(0, 4096).some((byte) => byte < 9 || (byte > 13 && byte < 32))) {
    return { ok: false, reason: 'unreadable_file' };
  }
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text.slice(0, text.search(/\r?\n|$/)));
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
      to: maxImportRows + 2,
    }) as string[][];
  } catch (error) {
    // csv-parse's message can quote the cell it choked on; only the line number is passed on.
    const line = unclosedQuoteLine(text) ?? (error as { lines?: number }).lines;
    return { ok: false, reason: 'csv_syntax', line: typeof line === 'number' ? line : 0 };
  }
  if (records.length > maxImportRows + 1) return { ok: false, reason: 'too_many_rows' };
  const [header = [], ...rows] = records;
  return {
    ok: true,
    format: 'csv',
    encoding,
    delimiter,
    sheet: { header, rows: rows.map((cells, index) => ({ row: index + 2, cells })) },
  };
}

/** A cell as the user sees it in Excel: the text of a number, a date, a formula's result or a link. */
const cellText = (cell: ExcelJS.Cell): string => {
  try {
    return cell.text ?? '';
  } catch {
    return '';
  }
};

async function readXlsx(bytes: Uint8Array): Promise<ReadFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: 'unreadable_file' };
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) return { ok: false, reason: 'unreadable_file' };
  if (worksheet.actualRowCount > maxImportRows + 1) return { ok: false, reason: 'too_many_rows' };
  const width = worksheet.columnCount;
  const rowCells = (row: ExcelJS.Row) =>
    Array.from({ length: width }, (_, index) => cellText(row.getCell(index + 1)));
  const header = rowCells(worksheet.getRow(1));
  const rows: RawSheet['rows'][number][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > 1) rows.push({ row: rowNumber, cells: rowCells(row) });
  });
  return { ok: true, format: 'xlsx', sheet: { header, rows } };
}

/** The table in an uploaded file, told apart by its first bytes rather than by its name. */
export async function readImportFile(bytes: Uint8Array): Promise<ReadFile> {
  if (startsWith(bytes, zip)) return readXlsx(bytes);
  if (startsWith(bytes, ole)) return { ok: false, reason: 'xls_not_supported' };
  return readCsv(bytes);
}
