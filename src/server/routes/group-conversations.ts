/**
 * @module Group MUS (GRUS): a leader schedules a meeting with a team, holds it from a guide built from the team's
 * profiles (in counts only), writes notes and team goals with actions, and closes it; from then on it is read-only.
 * Participants read the agenda, notes and team goals once it has started. Each participant still gets an individual
 * plan: the leader schedules their follow-up with `POST /conversations` and `followUpOf` set to the group conversation.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { GroupConversation } from '../../db/repositories/conversations.ts';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import type { StoredAgendaItem } from '../../db/schema.ts';
import { isLeader, type Principal, subtreeUnitIds, type UnitNode, unitsLedBy } from '../../domain/access.ts';
import { isOpen, type PlanStatus, stageOfConversation } from '../../domain/conversations.ts';
import { competencesOf, type FrameworkDocument } from '../../domain/framework.ts';
import {
  type GroupRole,
  groupConversationRole,
  groupGuide,
  groupSize,
  minimumForTeamNumbers,
  teamCounts,
} from '../../domain/group-conversations.ts';
import type { Locale } from '../../domain/text.ts';
import { idSchema } from '../contracts/common.ts';
import {
  type AgendaItemInput,
  addendumInputSchema,
  agendaInputSchema,
  agendaSchema,
  closeInputSchema,
  type GroupConversationDetail,
  type GroupConversationSummary,
  goalInputSchema,
  goalSchema,
  groupConversationDetailSchema,
  groupConversationInputSchema,
  groupConversationUpdateSchema,
  guideSchema,
  notesInputSchema,
  notesSchema,
} from '../contracts/conversations.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';
import { fieldMessage } from '../messages.ts';
import {
  addendaView,
  addGoal,
  agendaProblems,
  bank,
  calendarReply,
  frameworkOf,
  goalsView,
  goalView,
  invalid,
  iso,
  leadersAbove,
  notesView,
  outcome,
  renderAgenda,
  saveOwnNotes,
  scheduleChanges,
  scheduleProblems,
  storedFromInput,
  storedItem,
  today,
} from './conversation-records.ts';
import { latestRoundProfile, roundProfilesOfPeople } from './profiles.ts';

const groupParams = z.strictObject({ conversationId: idSchema });

/** The group conversation, the caller's side of it, and what the pages built from it need. */
export async function loadGroup(c: Context<AppEnv>, conversationId: string) {
  const { principal, tenant } = auth(c);
  const group = await tenant.conversations.findGroup(conversationId);
  if (!group) throw notFound();
  const units = await tenant.people.listUnits();
  const role = roleIn(principal, group, units);
  // Anyone who neither leads the unit nor took part is told it does not exist.
  if (!role) throw notFound();
  return { principal, tenant, group, units, role, locale: c.get('locale') };
}
export type LoadedGroup = Awaited<ReturnType<typeof loadGroup>>;

const roleIn = (principal: Principal, group: GroupConversation, units: readonly UnitNode[]) =>
  groupConversationRole(
    principal,
    { unitId: group.unitId, participantIds: group.participants.map((participant) => participant.id) },
    units,
  );

/** The group conversations the caller leads or takes part in, with their side of each. */
export async function visibleGroups(
  tenant: TenantRepositories,
  principal: Principal,
  units: readonly UnitNode[],
) {
  const groups = await tenant.conversations.groupsFor(principal.userId, [...unitsLedBy(principal, units)]);
  return groups.flatMap((group) => {
    const role = roleIn(principal, group, units);
    return role ? [{ group, role }] : [];
  });
}

export function groupSummaryOf(group: GroupConversation, role: GroupRole): GroupConversationSummary {
  return {
    id: group.id,
    unit: { id: group.unitId, name: group.unitName },
    leader: { id: group.leaderId, name: group.leaderName },
    scheduledAt: group.scheduledAt.toISOString(),
    durationMinutes: group.durationMinutes,
    place: group.place,
    stage: stageOfConversation(group),
    heldAt: iso(group.heldAt),
    closedAt: iso(group.signedAt),
    nextFollowUp: group.nextFollowUp,
    participantCount: group.participants.length,
    myRole: role,
  };
}

