/**
 * @module Theme days: the agenda's times, when a day counts as held, the suggested focus and agenda from the team's
 * gaps, and what makes a plan unusable.
 */
import type { Exercise } from './exercises.ts';

/** What the agenda needs of an exercise; the web's rendered exercises have it too. */
type AgendaExercise = Pick<Exercise, 'id' | 'competenceIds' | 'kind' | 'minutes'>;

export const themeDayLimits = {
  focusMin: 1,
  focusMax: 5,
  agendaMax: 30,
  itemMinutesMin: 5,
  itemMinutesMax: 240,
  /** The whole agenda must end the same day. */
  dayMinutes: 24 * 60,
} as const;

const toMinutes = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
};
const toTime = (total: number): string =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/** Start and end (`HH:MM`) of each agenda item, one after the other from the day's start. */
export function agendaTimes(startTime: string, minutes: readonly number[]): { start: string; end: string }[] {
  let clock = toMinutes(startTime);
  return minutes.map((length) => {
    const start = clock;
    clock += length;
    return { start: toTime(start), end: toTime(clock) };
  });
}

/** Does the agenda end before midnight? */
export const endsSameDay = (startTime: string, minutes: readonly number[]): boolean =>
  toMinutes(startTime) + minutes.reduce((sum, length) => sum + length, 0) <= themeDayLimits.dayMinutes;

export type ThemeDayStage = 'planned' | 'held';

/** From the day itself on, the day counts as held: the leader can give follow-up tasks. */
export const themeDayStage = (date: string, today: string): ThemeDayStage =>
  date <= today ? 'held' : 'planned';

export interface SuggestedItem {
  exerciseId: string;
  minutes: number;
}

/**
 * An agenda to start from: per focus competence, in the given order, one exercise of each kind the bank has for it
 * (a dilemma, a role play, a counter case), so the day alternates talk and practice.
 */
export function suggestedAgenda(
  bank: { exercises: readonly AgendaExercise[] },
  focusCompetenceIds: readonly string[],
): SuggestedItem[] {
  return focusCompetenceIds.flatMap((competenceId) => {
    const seen = new Set<string>();
    // Only exercises picked for the competence: those where it comes first.
    return bank.exercises
      .filter((exercise) => exercise.competenceIds[0] === competenceId)
      .filter((exercise) => {
        if (seen.has(exercise.kind)) return false;
        seen.add(exercise.kind);
        return true;
      })
      .map((exercise) => ({ exerciseId: exercise.id, minutes: exercise.minutes }));
  });
}

/**
 * The exercise whose follow-up a participant gets by default: the first on the agenda that trains a focus
 * competence, else the first exercise at all.
 */
export function defaultFollowUpExercise(
  bank: { exercises: readonly AgendaExercise[] },
  agendaExerciseIds: readonly string[],
  focusCompetenceIds: readonly string[],
): string | null {
  const onAgenda = agendaExerciseIds.flatMap((id) => bank.exercises.filter((exercise) => exercise.id === id));
  const focused = onAgenda.find((exercise) =>
    exercise.competenceIds.some((competenceId) => focusCompetenceIds.includes(competenceId)),
  );
  return (focused ?? onAgenda[0])?.id ?? null;
}

/** Milliseconds a time zone is ahead of UTC at an instant, e.g. 3,600,000 for Copenhagen in winter. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - instant;
}

/** The instant a calendar day (YYYY-MM-DD) begins in a time zone: what "before the theme day" is measured from. */
export function startOfDayIn(date: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const guess = midnightUtc - offsetAt(midnightUtc, timeZone);
  // Once more from the guess, in case the offset changes between UTC midnight and local midnight.
  return new Date(midnightUtc - offsetAt(guess, timeZone));
}

/** The next calendar day, YYYY-MM-DD. */
export const nextDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
