/**
 * @module What every PDF of Vejviser shares: an A4 pdfkit document in IBM Plex Sans (the UI's typeface, so æ, ø and å
 * come out right), its colours, and the layout helpers for headings and labelled lines that never end a page alone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { woffToSfnt } from './woff.ts';

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** IBM Plex Sans from the installed package: read and decompressed once per process. */
const loadFonts = () => {
  const font = (weight: number) =>
    woffToSfnt(
      readFileSync(
        require.resolve(`@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-${weight}-normal.woff`),
      ),
    );
  fonts ??= { regular: font(400), bold: font(600) };
  return fonts;
};

export const ink = '#1a1a1a';
export const muted = '#545454';
export const grid = '#b0b0b0';

export interface PdfPage {
  doc: PDFKit.PDFDocument;
  /** The finished file, once `doc.end()` has been called. */
  finished: Promise<Buffer>;
  left: number;
  width: number;
  /** Starts a new page unless `height` more points fit, so a heading or title never ends a page alone. */
  keepRoom(height: number): void;
  heading(value: string, size?: number, after?: number): void;
  /** "Label: value" with the label in bold, indented by `indent`. */
  line(label: string, value: string, indent?: number): void;
}

export function createPdf(options: { locale: 'da' | 'en'; title: string; author: string }): PdfPage {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 36,
    lang: options.locale,
    info: { Title: options.title, Author: options.author, Creator: 'Vejviser' },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const keepRoom = (height: number) => {
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const heading = (value: string, size = 11, after = 40) => {
    keepRoom(size * 2 + after);
    doc.moveDown(0.5).font('bold').fontSize(size).fillColor(ink).text(value, left, doc.y, { width });
    doc.moveDown(0.2);
  };
  const line = (label: string, value: string, indent = 0) => {
    doc
      .font('bold')
      .fontSize(8.5)
      .fillColor(ink)
      .text(`${label}: `, left + indent, doc.y, { continued: true, width: width - indent })
      .font('regular')
      .text(value);
  };
  return { doc, finished, left, width, keepRoom, heading, line };
}
