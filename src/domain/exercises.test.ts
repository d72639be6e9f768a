import { describe, expect, it } from 'vitest';
import {
  type Exercise,
  type ExerciseBank,
  type ExerciseKind,
  exerciseBankProblems,
  exerciseBankSchema,
  exercisesFor,
} from './exercises.ts';

const text = (words: string) => ({ da: `${words} (da)`, en: `${words} (en)` });

const exercise = (id: string, kind: ExerciseKind, ...competenceIds: string[]): Exercise => ({
  id,
  competenceIds,
  kind,
  title: text(id),
  purpose: text('Træner spørgeteknik'),
  minutes: 20,
  preparation: text('Print rollekort'),
  steps: [text('Læs casen'), text('Spil den')],
  followUpTask: text('Prøv det ved skranken'),
});

const competenceIds = ['spoergeteknik', 'medbetjening'];

/** A bank that fits both competences and uses all three kinds. */
const bank = (): ExerciseBank => ({
  exercises: [
    exercise('spoergeteknik-dilemma-1', 'dilemma', 'spoergeteknik'),
    exercise('spoergeteknik-rollespil-1', 'role_play', 'spoergeteknik', 'medbetjening'),
    exercise('medbetjening-sag-1', 'counter_case', 'medbetjening'),
    exercise('medbetjening-rollespil-1', 'role_play', 'medbetjening', 'spoergeteknik'),
  ],
});

describe('exerciseBankSchema', () => {
  it.each([
    ['a bank that fits', bank(), true],
    ['an empty bank (the problems name what is missing)', { exercises: [] }, true],
    ['an unknown kind', { exercises: [{ ...exercise('a', 'dilemma', 'x'), kind: 'quiz' }] }, false],
    ['no competence', { exercises: [exercise('a', 'dilemma')] }, false],
    ['one step only', { exercises: [{ ...exercise('a', 'dilemma', 'x'), steps: [text('Gør det')] }] }, false],
    ['4 minutes', { exercises: [{ ...exercise('a', 'dilemma', 'x'), minutes: 4 }] }, false],
    ['121 minutes', { exercises: [{ ...exercise('a', 'dilemma', 'x'), minutes: 121 }] }, false],
    ['an id that is not kebab-case', { exercises: [exercise('Rollespil 1', 'dilemma', 'x')] }, false],
    [
      'a title without English',
      { exercises: [{ ...exercise('a', 'dilemma', 'x'), title: { da: 'Titel' } }] },
      false,
    ],
    ['an unknown field', { exercises: [{ ...exercise('a', 'dilemma', 'x'), level: 2 }] }, false],
  ])('%s → %s', (_case, raw, valid) => {
    expect(exerciseBankSchema.safeParse(raw).success).toBe(valid);
  });
});

describe('exerciseBankProblems', () => {
  const withExercises = (...exercises: Exercise[]): ExerciseBank => ({ exercises });
  const [spDilemma, spRolePlay, mbCase, mbRolePlay] = bank().exercises as [
    Exercise,
    Exercise,
    Exercise,
    Exercise,
  ];

  it.each<[string, ExerciseBank, string[]]>([
    ['a bank that fits', bank(), []],
    [
      'a competence that is only a side competence elsewhere',
      withExercises(spDilemma, spRolePlay, mbCase),
      ['competence "medbetjening" is the main competence of 1 exercises, not 2'],
    ],
    [
      'a competence with two exercises of one kind',
      withExercises(spDilemma, { ...spRolePlay, kind: 'dilemma' }, mbCase, mbRolePlay),
      ['competence "spoergeteknik" has only "dilemma" exercises'],
    ],
    [
      'an unknown competence, main or side',
      withExercises(
        spDilemma,
        spRolePlay,
        mbCase,
        mbRolePlay,
        exercise('ukendt-1', 'dilemma', 'ukendt', 'medbetjening'),
        exercise('side-1', 'dilemma', 'medbetjening', 'ukendt'),
      ),
      [
        'exercise "ukendt-1" names unknown competence "ukendt"',
        'exercise "side-1" names unknown competence "ukendt"',
      ],
    ],
    [
      'a competence named twice in one exercise',
      withExercises(
        spDilemma,
        { ...spRolePlay, competenceIds: ['spoergeteknik', 'spoergeteknik'] },
        mbCase,
        mbRolePlay,
      ),
      ['exercise "spoergeteknik-rollespil-1" names a competence twice'],
    ],
    [
      'an id used twice',
      withExercises(spDilemma, spRolePlay, mbCase, { ...mbRolePlay, id: 'medbetjening-sag-1' }),
      ['exercise id "medbetjening-sag-1" is used twice'],
    ],
    [
      'a kind missing from the whole bank',
      withExercises(spDilemma, spRolePlay, { ...mbCase, kind: 'dilemma' }, mbRolePlay),
      ['the bank has no "counter_case" exercise'],
    ],
    [
      'an empty bank',
      withExercises(),
      [
        'competence "spoergeteknik" is the main competence of 0 exercises, not 2',
        'competence "medbetjening" is the main competence of 0 exercises, not 2',
        'the bank has no "dilemma" exercise',
        'the bank has no "role_play" exercise',
        'the bank has no "counter_case" exercise',
      ],
    ],
  ])('%s', (_case, candidate, expected) => {
    expect(exerciseBankProblems(candidate, competenceIds)).toEqual(expected);
  });
});

describe('exercisesFor', () => {
  it('picks the exercises whose main competence it is, in bank order', () => {
    expect(exercisesFor(bank(), 'medbetjening').map((found) => found.id)).toEqual([
      'medbetjening-sag-1',
      'medbetjening-rollespil-1',
    ]);
    expect(exercisesFor(bank(), 'ukendt')).toEqual([]);
  });
});
