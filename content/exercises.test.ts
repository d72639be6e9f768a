/** @module Checks the shipped theme-day exercises as data: what a leader reads out and a team does in a meeting room. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type ExerciseBank,
  type ExerciseKind,
  exerciseBankProblems,
  exerciseBankSchema,
  exerciseKinds,
  exercisesFor,
} from '../src/domain/exercises.ts';
import { competencesOf, type FrameworkDocument, frameworkDocumentSchema } from '../src/domain/framework.ts';
import type { LocalizedText } from '../src/domain/text.ts';
import rawFramework from './frameworks/specialist-i-borgerbetjening.json' with { type: 'json' };
import rawBank from './theme-day-exercises.json' with { type: 'json' };
import { bannedWordsIn } from './wording.ts';

/**
 * Exercise ids already shipped. Never rename or remove one: a theme-day plan refers to its exercises by id.
 * Append new ids when you add exercises.
 */
const shippedIds = [
  'klar-skriftlig-kommunikation-skrankesag-1',
  'klar-skriftlig-kommunikation-dilemma-1',
  'klar-mundtlig-formidling-rollespil-1',
  'klar-mundtlig-formidling-skrankesag-1',
  'spoergeteknik-rollespil-1',
  'spoergeteknik-dilemma-1',
  'spoergeteknik-skrankesag-1',
  'konfliktnedtrapning-rollespil-1',
  'konfliktnedtrapning-dilemma-1',
  'konfliktnedtrapning-skrankesag-1',
  'formidling-til-grupper-rollespil-1',
  'formidling-til-grupper-dilemma-1',
  'betjening-paa-fremmedsprog-rollespil-1',
  'betjening-paa-fremmedsprog-dilemma-1',
  'aflaesning-af-borgeren-skrankesag-1',
  'aflaesning-af-borgeren-rollespil-1',
  'aflaesning-af-borgeren-dilemma-1',
  'medbetjening-rollespil-1',
  'medbetjening-skrankesag-1',
  'medbetjening-dilemma-1',
  'holde-igen-dilemma-1',
  'holde-igen-rollespil-1',
  'tilpasse-hjaelpeniveau-skrankesag-1',
  'tilpasse-hjaelpeniveau-dilemma-1',
  'kommunens-opgaver-skrankesag-1',
  'kommunens-opgaver-rollespil-1',
  'den-offentlige-sektor-skrankesag-1',
  'den-offentlige-sektor-dilemma-1',
  'foelge-med-i-aendringer-skrankesag-1',
  'foelge-med-i-aendringer-dilemma-1',
  'digitale-selvbetjeningsloesninger-skrankesag-1',
  'digitale-selvbetjeningsloesninger-rollespil-1',
  'borgerens-enheder-rollespil-1',
  'borgerens-enheder-skrankesag-1',
  'digital-vejledning-og-motivation-rollespil-1',
  'digital-vejledning-og-motivation-dilemma-1',
  'datasikkerhed-ved-skranken-skrankesag-1',
  'datasikkerhed-ved-skranken-dilemma-1',
  'datasikkerhed-ved-skranken-rollespil-1',
  'servicemindedhed-skrankesag-1',
  'servicemindedhed-dilemma-1',
  'samarbejde-med-kolleger-dilemma-1',
  'samarbejde-med-kolleger-skrankesag-1',
  'fokus-i-travle-perioder-skrankesag-1',
  'fokus-i-travle-perioder-rollespil-1',
  'fokus-i-travle-perioder-dilemma-1',
  'kulturel-aabenhed-rollespil-1',
  'kulturel-aabenhed-dilemma-1',
  'egen-laering-og-refleksion-skrankesag-1',
  'egen-laering-og-refleksion-rollespil-1',
];

/** How the id names the kind: `<main competence>-<word>-<n>`, e.g. `spoergeteknik-rollespil-1`. */
const idWordOf: Record<ExerciseKind, string> = {
  dilemma: 'dilemma',
  role_play: 'rollespil',
  counter_case: 'skrankesag',
};

