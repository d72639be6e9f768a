import { describe, expect, it } from 'vitest';
import {
  dateInTimeZone,
  isOverdue,
  leaderRatingVisibleToEmployee,
  type ParticipantProgress,
  stageOf,
  startOfDayInTimeZone,
} from './rounds.ts';

const progress = (
  self: ParticipantProgress['self'],
  leader: ParticipantProgress['leader'],
  held = false,
) => ({
  self,
  leader,
  conversationHeld: held,
});

describe('stageOf', () => {
  it.each([
    [progress('not_started', 'not_started'), 'not_started'],
    [progress('draft', 'not_started'), 'in_progress'],
    [progress('submitted', 'draft'), 'self_submitted'],
    [progress('draft', 'submitted'), 'leader_submitted'],
    [progress('submitted', 'submitted'), 'both_submitted'],
    [progress('submitted', 'submitted', true), 'conversation_held'],
  ] as const)('%o → %s', (input, expected) => {
    expect(stageOf(input)).toBe(expected);
  });
});

describe('isOverdue', () => {
  it('counts the whole deadline day, and only while an assessment is missing', () => {
    expect(isOverdue(progress('draft', 'not_started'), '2026-05-12', '2026-05-12')).toBe(false);
    expect(isOverdue(progress('draft', 'not_started'), '2026-05-12', '2026-05-13')).toBe(true);
    expect(isOverdue(progress('submitted', 'submitted'), '2026-05-12', '2026-06-01')).toBe(false);
  });
});

describe('dateInTimeZone', () => {
  it('gives the Copenhagen date, which is a day ahead of UTC late in the evening', () => {
    expect(dateInTimeZone(new Date('2026-05-12T22:30:00Z'), 'Europe/Copenhagen')).toBe('2026-05-13');
    expect(dateInTimeZone(new Date('2026-01-12T22:30:00Z'), 'Europe/Copenhagen')).toBe('2026-01-12');
  });
});

describe('leaderRatingVisibleToEmployee', () => {
  it.each([
    [true, progress('draft', 'submitted'), false],
    [true, progress('submitted', 'submitted'), true],
    [false, progress('draft', 'submitted'), true],
    [false, progress('submitted', 'draft'), false],
  ] as const)('hidden until both: %s, %o → %s', (hidden, input, expected) => {
    expect(leaderRatingVisibleToEmployee(hidden, input)).toBe(expected);
  });
});

describe('startOfDayInTimeZone', () => {
  it.each([
    ['2026-01-15', 'Europe/Copenhagen', '2026-01-14T23:00:00.000Z'],
    ['2026-07-15', 'Europe/Copenhagen', '2026-07-14T22:00:00.000Z'],
    // The clocks go forward at 02:00 on 29 March 2026 and back at 03:00 on 25 October 2026.
    ['2026-03-29', 'Europe/Copenhagen', '2026-03-28T23:00:00.000Z'],
    ['2026-10-25', 'Europe/Copenhagen', '2026-10-24T22:00:00.000Z'],
    ['2026-10-26', 'Europe/Copenhagen', '2026-10-25T23:00:00.000Z'],
    ['2026-05-12', 'UTC', '2026-05-12T00:00:00.000Z'],
  ])('%s in %s begins at %s', (day, timeZone, instant) => {
    expect(startOfDayInTimeZone(day, timeZone).toISOString()).toBe(instant);
    expect(dateInTimeZone(startOfDayInTimeZone(day, timeZone), timeZone)).toBe(day);
  });
});
