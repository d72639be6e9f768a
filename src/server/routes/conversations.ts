/**
 * @module Conversations and development plans: schedule, prepare (privately until shared), the guide from the
 * profile, notes, goals and actions, signing by both, addenda, follow-up, the calendar file and the PDF summary.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defaultCoachingBank } from '../../../content/index.ts';
import type {
  ActionRow,
  ConversationWithPeople,
  GoalRow,
  Guarded,
} from '../../db/repositories/conversations.ts';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import type { StoredAgendaItem } from '../../db/schema.ts';
import { isLeader, type Principal, subtreeUnitIds, type UnitNode, unitsLedBy } from '../../domain/access.ts';
import { type CoachingBank, type MusTheme, questionsFor } from '../../domain/coaching.ts';
import {
  type ConversationKind,
  type ConversationRole,
  conversationGuide,
  conversationRole,
  type GuideItem,
  isOpen,
  isPlanItemOverdue,
  needsReason,
  type PlanStatus,
  stageOfConversation,
} from '../../domain/conversations.ts';
import { competencesOf, type FrameworkDocument } from '../../domain/framework.ts';
import { dateInTimeZone } from '../../domain/rounds.ts';
import type { Locale } from '../../domain/text.ts';
import { calendarFile } from '../calendar.ts';
import { idSchema } from '../contracts/common.ts';
import {
  type Action,
  type AgendaItem,
  actionInputSchema,
  actionSchema,
  actionUpdateSchema,
  addendumInputSchema,
  agendaInputSchema,
  agendaSchema,
  type ConversationDetail,
  type ConversationSummary,
  type ConversationTask,
  conversationDetailSchema,
  conversationInputSchema,
  conversationListSchema,
  conversationUpdateSchema,
  type Goal,
  goalInputSchema,
  goalSchema,
  goalUpdateSchema,
  guideSchema,
  notesInputSchema,
  notesSchema,
  type Preparation,
  planSchema,
  preparationInputSchema,
  preparationSchema,
  signInputSchema,
  statusInputSchema,
  versionInputSchema,
} from '../contracts/conversations.ts';
import type { RoundProfile } from '../contracts/rounds.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';
import { fieldMessage } from '../messages.ts';
import { conversationSummaryPdf } from '../pdf/conversation-summary.ts';
import { roundProfilesOf } from './profiles.ts';

const bank: CoachingBank = defaultCoachingBank;
const iso = (date: Date | null) => (date ? date.toISOString() : null);

const kindNames: Record<Locale, Record<ConversationKind, string>> = {
  da: { profiling: 'Profileringssamtale', mus: 'MUS-samtale', follow_up: 'Opfølgningssamtale' },
  en: {
    profiling: 'Profiling conversation',
    mus: 'Development review (MUS)',
    follow_up: 'Follow-up conversation',
  },
};

const formatDay = (day: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

const conversationParams = z.strictObject({ conversationId: idSchema });
const goalParams = z.strictObject({ goalId: idSchema });
const actionParams = z.strictObject({ actionId: idSchema });

/** The conversation, the caller's side of it, and what the pages built from it need. */
async function loadConversation(c: Context<AppEnv>, conversationId: string) {
  const { principal, tenant } = auth(c);
  const conversation = await tenant.conversations.find(conversationId);
  if (!conversation) throw notFound();
  const units = await tenant.people.listUnits();
  const role = conversationRole(
    principal,
    { id: conversation.employeeId, unitId: conversation.employeeUnitId },
    units,
  );
  // Anyone outside the conversation is told it does not exist.
  if (!role) throw notFound();
  return { principal, tenant, conversation, units, role, locale: c.get('locale') };
}
type Loaded = Awaited<ReturnType<typeof loadConversation>>;

const requireLeader = (loaded: Loaded) => {
  if (loaded.role !== 'leader') throw new ApiError(403, 'forbidden');
};
const requireNotSigned = (loaded: Pick<Loaded, 'conversation'>) => {
  if (loaded.conversation.signedAt) throw new ApiError(422, 'conversation_signed');
};
/** Notes and the plan are written during the conversation: after the leader starts it, until both sign. */
const requireEditable = (loaded: Loaded) => {
  requireNotSigned(loaded);
  if (!loaded.conversation.heldAt) throw new ApiError(422, 'conversation_not_started');
};

function outcome<T>(result: Guarded<T>): T {
  if (result.outcome === 'conflict') throw new ApiError(409, 'conflict');
  if (result.outcome === 'signed') throw new ApiError(422, 'conversation_signed');
  return result.row;
}

const invalid = (fields: Record<string, string>) => {
  if (Object.keys(fields).length > 0) throw new ApiError(422, 'invalid_conversation', { fields });
};

