/** @module Checks the shipped interview questions as data: what a recruitment panel asks every candidate, and how it places the answers. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { competencesOf, type FrameworkDocument, frameworkDocumentSchema } from '../src/domain/framework.ts';
import { type InterviewBank, interviewBankProblems, interviewBankSchema } from '../src/domain/interview.ts';
import type { Locale, LocalizedText } from '../src/domain/text.ts';
import rawFramework from './frameworks/specialist-i-borgerbetjening.json' with { type: 'json' };
import rawBank from './interview-questions.json' with { type: 'json' };
import { bannedWordsIn, leadingPhrasesIn } from './wording.ts';

const maxQuestionLength = 200;
const maxProbeLength = 120;
const maxAnchorLength = 260;

// Parsed here rather than imported from ./interview.ts, which throws on load when anything is wrong: every check
// below should still run and report its own problem. If parsing fails, the raw data stands in for the rest.
const bankResult = interviewBankSchema.safeParse(rawBank);
const bank = bankResult.success ? bankResult.data : (rawBank as unknown as InterviewBank);
const frameworkResult = frameworkDocumentSchema.safeParse(rawFramework);
const framework = frameworkResult.success
  ? frameworkResult.data
  : (rawFramework as unknown as FrameworkDocument);
const competenceIds = competencesOf(framework).map((competence) => competence.id);
const levelCount = framework.scale.levels.length;

const competences = Object.entries(bank.competences);
const questions = competences.flatMap(([competenceId, competence]) =>
  competence.questions.map((question) => ({ competenceId, ...question })),
);

type Labelled = { where: string; text: LocalizedText };
const questionTexts: Labelled[] = questions.map((question) => ({ where: question.id, text: question.text }));
const probeTexts: Labelled[] = questions.flatMap((question) =>
  question.probes.map((text, index) => ({ where: `${question.id} probe ${index + 1}`, text })),
);
const anchorTexts: Labelled[] = competences.flatMap(([competenceId, competence]) =>
  competence.anchors.map((text, index) => ({ where: `${competenceId} anchor level ${index + 1}`, text })),
);
const allTexts = [...questionTexts, ...probeTexts, ...anchorTexts];

/** Each problem as "where (locale): detail", for every text and locale where `check` finds something. */
const problemsIn = (texts: Labelled[], check: (text: string, locale: Locale) => string | null): string[] =>
  texts.flatMap(({ where, text }) =>
    (['da', 'en'] as const).flatMap((locale) => {
      const problem = check(text[locale], locale);
      return problem === null ? [] : [`${where} (${locale}): ${problem}`];
    }),
  );

/**
 * Topics an interview must not touch (discrimination law and the content guide): age, health, disability, family,
 * pregnancy, religion, ethnicity, nationality, union membership, sexual orientation. Stems match the start of a word
 * ("famil" finds "familiemedlem"); the rest match whole words only, so "tro" does not find "trods".
 */
