/** @module CSV files that Danish Excel opens as they are: UTF-8 with a byte-order mark, `;` between fields, CRLF. */
import { stringify } from 'csv-stringify/sync';

/** One header row and the data rows; every field quoted only where needed. */
export function danishCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const body = stringify([header as string[], ...rows.map((row) => row.map((value) => value ?? ''))], {
    delimiter: ';',
    record_delimiter: '\r\n',
    cast: { number: (value) => String(value).replace('.', ',') },
  });
  return `\uFEFF${body}`;
}

/** A header value for a file download; the name is ASCII so every browser keeps it. */
export const attachment = (fileName: string) => `attachment; filename="${fileName.replace(/[^\w.-]/g, '-')}"`;
