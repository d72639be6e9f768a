/**
 * @module Conversations with one employee (profiling conversation, MUS, follow-up): schedule, prepare (privately until
 * shared), the guide from the profile, notes, goals, signing by both, addenda, the calendar file and the PDF summary.
 * Goals and actions are followed up under routes/plans.ts; group conversations live in routes/group-conversations.ts.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ConversationWithPeople, GoalRow, PreparationRow } from '../../db/repositories/conversations.ts';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import type { StoredAgendaItem } from '../../db/schema.ts';
import { isLeader, type Principal, type UnitNode, unitsLedBy } from '../../domain/access.ts';
import {
  type ConversationKind,
  type ConversationRole,
  conversationGuide,
  conversationRole,
  isOpen,
  isPlanItemOverdue,
  type PlanStatus,
  stageOfConversation,
} from '../../domain/conversations.ts';
import { competencesOf } from '../../domain/framework.ts';
import { teamGoalsFor } from '../../domain/group-conversations.ts';
import type { Locale } from '../../domain/text.ts';
import { audit } from '../audit.ts';
import { idSchema } from '../contracts/common.ts';
import {
  type AgendaItemInput,
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
  type GroupConversationSummary,
  goalInputSchema,
  goalSchema,
  guideSchema,
  notesInputSchema,
  notesSchema,
  type Preparation,
  preparationInputSchema,
  preparationSchema,
  signInputSchema,
  versionInputSchema,
} from '../contracts/conversations.ts';
import type { RoundProfile } from '../contracts/rounds.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';
import { fieldMessage } from '../messages.ts';
import { conversationSummaryPdf } from '../pdf/conversation-summary.ts';
import {
  addendaView,
  addGoal,
  agendaProblems,
  bank,
  calendarReply,
  competenceProblems,
  frameworkOfRound,
  goalsView,
  goalView,
  invalid,
  iso,
  leadersAbove,
  notesView,
  outcome,
  type RecordBasis,
  recordBasis,
  renderAgenda,
  saveOwnNotes,
  scheduleChanges,
  scheduleProblems,
  storedFromInput,
  storedItem,
  today,
} from './conversation-records.ts';
import { groupSummaryOf, visibleGroups } from './group-conversations.ts';
import { latestRoundProfile, roundProfilesOf } from './profiles.ts';

const kindNames: Record<Locale, Record<ConversationKind, string>> = {
  da: { profiling: 'Profileringssamtale', mus: 'MUS-samtale', follow_up: 'Opfølgningssamtale' },
  en: {
    profiling: 'Profiling conversation',
    mus: 'Development review (MUS)',
    follow_up: 'Follow-up conversation',
  },
};

export const conversationParams = z.strictObject({ conversationId: idSchema });

/** The conversation, the caller's side of it, and what the pages built from it need. */
export async function loadConversation(c: Context<AppEnv>, conversationId: string) {
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
export type Loaded = Awaited<ReturnType<typeof loadConversation>>;

export const requireLeader = (loaded: Loaded) => {
  if (loaded.role !== 'leader') throw new ApiError(403, 'forbidden');
};
export const requireNotSigned = (loaded: Pick<Loaded, 'conversation'>) => {
  if (loaded.conversation.signedAt) throw new ApiError(422, 'conversation_signed');
};
/** Notes and the plan are written during the conversation: after the leader starts it, until both sign. */
export const requireEditable = (loaded: Loaded) => {
  requireNotSigned(loaded);
  if (!loaded.conversation.heldAt) throw new ApiError(422, 'conversation_not_started');
};

/** The people of a conversation: the employee, the leaders of their unit and the units above, their colleagues. */
export async function peopleOf(tenant: TenantRepositories, loaded: Pick<Loaded, 'conversation' | 'units'>) {
  const { conversation, units } = loaded;
  const unitId = conversation.employeeUnitId;
  const [leaderships, colleagues] = await Promise.all([
    tenant.people.listLeaderships(),
    unitId ? tenant.people.usersInUnits([unitId]) : Promise.resolve([]),
  ]);
  const leaders = leadersAbove(leaderships, units, unitId);
  const above = new Set(leaders.map((leader) => leader.id));
  return {
    employee: { id: conversation.employeeId, name: conversation.employeeName },
    leaders: leaders.filter((leader) => leader.id !== conversation.employeeId),
    colleagues: colleagues
      .filter((person) => person.active && person.id !== conversation.employeeId && !above.has(person.id))
      .map((person) => ({ id: person.id, name: person.name })),
  };
}

function preparationView(row: PreparationRow | undefined, author: { id: string; name: string }): Preparation {
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

/** The caller's own preparation as the API shows it. */
async function ownPreparation(
  loaded: Pick<Loaded, 'tenant' | 'principal'>,
  row: Parameters<typeof preparationView>[0],
): Promise<Preparation> {
  const me = await loaded.tenant.people.findUser(loaded.principal.userId);
  const author = { id: loaded.principal.userId, name: me?.name ?? '' };
  return preparationView(row, author);
}

/** The group conversation this one follows up, if any, with its team goals. */
async function followedGroupOf(tenant: TenantRepositories, followUpOf: string | null) {
  if (!followUpOf) return undefined;
  const group = await tenant.conversations.findGroup(followUpOf);
  if (!group) return undefined;
  return { group, goals: await tenant.conversations.goalsOfConversation(group.id) };
}
type FollowedGroup = Awaited<ReturnType<typeof followedGroupOf>>;

/**
 * The guide Vejviser suggests now: from the round's profile (as the leader sees it), both shared choices, the open
 * goals and, for a follow-up of a group conversation, the team goals that concern the employee.
 */
async function suggestedGuide(
  tenant: TenantRepositories,
  conversation: Pick<ConversationWithPeople, 'id' | 'kind' | 'employeeId'>,
  viewerId: string,
  profile: RoundProfile | undefined,
  followed: FollowedGroup,
): Promise<StoredAgendaItem[]> {
  const [preparations, goals, teamActions] = await Promise.all([
    conversation.id ? tenant.conversations.preparations(conversation.id) : Promise.resolve([]),
    tenant.conversations.goalsOfEmployee(conversation.employeeId),
    tenant.conversations.actionsOf(followed?.goals.map((goal) => goal.id) ?? []),
  ]);
  // The employee's choices first, then the leader's own; a private preparation is only its author's to use.
  const chosen = [
    ...preparations.filter((row) => row.authorId === conversation.employeeId && row.sharedAt),
    ...preparations.filter((row) => row.authorId === viewerId),
  ].flatMap((row) => row.chosenCompetenceIds);
  const openGoals = goals
    .filter((goal) => isOpen(goal.status as PlanStatus))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const teamGoals = teamGoalsFor(
    conversation.employeeId,
    (followed?.goals ?? []).map((goal) => ({
      id: goal.id,
      competenceIds: goal.competenceIds,
      status: goal.status as PlanStatus,
      actionOwnerIds: teamActions
        .filter((action) => action.goalId === goal.id)
        .map((action) => action.ownerId),
    })),
    new Set(profile?.developmentAreas ?? []),
  );
  return conversationGuide({
    kind: conversation.kind as ConversationKind,
    profiles: (profile?.competences ?? []).map((entry) => ({
      ...entry,
      self: entry.self,
      leader: entry.leader,
    })),
    chosenCompetenceIds: chosen,
    openGoals,
    teamGoals,
    bank,
  }).map(storedItem);
}

/** The goals an agenda item may follow up: the employee's own, and the team goals of a followed-up group. */
const followableGoals = (employeeGoals: readonly GoalRow[], followed: FollowedGroup) => [
  ...employeeGoals,
  ...(followed?.goals ?? []),
];

async function detailOf(loaded: Loaded, now: () => Date, known?: RecordBasis): Promise<ConversationDetail> {
  const { tenant, conversation, role, principal, locale } = loaded;
  const [basis, preparations, notes, goals, signatures, addenda, people, day, employeeGoals, followed] =
    await Promise.all([
      known ?? recordBasis(tenant, conversation, role === 'employee'),
      tenant.conversations.preparations(conversation.id),
      tenant.conversations.notes(conversation.id),
      tenant.conversations.goalsOfConversation(conversation.id),
      tenant.conversations.signatures(conversation.id),
      tenant.conversations.addenda(conversation.id),
      peopleOf(tenant, loaded),
      today(tenant, now),
      tenant.conversations.goalsOfEmployee(conversation.employeeId),
      followedGroupOf(tenant, conversation.followUpOf),
    ]);
  const { round, framework, profile } = basis;
  const me = principal.userId;
  const mine = preparations.find((row) => row.authorId === me);
  const others = preparations.filter((row) => row.authorId !== me && row.sharedAt !== null);
  const agendaVisible = role === 'leader' || conversation.heldAt !== null;
  return {
    conversation: summaryOf(conversation, role, me, preparations),
    version: conversation.version,
    contentVersion: conversation.contentVersion,
    frameworkVersionId: framework.id,
    groupConversation: followed ? { id: followed.group.id, unitName: followed.group.unitName } : null,
    canLead: role === 'leader' && conversation.signedAt === null,
    canEdit: conversation.heldAt !== null && conversation.signedAt === null,
    agenda: agendaVisible
      ? {
          items: renderAgenda(conversation.agenda, {
            locale,
            framework: framework.document,
            profile,
            goals: followableGoals(employeeGoals, followed),
            group: false,
          }),
          version: conversation.agendaVersion,
          round: round ? { id: round.id, name: round.name } : null,
        }
      : null,
    notes: conversation.heldAt ? notesView(notes, me) : [],
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
    addenda: addendaView(addenda),
    people,
  };
}

const principalName = (people: Awaited<ReturnType<typeof peopleOf>>, id: string) =>
  [people.employee, ...people.leaders].find((person) => person.id === id)?.name ?? '';

/** The kinds an individual agenda may hold: a team goal only in a follow-up of a group conversation. */
const individualKinds = (followed: FollowedGroup): ReadonlySet<AgendaItemInput['kind']> =>
  new Set<AgendaItemInput['kind']>([
    'mus_theme',
    'strength',
    'divergence',
    'gap',
    'chosen',
    'open_goal',
    'custom',
    ...(followed ? (['team_goal'] as const) : []),
  ]);

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

async function pdfInput(loaded: Loaded, detail: ConversationDetail, locale: Locale, basis: RecordBasis) {
  const { tenant, conversation } = loaded;
  const { profile } = basis;
  const [municipality, employee] = await Promise.all([
    tenant.people.municipality(),
    tenant.people.findUser(conversation.employeeId),
  ]);
  const document = basis.framework.document;
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
 * the goals and actions that are overdue, their own and their people's. A fixed number of queries for any list.
 */
export async function conversationTasks(
  tenant: TenantRepositories,
  principal: Principal,
  units: readonly UnitNode[],
  day: string,
): Promise<ConversationTask[]> {
  const rows = await tenant.conversations.listFor(principal.userId, [...unitsLedBy(principal, units)]);
  const open = rows.flatMap((row) => {
    const role = conversationRole(principal, { id: row.employeeId, unitId: row.employeeUnitId }, units);
    return role && !row.signedAt ? [{ row, role }] : [];
  });
  const [preparations, signatures] = await Promise.all([
    tenant.conversations.preparationsOf(open.filter(({ row }) => !row.heldAt).map(({ row }) => row.id)),
    tenant.conversations.signaturesOf(open.filter(({ row }) => row.heldAt).map(({ row }) => row.id)),
  ]);
  const tasks: ConversationTask[] = [];
  for (const { row, role } of open) {
    const base = {
      conversationId: row.id,
      conversationKind: row.kind as ConversationKind,
      subject: { id: row.employeeId, name: row.employeeName },
      scheduledAt: row.scheduledAt.toISOString(),
    };
    if (!row.heldAt) {
      const mine = preparations.find(
        (preparation) => preparation.conversationId === row.id && preparation.authorId === principal.userId,
      );
      if (!mine?.sharedAt) tasks.push({ ...base, kind: 'prepare', title: null, dueDate: null });
      continue;
    }
    const signed = signatures.some(
      (signature) =>
        signature.conversationId === row.id &&
        signature.role === role &&
        signature.contentVersion === row.contentVersion,
    );
    if (!signed) tasks.push({ ...base, kind: 'sign', title: null, dueDate: null });
  }
  const employees = new Map(rows.map((row) => [row.employeeId, row]));
  const goals = await tenant.conversations.goalsOfEmployees([...employees.keys()]);
  const actions = await tenant.conversations.actionsOf(goals.map((goal) => goal.id));
  for (const goal of goals) {
    const row = employees.get(goal.employeeId!)!;
    const base = {
      conversationKind: row.kind as ConversationKind,
      subject: { id: row.employeeId, name: row.employeeName },
      scheduledAt: row.scheduledAt.toISOString(),
      conversationId: goal.conversationId,
    };
    if (isPlanItemOverdue({ status: goal.status as PlanStatus, dueDate: goal.targetDate }, day)) {
      tasks.push({ ...base, kind: 'overdue_goal', title: goal.title, dueDate: goal.targetDate });
    }
    for (const action of actions.filter((entry) => entry.goalId === goal.id)) {
      if (isPlanItemOverdue({ status: action.status as PlanStatus, dueDate: action.dueDate }, day)) {
        tasks.push({ ...base, kind: 'overdue_action', title: action.description, dueDate: action.dueDate });
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
      const [rows, groups] = await Promise.all([
        tenant.conversations.listFor(principal.userId, led),
        visibleGroups(tenant, principal, units),
      ]);
      const mine = rows.flatMap((row) => {
        const role = conversationRole(principal, { id: row.employeeId, unitId: row.employeeUnitId }, units);
        return role ? [{ row, role }] : [];
      });
      const preparations = await tenant.conversations.preparationsOf(mine.map(({ row }) => row.id));
      const summaries: ConversationSummary[] = mine.map(({ row, role }) =>
        summaryOf(
          row,
          role,
          principal.userId,
          preparations.filter((preparation) => preparation.conversationId === row.id),
        ),
      );
      const groupSummaries: GroupConversationSummary[] = groups.map(({ group, role }) =>
        groupSummaryOf(group, role),
      );
      return reply(c, conversationListSchema, { conversations: summaries, groups: groupSummaries });
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
      Object.assign(fields, scheduleProblems(locale, scheduledAt, now()));
      // A follow-up follows the employee's own earlier conversation, or a group conversation they took part in and
      // the caller leads (its team goals are not for a leader outside the unit).
      const previous = input.followUpOf ? await tenant.conversations.find(input.followUpOf) : undefined;
      const followed = previous ? undefined : await followedGroupOf(tenant, input.followUpOf ?? null);
      const tookPart = followed?.group.participants.some(
        (participant) => participant.id === input.employeeId,
      );
      const leadsGroup = followed ? unitsLedBy(principal, units).has(followed.group.unitId) : false;
      const follows = previous ? previous.employeeId === input.employeeId : (tookPart ?? false) && leadsGroup;
      if (input.followUpOf && !follows) fields.followUpOf = fieldMessage(locale, 'follow_up_unknown');
      invalid(fields);
      // The guide is built from the newest round in which anything about the employee was submitted.
      const profile = latestRoundProfile(await roundProfilesOf(tenant, employee!.id, false));
      const draft = { id: '', kind: input.kind, employeeId: employee!.id };
      const agenda = await suggestedGuide(tenant, draft, principal.userId, profile, followed);
      const created = await tenant.conversations.create({
        kind: input.kind,
        employeeId: employee!.id,
        leaderId: principal.userId,
        roundId: profile?.roundId ?? null,
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
    async (c) => {
      const loaded = await loadConversation(c, c.req.valid('param').conversationId);
      // A leader's reading of the record is about the employee; the employee reading their own is not recorded.
      await audit(c, {
        action: 'conversation.read',
        subjectType: 'conversation',
        subjectId: loaded.conversation.id,
        subjectPersonId: loaded.conversation.employeeId,
        purpose: 'development_conversation',
      });
      return reply(c, conversationDetailSchema, await detailOf(loaded, now));
    },
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
      const { version, ...input } = c.req.valid('json');
      const changes = scheduleChanges(input, loaded.conversation.heldAt);
      outcome(await loaded.tenant.conversations.updateSchedule(loaded.conversation.id, version, changes));
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
      const and = locale === 'da' ? 'og' : 'and';
      const summary = `${kind}: ${conversation.employeeName} ${and} ${conversation.leaderName}`;
      return calendarReply(c, conversation, summary, locale, now());
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
      const loaded = await loadConversation(c, c.req.valid('param').conversationId);
      const rows = await loaded.tenant.conversations.preparations(loaded.conversation.id);
      const mine = rows.find((row) => row.authorId === loaded.principal.userId);
      return reply(c, preparationSchema, await ownPreparation(loaded, mine));
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
      const framework = await frameworkOfRound(loaded.tenant, loaded.conversation.roundId);
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
      return reply(c, preparationSchema, await ownPreparation(loaded, row));
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
      return reply(c, preparationSchema, await ownPreparation(loaded, row));
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
      const [{ round, framework, profile }, goals, followed] = await Promise.all([
        recordBasis(tenant, conversation, false),
        tenant.conversations.goalsOfEmployee(conversation.employeeId),
        followedGroupOf(tenant, conversation.followUpOf),
      ]);
      const items = await suggestedGuide(tenant, conversation, loaded.principal.userId, profile, followed);
      return reply(c, guideSchema, {
        items: renderAgenda(items, {
          locale,
          framework: framework.document,
          profile,
          goals: followableGoals(goals, followed),
          group: false,
        }),
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
      const [{ round, framework, profile }, employeeGoals, followed] = await Promise.all([
        recordBasis(tenant, conversation, false),
        tenant.conversations.goalsOfEmployee(conversation.employeeId),
        followedGroupOf(tenant, conversation.followUpOf),
      ]);
      const goals = followableGoals(employeeGoals, followed);
      invalid(
        agendaProblems(locale, input.items, {
          framework: framework.document,
          goalIds: new Set(goals.map((goal) => goal.id)),
          kinds: individualKinds(followed),
        }),
      );
      const row = outcome(
        await tenant.conversations.setAgenda(
          conversation.id,
          input.version,
          input.items.map(storedFromInput),
        ),
      );
      return reply(c, agendaSchema, {
        items: renderAgenda(row.agenda, {
          locale,
          framework: framework.document,
          profile,
          goals,
          group: false,
        }),
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
      const notes = await saveOwnNotes(
        loaded.tenant,
        { conversationId: loaded.conversation.id, authorId: loaded.principal.userId, ...input },
        now(),
        'conversation_signed',
      );
      return reply(c, notesSchema, notes);
    },
  );

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
      const framework = await frameworkOfRound(loaded.tenant, loaded.conversation.roundId);
      const goal = await addGoal(
        loaded.tenant,
        loaded.locale,
        {
          conversationId: loaded.conversation.id,
          employeeId: loaded.conversation.employeeId,
          framework: framework.document,
        },
        c.req.valid('json'),
        'conversation_signed',
      );
      return c.json(goalSchema.parse(await goalView(loaded.tenant, goal, now)), 201);
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
      // The round, framework and profile are read once, for the view and the PDF alike.
      const basis = await recordBasis(loaded.tenant, loaded.conversation, loaded.role === 'employee');
      const view = await detailOf({ ...loaded, locale }, now, basis);
      const pdf = await conversationSummaryPdf(await pdfInput(loaded, view, locale, basis));
      // The record leaves Vejviser as a file: recorded, whoever downloads it (decision 011).
      await audit(c, {
        action: 'conversation.exported',
        subjectType: 'conversation',
        subjectId: loaded.conversation.id,
        subjectPersonId: loaded.conversation.employeeId,
        purpose: 'export',
        details: { format: 'pdf', lang: locale },
      });
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="samtale-${loaded.conversation.id}.pdf"`);
      return c.body(new Uint8Array(pdf), 200);
    },
  );

  return app;
}
