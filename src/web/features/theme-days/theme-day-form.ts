/** @module Pure helpers for the theme-day pages: the plan as the form holds it, its agenda, and the request body. */
import type { ExerciseKind } from '../../../domain/exercises.ts';
import { agendaTimes, suggestedAgenda } from '../../../domain/theme-days.ts';
import type {
  ExerciseView,
  ThemeDayDetail,
  ThemeDayInput,
  ThemeDayUpdate,
} from '../../../server/contracts/theme-days.ts';

export const exerciseKindIds = [
  'dilemma',
  'role_play',
  'counter_case',
] as const satisfies readonly ExerciseKind[];

/** At most this many focus competences and agenda items, as the server allows. */
export const maxFocus = 5;
export const maxAgendaItems = 30;

export interface DraftItem {
  /** Stable in the plan: `exercise:<id>` or `own:<n>`. */
  id: string;
  exerciseId: string | null;
  /** The exercise's title in the reader's language, or the leader's own. */
  title: string;
  minutes: number;
}

export interface ThemeDayDraft {
  unitId: string;
  title: string;
  date: string;
  startTime: string;
  place: string;
  focusCompetenceIds: string[];
  participantIds: string[];
  agenda: DraftItem[];
}

export const exerciseItem = (exercise: Pick<ExerciseView, 'id' | 'title' | 'minutes'>): DraftItem => ({
  id: `exercise:${exercise.id}`,
  exerciseId: exercise.id,
  title: exercise.title,
  minutes: exercise.minutes,
});

/** A fresh id for the leader's own item, not yet used in the agenda. */
export function ownItemId(agenda: readonly DraftItem[]): string {
  const used = new Set(agenda.map((item) => item.id));
  let number = 1;
  while (used.has(`own:${number}`)) number += 1;
  return `own:${number}`;
}

/** The agenda Vejviser suggests for the focus: an exercise of each kind per competence. */
export function suggestedItems(
  exercises: readonly ExerciseView[],
  focusCompetenceIds: readonly string[],
): DraftItem[] {
  const byId = new Map(exercises.map((exercise) => [exercise.id, exercise]));
  return suggestedAgenda({ exercises }, focusCompetenceIds).map((item) =>
    exerciseItem(byId.get(item.exerciseId)!),
  );
}

/** The exercises a theme day can pick for a competence: those where it is the main one. */
export const exercisesForCompetence = (
  exercises: readonly ExerciseView[],
  competenceId: string,
): ExerciseView[] => exercises.filter((exercise) => exercise.competenceIds[0] === competenceId);

/** `HH:MM` start and end of each item. */
export const draftTimes = (draft: Pick<ThemeDayDraft, 'startTime' | 'agenda'>) =>
  agendaTimes(
    /^([01]\d|2[0-3]):[0-5]\d$/.test(draft.startTime) ? draft.startTime : '00:00',
    draft.agenda.map((item) => item.minutes),
  );

const planOf = (draft: ThemeDayDraft) => ({
  title: draft.title.trim(),
  date: draft.date,
  startTime: draft.startTime,
  place: draft.place.trim(),
  focusCompetenceIds: [...draft.focusCompetenceIds],
  participantIds: [...draft.participantIds],
  agenda: draft.agenda.map((item) => ({
    id: item.id,
    exerciseId: item.exerciseId,
    title: item.exerciseId ? null : item.title.trim(),
    minutes: item.minutes,
  })),
});

export const toThemeDayInput = (draft: ThemeDayDraft): ThemeDayInput => ({
  unitId: draft.unitId,
  ...planOf(draft),
});

export const toThemeDayUpdate = (draft: ThemeDayDraft, version: number): ThemeDayUpdate => ({
  version,
  ...planOf(draft),
});

/** The form's values for a saved theme day. */
export function draftOf(detail: ThemeDayDetail): ThemeDayDraft {
  return {
    unitId: detail.themeDay.unit.id,
    title: detail.themeDay.title,
    date: detail.themeDay.date,
    startTime: detail.themeDay.startTime,
    place: detail.themeDay.place,
    focusCompetenceIds: [...detail.themeDay.focusCompetenceIds],
    participantIds: detail.participants.map((person) => person.id),
    agenda: detail.agenda.map((item) => ({
      id: item.id,
      exerciseId: item.exerciseId,
      title: item.title,
      minutes: item.minutes,
    })),
  };
}

/** YYYY-MM-DD a number of days after another. */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(time) ? date : new Date(time + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Server messages by field path (`agenda.2.exerciseId`, `participantIds.0`) go to the form's fields: an agenda item's
 * problem to that item, a person's to the participants, a competence's to the focus.
 */
export function fieldIdFor(path: string, ids: Record<string, string>): string | undefined {
  const [head, index] = path.split('.');
  if (head === 'agenda' && index !== undefined) return `${ids.agenda}-${index}`;
  return ids[head ?? ''];
}
