/** @module The text of a PDF, page by page, read with pdf.js: for tests that check what a downloaded PDF says. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One run of text as pdf.js places it: page number from 1, box in PDF points from the page's lower left. */
export interface PdfTextBox {
  page: number;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

async function readPdf(bytes: Uint8Array) {
  // verbosity 0: pdf.js would otherwise print font warnings, and a printed console.error fails the suite.
  const document = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      pages.push((await (await document.getPage(number)).getTextContent()).items);
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pages = await readPdf(bytes);
  // pdf.js splits a line into runs; join them by their own end-of-line marks so words stay whole.
  const text = pages
    .map((items) =>
      items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''),
    )
    .join('\n');
  return { pages: pages.length, text };
}

/** Every non-empty run of text with its box, to check layout: nothing overlaps, nothing leaves the page. */
export async function pdfTextBoxes(bytes: Uint8Array): Promise<PdfTextBox[]> {
  const pages = await readPdf(bytes);
  return pages.flatMap((items, index) =>
    items.flatMap((item) =>
      'str' in item && item.str.trim() !== ''
        ? [
            {
              page: index + 1,
              text: item.str,
              x: item.transform[4] as number,
              y: item.transform[5] as number,
              width: item.width,
              height: item.height,
            },
          ]
        : [],
    ),
  );
}

const a4 = { width: 595.28, height: 841.89, margin: 36 };

/** Pairs of text runs on one page whose boxes intersect by more than half a point, and runs outside the margins. */
export async function pdfLayoutProblems(bytes: Uint8Array): Promise<string[]> {
  const boxes = await pdfTextBoxes(bytes);
  const overlap = (a: PdfTextBox, b: PdfTextBox) =>
    a.page === b.page &&
    Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 &&
    Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;
  const problems = boxes.flatMap((box, index) =>
    boxes
      .slice(index + 1)
      .filter((other) => overlap(box, other))
      .map((other) => `page ${box.page}: "${box.text}" overlaps "${other.text}"`),
  );
  for (const box of boxes) {
    if (
      box.x < a4.margin - 1 ||
      box.x + box.width > a4.width - a4.margin + 1 ||
      box.y < a4.margin - 1 ||
      box.y + box.height > a4.height - a4.margin + 1
    )
      problems.push(`page ${box.page}: "${box.text}" leaves the margins`);
  }
  return problems;
}
