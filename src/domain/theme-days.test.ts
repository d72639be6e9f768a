import { describe, expect, it } from 'vitest';
import type { Exercise, ExerciseBank } from './exercises.ts';
import {
  agendaTimes,
  defaultFollowUpExercise,
  endsSameDay,
  nextDay,
  startOfDayIn,
  suggestedAgenda,
  themeDayStage,
} from './theme-days.ts';

const text = (words: string) => ({ da: words, en: words });
const exercise = (id: string, competenceIds: string[], kind: Exercise['kind'], minutes = 30): Exercise => ({
  id,
  competenceIds,
  kind,
  title: text(id),
  purpose: text(id),
  minutes,
  preparation: text(id),
  steps: [text('1'), text('2')],
  followUpTask: text(`try ${id}`),
});
const bank: ExerciseBank = {
  exercises: [
    exercise('a-dilemma', ['a'], 'dilemma', 20),
    exercise('a-role', ['a', 'b'], 'role_play', 40),
    exercise('a-role-2', ['a'], 'role_play', 35),
    exercise('b-case', ['b'], 'counter_case', 25),
    exercise('b-dilemma', ['b'], 'dilemma', 15),
    exercise('c-case', ['c', 'a'], 'counter_case', 30),
  ],
};

describe('agendaTimes', () => {
  it.each([
    { start: '09:00', minutes: [30, 45, 15], expected: ['09:00–09:30', '09:30–10:15', '10:15–10:30'] },
    { start: '12:50', minutes: [20], expected: ['12:50–13:10'] },
    { start: '08:15', minutes: [], expected: [] },
  ])('from $start with $minutes', ({ start, minutes, expected }) => {
    expect(agendaTimes(start, minutes).map((slot) => `${slot.start}–${slot.end}`)).toEqual(expected);
  });

  it.each([
    ['23:00', [60], true],
    ['23:00', [61], false],
    ['08:00', [240, 240, 240], true],
  ] as const)('from %s with %j ends the same day: %s', (start, minutes, expected) => {
    expect(endsSameDay(start, minutes)).toBe(expected);
  });
});

describe('themeDayStage', () => {
  it.each([
    ['2026-06-10', '2026-06-09', 'planned'],
    ['2026-06-10', '2026-06-10', 'held'],
    ['2026-06-10', '2026-12-01', 'held'],
  ] as const)('a day on %s, today %s → %s', (date, today, expected) => {
    expect(themeDayStage(date, today)).toBe(expected);
  });
});

describe('suggestedAgenda', () => {
  it('takes one exercise of each kind per focus competence, main competence only, in focus order', () => {
    expect(suggestedAgenda(bank, ['b', 'a'])).toEqual([
      { exerciseId: 'b-case', minutes: 25 },
      { exerciseId: 'b-dilemma', minutes: 15 },
      { exerciseId: 'a-dilemma', minutes: 20 },
      { exerciseId: 'a-role', minutes: 40 },
    ]);
  });
  it('gives nothing for a competence without exercises', () => {
    expect(suggestedAgenda(bank, ['unknown'])).toEqual([]);
  });
});

describe('defaultFollowUpExercise', () => {
  it.each([
    { agenda: ['c-case', 'b-case'], focus: ['b'], expected: 'b-case' },
    // c-case also trains a, so it counts for a focus on a.
    { agenda: ['c-case', 'b-case'], focus: ['a'], expected: 'c-case' },
    { agenda: ['b-dilemma'], focus: ['c'], expected: 'b-dilemma' },
    { agenda: ['gone'], focus: ['a'], expected: null },
  ])('agenda $agenda, focus $focus → $expected', ({ agenda, focus, expected }) => {
    expect(defaultFollowUpExercise(bank, agenda, focus)).toBe(expected);
  });
});

describe('startOfDayIn', () => {
  it.each([
    ['2026-01-15', 'Europe/Copenhagen', '2026-01-14T23:00:00.000Z'],
    ['2026-06-10', 'Europe/Copenhagen', '2026-06-09T22:00:00.000Z'],
    // The day summer time starts: midnight is still winter time.
    ['2026-03-29', 'Europe/Copenhagen', '2026-03-28T23:00:00.000Z'],
    ['2026-06-10', 'UTC', '2026-06-10T00:00:00.000Z'],
  ])('%s in %s begins at %s', (date, zone, expected) => {
    expect(startOfDayIn(date, zone).toISOString()).toBe(expected);
  });
  it('knows the next day across a month', () => {
    expect(nextDay('2026-01-31')).toBe('2026-02-01');
  });
});