const discriminatoryTopics: Record<Locale, { stems: string[]; words: string[] }> = {
  da: {
    stems: [
      'famil',
      'gravid',
      'barsel',
      'helbred',
      'sygdom',
      'sygemeld',
      'handicap',
      'religi',
      'trosretning',
      'kirke',
      'moské',
      'etni',
      'nationalitet',
      'statsborger',
      'herkomst',
      'hudfarve',
      'fagforening',
      'seksuel',
      'ægtefæll',
      'modersmål',
    ],
    words: [
      'alder',
      'gammel',
      'ældre',
      'ung',
      'unge',
      'født',
      'syg',
      'børn',
      'barn',
      'gift',
      'kæreste',
      'partner',
      'tro',
      'bøn',
      'race',
      'a-kasse',
      'homoseksuel',
    ],
  },
  en: {
    stems: [
      'pregnan',
      'maternity',
      'paternity',
      'health',
      'illness',
      'disab',
      'handicap',
      'religio',
      'church',
      'mosque',
      'ethnic',
      'nationalit',
      'citizenship',
      'skin colo',
      'sexual',
      'spous',
      'mother tongue',
    ],
    words: [
      'family',
      'families',
      'age',
      'aged',
      'old',
      'older',
      'elderly',
      'young',
      'born',
      'sick',
      'children',
      'child',
      'kids',
      'married',
      'partner',
      'faith',
      'pray',
      'race',
      'union',
      'unions',
      'native',
    ],
  },
};
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const topicPatterns: Record<Locale, RegExp> = {
  da: topicPattern(discriminatoryTopics.da),
  en: topicPattern(discriminatoryTopics.en),
};
function topicPattern({ stems, words }: { stems: string[]; words: string[] }): RegExp {
  const stemPart = stems.map(escapeRegExp).join('|');
  const wordPart = words.map(escapeRegExp).join('|');
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(?:${stemPart})[\\p{L}-]*|(?:${wordPart})(?![\\p{L}\\p{N}-]))`,
    'giu',
  );
}
const discriminatoryTopicsIn = (text: string, locale: Locale): string[] =>
  text.match(topicPatterns[locale]) ?? [];

/** How a question about past behaviour opens: the candidate tells about something that happened. */
const pastBehaviourOpenings: Record<Locale, RegExp> = {
  da: /^(?:Fortæl om|Beskriv en situation|Giv et eksempel)\b/u,
  en: /^(?:Tell (?:us|me) about|Describe a situation|Give an example)\b/u,
};
/** How an anchor opens: it describes what the candidate tells about, never the candidate's traits. */
const anchorOpenings: Record<Locale, RegExp> = { da: /^Fortæller om /u, en: /^Describes /u };

const sentenceCount = (text: string) =>
  text.split(/[.!?](?:\s|$)/u).filter((part) => part.trim() !== '').length;

describe('interview questions', () => {
  it('parse with the interview-bank schema', () => {
    expect(bankResult.success, bankResult.error && z.prettifyError(bankResult.error)).toBe(true);
  });

  it('fit the default framework and its scale', () => {
    expect(interviewBankProblems(bank, competenceIds, levelCount)).toEqual([]);
  });

  it('give every competence two or three questions, each with two to four probes', () => {
    const problems = competenceIds.flatMap((competenceId) => {
      const list = bank.competences[competenceId]?.questions ?? [];
      return [
        ...(list.length < 2 || list.length > 3 ? [`${competenceId}: ${list.length} questions`] : []),
        ...list
          .filter((question) => question.probes.length < 2 || question.probes.length > 4)
          .map((question) => `${question.id}: ${question.probes.length} probes`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('give every competence one anchor per level of the scale, each different', () => {
    const problems = competenceIds.flatMap((competenceId) => {
      const anchors = bank.competences[competenceId]?.anchors ?? [];
      const english = anchors.map((anchor) => anchor.en);
      return [
        ...(anchors.length !== levelCount ? [`${competenceId}: ${anchors.length} anchors`] : []),
        ...(new Set(english).size !== english.length ? [`${competenceId}: an anchor repeats`] : []),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('keep the framework order, so a guide lists competences the way the profile does', () => {
    expect(Object.keys(bank.competences)).toEqual(competenceIds);
  });

  it('use every question id once, named after its competence and numbered in order', () => {
    const ids = questions.map((question) => question.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const misnamed = competences.flatMap(([competenceId, competence]) =>
      competence.questions
        .filter((question, index) => question.id !== `${competenceId}-interview-${index + 1}`)
        .map((question) => `${question.id} (under ${competenceId})`),
    );
    expect(misnamed).toEqual([]);
  });
});

describe('interview wording', () => {
  it('asks about past behaviour: "Fortæl om…", "Beskriv en situation…", "Giv et eksempel…"', () => {
    expect(
      problemsIn(questionTexts, (text, locale) =>
        pastBehaviourOpenings[locale].test(text) ? null : `opens "${text.slice(0, 30)}…"`,
      ),
    ).toEqual([]);
  });

  it('ends every question with a full stop or a question mark, and every probe with a question mark', () => {
    expect(
      problemsIn(questionTexts, (text) => (/[.?]$/u.test(text.trim()) ? null : 'no closing mark')),
    ).toEqual([]);
    expect(problemsIn(probeTexts, (text) => (text.trim().endsWith('?') ? null : 'no "?"'))).toEqual([]);
  });

  it('describes in every anchor what the candidate tells about, in one or two sentences', () => {
    expect(
      problemsIn(anchorTexts, (text, locale) => {
        if (!anchorOpenings[locale].test(text)) return `opens "${text.slice(0, 30)}…"`;
        const sentences = sentenceCount(text);
        return sentences > 2 ? `${sentences} sentences` : null;
      }),
    ).toEqual([]);
  });

  it(`keeps questions to ${maxQuestionLength}, probes to ${maxProbeLength} and anchors to ${maxAnchorLength} characters`, () => {
    const tooLong = (limit: number) => (text: string) =>
      text.length > limit ? `${text.length} characters` : null;
    expect(problemsIn(questionTexts, tooLong(maxQuestionLength))).toEqual([]);
    expect(problemsIn(probeTexts, tooLong(maxProbeLength))).toEqual([]);
    expect(problemsIn(anchorTexts, tooLong(maxAnchorLength))).toEqual([]);
  });

  it('uses no rating words', () => {
    const found = allTexts.flatMap(({ where, text }) =>
      [...bannedWordsIn(text.da), ...bannedWordsIn(text.en)].map((word) => `${where}: "${word}"`),
    );
    expect(found).toEqual([]);
  });

  it('asks no leading questions', () => {
    expect(
      problemsIn([...questionTexts, ...probeTexts], (text) => {
        const phrases = leadingPhrasesIn(text);
        return phrases.length > 0 ? `"${phrases.join('", "')}"` : null;
      }),
    ).toEqual([]);
  });

  it('touches no topic a candidate must not be asked about', () => {
    expect(
      problemsIn(allTexts, (text, locale) => {
        const topics = discriminatoryTopicsIn(text, locale);
        return topics.length > 0 ? `"${topics.join('", "')}"` : null;
      }),
    ).toEqual([]);
  });

  it('writes the Danish and the English separately, never copying one into the other', () => {
    const copied = allTexts
      .filter(({ text }) => text.da.trim().toLowerCase() === text.en.trim().toLowerCase())
      .map(({ where }) => where);
    expect(copied).toEqual([]);
  });
});

describe('the wording checks themselves', () => {
  it('find discriminatory topics in either language, by stem or whole word, and leave look-alikes alone', () => {
    expect(discriminatoryTopicsIn('Fortæl om din familie og dine børn.', 'da')).toEqual(['familie', 'børn']);
    expect(discriminatoryTopicsIn('Hvor gammel er du, og er du medlem af en fagforening?', 'da')).toEqual([
      'gammel',
      'fagforening',
    ]);
    expect(discriminatoryTopicsIn('Trods travlhed holdt du fast, og du tror på det.', 'da')).toEqual([]);
    expect(discriminatoryTopicsIn('Tell us about your health, your faith and your age.', 'en')).toEqual([
      'health',
      'faith',
      'age',
    ]);
    expect(
      discriminatoryTopicsIn('How did you manage the usage on a familiar page you told us about?', 'en'),
    ).toEqual([]);
  });

  it('recognise a past-behaviour question and refuse a hypothetical one', () => {
    expect(pastBehaviourOpenings.da.test('Fortæl om en gang, hvor du hjalp en kunde.')).toBe(true);
    expect(pastBehaviourOpenings.da.test('Hvad ville du gøre, hvis en borger blev vred?')).toBe(false);
    expect(pastBehaviourOpenings.en.test('Give an example of a time when you asked for help.')).toBe(true);
    expect(pastBehaviourOpenings.en.test('What would you do if a citizen got angry?')).toBe(false);
  });

  it('count sentences without tripping on an abbreviation without full stops', () => {
    expect(sentenceCount('Fortæller om at lytte, fx ved skranken. Og om at spørge.')).toBe(2);
    expect(sentenceCount('Describes one thing. Then another. Then a third.')).toBe(3);
  });
});

describe('loading the interview content', () => {
  it('goes through content/interview.ts', async () => {
    const content = await import('./interview.ts');
    expect(content.defaultInterviewBank).toEqual(bank);
  });

  it('fails with an error that names every problem', async () => {
    const { parseInterviewBank } = await import('./interview.ts');
    const { medbetjening: _removed, ...kept } = rawBank.competences;
    const spoergeteknik = rawBank.competences.spoergeteknik;
    const broken = {
      competences: {
        ...kept,
        spoergeteknik: { ...spoergeteknik, anchors: spoergeteknik.anchors.slice(0, 3) },
        'ukendt-kompetence': rawBank.competences['holde-igen'],
      },
    };
    let message = '';
    try {
      parseInterviewBank(broken, framework);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`The interview questions do not fit framework "${framework.key}"`);
    expect(message).toContain('competence "medbetjening" has no interview questions');
    expect(message).toContain('competence "spoergeteknik" has 3 answer anchors; the scale has 4 levels');
    expect(message).toContain('interview questions for unknown competence "ukendt-kompetence"');
    expect(message).toContain('interview question id "holde-igen-interview-1" is used twice');
  });

  it('reports a schema problem legibly, naming where it is', async () => {
    const { parseInterviewBank } = await import('./interview.ts');
    const spoergeteknik = rawBank.competences.spoergeteknik;
    const broken = {
      competences: {
        ...rawBank.competences,
        spoergeteknik: { ...spoergeteknik, questions: spoergeteknik.questions.slice(0, 1) },
      },
    };
    expect(() => parseInterviewBank(broken, framework)).toThrow(
      /The interview content is invalid:[\s\S]*competences\.spoergeteknik\.questions/,
    );
  });
});
