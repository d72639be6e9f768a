/** @module Checks the interview-bank schema and the problems that make a bank unusable with a framework. */
import { describe, expect, it } from 'vitest';
import { type InterviewBank, interviewBankProblems, interviewBankSchema } from './interview.ts';

const text = (words: string) => ({ da: `${words} (da)`, en: `${words} (en)` });
const competence = (competenceId: string, levelCount = 4) => ({
  questions: [1, 2].map((number) => ({
    id: `${competenceId}-interview-${number}`,
    text: text(`Fortæl om en gang ${number}`),
    probes: [text('Hvad var situationen?'), text('Hvad gjorde du?')],
  })),
  anchors: Array.from({ length: levelCount }, (_, index) => text(`niveau ${index + 1}`)),
});
const bank = (): InterviewBank => ({
  competences: { spoergeteknik: competence('spoergeteknik'), medbetjening: competence('medbetjening') },
});

describe('interview banks', () => {
  it('accept a bank that covers every competence with an anchor per level', () => {
    expect(interviewBankSchema.safeParse(bank()).success).toBe(true);
    expect(interviewBankProblems(bank(), ['spoergeteknik', 'medbetjening'], 4)).toEqual([]);
  });

  it('refuse one question, four questions, one probe and five probes', () => {
    const tooFew = bank();
    tooFew.competences.spoergeteknik!.questions.pop();
    expect(interviewBankSchema.safeParse(tooFew).success).toBe(false);
    const tooMany = bank();
    const questions = tooMany.competences.spoergeteknik!.questions;
    questions.push({ ...questions[0]!, id: 'a' }, { ...questions[0]!, id: 'b' });
    expect(interviewBankSchema.safeParse(tooMany).success).toBe(false);
    const oneProbe = bank();
    oneProbe.competences.spoergeteknik!.questions[0]!.probes.splice(1);
    expect(interviewBankSchema.safeParse(oneProbe).success).toBe(false);
    const fiveProbes = bank();
    fiveProbes.competences.spoergeteknik!.questions[0]!.probes.push(text('a'), text('b'), text('c'));
    expect(interviewBankSchema.safeParse(fiveProbes).success).toBe(false);
  });

  it('refuse a question missing in English, an id that is not kebab-case and an unknown field', () => {
    const missingEnglish = bank() as unknown as {
      competences: Record<string, { questions: { text: unknown }[] }>;
    };
    missingEnglish.competences.spoergeteknik!.questions[0]!.text = { da: 'Fortæl om' };
    expect(interviewBankSchema.safeParse(missingEnglish).success).toBe(false);
    const badId = bank();
    badId.competences.spoergeteknik!.questions[0]!.id = 'Spoergeteknik_1';
    expect(interviewBankSchema.safeParse(badId).success).toBe(false);
    expect(interviewBankSchema.safeParse({ ...bank(), grades: [] }).success).toBe(false);
  });

  it('name a missing competence, an unknown one, anchors that miss the scale and an id used twice', () => {
    const broken = bank();
    broken.competences.medbetjening!.questions[1]!.id = 'medbetjening-interview-1';
    broken.competences.medbetjening!.anchors.pop();
    broken.competences['ukendt-kompetence'] = competence('ukendt-kompetence');
    expect(interviewBankProblems(broken, ['spoergeteknik', 'medbetjening', 'holde-igen'], 4)).toEqual([
      'competence "holde-igen" has no interview questions',
      'competence "medbetjening" has 3 answer anchors; the scale has 4 levels',
      'interview questions for unknown competence "ukendt-kompetence"',
      'interview question id "medbetjening-interview-1" is used twice',
    ]);
  });

  it('match the anchors against the scale it is given, whatever its length', () => {
    expect(interviewBankProblems(bank(), ['spoergeteknik', 'medbetjening'], 5)).toEqual([
      'competence "spoergeteknik" has 4 answer anchors; the scale has 5 levels',
      'competence "medbetjening" has 4 answer anchors; the scale has 5 levels',
    ]);
  });

  it('do not mistake an inherited member for a competence', () => {
    expect(interviewBankProblems(bank(), ['spoergeteknik', 'medbetjening', 'constructor'], 4)).toEqual([
      'competence "constructor" has no interview questions',
    ]);
  });
});
