/** @module The conversation summary PDF: valid, one page for a normal plan, Danish letters intact, both languages. */
import { describe, expect, it } from 'vitest';
import { pdfLayoutProblems, pdfText } from '../../../tests/support/pdf-text.ts';
import { summarySample } from '../../../tests/support/summary-sample.ts';
import { type ConversationSummaryPdfInput, conversationSummaryPdf } from './conversation-summary.ts';

const input = summarySample;

/** Pairs of text runs that overlap, and runs outside the margins, in the summary of `summary`. */
const layoutProblems = async (summary: ConversationSummaryPdfInput) =>
  pdfLayoutProblems(await conversationSummaryPdf(summary));

const longPlan = () => {
  const long = input('da', 10);
  long.goals = long.goals.map((goal) => ({
    ...goal,
    why: `${goal.why} ${'Borgerne skal opleve, at vi lytter og spørger ind, før vi svarer. '.repeat(3)}`,
  }));
  long.addenda = Array.from({ length: 5 }, (_, index) => ({
    author: 'Anne Kristensen',
    at: '2027-01-05T10:00:00Z',
    text: `Tillæg ${index + 1}: ${'Kurset er flyttet, og vi følger op i næste måned. '.repeat(4)}`,
  }));
  return long;
};

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

  it('keeps capital Æ, Ø and Å and small æ, ø, å whole in the extracted text', async () => {
    const { text } = await pdfText(
      await conversationSummaryPdf({ ...input('da'), place: 'Ærøsalen, Åstrup Rådhus' }),
    );
    for (const word of [
      'Ærøsalen',
      'Åstrup',
      'Øve',
      'Pædagogik',
      'spørgeteknik',
      'åbne',
      'Måldato',
      'Tønder',
    ]) {
      expect(text).toContain(word);
    }
  });

  it('fits a full ordinary plan, four goals with eight actions, on one page', async () => {
    const { pages, text } = await pdfText(await conversationSummaryPdf(input('da', 4, 2)));
    expect(pages).toBe(1);
    expect(text).toContain('Mål nummer 4 om ærlig feedback');
    expect(text).toContain('Underskrifter');
  });

  it('flows a long plan with addenda onto more pages instead of cutting it', async () => {
    const { pages, text } = await pdfText(await conversationSummaryPdf(longPlan()));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('Tillæg 5');
    expect(text).toContain('Mål nummer 10 om ærlig feedback');
  });

  it('lays out text without overlaps and inside the margins, also with long area names and a long plan', async () => {
    const longAreas = input('en', 4, 2);
    longAreas.areas = [
      'Communication with citizens, colleagues and partners',
      'Guidance, coaching and helping citizens help themselves',
      'Organisational insight and knowledge of the legislation',
      'Digital skills and self-service solutions',
      'Personal skills: overview, calm and resilience at the counter',
      'Collaboration across teams',
    ].map((name, index) => ({ name, self: 1 + (index % 4), leader: index === 2 ? null : 2, target: 3 }));
    for (const summary of [input('da', 4, 2), input('en'), longAreas, longPlan()]) {
      expect(await layoutProblems(summary)).toEqual([]);
    }
  });
});
