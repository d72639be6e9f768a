/** @module Checks the shipped coaching questions and MUS prompts as data: what a leader and an employee read aloud. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type CoachingBank,
  coachingBankProblems,
  coachingBankSchema,
  growPhases,
  musThemes,
} from '../src/domain/coaching.ts';
import { competencesOf, type FrameworkDocument, frameworkDocumentSchema } from '../src/domain/framework.ts';
import type { LocalizedText } from '../src/domain/text.ts';
import rawBank from './coaching-questions.json' with { type: 'json' };
import rawFramework from './frameworks/specialist-i-borgerbetjening.json' with { type: 'json' };
import { bannedWordsIn, leadingPhrasesIn } from './wording.ts';

const maxQuestionLength = 200;

// Parsed here rather than imported from ./index.ts, which throws on load when anything is wrong: every check
// below should still run and report its own problem. If parsing fails, the raw data stands in for the rest.
const bankResult = coachingBankSchema.safeParse(rawBank);
const bank = bankResult.success ? bankResult.data : (rawBank as unknown as CoachingBank);
const frameworkResult = frameworkDocumentSchema.safeParse(rawFramework);
const framework = frameworkResult.success
  ? frameworkResult.data
  : (rawFramework as unknown as FrameworkDocument);
const competenceIds = competencesOf(framework).map((competence) => competence.id);

const questions = Object.entries(bank.competences).flatMap(([competenceId, list]) =>
  list.map((question) => ({ competenceId, ...question })),
);

/** Every text the leader or the employee reads as a question, labelled by where it lives. */
const questionTexts: { where: string; text: LocalizedText }[] = [
  ...questions.map((question) => ({ where: question.id, text: question.text })),
  ...bank.musThemes.flatMap((theme) =>
    theme.prompts.map((prompt, index) => ({ where: `MUS ${theme.id} prompt ${index + 1}`, text: prompt })),
  ),
  ...bank.strengthPrompts.map((text, index) => ({ where: `strength prompt ${index + 1}`, text })),
  ...bank.divergencePrompts.blind_spot.map((text, index) => ({
    where: `blind-spot prompt ${index + 1}`,
    text,
  })),
  ...bank.divergencePrompts.hidden_strength.map((text, index) => ({
    where: `hidden-strength prompt ${index + 1}`,
    text,
  })),
  ...bank.openGoalPrompts.map((text, index) => ({ where: `open-goal prompt ${index + 1}`, text })),
  ...bank.groupThemes.flatMap((theme) =>
    theme.prompts.map((prompt, index) => ({ where: `GRUS ${theme.id} prompt ${index + 1}`, text: prompt })),
  ),
  ...bank.teamStrengthPrompts.map((text, index) => ({ where: `team strength prompt ${index + 1}`, text })),
  ...bank.teamGapPrompts.map((text, index) => ({ where: `team gap prompt ${index + 1}`, text })),
  ...bank.teamGoalPrompts.map((text, index) => ({ where: `team goal prompt ${index + 1}`, text })),
];
const allTexts = [
  ...questionTexts,
  ...bank.musThemes.map((theme) => ({ where: `MUS ${theme.id} title`, text: theme.title })),
];

/** Each problem as "where (locale): detail", for every text and locale where `check` finds something. */
const problemsIn = (texts: typeof allTexts, check: (text: string) => string | null): string[] =>
  texts.flatMap(({ where, text }) =>
    (['da', 'en'] as const).flatMap((locale) => {
      const problem = check(text[locale]);
      return problem === null ? [] : [`${where} (${locale}): ${problem}`];
    }),
  );

