/**
 * @module What individual and group conversations share: the basis a record is built from (round, framework, profile,
 * read once per request), the agenda in the reader's language, the plan's goals and actions, validation, the
 * calendar file and the answers to a guarded change.
 */
import type { Context } from 'hono';
import { defaultCoachingBank } from '../../../content/index.ts';
import type { ConversationRow, GoalRow, Guarded } from '../../db/repositories/conversations.ts';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import type { StoredAgendaItem } from '../../db/schema.ts';
import { subtreeUnitIds, type UnitNode } from '../../domain/access.ts';
import { type CoachingBank, type MusTheme, questionsFor } from '../../domain/coaching.ts';
import { type GuideItem, isPlanItemOverdue, type PlanStatus } from '../../domain/conversations.ts';
import { competencesOf, type FrameworkDocument } from '../../domain/framework.ts';
import { dateInTimeZone } from '../../domain/rounds.ts';
import type { Locale } from '../../domain/text.ts';
import { calendarFile } from '../calendar.ts';
import type {
  Action,
  AgendaItem,
  AgendaItemInput,
  agendaInputSchema,
  Goal,
  goalInputSchema,
} from '../contracts/conversations.ts';
import type { RoundProfile } from '../contracts/rounds.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';
import { fieldMessage } from '../messages.ts';
import { roundProfilesOfPeople } from './profiles.ts';

