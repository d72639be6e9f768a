/** @module The conversation summary PDF: valid, one page for a normal plan, Danish letters intact, both languages. */
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../tests/support/pdf-text.ts';
import { summarySample } from '../../../tests/support/summary-sample.ts';
import { conversationSummaryPdf } from './conversation-summary.ts';

const input = summarySample;

describe('conversationSummaryPdf', () => {
  it('is a valid one-page PDF whose text holds the names, goals, actions and Danish labels', async () => {
    const bytes = await conversationSummaryPdf(input('da'));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.subarray(-6).toString()).toContain('%%EOF');
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBe(1);
    for (const expected of [
      'Tønder Kommune',
      'MUS – opsummering',
      'Birthe Hansen',
      'Anne Kristensen',
      'Bruge spørgeteknik til at afdække borgerens behov',
      'Øve medbetjening ved skranken',
      'Mødelokale 3, Rådhuset',
      'Pædagogik og coaching',
      'Næste opfølgning',
      '15. februar 2027',
      'Ikke underskrevet',
      '3,5',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('speaks English when asked', async () => {
    const { text } = await pdfText(await conversationSummaryPdf(input('en')));
    for (const expected of [
      'Development review – summary',
      'Next follow-up',
      '15 February 2027',
      'Not signed',
      'Signed',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('flows a long plan with addenda onto more pages instead of cutting it', async () => {
    const long = input('da', 10);
    long.addenda = Array.from({ length: 5 }, (_, index) => ({
      author: 'Anne Kristensen',
      at: '2027-01-05T10:00:00Z',
      text: `Tillæg ${index + 1}: ${'Kurset er flyttet, og vi følger op i næste måned. '.repeat(4)}`,
    }));
    const { pages, text } = await pdfText(await conversationSummaryPdf(long));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('Tillæg 5');
    expect(text).toContain('Mål nummer 10 om ærlig feedback');
  });
});