/** The framework the conversation speaks of: the round's, or the municipality's newest published one. */
async function frameworkOf(tenant: TenantRepositories, roundFrameworkVersionId: string | null) {
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

/** The round profile the conversation is prepared from, as the reader may see it. */
async function profileFor(
  tenant: TenantRepositories,
  conversation: Pick<ConversationWithPeople, 'employeeId' | 'roundId'>,
  role: ConversationRole,
): Promise<RoundProfile | undefined> {
  if (!conversation.roundId) return undefined;
  const profiles = await roundProfilesOf(tenant, conversation.employeeId, role === 'employee');
  return profiles.find((profile) => profile.roundId === conversation.roundId);
}

/** The people of a conversation: the employee, the leaders of their unit and the units above, their colleagues. */
async function peopleOf(tenant: TenantRepositories, loaded: Pick<Loaded, 'conversation' | 'units'>) {
  const { conversation, units } = loaded;
  const unitId = conversation.employeeUnitId;
  const [leaderships, colleagues] = await Promise.all([
    tenant.people.listLeaderships(),
    unitId ? tenant.people.usersInUnits([unitId]) : Promise.resolve([]),
  ]);
  const above = new Set<string>();
  for (const leadership of leaderships) {
    if (unitId && subtreeUnitIds(units, [leadership.unitId]).has(unitId)) above.add(leadership.userId);
  }
  const leaders = [...new Map(leaderships.filter((l) => above.has(l.userId)).map((l) => [l.userId, l]))].map(
    ([id, leadership]) => ({ id, name: leadership.name }),
  );
  return {
    employee: { id: conversation.employeeId, name: conversation.employeeName },
    leaders: leaders.filter((leader) => leader.id !== conversation.employeeId),
    colleagues: colleagues
      .filter((person) => person.active && person.id !== conversation.employeeId && !above.has(person.id))
      .map((person) => ({ id: person.id, name: person.name })),
  };
}

function preparationView(
  row: Awaited<ReturnType<TenantRepositories['conversations']['preparations']>>[number] | undefined,
  author: { id: string; name: string },
): Preparation {
  return {
    author,
    answers: (row?.answers ?? {}) as Preparation['answers'],
    chosenCompetenceIds: row?.chosenCompetenceIds ?? [],
    state: !row ? 'not_started' : row.sharedAt ? 'shared' : 'draft',
    sharedAt: iso(row?.sharedAt ?? null),
    version: row?.version ?? 0,
    updatedAt: iso(row?.updatedAt ?? null),
  };
}

function summaryOf(
  conversation: ConversationWithPeople,
  role: ConversationRole,
  viewerId: string,
  preparations: { authorId: string; sharedAt: Date | null }[],
): ConversationSummary {
  const mine = preparations.find((row) => row.authorId === viewerId);
  return {
    id: conversation.id,
    kind: conversation.kind as ConversationKind,
    employee: { id: conversation.employeeId, name: conversation.employeeName },
    leader: { id: conversation.leaderId, name: conversation.leaderName },
    scheduledAt: conversation.scheduledAt.toISOString(),
    durationMinutes: conversation.durationMinutes,
    place: conversation.place,
    stage: stageOfConversation(conversation),
    heldAt: iso(conversation.heldAt),
    signedAt: iso(conversation.signedAt),
    nextFollowUp: conversation.nextFollowUp,
    followUpOf: conversation.followUpOf,
    myPreparation: !mine ? 'not_started' : mine.sharedAt ? 'shared' : 'draft',
    otherPreparationShared: preparations.some((row) => row.authorId !== viewerId && row.sharedAt !== null),
    myRole: role,
  };
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

/** Renders stored agenda items in the reader's language, with the profile's numbers as the reason. */
function renderAgenda(
  items: readonly StoredAgendaItem[],
  context: {
    locale: Locale;
    framework: FrameworkDocument;
    profile: RoundProfile | undefined;
    goals: readonly GoalRow[];
  },
): AgendaItem[] {
  const { locale, framework, profile, goals } = context;
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
    const goal = item.goalId ? goals.find((entry) => entry.id === item.goalId) : undefined;
    const competenceName = item.competenceId ? competences.get(item.competenceId)?.name[locale] : undefined;
    const title =
      item.kind === 'custom'
        ? (item.title ?? '')
        : item.kind === 'mus_theme'
          ? (theme?.title[locale] ?? item.theme ?? '')
          : item.kind === 'open_goal'
            ? (goal?.title ?? item.title ?? '')
            : (competenceName ?? item.competenceId ?? '');
    const prompts =
      item.kind === 'strength'
        ? bank.strengthPrompts
        : item.kind === 'divergence' && competenceProfile?.divergence
          ? bank.divergencePrompts[competenceProfile.divergence]
          : item.kind === 'open_goal'
            ? bank.openGoalPrompts
            : item.kind === 'mus_theme'
              ? (theme?.prompts ?? [])
              : [];
    const reason =
      item.kind === 'open_goal' && goal
        ? locale === 'da'
          ? `Måldato ${formatDay(goal.targetDate, locale)} · ${statusNames.da[goal.status as PlanStatus]}`
          : `Target date ${formatDay(goal.targetDate, locale)} · ${statusNames.en[goal.status as PlanStatus]}`
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

const storedItem = (item: GuideItem): StoredAgendaItem => ({
  id: item.id,
  kind: item.kind,
  competenceId: item.competenceId,
  theme: item.theme,
  goalId: item.goalId,
  title: null,
  questionIds: item.questionIds,
  ownQuestions: [],
});

/** The guide Vejviser suggests now: from the round's profile, both shared choices and the open goals. */
async function suggestedGuide(
  tenant: TenantRepositories,
  conversation: Pick<ConversationWithPeople, 'id' | 'kind' | 'employeeId' | 'roundId'>,
  viewerId: string,
): Promise<StoredAgendaItem[]> {
  const [profile, preparations, goals] = await Promise.all([
    profileFor(tenant, conversation, 'leader'),
    conversation.id ? tenant.conversations.preparations(conversation.id) : Promise.resolve([]),
    tenant.conversations.goalsOfEmployee(conversation.employeeId),
  ]);
  // The employee's choices first, then the leader's own; a private preparation is only its author's to use.
  const chosen = [
    ...preparations.filter((row) => row.authorId === conversation.employeeId && row.sharedAt),
    ...preparations.filter((row) => row.authorId === viewerId),
  ].flatMap((row) => row.chosenCompetenceIds);
  const openGoals = goals
    .filter((goal) => isOpen(goal.status as PlanStatus))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return conversationGuide({
    kind: conversation.kind as ConversationKind,
    profiles: (profile?.competences ?? []).map((entry) => ({
      ...entry,
      self: entry.self,
      leader: entry.leader,
    })),
    chosenCompetenceIds: chosen,
    openGoals,
    bank,
  }).map(storedItem);
}

async function goalsView(tenant: TenantRepositories, goals: GoalRow[], today: string): Promise<Goal[]> {
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
  const actionView = (action: ActionRow): Action => ({
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

async function today(tenant: TenantRepositories, now: () => Date) {
  const municipality = await tenant.people.municipality();
  return dateInTimeZone(now(), municipality.timeZone);
}

async function detailOf(loaded: Loaded, now: () => Date): Promise<ConversationDetail> {
  const { tenant, conversation, role, principal, locale } = loaded;
  const round = conversation.roundId ? await tenant.rounds.find(conversation.roundId) : undefined;
  const [framework, profile, preparations, notes, goals, signatures, addenda, people, day, employeeGoals] =
    await Promise.all([
      frameworkOf(tenant, round?.frameworkVersionId ?? null),
      profileFor(tenant, conversation, role),
      tenant.conversations.preparations(conversation.id),
      tenant.conversations.notes(conversation.id),
      tenant.conversations.goalsOfConversation(conversation.id),
      tenant.conversations.signatures(conversation.id),
      tenant.conversations.addenda(conversation.id),
      peopleOf(tenant, loaded),
      today(tenant, now),
      tenant.conversations.goalsOfEmployee(conversation.employeeId),
    ]);
  const me = principal.userId;
  const mine = preparations.find((row) => row.authorId === me);
  const others = preparations.filter((row) => row.authorId !== me && row.sharedAt !== null);
  const agendaVisible = role === 'leader' || conversation.heldAt !== null;
  const ownNotesFirst = [...notes].sort((a, b) => Number(b.authorId === me) - Number(a.authorId === me));
  return {
    conversation: summaryOf(conversation, role, me, preparations),
    version: conversation.version,
    contentVersion: conversation.contentVersion,
    frameworkVersionId: framework.id,
    canLead: role === 'leader' && conversation.signedAt === null,
    canEdit: conversation.heldAt !== null && conversation.signedAt === null,
    agenda: agendaVisible
      ? {
          items: renderAgenda(conversation.agenda, {
            locale,
            framework: framework.document,
            profile,
            goals: employeeGoals,
          }),
          version: conversation.agendaVersion,
          round: round ? { id: round.id, name: round.name } : null,
        }
      : null,
    notes: conversation.heldAt
      ? ownNotesFirst.map((row) => ({
          author: { id: row.authorId, name: row.authorName },
          items: row.items,
          version: row.version,
          updatedAt: row.updatedAt.toISOString(),
        }))
      : [],
    preparations: [
      preparationView(mine, { id: me, name: principalName(people, me) }),
      ...others.map((row) => preparationView(row, { id: row.authorId, name: row.authorName })),
    ],
    goals: await goalsView(tenant, goals, day),
    signatures: signatures.map((row) => ({
      role: row.role as ConversationRole,
      person: { id: row.signerId, name: row.signerName },
      signedAt: row.signedAt.toISOString(),
      valid: conversation.signedAt !== null || row.contentVersion === conversation.contentVersion,
    })),
    addenda: addenda.map((row) => ({
      id: row.addendum.id,
      author: { id: row.addendum.authorId, name: row.authorName },
      at: row.addendum.createdAt.toISOString(),
      text: row.addendum.text,
    })),
    people,
  };
}

const principalName = (people: Awaited<ReturnType<typeof peopleOf>>, id: string) =>
  [people.employee, ...people.leaders].find((person) => person.id === id)?.name ?? '';

/** Per-field problems of a goal's competences: they must belong to the conversation's framework. */
function competenceProblems(
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

async function frameworkOfConversation(tenant: TenantRepositories, conversation: ConversationWithPeople) {
  const round = conversation.roundId ? await tenant.rounds.find(conversation.roundId) : undefined;
  return frameworkOf(tenant, round?.frameworkVersionId ?? null);
}

/** A goal, the conversation it belongs to, and the caller's side of it. */
async function loadGoal(c: Context<AppEnv>, goalId: string) {
  const { tenant } = auth(c);
  const goal = await tenant.conversations.findGoal(goalId);
  if (!goal) throw notFound();
  const loaded = await loadConversation(c, goal.conversationId);
  return { ...loaded, goal };
}

async function loadAction(c: Context<AppEnv>, actionId: string) {
  const { tenant } = auth(c);
  const action = await tenant.conversations.findAction(actionId);
  if (!action) throw notFound();
  const loaded = await loadGoal(c, action.goalId);
  return { ...loaded, action };
}

async function actionProblems(
  loaded: Loaded,
  input: { kind: string; ownerId: string; colleagueId: string | null },
): Promise<Record<string, string>> {
  const people = await peopleOf(loaded.tenant, loaded);
  const fields: Record<string, string> = {};
  const parties = new Set([people.employee.id, ...people.leaders.map((leader) => leader.id)]);
  if (!parties.has(input.ownerId)) fields.ownerId = fieldMessage(loaded.locale, 'owner_not_party');
  if (input.kind === 'colleague' && !input.colleagueId) {
    fields.colleagueId = fieldMessage(loaded.locale, 'colleague_required');
  } else if (input.kind !== 'colleague' && input.colleagueId) {
    fields.colleagueId = fieldMessage(loaded.locale, 'colleague_not_allowed');
  } else if (input.colleagueId && !people.colleagues.some((person) => person.id === input.colleagueId)) {
    fields.colleagueId = fieldMessage(loaded.locale, 'colleague_not_in_unit');
  }
  return fields;
}

function agendaProblems(
  locale: Locale,
  items: readonly z.infer<typeof agendaInputSchema>['items'][number][],
  framework: FrameworkDocument,
  employeeGoalIds: ReadonlySet<string>,
): Record<string, string> {
  const fields: Record<string, string> = {};
  const known = new Set(competencesOf(framework).map((competence) => competence.id));
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const at = (field: string) => `items.${index}.${field}`;
    if (seen.has(item.id)) fields[at('id')] = fieldMessage(locale, 'duplicate_item');
    seen.add(item.id);
    if (item.kind === 'custom' && !item.title)
      fields[at('title')] = fieldMessage(locale, 'custom_title_required');
    if (item.kind === 'mus_theme' && !item.theme)
      fields[at('theme')] = fieldMessage(locale, 'theme_required');
    if (item.kind === 'open_goal' && (!item.goalId || !employeeGoalIds.has(item.goalId))) {
      fields[at('goalId')] = fieldMessage(locale, 'unknown_goal');
    }
    const competenceKinds = ['strength', 'divergence', 'gap', 'chosen'];
    if (competenceKinds.includes(item.kind) && (!item.competenceId || !known.has(item.competenceId))) {
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

const storedFromInput = (item: z.infer<typeof agendaInputSchema>['items'][number]): StoredAgendaItem => ({
  id: item.id,
  kind: item.kind,
  competenceId: item.competenceId,
  theme: item.theme,
  goalId: item.goalId,
  title: item.title || null,
  questionIds: item.questionIds,
  ownQuestions: item.ownQuestions,
});

async function pdfInput(loaded: Loaded, detail: ConversationDetail, locale: Locale) {
  const { tenant, conversation, role } = loaded;
  const [municipality, employee, profile, framework] = await Promise.all([
    tenant.people.municipality(),
    tenant.people.findUser(conversation.employeeId),
    profileFor(tenant, conversation, role),
    frameworkOfConversation(tenant, conversation),
  ]);
  const document = framework.document;
  const competenceName = new Map(
    competencesOf(document).map((competence) => [competence.id, competence.name]),
  );
  const people = [detail.people.employee, ...detail.people.leaders, ...detail.people.colleagues];
  const signatureOf = (signatureRole: ConversationRole) =>
    detail.signatures.find((signature) => signature.role === signatureRole && signature.valid);
  const leaderSignature = signatureOf('leader');
  const employeeSignature = signatureOf('employee');
  return {
    locale,
    timeZone: municipality.timeZone,
    municipalityName: municipality.name,
    kind: conversation.kind as ConversationKind,
    employee: { name: conversation.employeeName, title: employee?.title ?? null },
    leader: { name: leaderSignature?.person.name ?? conversation.leaderName },
    scheduledAt: conversation.scheduledAt.toISOString(),
    heldAt: iso(conversation.heldAt),
    place: conversation.place,
    scaleMax: document.scale.levels.length,
    // Only what the reader may see: the employee's copy hides a leader rating the round still holds back.
    areas: document.areas.map((area) => {
      const values = profile?.areas.find((entry) => entry.areaId === area.id);
      return {
        name: area.name[locale],
        self: values?.self ?? null,
        leader: values?.leader ?? null,
        target: values?.target ?? null,
      };
    }),
    goals: detail.goals.map((goal) => ({
      title: goal.title,
      why: goal.why,
      successCriterion: goal.successCriterion,
      targetDate: goal.targetDate,
      competences: goal.competenceIds.map((id) => competenceName.get(id)?.[locale] ?? id),
      status: goal.status,
      actions: goal.actions.map((action) => ({
        kind: action.kind,
        description: action.description,
        owner: people.find((person) => person.id === action.owner.id)?.name ?? action.owner.name,
        dueDate: action.dueDate,
        status: action.status,
        colleague: action.colleague?.name ?? null,
      })),
    })),
    nextFollowUp: conversation.nextFollowUp,
    signatures: [
      {
        role: 'employee' as const,
        name: employeeSignature?.person.name ?? conversation.employeeName,
        signedAt: employeeSignature?.signedAt ?? null,
      },
      {
        role: 'leader' as const,
        name: leaderSignature?.person.name ?? conversation.leaderName,
        signedAt: leaderSignature?.signedAt ?? null,
      },
    ],
    addenda: detail.addenda.map((addendum) => ({
      author: addendum.author.name,
      at: addendum.at,
      text: addendum.text,
    })),
  };
}

/**
 * The caller's conversation tasks: prepare and sign their own conversations and those of the people they lead, and
 * the goals and actions that are overdue, their own and their people's.
 */
export async function conversationTasks(
  tenant: TenantRepositories,
  principal: Principal,
  units: readonly UnitNode[],
  day: string,
): Promise<ConversationTask[]> {
  const rows = await tenant.conversations.listFor(principal.userId, [...unitsLedBy(principal, units)]);
  const tasks: ConversationTask[] = [];
  for (const row of rows) {
    const role = conversationRole(principal, { id: row.employeeId, unitId: row.employeeUnitId }, units);
    if (!role || row.signedAt) continue;
    const base = {
      conversationId: row.id,
      conversationKind: row.kind as ConversationKind,
      subject: { id: row.employeeId, name: row.employeeName },
      scheduledAt: row.scheduledAt.toISOString(),
    };
    if (!row.heldAt) {
      const preparations = await tenant.conversations.preparations(row.id);
      const mine = preparations.find((preparation) => preparation.authorId === principal.userId);
      if (!mine?.sharedAt) tasks.push({ ...base, kind: 'prepare', title: null, dueDate: null });
      continue;
    }
    const signatures = await tenant.conversations.signatures(row.id);
    const signed = signatures.some(
      (signature) => signature.role === role && signature.contentVersion === row.contentVersion,
    );
    if (!signed) tasks.push({ ...base, kind: 'sign', title: null, dueDate: null });
  }
  const employees = new Map(rows.map((row) => [row.employeeId, row]));
  for (const [employeeId, row] of employees) {
    const goals = await tenant.conversations.goalsOfEmployee(employeeId);
    const actions = await tenant.conversations.actionsOf(goals.map((goal) => goal.id));
    const base = {
      conversationKind: row.kind as ConversationKind,
      subject: { id: employeeId, name: row.employeeName },
      scheduledAt: row.scheduledAt.toISOString(),
    };
    for (const goal of goals) {
      if (isPlanItemOverdue({ status: goal.status as PlanStatus, dueDate: goal.targetDate }, day)) {
        tasks.push({
          ...base,
          kind: 'overdue_goal',
          conversationId: goal.conversationId,
          title: goal.title,
          dueDate: goal.targetDate,
        });
      }
      for (const action of actions.filter((entry) => entry.goalId === goal.id)) {
        if (isPlanItemOverdue({ status: action.status as PlanStatus, dueDate: action.dueDate }, day)) {
          tasks.push({
            ...base,
            kind: 'overdue_action',
            conversationId: goal.conversationId,
            title: action.description,
            dueDate: action.dueDate,
          });
        }
      }
    }
  }
  return tasks.sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
}

export function conversationRoutes(now: () => Date) {
  const app = new OpenAPIHono<AppEnv>();
  const detail = async (c: Context<AppEnv>, conversationId: string) =>
    detailOf(await loadConversation(c, conversationId), now);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/conversations',
      tags: ['Conversations'],
      summary: "The caller's conversations: their own, and those of the people they lead",
      ...authenticated,
      responses: { 200: json(conversationListSchema, 'Newest first.'), ...pick(401) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const units = await tenant.people.listUnits();
      const led = [...unitsLedBy(principal, units)];
      const rows = await tenant.conversations.listFor(principal.userId, led);
      const summaries: ConversationSummary[] = [];
      for (const row of rows) {
        const role = conversationRole(principal, { id: row.employeeId, unitId: row.employeeUnitId }, units);
        if (!role) continue;
        const preparations = await tenant.conversations.preparations(row.id);
        summaries.push(summaryOf(row, role, principal.userId, preparations));
      }
      return reply(c, conversationListSchema, { conversations: summaries });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/conversations',
      tags: ['Conversations'],
      summary: 'Schedule a conversation with an employee (their leaders)',
      ...authenticated,
      request: { body: jsonBody(conversationInputSchema) },
      responses: {
        201: json(conversationDetailSchema, 'Scheduled, with a guide from the latest profile.'),
        ...pick(400, 401, 403, 415, 422),
      },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      // Conversations are held by leaders; someone who leads nothing may never schedule one.
      if (!isLeader(principal)) throw forbidden();
      const locale = c.get('locale');
      const input = c.req.valid('json');
      const [employee, units] = await Promise.all([
        tenant.people.findUser(input.employeeId),
        tenant.people.listUnits(),
      ]);
      const fields: Record<string, string> = {};
      const role = employee?.active
        ? conversationRole(principal, { id: employee.id, unitId: employee.unitId }, units)
        : null;
      if (role !== 'leader') fields.employeeId = fieldMessage(locale, 'employee_not_led');
      const scheduledAt = new Date(input.scheduledAt);
      if (scheduledAt.getTime() < now().getTime() - 24 * 60 * 60_000) {
        fields.scheduledAt = fieldMessage(locale, 'scheduled_past');
      }
      if (input.followUpOf) {
        const previous = await tenant.conversations.find(input.followUpOf);
        if (!previous || previous.employeeId !== input.employeeId) {
          fields.followUpOf = fieldMessage(locale, 'follow_up_unknown');
        }
      }
      invalid(fields);
      // The guide is built from the newest round in which anything about the employee was submitted.
      const profiles = await roundProfilesOf(tenant, employee!.id, false);
      const round = profiles.find((profile) => profile.selfSubmitted || profile.leaderSubmitted);
      const draft = {
        id: '',
        kind: input.kind,
        employeeId: employee!.id,
        roundId: round?.roundId ?? null,
      };
      const agenda = await suggestedGuide(tenant, draft, principal.userId);
      const created = await tenant.conversations.create({
        kind: input.kind,
        employeeId: employee!.id,
        leaderId: principal.userId,
        roundId: draft.roundId,
        followUpOf: input.followUpOf ?? null,
        scheduledAt,
        durationMinutes: input.durationMinutes,
        place: input.place,
        agenda,
      });
      const body = conversationDetailSchema.parse(await detail(c, created.id));
      return c.json(body, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/conversations/{conversationId}',
      tags: ['Conversations'],
      summary: 'One conversation: agenda, notes, shared preparations, plan, signatures and addenda',
      ...authenticated,
      request: { params: conversationParams },
      responses: { 200: json(conversationDetailSchema, 'The conversation.'), ...pick(400, 401, 404) },
    }),
    async (c) => reply(c, conversationDetailSchema, await detail(c, c.req.valid('param').conversationId)),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/conversations/{conversationId}',
      tags: ['Conversations'],
      summary: 'Reschedule (before it starts) or set the next follow-up date (until it is signed)',
      ...authenticated,
      request: { params: conversationParams, body: jsonBody(conversationUpdateSchema) },
      responses: {
        200: json(conversationDetailSchema, 'Saved.'),
        ...pick(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const loaded = await loadConversation(c, c.req.valid('param').conversationId);
      requireLeader(loaded);
      requireNotSigned(loaded);
      const { version, nextFollowUp, ...schedule } = c.req.valid('json');
      const reschedules = Object.keys(schedule).length > 0;
      if (reschedules && loaded.conversation.heldAt) throw new ApiError(422, 'conversation_held');
      outcome(
        await loaded.tenant.conversations.updateSchedule(loaded.conversation.id, version, {
          ...(schedule.scheduledAt ? { scheduledAt: new Date(schedule.scheduledAt) } : {}),
          ...(schedule.durationMinutes ? { durationMinutes: schedule.durationMinutes } : {}),
          ...(schedule.place ? { place: schedule.place } : {}),
          ...(nextFollowUp !== undefined ? { nextFollowUp } : {}),
        }),
      );
      return reply(c, conversationDetailSchema, await detail(c, loaded.conversation.id));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{conversationId}/start',
      tags: ['Conversations'],
      summary: 'Start the conversation: notes and the plan can be written, and the employee sees the agenda',
      ...authenticated,
      request: { params: conversationParams },
      responses: { 200: json(conversationDetailSchema, 'Started.'), ...pick(401, 403, 404, 422) },
    }),
    async (c) => {
      const loaded = await loadConversation(c, c.req.valid('param').conversationId);
      requireLeader(loaded);
      requireNotSigned(loaded);
      await loaded.tenant.conversations.start(loaded.conversation.id, now());
      return reply(c, conversationDetailSchema, await detail(c, loaded.conversation.id));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/conversations/{conversationId}/calendar.ics',
      tags: ['Conversations'],
      summary: 'The conversation as a calendar event (iCalendar)',
      ...authenticated,
      request: { params: conversationParams },
      responses: {
        200: { content: { 'text/calendar': { schema: z.string() } }, description: 'An .ics file.' },
        ...pick(401, 404),
      },
    }),
    async (c) => {
      const { conversation, locale } = await loadConversation(c, c.req.valid('param').conversationId);
      const kind = kindNames[locale][conversation.kind as ConversationKind];
      const body = calendarFile({
        uid: `${conversation.id}@vejviser`,
        start: conversation.scheduledAt,
        durationMinutes: conversation.durationMinutes,
        summary: `${kind}: ${conversation.employeeName} og ${conversation.leaderName}`.replace(
          ' og ',
          locale === 'da' ? ' og ' : ' and ',
        ),
        description:
          locale === 'da'
            ? 'Forbered dig i Vejviser under "Samtaler".'
            : 'Prepare in Vejviser under "Conversations".',
        location: conversation.place,
        sequence: conversation.version - 1,
        stamp: now(),
      });
      c.header('Content-Type', 'text/calendar; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="samtale-${conversation.id}.ics"`);
      return c.body(body, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/conversations/{conversationId}/preparation',
      tags: ['Conversations'],
      summary: "The caller's own preparation (private until they share it)",
      ...authenticated,
      request: { params: conversationParams },
      responses: { 200: json(preparationSchema, 'The preparation.'), ...pick(400, 401, 404) },
    }),
    async (c) => {
      const { tenant, conversation, principal } = await loadConversation(
        c,
        c.req.valid('param').conversationId,
      );
      const rows = await tenant.conversations.preparations(conversation.id);
      const mine = rows.find((row) => row.authorId === principal.userId);
      const me = await tenant.people.findUser(principal.userId);
      return reply(
        c,
        preparationSchema,
        preparationView(mine, { id: principal.userId, name: me?.name ?? '' }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/conversations/{conversationId}/preparation',
      tags: ['Conversations'],
      summary: "Save the caller's own preparation",
      ...authenticated,
      request: { params: conversationParams, body: jsonBody(preparationInputSchema) },
      responses: {
        200: json(preparationSchema, 'Saved.'),
        ...pick(400, 401, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const loaded = await loadConversation(c, c.req.valid('param').conversationId);
      requireNotSigned(loaded);
      const input = c.req.valid('json');
      const framework = await frameworkOfConversation(loaded.tenant, loaded.conversation);
      invalid(
        competenceProblems(
          loaded.locale,
          framework.document,
          input.chosenCompetenceIds,
          'chosenCompetenceIds',
        ),
      );
      const row = outcome(
        await loaded.tenant.conversations.savePreparation({
          conversationId: loaded.conversation.id,
          authorId: loaded.principal.userId,
          expectedVersion: input.version,
          answers: Object.fromEntries(Object.entries(input.answers).filter(([, text]) => text)) as Record<
            string,
            string
          >,
          chosenCompetenceIds: [...new Set(input.chosenCompetenceIds)],
          now: now(),
        }),
      );
      const me = await loaded.tenant.people.findUser(loaded.principal.userId);
      return reply(
        c,
        preparationSchema,
        preparationView({ ...row, authorName: me?.name ?? '' }, { id: row.authorId, name: me?.name ?? '' }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{conversationId}/preparation/share',
      tags: ['Conversations'],
      summary: "Share the caller's preparation with the other party",
      ...authenticated,
      request: { params: conversationParams, body: jsonBody(versionInputSchema) },
      responses: { 200: json(preparationSchema, 'Shared.'), ...pick(400, 401, 404, 409, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadConversation(c, c.req.valid('param').conversationId);
      requireNotSigned(loaded);
      const { version } = c.req.valid('json');
      const row = outcome(
        await loaded.tenant.conversations.sharePreparation(
          loaded.conversation.id,
          loaded.principal.userId,
          version,
          now(),
        ),
      );
      const me = await loaded.tenant.people.findUser(loaded.principal.userId);
      return reply(
        c,
        preparationSchema,
        preparationView({ ...row, authorName: me?.name ?? '' }, { id: row.authorId, name: me?.name ?? '' }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/conversations/{conversationId}/guide',
      tags: ['Conversations'],
      summary: 'The guide Vejviser suggests now, from the profile, shared choices and open goals (leaders)',
      ...authenticated,
      request: { params: conversationParams },
      responses: { 200: json(guideSchema, 'The suggestion; nothing is saved.'), ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const loaded = await loadConversation(c, c.req.valid('param').conversationId);
      requireLeader(loaded);
      const { tenant, conversation, locale } = loaded;
      const [items, framework, profile, goals] = await Promise.all([
        suggestedGuide(tenant, conversation, loaded.principal.userId),
        frameworkOfConversation(tenant, conversation),
        profileFor(tenant, conversation, 'leader'),
        tenant.conversations.goalsOfEmployee(conversation.employeeId),
      ]);
      const round = conversation.roundId ? await tenant.rounds.find(conversation.roundId) : undefined;
      return reply(c, guideSchema, {
        items: renderAgenda(items, { locale, framework: framework.document, profile, goals }),
        version: conversation.agendaVersion,
        round: round ? { id: round.id, name: round.name } : null,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/conversations/{conversationId}/agenda',
      tags: ['Conversations'],
      summary: 'Save the agenda: reordered, dropped and added items (leaders)',
      ...authenticated,
      request: { params: conversationParams, body: jsonBody(agendaInputSchema) },
      responses: {
        200: json(agendaSchema, 'Saved.'),
        ...pick(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const loaded = await loadConversation(c, c.req.valid('param').conversationId);
      requireLeader(loaded);
      requireNotSigned(loaded);
      const { tenant, conversation, locale } = loaded;
      const input = c.req.valid('json');
      const [framework, goals, profile] = await Promise.all([
        frameworkOfConversation(tenant, conversation),
        tenant.conversations.goalsOfEmployee(conversation.employeeId),
        profileFor(tenant, conversation, 'leader'),
      ]);
      invalid(agendaProblems(locale, input.items, framework.document, new Set(goals.map((goal) => goal.id))));
      const row = outcome(
        await tenant.conversations.setAgenda(
          conversation.id,
          input.version,
          input.items.map(storedFromInput),
        ),
      );
      const round = conversation.roundId ? await tenant.rounds.find(conversation.roundId) : undefined;
      return reply(c, agendaSchema, {
        items: renderAgenda(row.agenda, { locale, framework: framework.document, profile, goals }),
        version: row.agendaVersion,
        round: round ? { id: round.id, name: round.name } : null,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/conversations/{conversationId}/notes',
      tags: ['Conversations'],
      summary:
        "Save the caller's own notes per agenda item (each party has their own, so neither overwrites the other)",
      ...authenticated,
      request: { params: conversationParams, body: jsonBody(notesInputSchema) },
      responses: { 200: json(notesSchema, 'Saved.'), ...pick(400, 401, 404, 409, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadConversation(c, c.req.valid('param').conversationId);
      requireEditable(loaded);
      const input = c.req.valid('json');
      const row = outcome(
        await loaded.tenant.conversations.saveNotes({
          conversationId: loaded.conversation.id,
          authorId: loaded.principal.userId,
          expectedVersion: input.version,
          items: Object.fromEntries(Object.entries(input.items).filter(([, text]) => text)),
          now: now(),
        }),
      );
      const me = await loaded.tenant.people.findUser(loaded.principal.userId);
      return reply(c, notesSchema, {
        author: { id: row.authorId, name: me?.name ?? '' },
        items: row.items,
        version: row.version,
        updatedAt: row.updatedAt.toISOString(),
      });
    },
  );

  const goalView = async (loaded: Pick<Loaded, 'tenant'>, goal: GoalRow) => {
    const [view] = await goalsView(loaded.tenant, [goal], await today(loaded.tenant, now));
    return view!;
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{conversationId}/goals',
      tags: ['Plans'],
      summary: 'Add a goal to the development plan of the conversation',
      ...authenticated,
      request: { params: conversationParams, body: jsonBody(goalInputSchema) },
      responses: { 201: json(goalSchema, 'Added.'), ...pick(400, 401, 404, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadConversation(c, c.req.valid('param').conversationId);
      requireEditable(loaded);
      const input = c.req.valid('json');
      const framework = await frameworkOfConversation(loaded.tenant, loaded.conversation);
      invalid(competenceProblems(loaded.locale, framework.document, input.competenceIds, 'competenceIds'));
      const goal = outcome(
        await loaded.tenant.conversations.createGoal({
          conversationId: loaded.conversation.id,
          employeeId: loaded.conversation.employeeId,
          title: input.title,
          why: input.why,
          successCriterion: input.successCriterion,
          targetDate: input.targetDate,
          competenceIds: [...new Set(input.competenceIds)],
        }),
      );
      return c.json(goalSchema.parse(await goalView(loaded, goal)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/goals/{goalId}',
      tags: ['Plans'],
      summary: 'Change a goal (before the plan is signed)',
      ...authenticated,
      request: { params: goalParams, body: jsonBody(goalUpdateSchema) },
      responses: { 200: json(goalSchema, 'Saved.'), ...pick(400, 401, 404, 409, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadGoal(c, c.req.valid('param').goalId);
      requireEditable(loaded);
      const { version, ...input } = c.req.valid('json');
      const framework = await frameworkOfConversation(loaded.tenant, loaded.conversation);
      invalid(competenceProblems(loaded.locale, framework.document, input.competenceIds, 'competenceIds'));
      const goal = outcome(
        await loaded.tenant.conversations.updateGoal(
          loaded.goal,
          version,
          { ...input, competenceIds: [...new Set(input.competenceIds)] },
          now(),
        ),
      );
      return reply(c, goalSchema, await goalView(loaded, goal));
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/goals/{goalId}',
      tags: ['Plans'],
      summary: 'Remove a goal and its actions (before the plan is signed)',
      ...authenticated,
      request: { params: goalParams },
      responses: { 204: { description: 'Removed.' }, ...pick(400, 401, 404, 422) },
    }),
    async (c) => {
      const loaded = await loadGoal(c, c.req.valid('param').goalId);
      requireEditable(loaded);
      outcome(await loaded.tenant.conversations.deleteGoal(loaded.goal));
      return c.body(null, 204);
    },
  );

  const actionView = async (loaded: Pick<Loaded, 'tenant'>, goal: GoalRow, actionId: string) => {
    const view = await goalView(loaded, goal);
    return view.actions.find((action) => action.id === actionId)!;
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/goals/{goalId}/actions',
      tags: ['Plans'],
      summary: 'Add an action to a goal',
      ...authenticated,
      request: { params: goalParams, body: jsonBody(actionInputSchema) },
      responses: { 201: json(actionSchema, 'Added.'), ...pick(400, 401, 404, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadGoal(c, c.req.valid('param').goalId);
      requireEditable(loaded);
      const input = c.req.valid('json');
      invalid(await actionProblems(loaded, input));
      const action = outcome(await loaded.tenant.conversations.createAction(loaded.goal, input));
      return c.json(actionSchema.parse(await actionView(loaded, loaded.goal, action.id)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/actions/{actionId}',
      tags: ['Plans'],
      summary: 'Change an action (before the plan is signed)',
      ...authenticated,
      request: { params: actionParams, body: jsonBody(actionUpdateSchema) },
      responses: { 200: json(actionSchema, 'Saved.'), ...pick(400, 401, 404, 409, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadAction(c, c.req.valid('param').actionId);
      requireEditable(loaded);
      const { version, ...input } = c.req.valid('json');
      invalid(await actionProblems(loaded, input));
      outcome(
        await loaded.tenant.conversations.updateAction(loaded.goal, loaded.action, version, input, now()),
      );
      return reply(c, actionSchema, await actionView(loaded, loaded.goal, loaded.action.id));
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/actions/{actionId}',
      tags: ['Plans'],
      summary: 'Remove an action (before the plan is signed)',
      ...authenticated,
      request: { params: actionParams },
      responses: { 204: { description: 'Removed.' }, ...pick(400, 401, 404, 422) },
    }),
    async (c) => {
      const loaded = await loadAction(c, c.req.valid('param').actionId);
      requireEditable(loaded);
      outcome(await loaded.tenant.conversations.deleteAction(loaded.goal, loaded.action));
      return c.body(null, 204);
    },
  );

  /** Moves a goal or one of its actions on; dropping needs a reason, so the follow-up knows why. */
  const moveStatus = async (
    loaded: Loaded & { goal: GoalRow },
    input: z.infer<typeof statusInputSchema>,
    action?: ActionRow,
  ) => {
    if (needsReason(input.status) && !input.reason) {
      invalid({ reason: fieldMessage(loaded.locale, 'reason_required') });
    }
    outcome(
      await loaded.tenant.conversations.setStatus({
        goal: loaded.goal,
        action,
        expectedVersion: input.version,
        status: input.status,
        reason: input.reason || null,
        changedById: loaded.principal.userId,
        now: now(),
      }),
    );
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/goals/{goalId}/status',
      tags: ['Plans'],
      summary: "Follow up a goal: its status, also after signing (the change is kept in the goal's history)",
      ...authenticated,
      request: { params: goalParams, body: jsonBody(statusInputSchema) },
      responses: { 200: json(goalSchema, 'Saved.'), ...pick(400, 401, 404, 409, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadGoal(c, c.req.valid('param').goalId);
      await moveStatus(loaded, c.req.valid('json'));
      const goal = (await loaded.tenant.conversations.findGoal(loaded.goal.id))!;
      return reply(c, goalSchema, await goalView(loaded, goal));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/actions/{actionId}/status',
      tags: ['Plans'],
      summary: 'Follow up an action: its status, also after signing',
      ...authenticated,
      request: { params: actionParams, body: jsonBody(statusInputSchema) },
      responses: { 200: json(actionSchema, 'Saved.'), ...pick(400, 401, 404, 409, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadAction(c, c.req.valid('param').actionId);
      await moveStatus(loaded, c.req.valid('json'), loaded.action);
      return reply(c, actionSchema, await actionView(loaded, loaded.goal, loaded.action.id));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{conversationId}/sign',
      tags: ['Conversations'],
      summary: 'Approve the notes and plan as they are; once both have signed, the record is read-only',
      ...authenticated,
      request: { params: conversationParams, body: jsonBody(signInputSchema) },
      responses: {
        200: json(conversationDetailSchema, 'Signed.'),
        ...pick(400, 401, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const loaded = await loadConversation(c, c.req.valid('param').conversationId);
      requireEditable(loaded);
      const { contentVersion } = c.req.valid('json');
      outcome(
        await loaded.tenant.conversations.sign({
          conversationId: loaded.conversation.id,
          role: loaded.role,
          signerId: loaded.principal.userId,
          contentVersion,
          now: now(),
        }),
      );
      return reply(c, conversationDetailSchema, await detail(c, loaded.conversation.id));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{conversationId}/addenda',
      tags: ['Conversations'],
      summary: 'Add a dated addendum to a signed conversation',
      ...authenticated,
      request: { params: conversationParams, body: jsonBody(addendumInputSchema) },
      responses: {
        201: json(conversationDetailSchema, 'Added.'),
        ...pick(400, 401, 404, 415, 422),
      },
    }),
    async (c) => {
      const loaded = await loadConversation(c, c.req.valid('param').conversationId);
      if (!loaded.conversation.signedAt) throw new ApiError(422, 'conversation_not_signed');
      const { text } = c.req.valid('json');
      await loaded.tenant.conversations.addAddendum(
        loaded.conversation.id,
        loaded.principal.userId,
        text,
        now(),
      );
      return c.json(conversationDetailSchema.parse(await detail(c, loaded.conversation.id)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/conversations/{conversationId}/summary.pdf',
      tags: ['Conversations'],
      summary: 'A one-page summary as PDF: profile radar, goals and actions, follow-up date and signatures',
      ...authenticated,
      request: {
        params: conversationParams,
        query: z.strictObject({ lang: z.enum(['da', 'en']).optional() }),
      },
      responses: {
        200: { content: { 'application/pdf': { schema: z.string() } }, description: 'The PDF.' },
        ...pick(400, 401, 404),
      },
    }),
    async (c) => {
      const loaded = await loadConversation(c, c.req.valid('param').conversationId);
      const locale = c.req.valid('query').lang ?? loaded.locale;
      const view = await detailOf({ ...loaded, locale }, now);
      const pdf = await conversationSummaryPdf(await pdfInput(loaded, view, locale));
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="samtale-${loaded.conversation.id}.pdf"`);
      return c.body(new Uint8Array(pdf), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{userId}',
      tags: ['Plans'],
      summary: "A person's development plan across conversations (the person and their leaders)",
      ...authenticated,
      request: { params: z.strictObject({ userId: idSchema }) },
      responses: { 200: json(planSchema, 'Open goals first.'), ...pick(400, 401, 404) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const { userId } = c.req.valid('param');
      const [person, units] = await Promise.all([tenant.people.findUser(userId), tenant.people.listUnits()]);
      if (!person || !conversationRole(principal, { id: person.id, unitId: person.unitId }, units)) {
        throw notFound();
      }
      const [goals, conversations, day] = await Promise.all([
        tenant.conversations.goalsOfEmployee(person.id),
        tenant.conversations.listOfEmployee(person.id),
        today(tenant, now),
      ]);
      const byId = new Map(conversations.map((conversation) => [conversation.id, conversation]));
      const views = await goalsView(tenant, goals, day);
      const ordered = [
        ...views
          .filter((goal) => isOpen(goal.status))
          .sort((a, b) => a.targetDate.localeCompare(b.targetDate)),
        ...views
          .filter((goal) => !isOpen(goal.status))
          .sort((a, b) => b.targetDate.localeCompare(a.targetDate)),
      ];
      return reply(c, planSchema, {
        person: { id: person.id, name: person.name },
        goals: ordered.map((goal) => {
          const conversation = byId.get(goal.conversationId)!;
          return {
            ...goal,
            conversation: {
              id: conversation.id,
              kind: conversation.kind as ConversationKind,
              scheduledAt: conversation.scheduledAt.toISOString(),
              signedAt: iso(conversation.signedAt),
            },
          };
        }),
      });
    },
  );

  return app;
}
