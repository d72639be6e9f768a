/** @module The interview guide PDF: valid, the questions, probes and anchors in order, Danish letters whole, clean layout. */
import { describe, expect, it } from 'vitest';
import { defaultFramework } from '../../../content/index.ts';
import { defaultInterviewBank } from '../../../content/interview.ts';
import { pdfLayoutProblems, pdfText } from '../../../tests/support/pdf-text.ts';
import { interviewGuide } from '../../domain/interview-guide.ts';
import { competenceOrder, guideCompetences, renderGuideItems } from '../recruitment.ts';
import { type InterviewGuidePdfInput, interviewGuidePdf } from './interview-guide.ts';

const focus = ['spoergeteknik', 'medbetjening', 'digital-vejledning-og-motivation', 'kulturel-aabenhed'];

/** The guide the shipped bank suggests for four focus competences, plus an own general question. */
function sample(locale: 'da' | 'en', focusCompetenceIds = focus): InterviewGuidePdfInput {
  const position = {
    focusCompetenceIds,
    targets: Object.fromEntries(focusCompetenceIds.map((id) => [id, 3])),
  };
  const items = interviewGuide({
    focusCompetenceIds,
    competenceOrder: competenceOrder(defaultFramework),
    bank: defaultInterviewBank,
  });
  return {
    locale,
    municipalityName: 'Tønder Kommune',
    positionTitle:
      locale === 'da' ? 'Specialist i borgerbetjening, Ærø-teamet' : 'Citizen service specialist',
    unitName: 'Team Skranke',
    scaleMax: 4,
    competences: guideCompetences(defaultFramework, position, defaultInterviewBank, locale),
    items: [
      ...renderGuideItems(items, defaultInterviewBank, locale),
      {
        id: 'own:motivation',
        competenceId: null,
        text:
          locale === 'da' ? 'Hvorfor søger du netop hos os på Åbenrå-kontoret?' : 'Why do you apply here?',
        probes: [],
      },
    ],
  };
}

describe('interviewGuidePdf', () => {
  it('is a valid PDF holding every question, its probes and the anchors, in the guide’s order', async () => {
    const input = sample('da');
    const bytes = await interviewGuidePdf(input);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await pdfText(bytes);
    const flat = text.replace(/\s+/g, ' ');
    // Each question is found after the one before it: all are there, in order.
    let from = 0;
    for (const item of input.items) {
      const at = flat.indexOf(item.text.replace(/\s+/g, ' ').slice(0, 40), from);
      expect(at, item.text).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    for (const expected of [
      'Samtaleguide: Specialist i borgerbetjening, Ærø-teamet',
      'Tønder Kommune',
      'Uddybende spørgsmål',
      'Sådan lyder et svar på hvert niveau',
      'Niveau 4 – Ekspert',
      'Øvrige spørgsmål',
      'Kandidat',
      'Spørgeteknik (Mål: 3 – Behersker)',
    ]) {
      expect(flat).toContain(expected);
    }
    const firstProbe = input.items[0]!.probes[0]!;
    expect(flat).toContain(firstProbe.slice(0, 30));
  });

  it('keeps Æ, Ø, Å, æ, ø and å whole', async () => {
    const { text } = await pdfText(await interviewGuidePdf(sample('da')));
    for (const word of ['Ærø-teamet', 'Åbenrå-kontoret', 'Øvrige', 'Spørgeteknik', 'Tønder', 'Sådan']) {
      expect(text).toContain(word);
    }
  });

  it('speaks English when asked', async () => {
    const { text } = await pdfText(await interviewGuidePdf(sample('en')));
    for (const expected of [
      'Interview guide',
      'Probes',
      'What an answer sounds like at each level',
      'Level 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Uddybende');
  });

  it('lays out a long guide of eight competences over pages without overlaps or text outside the margins', async () => {
    const eight = [
      ...focus,
      'klar-mundtlig-formidling',
      'konfliktnedtrapning',
      'holde-igen',
      'servicemindedhed',
    ];
    const bytes = await interviewGuidePdf(sample('da', eight));
    const { pages } = await pdfText(bytes);
    expect(pages).toBeGreaterThan(2);
    expect(await pdfLayoutProblems(bytes)).toEqual([]);
    expect(await pdfLayoutProblems(await interviewGuidePdf(sample('en')))).toEqual([]);
  });
});
