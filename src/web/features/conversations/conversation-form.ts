/** @module Pure helpers for the conversation pages: date and time to an instant, the agenda draft, form → request body. */
import type { GrowPhase, MusTheme } from '../../../domain/coaching.ts';
import type { ConversationKind, PlanStatus } from '../../../domain/conversations.ts';
import type {
  ActionInput,
  AgendaItem,
  AgendaItemInput,
  ConversationSummary,
  GoalInput,
} from '../../../server/contracts/conversations.ts';

// The domain's lists, repeated here as values: importing them would bring zod into the bundle. The types keep them
// in step with the domain: a new theme or status there is a compile error here.
export const musThemeIds = [
  'looking_back',
  'tasks_collaboration',
  'wellbeing_motivation',
  'development_wishes',
] as const satisfies readonly MusTheme[];
export const growPhaseIds = [
  'goal',
  'reality',
  'options',
  'way_forward',
] as const satisfies readonly GrowPhase[];
export const conversationKindIds = [
  'profiling',
  'mus',
  'follow_up',
] as const satisfies readonly ConversationKind[];
export const planStatusIds = [
  'not_started',
  'in_progress',
  'done',
  'dropped',
] as const satisfies readonly PlanStatus[];
export const actionKindIds = [
  'theory',
  'practice',
  'colleague',
  'other',
] as const satisfies readonly ActionInput['kind'][];

/** At most this many competences in a preparation, as the server allows. */
export const maxChosenCompetences = 5;

const pad = (value: number) => String(value).padStart(2, '0');

/** "+01:00" for 60 minutes east of UTC, "-05:30" for 330 minutes west. */
export function offsetText(minutesEast: number): string {
  const sign = minutesEast < 0 ? '-' : '+';
  const minutes = Math.abs(minutesEast);
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export const isIsoDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);
export const isTime = (value: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/**
 * A date input's and a time input's values as an instant with the browser's own offset for that day, e.g.
 * `2026-07-01T09:30:00+02:00` in Copenhagen in summer and `2026-12-10T09:30:00+01:00` in winter. Null when either is
 * not a valid value.
 */
export function toScheduledAt(date: string, time: string): string | null {
  if (!isIsoDate(date) || !isTime(time)) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const local = new Date(year, month - 1, day, hours, minutes);
  // A date like 31 February rolls over; refuse it rather than send another day.
  if (local.getFullYear() !== year || local.getMonth() !== month - 1 || local.getDate() !== day) return null;
  return `${date}T${pad(local.getHours())}:${pad(local.getMinutes())}:00${offsetText(-local.getTimezoneOffset())}`;
}

/** An instant as the values of a date and a time input, in the browser's time zone. */
export function toDateAndTime(instant: string): { date: string; time: string } {
  const local = new Date(instant);
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
  };
}

/** Upcoming (not yet held) conversations first, the soonest first; then the held and signed ones, the latest first. */
export function groupConversations<T extends Pick<ConversationSummary, 'stage' | 'scheduledAt' | 'heldAt'>>(
  conversations: readonly T[],
): {
  upcoming: T[];
  held: T[];
} {
  const upcoming = conversations
    .filter((conversation) => conversation.stage === 'scheduled')
    .sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt));
  const held = conversations
    .filter((conversation) => conversation.stage !== 'scheduled')
    .sort((a, b) => Date.parse(b.heldAt ?? b.scheduledAt) - Date.parse(a.heldAt ?? a.scheduledAt));
  return { upcoming, held };
}

export { moveItem } from '../../ui/move-item.ts';

/** One question per line; blank lines are dropped. */
export function questionsFromText(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The leader's own agenda item, shown in the draft as the server would render it. */
export function customAgendaItem(id: string, title: string, questionsText: string): AgendaItem {
  return {
    id: `custom:${id}`,
    kind: 'custom',
    competenceId: null,
    theme: null,
    goalId: null,
    title: title.trim(),
    reason: null,
    divergence: null,
    gap: null,
    team: null,
    prompts: [],
    questions: questionsFromText(questionsText).map((text) => ({ id: null, phase: null, text })),
  };
}

/** What the server stores of an item: which suggestion it is, the bank's questions by id, the leader's own words. */
export function toAgendaItemInput(item: AgendaItem): AgendaItemInput {
  return {
    id: item.id,
    kind: item.kind,
    competenceId: item.competenceId,
    theme: item.theme,
    goalId: item.goalId,
    title: item.kind === 'custom' ? item.title : null,
    questionIds: item.questions.flatMap((question) => (question.id ? [question.id] : [])),
    ownQuestions: item.questions.flatMap((question) => (question.id ? [] : [question.text])),
  };
}

export interface GoalFormValues {
  title: string;
  why: string;
  successCriterion: string;
  targetDate: string;
  competenceIds: readonly string[];
}

export const emptyGoal: GoalFormValues = {
  title: '',
  why: '',
  successCriterion: '',
  targetDate: '',
  competenceIds: [],
};

export function toGoalInput(values: GoalFormValues): GoalInput {
  return {
    title: values.title.trim(),
    why: values.why.trim(),
    successCriterion: values.successCriterion.trim(),
    targetDate: values.targetDate,
    competenceIds: [...values.competenceIds],
  };
}

export interface ActionFormValues {
  kind: ActionInput['kind'] | '';
  description: string;
  ownerId: string;
  colleagueId: string;
  dueDate: string;
}

export const emptyAction: ActionFormValues = {
  kind: '',
  description: '',
  ownerId: '',
  colleagueId: '',
  dueDate: '',
};

/** The colleague only for "learn from a colleague"; a colleague picked before the kind changed is not sent. */
export function toActionInput(values: ActionFormValues): ActionInput {
  return {
    kind: values.kind === '' ? 'other' : values.kind,
    description: values.description.trim(),
    ownerId: values.ownerId,
    colleagueId: values.kind === 'colleague' && values.colleagueId ? values.colleagueId : null,
    dueDate: values.dueDate,
  };
}

// Shared with the other forms; kept importable from here for the conversation pages and their tests.
export { errorFor, placeFieldErrors } from '../../ui/form-errors.ts';