const requireGroupLeader = (loaded: LoadedGroup) => {
  if (loaded.role !== 'leader') throw forbidden();
};
export const requireGroupOpen = (loaded: Pick<LoadedGroup, 'group'>) => {
  if (loaded.group.signedAt) throw new ApiError(422, 'group_conversation_closed');
};
/** Notes and team goals are written during the meeting: after the leader starts it, until they close it. */
export const requireGroupEditable = (loaded: Pick<LoadedGroup, 'group'>) => {
  requireGroupOpen(loaded);
  if (!loaded.group.heldAt) throw new ApiError(422, 'conversation_not_started');
};

/** The people of a group conversation: the participants, and the unit's leaders (who may also own a team action). */
export async function groupPeopleOf(
  tenant: TenantRepositories,
  loaded: Pick<LoadedGroup, 'group' | 'units'>,
) {
  const leaderships = await tenant.people.listLeaderships();
  return {
    participants: loaded.group.participants,
    leaders: leadersAbove(leaderships, loaded.units, loaded.group.unitId),
  };
}

/** Each participant's latest round profile as their leader sees it: the only input the team's counts need. */
async function participantProfiles(tenant: TenantRepositories, participantIds: readonly string[]) {
  const profiles = await roundProfilesOfPeople(tenant, participantIds, { isSelf: false });
  return participantIds.map((id) => latestRoundProfile(profiles.get(id) ?? [])?.competences ?? []);
}

const groupKinds: ReadonlySet<AgendaItemInput['kind']> = new Set([
  'mus_theme',
  'open_goal',
  'team_strength',
  'team_gap',
  'custom',
]);

/** The open team goals of the unit's other group conversations, oldest first: the new meeting follows them up. */
async function openTeamGoalsOfUnit(tenant: TenantRepositories, unitId: string, exceptConversationId: string) {
  const goals = await tenant.conversations.teamGoalsOfUnit(unitId);
  return goals.filter(
    (goal) => goal.conversationId !== exceptConversationId && isOpen(goal.status as PlanStatus),
  );
}

/** The guide Vejviser suggests now for the team: from the participants' latest profiles and open team goals. */
async function suggestedGroupGuide(
  tenant: TenantRepositories,
  group: { id: string; unitId: string; participantIds: readonly string[] },
  framework: FrameworkDocument,
): Promise<StoredAgendaItem[]> {
  const [profiles, openTeamGoals] = await Promise.all([
    participantProfiles(tenant, group.participantIds),
    openTeamGoalsOfUnit(tenant, group.unitId, group.id),
  ]);
  return groupGuide({
    participantProfiles: profiles,
    competenceIds: competencesOf(framework).map((competence) => competence.id),
    openTeamGoals,
    bank,
  }).map(storedItem);
}

/**
 * The team's counts for the shared strengths and gaps on a saved agenda, worked out on the server from the profiles
 * as they are now: a number never comes from the caller.
 */
async function withTeamCounts(
  tenant: TenantRepositories,
  participantIds: readonly string[],
  items: StoredAgendaItem[],
): Promise<StoredAgendaItem[]> {
  const competenceIds = items.flatMap((item) =>
    (item.kind === 'team_strength' || item.kind === 'team_gap') && item.competenceId
      ? [item.competenceId]
      : [],
  );
  if (competenceIds.length === 0) return items;
  const counts = teamCounts(await participantProfiles(tenant, participantIds), competenceIds);
  return items.map((item) => {
    const count = counts.find((entry) => entry.competenceId === item.competenceId);
    return item.kind === 'team_strength' || item.kind === 'team_gap'
      ? { ...item, team: count ? { below: count.below, rated: count.rated } : null }
      : item;
  });
}

/** Per-field problems of a participant list: people of the unit (or below it), active, not its leaders, two or more. */
async function participantProblems(
  tenant: TenantRepositories,
  locale: Locale,
  participantIds: readonly string[],
  group: { unitId: string; units: readonly UnitNode[] },
): Promise<Record<string, string>> {
  const [people, leaderships] = await Promise.all([
    tenant.people.listUsers(),
    tenant.people.listLeaderships(),
  ]);
  const leaderIds = new Set(leadersAbove(leaderships, group.units, group.unitId).map((leader) => leader.id));
  const fields: Record<string, string> = {};
  const inUnit = subtreeUnitIds(group.units, [group.unitId]);
  participantIds.forEach((id, index) => {
    const person = people.find((entry) => entry.id === id);
    const fits = person?.active && person.unitId !== null && inUnit.has(person.unitId) && !leaderIds.has(id);
    if (!fits) fields[`participantIds.${index}`] = fieldMessage(locale, 'participant_not_in_unit');
  });
  if (new Set(participantIds).size < groupSize.min) {
    fields.participantIds = fieldMessage(locale, 'too_few_participants');
  }
  return fields;
}

