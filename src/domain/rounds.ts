/** @module Profiling rounds: who rates whom, what each party may see, and where each person stands. */
import { competencesOf, type FrameworkDocument } from './framework.ts';
import type { RatedLevel } from './profile.ts';

export const raterRoles = ['self', 'leader'] as const;
export type RaterRole = (typeof raterRoles)[number];

export type AssessmentState = 'not_started' | 'draft' | 'submitted';

export interface ParticipantProgress {
  self: AssessmentState;
  leader: AssessmentState;
  conversationHeld: boolean;
}

/** The single step a status board shows for a person, furthest first. */
export type ParticipantStage =
  | 'not_started'
  | 'in_progress'
  | 'self_submitted'
  | 'leader_submitted'
  | 'both_submitted'
  | 'conversation_held';

export function stageOf(progress: ParticipantProgress): ParticipantStage {
  if (progress.conversationHeld) return 'conversation_held';
  const self = progress.self === 'submitted';
  const leader = progress.leader === 'submitted';
  if (self && leader) return 'both_submitted';
  if (leader) return 'leader_submitted';
  if (self) return 'self_submitted';
  if (progress.self === 'draft' || progress.leader === 'draft') return 'in_progress';
  return 'not_started';
}

/**
 * Overdue: the deadline (a date in the municipality's time zone, the whole day included) has passed and an
 * assessment is still missing.
 */
export function isOverdue(progress: ParticipantProgress, deadline: string, today: string): boolean {
  return today > deadline && (progress.self !== 'submitted' || progress.leader !== 'submitted');
}

/** Today's date (YYYY-MM-DD) in a time zone, for comparing with deadlines. */
export function dateInTimeZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The instant a calendar day (YYYY-MM-DD) begins in a time zone: midnight there, whatever the offset that day. */
export function startOfDayInTimeZone(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wallClock = Date.UTC(year, month - 1, date);
  const offsetAt = (instant: number) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
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
    const local = Date.UTC(
      part('year'),
      part('month') - 1,
      part('day'),
      part('hour'),
      part('minute'),
      part('second'),
    );
    return local - instant;
  };
  // The offset at the first guess may differ from the offset at the answer on a day when the clocks change.
  const guess = wallClock - offsetAt(wallClock);
  return new Date(wallClock - offsetAt(guess));
}

/**
 * May the person see the leader's rating of them? With `hideLeaderUntilBoth` (the default) only once both
 * assessments are submitted, so the self-assessment is the person's own; otherwise as soon as the leader submits.
 */
export function leaderRatingVisibleToEmployee(
  hideLeaderUntilBoth: boolean,
  progress: ParticipantProgress,
): boolean {
  if (progress.leader !== 'submitted') return false;
  return !hideLeaderUntilBoth || progress.self === 'submitted';
}

/** Competences of the framework still without a level or "cannot assess"; submitting needs none missing. */
export function missingRatings(
  framework: FrameworkDocument,
  ratings: Readonly<Record<string, RatedLevel>>,
): string[] {
  return competencesOf(framework)
    .map((competence) => competence.id)
    .filter((competenceId) => !Object.hasOwn(ratings, competenceId));
}

/** A level must be on the framework's scale, and the competence must be in the framework. */
export function invalidRatings(
  framework: FrameworkDocument,
  ratings: Readonly<Record<string, RatedLevel>>,
): string[] {
  const known = new Set(competencesOf(framework).map((competence) => competence.id));
  const top = framework.scale.levels.length;
  return Object.entries(ratings)
    .filter(
      ([competenceId, level]) => !known.has(competenceId) || (level !== null && (level < 1 || level > top)),
    )
    .map(([competenceId]) => competenceId);
}
