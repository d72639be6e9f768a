/** @module The conversation summary PDF: valid, one page for a normal plan, Danish letters intact, both languages. */
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../tests/support/pdf-text.ts';
import { type ConversationSummaryPdfInput, conversationSummaryPdf } from './conversation-summary.ts';

const action = (description: string) => ({
  kind: 'practice' as const,
  description,
  owner: 'Birthe Hansen',
  dueDate: '2027-01-31',
  status: 'in_progress' as const,
  colleague: null,
});

const input = (locale: 'da' | 'en', goals = 3): ConversationSummaryPdfInput => ({
  locale,
  timeZone: 'Europe/Copenhagen',
  municipalityName: 'Tønder Kommune',
  kind: 'mus',
  employee: { name: 'Birthe Hansen', title: 'Borgerservicemedarbejder' },
  leader: { name: 'Anne Kristensen' },
  scheduledAt: '2026-12-10T08:30:00Z',
  heldAt: '2026-12-10T08:35:00Z',
  place: 'Mødelokale 3, Rådhuset',
  scaleMax: 4,
  areas: [
    { name: 'Kommunikation', self: 3.5, leader: 2.5, target: 3 },
    { name: 'Pædagogik og coaching', self: 2, leader: 2, target: 3 },
    { name: 'Organisatorisk indsigt', self: 3, leader: null, target: 3 },
    { name: 'IT-kompetencer', self: 4, leader: 3, target: 3 },
    { name: 'Personlige kompetencer', self: 3, leader: 3, target: 3 },
  ],
  goals: Array.from({ length: goals }, (_, index) => ({
    title:
      index === 0
        ? 'Bruge spørgeteknik til at afdække borgerens behov'
        : `Mål nummer ${index + 1} om ærlig feedback`,
    why: 'Så borgeren får den rigtige hjælp første gang.',
    successCriterion: 'Tre borgere om ugen klarer selv ansøgningen på borger.dk.',
    targetDate: '2027-03-31',
    competences: ['Spørgeteknik', 'Medbetjening'],
    status: 'not_started' as const,
    actions: [
      action('Øve medbetjening ved skranken'),
      action('Læse om åbne spørgsmål'),
      action('Følge Mads en formiddag'),
    ],
  })),
  nextFollowUp: '2027-02-15',
  signatures: [
    { role: 'employee', name: 'Birthe Hansen', signedAt: '2026-12-10T09:20:00Z' },
    { role: 'leader', name: 'Anne Kristensen', signedAt: null },
  ],
  addenda: [],
});

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