describe('coaching questions', () => {
  it('parse with the coaching-bank schema', () => {
    expect(bankResult.success, bankResult.error && z.prettifyError(bankResult.error)).toBe(true);
  });

  it('fit the default framework', () => {
    expect(coachingBankProblems(bank, competenceIds)).toEqual([]);
  });

  it('give every competence of the framework at least three questions and one per GROW phase', () => {
    const problems = competenceIds.flatMap((competenceId) => {
      const list = bank.competences[competenceId] ?? [];
      const missing = growPhases.filter((phase) => !list.some((question) => question.phase === phase));
      return [
        ...(list.length < 3 ? [`${competenceId}: ${list.length} questions`] : []),
        ...missing.map((phase) => `${competenceId}: no "${phase}" question`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('order every competence goal → reality → options → way forward', () => {
    const unordered = Object.entries(bank.competences)
      .filter(([, list]) =>
        list.some(
          (question, index) =>
            index > 0 && growPhases.indexOf(question.phase) < growPhases.indexOf(list[index - 1]!.phase),
        ),
      )
      .map(([competenceId, list]) => `${competenceId}: ${list.map((question) => question.phase).join(', ')}`);
    expect(unordered).toEqual([]);
  });

  it('use every question id once, named after its competence', () => {
    const ids = questions.map((question) => question.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const misnamed = questions
      .filter((question) => !question.id.startsWith(`${question.competenceId}-`))
      .map((question) => `${question.id} (under ${question.competenceId})`);
    expect(misnamed).toEqual([]);
  });
});

describe('coaching and MUS wording', () => {
  it('has the four MUS themes in the order the conversation takes them, each with 2–4 prompts', () => {
    expect(bank.musThemes.map((theme) => theme.id)).toEqual([...musThemes]);
    for (const theme of bank.musThemes) {
      expect(theme.prompts.length, theme.id).toBeGreaterThanOrEqual(2);
      expect(theme.prompts.length, theme.id).toBeLessThanOrEqual(4);
    }
  });

  it('asks the group the same four themes, each with 2–4 prompts for the team', () => {
    expect(bank.groupThemes.map((theme) => theme.id)).toEqual([...musThemes]);
    for (const theme of bank.groupThemes) {
      expect(theme.prompts.length, theme.id).toBeGreaterThanOrEqual(2);
      expect(theme.prompts.length, theme.id).toBeLessThanOrEqual(4);
    }
    expect(bank.teamStrengthPrompts.length).toBe(2);
    expect(bank.teamGapPrompts.length).toBe(2);
    expect(bank.teamGoalPrompts.length).toBe(2);
  });

  it('has prompts for strengths, both kinds of divergence and open goals', () => {
    expect(bank.strengthPrompts.length).toBeGreaterThanOrEqual(2);
    expect(bank.strengthPrompts.length).toBeLessThanOrEqual(3);
    expect(bank.divergencePrompts.blind_spot.length).toBe(2);
    expect(bank.divergencePrompts.hidden_strength.length).toBe(2);
    expect(bank.openGoalPrompts.length).toBe(2);
  });

  it('uses no rating words', () => {
    const found = allTexts.flatMap(({ where, text }) =>
      [...bannedWordsIn(text.da), ...bannedWordsIn(text.en)].map((word) => `${where}: "${word}"`),
    );
    expect(found).toEqual([]);
  });

  it('asks no leading questions', () => {
    const found = problemsIn(questionTexts, (text) => {
      const phrases = leadingPhrasesIn(text);
      return phrases.length > 0 ? `"${phrases.join('", "')}"` : null;
    });
    expect(found).toEqual([]);
  });

  it('ends every question with a question mark', () => {
    expect(problemsIn(questionTexts, (text) => (text.trim().endsWith('?') ? null : 'no "?"'))).toEqual([]);
  });

  it(`keeps every question to ${maxQuestionLength} characters`, () => {
    expect(
      problemsIn(questionTexts, (text) =>
        text.length > maxQuestionLength ? `${text.length} characters` : null,
      ),
    ).toEqual([]);
  });

  it('writes the Danish and the English separately, never copying one into the other', () => {
    const copied = allTexts
      .filter(({ text }) => text.da.trim().toLowerCase() === text.en.trim().toLowerCase())
      .map(({ where }) => where);
    expect(copied).toEqual([]);
  });
});

describe('the leading-question check', () => {
  it('finds leading phrases in either language, whatever the case or apostrophe', () => {
    expect(leadingPhrasesIn('Synes du ikke, det gik fint?')).toEqual(['Synes du ikke']);
    expect(leadingPhrasesIn('Er du ikke enig i, at køen var lang?')).toEqual(['Er du ikke enig']);
    expect(leadingPhrasesIn("Don't you think so? Wouldn’t you agree?")).toEqual([
      "Don't you think",
      'Wouldn’t you agree',
    ]);
    expect(leadingPhrasesIn('Hvad synes du om det? What do you think?')).toEqual([]);
  });
});

describe('loading the coaching content', () => {
  it('goes through content/index.ts', async () => {
    const content = await import('./index.ts');
    expect(content.defaultCoachingBank).toEqual(bank);
  });

  it('fails with an error that names every problem', async () => {
    const { parseCoachingBank } = await import('./index.ts');
    const { medbetjening: _removed, ...kept } = rawBank.competences;
    const broken = {
      ...rawBank,
      competences: {
        ...kept,
        spoergeteknik: rawBank.competences.spoergeteknik.filter((question) => question.phase !== 'options'),
        'ukendt-kompetence': rawBank.competences['holde-igen'],
      },
    };
    let message = '';
    try {
      parseCoachingBank(broken, framework);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('competence "medbetjening" has no coaching questions');
    expect(message).toContain('competence "spoergeteknik" has no "options" question');
    expect(message).toContain('questions for unknown competence "ukendt-kompetence"');
    expect(message).toContain('question id "holde-igen-goal-1" is used twice');
  });

  it('reports a schema problem legibly', async () => {
    const { parseCoachingBank } = await import('./index.ts');
    expect(() => parseCoachingBank({ ...rawBank, musThemes: [] }, framework)).toThrow(
      /The coaching content is invalid:[\s\S]*musThemes/,
    );
  });
});