async function groupDetailOf(loaded: LoadedGroup, now: () => Date): Promise<GroupConversationDetail> {
  const { tenant, group, role, principal, locale } = loaded;
  const [framework, notes, goals, signatures, addenda, people, day, unitGoals, followUps] = await Promise.all(
    [
      frameworkOf(tenant, null),
      tenant.conversations.notes(group.id),
      tenant.conversations.goalsOfConversation(group.id),
      tenant.conversations.signatures(group.id),
      tenant.conversations.addenda(group.id),
      groupPeopleOf(tenant, loaded),
      today(tenant, now),
      tenant.conversations.teamGoalsOfUnit(group.unitId),
      tenant.conversations.followUpsOf(group.id),
    ],
  );
  const closer = signatures.find((signature) => signature.role === 'leader');
  const agendaVisible = role === 'leader' || group.heldAt !== null;
  // A participant sees their own individual follow-up only: another participant's plan is theirs alone.
  const followed = group.participants.filter((person) => role === 'leader' || person.id === principal.userId);
  return {
    conversation: groupSummaryOf(group, role),
    version: group.version,
    contentVersion: group.contentVersion,
    frameworkVersionId: framework.id,
    canLead: role === 'leader' && group.signedAt === null,
    canEdit: role === 'leader' && group.heldAt !== null && group.signedAt === null,
    participants: group.participants,
    leaders: people.leaders,
    teamNumbersFrom: minimumForTeamNumbers,
    agenda: agendaVisible
      ? {
          items: renderAgenda(group.agenda, {
            locale,
            framework: framework.document,
            profile: undefined,
            goals: unitGoals,
            group: true,
          }),
          version: group.agendaVersion,
          round: null,
        }
      : null,
    notes: group.heldAt ? notesView(notes, principal.userId) : [],
    goals: await goalsView(tenant, goals, day),
    closedBy:
      group.signedAt && closer
        ? { person: { id: closer.signerId, name: closer.signerName }, at: closer.signedAt.toISOString() }
        : null,
    addenda: addendaView(addenda),
    followUps: followed.map((employee) => {
      const own = followUps.filter((conversation) => conversation.employeeId === employee.id).at(-1);
      return {
        employee,
        conversation: own
          ? {
              id: own.id,
              kind: own.kind as 'profiling' | 'mus' | 'follow_up',
              scheduledAt: own.scheduledAt.toISOString(),
              stage: stageOfConversation(own),
            }
          : null,
      };
    }),
  };
}

