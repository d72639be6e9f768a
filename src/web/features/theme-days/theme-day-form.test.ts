import { describe, expect, it } from 'vitest';
import type { ExerciseView } from '../../../server/contracts/theme-days.ts';
import {
  addDays,
  draftTimes,
  fieldIdFor,
  ownItemId,
  suggestedItems,
  type ThemeDayDraft,
  toThemeDayInput,
} from './theme-day-form.ts';

const exercise = (
  id: string,
  competenceIds: string[],
  kind: ExerciseView['kind'],
  minutes: number,
): ExerciseView => ({
  id,
  competenceIds,
  kind,
  title: `Titel ${id}`,
  purpose: '',
  minutes,
  preparation: '',
  steps: [],
  followUpTask: '',
});
const exercises = [
  exercise('a-1', ['a'], 'dilemma', 20),
  exercise('a-2', ['a'], 'dilemma', 25),
  exercise('a-3', ['a', 'b'], 'role_play', 40),
  exercise('b-1', ['b'], 'counter_case', 30),
];

const draft: ThemeDayDraft = {
  unitId: 'u',
  title: '  Temadag  ',
  date: '2026-06-10',
  startTime: '09:00',
  place: ' Byrådssalen ',
  focusCompetenceIds: ['a'],
  participantIds: ['p1'],
  agenda: [
    { id: 'own:1', exerciseId: null, title: ' Velkomst ', minutes: 15 },
    { id: 'exercise:a-3', exerciseId: 'a-3', title: 'Titel a-3', minutes: 40 },
  ],
};

describe('the theme-day form', () => {
  it('suggests one exercise of each kind per focus competence, with the bank’s minutes', () => {
    expect(suggestedItems(exercises, ['b', 'a']).map((item) => [item.id, item.minutes])).toEqual([
      ['exercise:b-1', 30],
      ['exercise:a-1', 20],
      ['exercise:a-3', 40],
    ]);
  });

  it('times the agenda from the start, and copes with a start not yet typed', () => {
    expect(draftTimes(draft)).toEqual([
      { start: '09:00', end: '09:15' },
      { start: '09:15', end: '09:55' },
    ]);
    expect(draftTimes({ ...draft, startTime: '' })[1]).toEqual({ start: '00:15', end: '00:55' });
  });

  it('sends the exercise by id and the leader’s own items with their trimmed title', () => {
    expect(toThemeDayInput(draft)).toEqual({
      unitId: 'u',
      title: 'Temadag',
      date: '2026-06-10',
      startTime: '09:00',
      place: 'Byrådssalen',
      focusCompetenceIds: ['a'],
      participantIds: ['p1'],
      agenda: [
        { id: 'own:1', exerciseId: null, title: 'Velkomst', minutes: 15 },
        { id: 'exercise:a-3', exerciseId: 'a-3', title: null, minutes: 40 },
      ],
    });
  });

  it.each([
    [[], 'own:1'],
    [draft.agenda, 'own:2'],
  ] as const)('gives a new own item a free id', (agenda, expected) => {
    expect(ownItemId(agenda)).toBe(expected);
  });

  it.each([
    ['2026-06-10', 7, '2026-06-17'],
    ['2026-12-28', 7, '2027-01-04'],
    ['', 7, ''],
  ] as const)('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['agenda.2.exerciseId', 'plan-agenda-2'],
    ['participantIds.0', 'plan-participants'],
    ['focusCompetenceIds.1', 'plan-focus'],
    ['date', 'plan-date'],
    ['unknown', undefined],
  ])('puts a message on %s at field %s', (path, expected) => {
    expect(
      fieldIdFor(path, {
        agenda: 'plan-agenda',
        participantIds: 'plan-participants',
        focusCompetenceIds: 'plan-focus',
        date: 'plan-date',
      }),
    ).toBe(expected);
  });
});