export const bank: CoachingBank = defaultCoachingBank;
export const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const formatDay = (day: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** The code a refused change of a closed record answers with: a signed conversation, or a closed group one. */
export type ClosedCode = 'conversation_signed' | 'group_conversation_closed';

/** A guarded change's row, or the error that tells the caller why it was not made. */
export function outcome<T>(result: Guarded<T>, closed: ClosedCode = 'conversation_signed'): T {
  if (result.outcome === 'conflict') throw new ApiError(409, 'conflict');
  if (result.outcome === 'signed') throw new ApiError(422, closed);
  return result.row;
}

export const invalid = (fields: Record<string, string>) => {
  if (Object.keys(fields).length > 0) throw new ApiError(422, 'invalid_conversation', { fields });
};

/** A conversation is not scheduled more than a day in the past (a late entry of yesterday's meeting is fine). */
export function scheduleProblems(locale: Locale, scheduledAt: Date, now: Date): Record<string, string> {
  return scheduledAt.getTime() < now.getTime() - 24 * 60 * 60_000
    ? { scheduledAt: fieldMessage(locale, 'scheduled_past') }
    : {};
}

/** The framework a conversation speaks of: its round's, or the municipality's newest published one. */
export async function frameworkOf(tenant: TenantRepositories, roundFrameworkVersionId: string | null) {
  if (roundFrameworkVersionId) {
    const version = await tenant.frameworks.findVersion(roundFrameworkVersionId);
    if (version) return version;
  }
  const versions = await tenant.frameworks.listVersions();
  const published = versions.filter((version) => version.status === 'published');
  const newest = published.sort((a, b) => b.version - a.version)[0];
  if (!newest) throw new Error('the municipality has no published framework version');
  return (await tenant.frameworks.findVersion(newest.id)) ?? newest;
}

/**
 * What a conversation's pages are built from, read once per request: its round, the framework and the employee's
 * profile in that round as the reader may see it (`isSelf` for the employee). A group conversation has no round.
 */
export async function recordBasis(
  tenant: TenantRepositories,
  conversation: Pick<ConversationRow, 'roundId' | 'employeeId'>,
  isSelf: boolean,
) {
  const round = conversation.roundId ? await tenant.rounds.find(conversation.roundId) : undefined;
  const [framework, profiles] = await Promise.all([
    frameworkOf(tenant, round?.frameworkVersionId ?? null),
    round && conversation.employeeId
      ? roundProfilesOfPeople(tenant, [conversation.employeeId], { isSelf, roundId: round.id })
      : undefined,
  ]);
  const profile: RoundProfile | undefined = conversation.employeeId
    ? profiles?.get(conversation.employeeId)?.[0]
    : undefined;
  return { round, framework, profile };
}
export type RecordBasis = Awaited<ReturnType<typeof recordBasis>>;

export async function today(tenant: TenantRepositories, now: () => Date) {
  const municipality = await tenant.people.municipality();
  return dateInTimeZone(now(), municipality.timeZone);
}

const levelText = (locale: Locale, profile: RoundProfile['competences'][number] | undefined) => {
  if (!profile) return null;
  const value = (level: number | null | undefined) => (typeof level === 'number' ? String(level) : '–');
  return locale === 'da'
    ? `Selv ${value(profile.self)} · leder ${value(profile.leader)} · mål ${value(profile.target)}`
    : `Self ${value(profile.self)} · leader ${value(profile.leader)} · target ${value(profile.target)}`;
};

const statusNames: Record<Locale, Record<PlanStatus, string>> = {
  da: { not_started: 'Ikke startet', in_progress: 'I gang', done: 'Gennemført', dropped: 'Opgivet' },
  en: { not_started: 'Not started', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' },
};

/** Why a goal is on the agenda: a team goal says so; both give the target date and where it stands. */
function goalReason(locale: Locale, goal: GoalRow, team: boolean): string {
  const status = statusNames[locale][goal.status as PlanStatus];
  const date = formatDay(goal.targetDate, locale);
  return locale === 'da'
    ? `${team ? 'Teammål · ' : ''}Måldato ${date} · ${status}`
    : `${team ? 'Team goal · ' : ''}Target date ${date} · ${status}`;
}

/** A team's numbers in words: counts only, never who. */
function teamReason(locale: Locale, kind: 'team_strength' | 'team_gap', team: StoredAgendaItem['team']) {
  if (!team) return null;
  if (kind === 'team_strength') {
    return locale === 'da'
      ? `Alle ${team.rated} er på eller over målet`
      : `All ${team.rated} are at or above the target`;
  }
  return locale === 'da'
    ? `${team.below} af ${team.rated} er under målet`
    : `${team.below} of ${team.rated} are below the target`;
}

export interface AgendaContext {
  locale: Locale;
  framework: FrameworkDocument;
  /** The employee's round profile, for an individual conversation's items about a competence. */
  profile: RoundProfile | undefined;
  /** The goals the agenda may follow up: the employee's and their team's, or a unit's team goals. */
  goals: readonly GoalRow[];
  /** A group conversation: themes and goals are put to the whole team. */
  group: boolean;
}

/** Renders stored agenda items in the reader's language, with the profile's or the team's numbers as the reason. */
export function renderAgenda(items: readonly StoredAgendaItem[], context: AgendaContext): AgendaItem[] {
  const { locale, framework, profile, goals, group } = context;
  const competences = new Map(competencesOf(framework).map((competence) => [competence.id, competence]));
  const profiles = new Map((profile?.competences ?? []).map((entry) => [entry.competenceId, entry]));
  const questions = new Map(
    Object.values(bank.competences)
      .flat()
      .map((question) => [question.id, question]),
  );
  return items.map((item): AgendaItem => {
    const competenceProfile = item.competenceId ? profiles.get(item.competenceId) : undefined;
    const theme = item.theme ? bank.musThemes.find((entry) => entry.id === item.theme) : undefined;
    const groupTheme = item.theme ? bank.groupThemes.find((entry) => entry.id === item.theme) : undefined;
    const goal = item.goalId ? goals.find((entry) => entry.id === item.goalId) : undefined;
    const competenceName = item.competenceId ? competences.get(item.competenceId)?.name[locale] : undefined;
    const isGoal = item.kind === 'open_goal' || item.kind === 'team_goal';
    const title =
      item.kind === 'custom'
        ? (item.title ?? '')
        : item.kind === 'mus_theme'
          ? (theme?.title[locale] ?? item.theme ?? '')
          : isGoal
            ? (goal?.title ?? item.title ?? '')
            : (competenceName ?? item.competenceId ?? '');
    const prompts =
      item.kind === 'strength'
        ? bank.strengthPrompts
        : item.kind === 'divergence' && competenceProfile?.divergence
          ? bank.divergencePrompts[competenceProfile.divergence]
          : isGoal
            ? group
              ? bank.teamGoalPrompts
              : bank.openGoalPrompts
            : item.kind === 'mus_theme'
              ? ((group ? groupTheme?.prompts : theme?.prompts) ?? [])
              : item.kind === 'team_strength'
                ? bank.teamStrengthPrompts
                : item.kind === 'team_gap'
                  ? bank.teamGapPrompts
                  : [];
    const reason =
      isGoal && goal
        ? goalReason(locale, goal, item.kind === 'team_goal')
        : item.kind === 'team_strength' || item.kind === 'team_gap'
          ? teamReason(locale, item.kind, item.team ?? null)
          : item.competenceId
            ? levelText(locale, competenceProfile)
            : null;
    return {
      id: item.id,
      kind: item.kind,
      competenceId: item.competenceId,
      theme: (item.theme as MusTheme | null) ?? null,
      goalId: item.goalId,
      title,
      reason,
      divergence: competenceProfile?.divergence ?? null,
      gap: competenceProfile?.gap ?? null,
      team: item.team ?? null,
      prompts: prompts.map((prompt) => prompt[locale]),
      questions: [
        ...item.questionIds.flatMap((id) => {
          const question = questions.get(id);
          return question ? [{ id, phase: question.phase, text: question.text[locale] }] : [];
        }),
        ...item.ownQuestions.map((text) => ({ id: null, phase: null, text })),
      ],
    };
  });
}

export const storedItem = (item: GuideItem): StoredAgendaItem => ({
  id: item.id,
  kind: item.kind,
  competenceId: item.competenceId,
  theme: item.theme,
  goalId: item.goalId,
  title: null,
  questionIds: item.questionIds,
  ownQuestions: [],
  team: item.team,
});

type AgendaItemIn = (typeof agendaInputSchema)['_output']['items'][number];

export const storedFromInput = (item: AgendaItemIn): StoredAgendaItem => ({
  id: item.id,
  kind: item.kind,
  competenceId: item.competenceId,
  theme: item.theme,
  goalId: item.goalId,
  title: item.title || null,
  questionIds: item.questionIds,
  ownQuestions: item.ownQuestions,
  team: null,
});

/** Per-field problems of competences: they must belong to the conversation's framework. */
export function competenceProblems(
  locale: Locale,
  framework: FrameworkDocument,
  competenceIds: readonly string[],
  field: string,
): Record<string, string> {
  const known = new Set(competencesOf(framework).map((competence) => competence.id));
  const fields: Record<string, string> = {};
  competenceIds.forEach((id, index) => {
    if (!known.has(id)) fields[`${field}.${index}`] = fieldMessage(locale, 'unknown_competence');
  });
  return fields;
}

const competenceKinds: ReadonlySet<AgendaItemInput['kind']> = new Set([
  'strength',
  'divergence',
  'gap',
  'chosen',
  'team_strength',
  'team_gap',
]);

/**
 * Per-field problems of an agenda: each item of a kind this conversation has, once, about a known competence, theme,
 * goal and question.
 */
export function agendaProblems(
  locale: Locale,
  items: readonly AgendaItemIn[],
  context: {
    framework: FrameworkDocument;
    /** Goals an item may follow up. */
    goalIds: ReadonlySet<string>;
    kinds: ReadonlySet<AgendaItemInput['kind']>;
  },
): Record<string, string> {
  const fields: Record<string, string> = {};
  const known = new Set(competencesOf(context.framework).map((competence) => competence.id));
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const at = (field: string) => `items.${index}.${field}`;
    if (!context.kinds.has(item.kind)) fields[at('kind')] = fieldMessage(locale, 'kind_not_here');
    if (seen.has(item.id)) fields[at('id')] = fieldMessage(locale, 'duplicate_item');
    seen.add(item.id);
    if (item.kind === 'custom' && !item.title)
      fields[at('title')] = fieldMessage(locale, 'custom_title_required');
    if (item.kind === 'mus_theme' && !item.theme)
      fields[at('theme')] = fieldMessage(locale, 'theme_required');
    if (
      (item.kind === 'open_goal' || item.kind === 'team_goal') &&
      (!item.goalId || !context.goalIds.has(item.goalId))
    ) {
      fields[at('goalId')] = fieldMessage(locale, 'unknown_goal');
    }
    if (competenceKinds.has(item.kind) && (!item.competenceId || !known.has(item.competenceId))) {
      fields[at('competenceId')] = fieldMessage(locale, 'unknown_competence');
    }
    const bankQuestions = item.competenceId ? questionsFor(bank, item.competenceId) : [];
    item.questionIds.forEach((questionId, questionIndex) => {
      if (!bankQuestions.some((question) => question.id === questionId)) {
        fields[at(`questionIds.${questionIndex}`)] = fieldMessage(locale, 'unknown_question');
      }
    });
  });
  return fields;
}