export function groupConversationRoutes(now: () => Date) {
  const app = new OpenAPIHono<AppEnv>();
  const detail = async (c: Context<AppEnv>, conversationId: string) =>
    groupDetailOf(await loadGroup(c, conversationId), now);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/group-conversations',
      tags: ['Group conversations'],
      summary: 'Schedule a group MUS (GRUS) with people of a unit the caller leads',
      ...authenticated,
      request: { body: jsonBody(groupConversationInputSchema) },
      responses: {
        201: json(groupConversationDetailSchema, "Scheduled, with a guide from the team's profiles."),
        ...pick(400, 401, 403, 415, 422),
      },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      // Group conversations are held by leaders; someone who leads nothing may never schedule one.
      if (!isLeader(principal)) throw forbidden();
      const locale = c.get('locale');
      const input = c.req.valid('json');
      const units = await tenant.people.listUnits();
      const scheduledAt = new Date(input.scheduledAt);
      const fields = scheduleProblems(locale, scheduledAt, now());
      const participantIds = [...new Set(input.participantIds)];
      if (!unitsLedBy(principal, units).has(input.unitId)) {
        fields.unitId = fieldMessage(locale, 'group_unit_not_led');
      } else {
        Object.assign(
          fields,
          await participantProblems(tenant, locale, input.participantIds, { unitId: input.unitId, units }),
        );
      }
      invalid(fields);
      const framework = await frameworkOf(tenant, null);
      const agenda = await suggestedGroupGuide(
        tenant,
        { id: '', unitId: input.unitId, participantIds },
        framework.document,
      );
      const created = await tenant.conversations.createGroup({
        leaderId: principal.userId,
        unitId: input.unitId,
        participantIds,
        scheduledAt,
        durationMinutes: input.durationMinutes,
        place: input.place,
        agenda,
      });
      return c.json(groupConversationDetailSchema.parse(await detail(c, created.id)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/group-conversations/{conversationId}',
      tags: ['Group conversations'],
      summary: 'One group conversation: participants, agenda, notes, team goals, who closed it, addenda',
      ...authenticated,
      request: { params: groupParams },
      responses: {
        200: json(groupConversationDetailSchema, 'The group conversation.'),
        ...pick(400, 401, 404),
      },
    }),
    async (c) =>
      reply(c, groupConversationDetailSchema, await detail(c, c.req.valid('param').conversationId)),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/group-conversations/{conversationId}',
      tags: ['Group conversations'],
      summary:
        'Reschedule or change who takes part (before it starts); set the next follow-up (until closed)',
      ...authenticated,
      request: { params: groupParams, body: jsonBody(groupConversationUpdateSchema) },
      responses: {
        200: json(groupConversationDetailSchema, 'Saved.'),
        ...pick(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const loaded = await loadGroup(c, c.req.valid('param').conversationId);
      requireGroupLeader(loaded);
      requireGroupOpen(loaded);
      const { version, participantIds, ...input } = c.req.valid('json');
      const changes = scheduleChanges(input, loaded.group.heldAt, participantIds !== undefined);
      if (participantIds) {
        invalid(
          await participantProblems(loaded.tenant, loaded.locale, participantIds, {
            unitId: loaded.group.unitId,
            units: loaded.units,
          }),
        );
      }
      outcome(
        await loaded.tenant.conversations.updateSchedule(
          loaded.group.id,
          version,
          changes,
          participantIds ? [...new Set(participantIds)] : undefined,
        ),
        'group_conversation_closed',
      );
      return reply(c, groupConversationDetailSchema, await detail(c, loaded.group.id));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/group-conversations/{conversationId}/start',
      tags: ['Group conversations'],
      summary: 'Start the meeting: notes and team goals can be written, and participants see the agenda',
      ...authenticated,
      request: { params: groupParams },
      responses: { 200: json(groupConversationDetailSchema, 'Started.'), ...pick(401, 403, 404, 422) },
    }),
    async (c) => {
      const loaded = await loadGroup(c, c.req.valid('param').conversationId);
      requireGroupLeader(loaded);
      requireGroupOpen(loaded);
      await loaded.tenant.conversations.start(loaded.group.id, now());
      return reply(c, groupConversationDetailSchema, await detail(c, loaded.group.id));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/group-conversations/{conversationId}/calendar.ics',
      tags: ['Group conversations'],
      summary: 'The group conversation as a calendar event (iCalendar)',
      ...authenticated,
      request: { params: groupParams },
      responses: {
        200: { content: { 'text/calendar': { schema: z.string() } }, description: 'An .ics file.' },
        ...pick(401, 404),
      },
    }),
    async (c) => {
      const { group, locale } = await loadGroup(c, c.req.valid('param').conversationId);
      const summary =
        locale === 'da'
          ? `Gruppe-MUS: ${group.unitName} med ${group.leaderName}`
          : `Group development review: ${group.unitName} with ${group.leaderName}`;
      return calendarReply(c, group, summary, locale, now());
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/group-conversations/{conversationId}/guide',
      tags: ['Group conversations'],
      summary:
        "The guide Vejviser suggests now, from the team's profiles (in counts only) and open team goals",
      ...authenticated,
      request: { params: groupParams },
      responses: { 200: json(guideSchema, 'The suggestion; nothing is saved.'), ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const loaded = await loadGroup(c, c.req.valid('param').conversationId);
      requireGroupLeader(loaded);
      const { tenant, group, locale } = loaded;
      const [framework, unitGoals] = await Promise.all([
        frameworkOf(tenant, null),
        tenant.conversations.teamGoalsOfUnit(group.unitId),
      ]);
      const participantIds = group.participants.map((participant) => participant.id);
      const items = await suggestedGroupGuide(
        tenant,
        { id: group.id, unitId: group.unitId, participantIds },
        framework.document,
      );
      return reply(c, guideSchema, {
        items: renderAgenda(items, {
          locale,
          framework: framework.document,
          profile: undefined,
          goals: unitGoals,
          group: true,
        }),
        version: group.agendaVersion,
        round: null,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/group-conversations/{conversationId}/agenda',
      tags: ['Group conversations'],
      summary: 'Save the agenda: reordered, dropped and added items (leaders)',
      ...authenticated,
      request: { params: groupParams, body: jsonBody(agendaInputSchema) },
      responses: { 200: json(agendaSchema, 'Saved.'), ...pick(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadGroup(c, c.req.valid('param').conversationId);
      requireGroupLeader(loaded);
      requireGroupOpen(loaded);
      const { tenant, group, locale } = loaded;
      const input = c.req.valid('json');
      const [framework, unitGoals] = await Promise.all([
        frameworkOf(tenant, null),
        tenant.conversations.teamGoalsOfUnit(group.unitId),
      ]);
      invalid(
        agendaProblems(locale, input.items, {
          framework: framework.document,
          goalIds: new Set(unitGoals.map((goal) => goal.id)),
          kinds: groupKinds,
        }),
      );
      const participantIds = group.participants.map((participant) => participant.id);
      const items = await withTeamCounts(tenant, participantIds, input.items.map(storedFromInput));
      const row = outcome(
        await tenant.conversations.setAgenda(group.id, input.version, items),
        'group_conversation_closed',
      );
      return reply(c, agendaSchema, {
        items: renderAgenda(row.agenda, {
          locale,
          framework: framework.document,
          profile: undefined,
          goals: unitGoals,
          group: true,
        }),
        version: row.agendaVersion,
        round: null,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/group-conversations/{conversationId}/notes',
      tags: ['Group conversations'],
      summary: "Save the leader's own notes per agenda item; participants read them",
      ...authenticated,
      request: { params: groupParams, body: jsonBody(notesInputSchema) },
      responses: { 200: json(notesSchema, 'Saved.'), ...pick(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadGroup(c, c.req.valid('param').conversationId);
      requireGroupLeader(loaded);
      requireGroupEditable(loaded);
      const notes = await saveOwnNotes(
        loaded.tenant,
        { conversationId: loaded.group.id, authorId: loaded.principal.userId, ...c.req.valid('json') },
        now(),
        'group_conversation_closed',
      );
      return reply(c, notesSchema, notes);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/group-conversations/{conversationId}/goals',
      tags: ['Plans'],
      summary:
        'Add a team goal (leaders, while the meeting is held); actions are added under /goals/{goalId}',
      ...authenticated,
      request: { params: groupParams, body: jsonBody(goalInputSchema) },
      responses: { 201: json(goalSchema, 'Added.'), ...pick(400, 401, 403, 404, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadGroup(c, c.req.valid('param').conversationId);
      requireGroupLeader(loaded);
      requireGroupEditable(loaded);
      const framework = await frameworkOf(loaded.tenant, null);
      const goal = await addGoal(
        loaded.tenant,
        loaded.locale,
        { conversationId: loaded.group.id, employeeId: null, framework: framework.document },
        c.req.valid('json'),
        'group_conversation_closed',
      );
      return c.json(goalSchema.parse(await goalView(loaded.tenant, goal, now)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/group-conversations/{conversationId}/close',
      tags: ['Group conversations'],
      summary: 'Close the group conversation as it is (a leader signs it); from then on it is read-only',
      ...authenticated,
      request: { params: groupParams, body: jsonBody(closeInputSchema) },
      responses: {
        200: json(groupConversationDetailSchema, 'Closed.'),
        ...pick(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const loaded = await loadGroup(c, c.req.valid('param').conversationId);
      requireGroupLeader(loaded);
      requireGroupEditable(loaded);
      outcome(
        await loaded.tenant.conversations.sign({
          conversationId: loaded.group.id,
          role: 'leader',
          signerId: loaded.principal.userId,
          contentVersion: c.req.valid('json').contentVersion,
          now: now(),
          sides: 1,
        }),
        'group_conversation_closed',
      );
      return reply(c, groupConversationDetailSchema, await detail(c, loaded.group.id));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/group-conversations/{conversationId}/addenda',
      tags: ['Group conversations'],
      summary: 'Add a dated addendum to a closed group conversation (leaders and participants)',
      ...authenticated,
      request: { params: groupParams, body: jsonBody(addendumInputSchema) },
      responses: { 201: json(groupConversationDetailSchema, 'Added.'), ...pick(400, 401, 404, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadGroup(c, c.req.valid('param').conversationId);
      if (!loaded.group.signedAt) throw new ApiError(422, 'group_conversation_not_closed');
      const { text } = c.req.valid('json');
      await loaded.tenant.conversations.addAddendum(loaded.group.id, loaded.principal.userId, text, now());
      return c.json(groupConversationDetailSchema.parse(await detail(c, loaded.group.id)), 201);
    },
  );

  return app;
}