/** Short enough to read aloud or skim between two agenda items. */
const maxLength = { title: 70, purpose: 240, preparation: 260, step: 420, followUpTask: 240 };

/** Runnable inside a theme day's meeting-room slot. */
const minMinutes = 10;
const maxMinutes = 45;

// Parsed here rather than imported from ./exercises.ts, which throws on load when anything is wrong: every check
// below should still run and report its own problem. If parsing fails, the raw data stands in for the rest.
const bankResult = exerciseBankSchema.safeParse(rawBank);
const bank = bankResult.success ? bankResult.data : (rawBank as unknown as ExerciseBank);
const frameworkResult = frameworkDocumentSchema.safeParse(rawFramework);
const framework = frameworkResult.success
  ? frameworkResult.data
  : (rawFramework as unknown as FrameworkDocument);
const competenceIds = competencesOf(framework).map((competence) => competence.id);
const exercises = bank.exercises;

/** Every text a participant or facilitator reads, labelled by where it lives. */
const allTexts: { where: string; field: keyof typeof maxLength; text: LocalizedText }[] = exercises.flatMap(
  (exercise) => [
    { where: `${exercise.id} title`, field: 'title' as const, text: exercise.title },
    { where: `${exercise.id} purpose`, field: 'purpose' as const, text: exercise.purpose },
    { where: `${exercise.id} preparation`, field: 'preparation' as const, text: exercise.preparation },
    ...exercise.steps.map((text, index) => ({
      where: `${exercise.id} step ${index + 1}`,
      field: 'step' as const,
      text,
    })),
    { where: `${exercise.id} follow-up task`, field: 'followUpTask' as const, text: exercise.followUpTask },
  ],
);

/** Each problem as "where (locale): detail", for every text and locale where `check` finds something. */
const problemsIn = (
  texts: typeof allTexts,
  check: (text: string, field: keyof typeof maxLength) => string | null,
): string[] =>
  texts.flatMap(({ where, field, text }) =>
    (['da', 'en'] as const).flatMap((locale) => {
      const problem = check(text[locale], field);
      return problem === null ? [] : [`${where} (${locale}): ${problem}`];
    }),
  );

/** Anything shaped like a CPR number (ddmmyy-xxxx or ten digits in a row). */
const cprLikeIn = (text: string): string[] => text.match(/(?<!\d)\d{6}[- ]?\d{4}(?!\d)/g) ?? [];

/**
 * Capitalised words that are neither the first word of a sentence or quotation nor a product, authority, place or
 * language we name on purpose: most likely a person's name, which an exercise must never use for a citizen.
 */