/** Goals with their actions and status histories, as the API shows them: three queries, however many goals. */
export async function goalsView(
  tenant: TenantRepositories,
  goals: GoalRow[],
  today: string,
): Promise<Goal[]> {
  const goalIds = goals.map((goal) => goal.id);
  const [actions, changes, people] = await Promise.all([
    tenant.conversations.actionsOf(goalIds),
    tenant.conversations.statusChanges(goalIds),
    tenant.people.listUsers(),
  ]);
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const personRef = (id: string) => ({ id, name: nameOf.get(id) ?? '' });
  const historyOf = (goalId: string, actionId: string | null) =>
    changes
      .filter((row) => row.change.goalId === goalId && row.change.actionId === actionId)
      .map((row) => ({
        from: row.change.fromStatus as PlanStatus,
        to: row.change.toStatus as PlanStatus,
        reason: row.change.reason,
        by: { id: row.change.changedById, name: row.byName },
        at: row.change.changedAt.toISOString(),
      }));
  const actionView = (action: (typeof actions)[number]): Action => ({
    id: action.id,
    goalId: action.goalId,
    kind: action.kind as Action['kind'],
    description: action.description,
    owner: personRef(action.ownerId),
    colleague: action.colleagueId ? personRef(action.colleagueId) : null,
    dueDate: action.dueDate,
    status: action.status as PlanStatus,
    droppedReason: action.droppedReason,
    overdue: isPlanItemOverdue({ status: action.status as PlanStatus, dueDate: action.dueDate }, today),
    version: action.version,
    history: historyOf(action.goalId, action.id),
  });
  return goals.map((goal) => ({
    id: goal.id,
    conversationId: goal.conversationId,
    title: goal.title,
    why: goal.why,
    successCriterion: goal.successCriterion,
    targetDate: goal.targetDate,
    competenceIds: goal.competenceIds,
    status: goal.status as PlanStatus,
    droppedReason: goal.droppedReason,
    overdue: isPlanItemOverdue({ status: goal.status as PlanStatus, dueDate: goal.targetDate }, today),
    version: goal.version,
    actions: actions.filter((action) => action.goalId === goal.id).map(actionView),
    history: historyOf(goal.id, null),
  }));
}

/** Notes as the API shows them: the reader's own first. */
export const notesView = (
  notes: Awaited<ReturnType<TenantRepositories['conversations']['notes']>>,
  readerId: string,
) =>
  [...notes]
    .sort((a, b) => Number(b.authorId === readerId) - Number(a.authorId === readerId))
    .map((row) => ({
      author: { id: row.authorId, name: row.authorName },
      items: row.items,
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
    }));

export const addendaView = (addenda: Awaited<ReturnType<TenantRepositories['conversations']['addenda']>>) =>
  addenda.map((row) => ({
    id: row.addendum.id,
    author: { id: row.addendum.authorId, name: row.authorName },
    at: row.addendum.createdAt.toISOString(),
    text: row.addendum.text,
  }));

/** The conversation as a calendar file, its summary in the reader's language. */
export function calendarReply(
  c: Context<AppEnv>,
  conversation: Pick<ConversationRow, 'id' | 'scheduledAt' | 'durationMinutes' | 'place' | 'version'>,
  summary: string,
  locale: Locale,
  now: Date,
) {
  const body = calendarFile({
    uid: `${conversation.id}@vejviser`,
    start: conversation.scheduledAt,
    durationMinutes: conversation.durationMinutes,
    summary,
    description:
      locale === 'da'
        ? 'Forbered dig i Vejviser under "Samtaler".'
        : 'Prepare in Vejviser under "Conversations".',
    location: conversation.place,
    sequence: conversation.version - 1,
    stamp: now,
  });
  c.header('Content-Type', 'text/calendar; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="samtale-${conversation.id}.ics"`);
  return c.body(body, 200);
}

/** One goal as the API shows it. */
export async function goalView(tenant: TenantRepositories, goal: GoalRow, now: () => Date): Promise<Goal> {
  const [view] = await goalsView(tenant, [goal], await today(tenant, now));
  return view!;
}

/** Saves the author's own notes (blank items dropped) and answers with them. */
export async function saveOwnNotes(
  tenant: TenantRepositories,
  input: { conversationId: string; authorId: string; version: number; items: Record<string, string> },
  now: Date,
  closed: ClosedCode,
) {
  const row = outcome(
    await tenant.conversations.saveNotes({
      conversationId: input.conversationId,
      authorId: input.authorId,
      expectedVersion: input.version,
      items: Object.fromEntries(Object.entries(input.items).filter(([, text]) => text)),
      now,
    }),
    closed,
  );
  const author = await tenant.people.findUser(input.authorId);
  return {
    author: { id: row.authorId, name: author?.name ?? '' },
    items: row.items,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Adds a goal about competences of the framework: an employee's, or (without one) the team's. */
export async function addGoal(
  tenant: TenantRepositories,
  locale: Locale,
  target: { conversationId: string; employeeId: string | null; framework: FrameworkDocument },
  input: GoalInputOut,
  closed: ClosedCode,
): Promise<GoalRow> {
  invalid(competenceProblems(locale, target.framework, input.competenceIds, 'competenceIds'));
  return outcome(
    await tenant.conversations.createGoal({
      conversationId: target.conversationId,
      employeeId: target.employeeId,
      title: input.title,
      why: input.why,
      successCriterion: input.successCriterion,
      targetDate: input.targetDate,
      competenceIds: [...new Set(input.competenceIds)],
    }),
    closed,
  );
}
type GoalInputOut = (typeof goalInputSchema)['_output'];

/** The current leaders of a unit: of the unit itself or any unit above it, each once. */
export function leadersAbove(
  leaderships: readonly { unitId: string; userId: string; name: string }[],
  units: readonly UnitNode[],
  unitId: string | null,
): { id: string; name: string }[] {
  if (!unitId) return [];
  const leaders = new Map<string, string>();
  for (const leadership of leaderships) {
    if (subtreeUnitIds(units, [leadership.unitId]).has(unitId))
      leaders.set(leadership.userId, leadership.name);
  }
  return [...leaders].map(([id, name]) => ({ id, name }));
}

/**
 * A reschedule as the repository takes it: only the fields sent. Time and place change only before the conversation
 * starts (422 `conversation_held`); the next follow-up date until it is closed.
 */
export function scheduleChanges(
  input: { scheduledAt?: string; durationMinutes?: number; place?: string; nextFollowUp?: string | null },
  heldAt: Date | null,
  movesParticipants = false,
) {
  const { nextFollowUp, ...schedule } = input;
  const reschedules = Object.keys(schedule).length > 0 || movesParticipants;
  if (reschedules && heldAt) throw new ApiError(422, 'conversation_held');
  return {
    ...(schedule.scheduledAt ? { scheduledAt: new Date(schedule.scheduledAt) } : {}),
    ...(schedule.durationMinutes ? { durationMinutes: schedule.durationMinutes } : {}),
    ...(schedule.place ? { place: schedule.place } : {}),
    ...(nextFollowUp !== undefined ? { nextFollowUp } : {}),
  };
}

/** The framework of a conversation's round, or the newest published one: no profile read. */
export async function frameworkOfRound(tenant: TenantRepositories, roundId: string | null) {
  const round = roundId ? await tenant.rounds.find(roundId) : undefined;
  return frameworkOf(tenant, round?.frameworkVersionId ?? null);
}