const namedOnPurpose = new Set([
  'I', // Danish "I" (you, plural) and the English pronoun
  'MitID',
  'Digital',
  'Post',
  'Udbetaling',
  'Danmark',
  'Denmark',
  'Skattestyrelsen',
  'Danish',
  'Tax',
  'Agency',
  'Spanien',
  'Spain',
  'Android',
  'IT',
  'CPR',
  'English',
  'German',
  'Monday',
  'New',
  'Year',
]);
const capitalisedWord = /(?<![\p{L}\p{N}’'-])\p{Lu}[\p{L}\p{N}]*/gu;
const sentenceOrQuoteStart = /(?:^|[.!?:][«”"]?\s+|[»“"])$/u;
const namesIn = (text: string): string[] =>
  [...text.matchAll(capitalisedWord)]
    .filter((match) => !sentenceOrQuoteStart.test(text.slice(0, match.index)))
    .map((match) => match[0])
    // Single letters label options ("A:", "B:"); no one is named by one letter.
    .filter((word) => word.length > 1 && !namedOnPurpose.has(word));

describe('theme-day exercises', () => {
  it('parse with the exercise-bank schema', () => {
    expect(bankResult.success, bankResult.error && z.prettifyError(bankResult.error)).toBe(true);
  });

  it('fit the default framework', () => {
    expect(exerciseBankProblems(bank, competenceIds)).toEqual([]);
  });

  it('give every competence at least two exercises of its own, of at least two kinds', () => {
    const thin = competenceIds
      .map((competenceId) => ({ competenceId, own: exercisesFor(bank, competenceId) }))
      .filter(({ own }) => own.length < 2 || new Set(own.map((exercise) => exercise.kind)).size < 2)
      .map(({ competenceId, own }) => `${competenceId}: ${own.map((exercise) => exercise.kind).join(', ')}`);
    expect(thin).toEqual([]);
  });

  it('mix the kinds: each is at least a quarter of the bank', () => {
    const counts = Object.fromEntries(
      exerciseKinds.map((kind) => [kind, exercises.filter((exercise) => exercise.kind === kind).length]),
    );
    for (const kind of exerciseKinds) {
      expect(counts[kind], `${kind} of ${exercises.length}`).toBeGreaterThanOrEqual(exercises.length / 4);
    }
  });

  it(`fit a meeting-room slot of ${minMinutes}–${maxMinutes} minutes, in three to six steps`, () => {
    const unfit = exercises
      .filter(
        (exercise) =>
          exercise.minutes < minMinutes ||
          exercise.minutes > maxMinutes ||
          exercise.steps.length < 3 ||
          exercise.steps.length > 6,
      )
      .map((exercise) => `${exercise.id}: ${exercise.minutes} minutes, ${exercise.steps.length} steps`);
    expect(unfit).toEqual([]);
  });

  it('name each id after its main competence and kind, and use it once', () => {
    const ids = exercises.map((exercise) => exercise.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const misnamed = exercises
      .filter(
        (exercise) =>
          !new RegExp(`^${exercise.competenceIds[0]}-${idWordOf[exercise.kind]}-[1-9][0-9]*$`).test(
            exercise.id,
          ),
      )
      .map((exercise) => `${exercise.id} (${exercise.competenceIds[0]}, ${exercise.kind})`);
    expect(misnamed).toEqual([]);
  });

  it('keep every shipped id', () => {
    const ids = new Set(exercises.map((exercise) => exercise.id));
    expect(shippedIds.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('what each kind of exercise contains', () => {
  it('says in the purpose what it trains', () => {
    const unclear = exercises
      .filter(
        (exercise) =>
          !exercise.purpose.da.startsWith('Træner ') || !exercise.purpose.en.startsWith('Trains '),
      )
      .map((exercise) => exercise.id);
    expect(unclear).toEqual([]);
  });

  it('gives every role play a citizen, an employee and an observer who knows what to watch for', () => {
    const missing = exercises
      .filter((exercise) => exercise.kind === 'role_play')
      .flatMap((exercise) => {
        const da = exercise.steps.map((step) => step.da).join('\n');
        const en = exercise.steps.map((step) => step.en).join('\n');
        return [
          [/Borger(en|ne):/, da, 'no "Borgeren:" role (da)'],
          [/Medarbejderen/, da, 'no employee (da)'],
          [/Observatøren ser efter:/, da, 'no "Observatøren ser efter:" (da)'],
          [/The citizens?:/, en, 'no "The citizen:" role (en)'],
          [/The employee/, en, 'no employee (en)'],
          [/The observer watches for:/, en, 'no "The observer watches for:" (en)'],
        ]
          .filter(([pattern, text]) => !(pattern as RegExp).test(text as string))
          .map(([, , problem]) => `${exercise.id}: ${problem}`);
      });
    expect(missing).toEqual([]);
  });

  it('opens every dilemma by reading it aloud, so the whole room starts from the same tension', () => {
    const unread = exercises
      .filter((exercise) => exercise.kind === 'dilemma')
      .filter(
        (exercise) =>
          !exercise.steps[0]?.da.startsWith('Læs dilemmaet højt: ') ||
          !exercise.steps[0]?.en.startsWith('Read the dilemma aloud: '),
      )
      .map((exercise) => exercise.id);
    expect(unread).toEqual([]);
  });

  it('sends everyone back with a task to log in the practice log', () => {
    const unlogged = exercises
      .filter(
        (exercise) =>
          !exercise.followUpTask.da.includes('praksisloggen') ||
          !exercise.followUpTask.en.includes('practice log'),
      )
      .map((exercise) => exercise.id);
    expect(unlogged).toEqual([]);
  });
});

describe('theme-day exercise wording', () => {
  it('uses no rating words', () => {
    const found = allTexts.flatMap(({ where, text }) =>
      [...bannedWordsIn(text.da), ...bannedWordsIn(text.en)].map((word) => `${where}: "${word}"`),
    );
    expect(found).toEqual([]);
  });

  it('contains nothing shaped like a CPR number', () => {
    expect(
      problemsIn(allTexts, (text) => (cprLikeIn(text).length > 0 ? cprLikeIn(text).join(', ') : null)),
    ).toEqual([]);
  });

  it('names no citizen: people are roles ("a woman in her eighties"), never names', () => {
    expect(
      problemsIn(allTexts, (text) => (namesIn(text).length > 0 ? `"${namesIn(text).join('", "')}"` : null)),
    ).toEqual([]);
  });

  it('keeps every text short enough to read aloud', () => {
    expect(
      problemsIn(allTexts, (text, field) =>
        text.length > maxLength[field] ? `${text.length} characters, over ${maxLength[field]}` : null,
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

describe('the wording checks themselves', () => {
  it.each([
    ['ddmmyy-xxxx', 'Hun oplyser 010203-1234.', ['010203-1234']],
    ['ten digits', 'CPR 0102031234 står på kortet', ['0102031234']],
    ['a phone number is not one', 'Ring 70 12 34 56 kl. 7.45', []],
    ['a year and a count are not one', 'I 2026 kom 12 borgere', []],
  ])('finds CPR-like numbers: %s', (_case, text, expected) => {
    expect(cprLikeIn(text)).toEqual(expected);
  });

  it.each([
    ['a name mid-sentence', 'Borgeren hedder Jensen og er 80 år.', ['Jensen']],
    ['a name after a title', 'Read the case: the citizen, Mrs Hansen, is angry.', ['Mrs', 'Hansen']],
    ['sentence starts and quotes', 'Hun siger: »Hvad nu?« Han nikker. Brug »Egne ord«.', []],
    ['names we use on purpose', 'Log på MitID-appen og se Digital Post fra Udbetaling Danmark.', []],
    ['option labels', 'Svar A: »Nej.« Svar B er bedre end C.', []],
  ])('finds person names: %s', (_case, text, expected) => {
    expect(namesIn(text)).toEqual(expected);
  });
});

describe('loading the theme-day exercises', () => {
  it('goes through content/exercises.ts', async () => {
    const content = await import('./exercises.ts');
    expect(content.defaultExerciseBank).toEqual(bank);
  });

  it('fails with an error that names every problem', async () => {
    const { parseExerciseBank } = await import('./exercises.ts');
    const kept = rawBank.exercises.filter((exercise) => exercise.competenceIds[0] !== 'holde-igen');
    const broken = {
      exercises: [
        ...kept,
        { ...kept[0]!, competenceIds: ['ukendt-kompetence'] },
        { ...kept[1]!, id: 'ukendt-kompetence-dilemma-1', competenceIds: ['ukendt-kompetence'] },
      ],
    };
    let message = '';
    try {
      parseExerciseBank(broken, framework);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('The theme-day exercises do not fit framework "specialist-i-borgerbetjening"');
    expect(message).toContain('competence "holde-igen" is the main competence of 0 exercises, not 2');
    expect(message).toContain(`exercise "${kept[0]!.id}" names unknown competence "ukendt-kompetence"`);
    expect(message).toContain(`exercise id "${kept[0]!.id}" is used twice`);
  });

  it('reports a schema problem legibly, with the path to the field', async () => {
    const { parseExerciseBank } = await import('./exercises.ts');
    const [first, ...rest] = rawBank.exercises;
    expect(() => parseExerciseBank({ exercises: [{ ...first!, minutes: 3 }, ...rest] }, framework)).toThrow(
      /The theme-day exercise content is invalid:[\s\S]*exercises\[0\]\.minutes/,
    );
  });
});
