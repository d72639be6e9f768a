/**
 * @module Development plans: goals and actions of a conversation with one employee, or team goals of a group
 * conversation; changing them while the record is open, following them up after it is signed or closed, and a
 * person's plan across conversations.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ActionRow, ConversationRow, GoalRow } from '../../db/repositories/conversations.ts';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import { type ConversationKind, conversationRole, isOpen, needsReason } from '../../domain/conversations.ts';
import type { FrameworkDocument } from '../../domain/framework.ts';
import { mayFollowUpTeamItem } from '../../domain/group-conversations.ts';
import type { Locale } from '../../domain/text.ts';
import { audit } from '../audit.ts';
import { idSchema } from '../contracts/common.ts';
import {
  actionInputSchema,
  actionSchema,
  actionUpdateSchema,
  goalSchema,
  goalUpdateSchema,
  planSchema,
  statusInputSchema,
} from '../contracts/conversations.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';
import { fieldMessage } from '../messages.ts';
import {
  type ClosedCode,
  competenceProblems,
  frameworkOf,
  frameworkOfRound,
  goalsView,
  goalView,
  invalid,
  iso,
  outcome,
  today,
} from './conversation-records.ts';
import { loadConversation, peopleOf } from './conversations.ts';
import { groupPeopleOf, loadGroup } from './group-conversations.ts';

const goalParams = z.strictObject({ goalId: idSchema });
const actionParams = z.strictObject({ actionId: idSchema });

/** The record a plan belongs to, and what the caller may do with it. */
interface PlanRecord {
  tenant: TenantRepositories;
  locale: Locale;
  principalId: string;
  conversation: Pick<ConversationRow, 'id' | 'heldAt' | 'signedAt'>;
  /** May write goals and actions: both parties of a conversation, only the leaders of a group conversation. */
  writesContent: boolean;
  /** May move this goal's (no action) or action's status on. */
  mayMove: (action?: ActionRow) => boolean;
  closed: ClosedCode;
  framework: () => Promise<FrameworkDocument>;
  /** Who may own an action, and who may be learnt from, with the messages that say so. */
  parties: () => Promise<{
    owners: readonly { id: string }[];
    colleagues: readonly { id: string }[];
    notOwner: string;
    notColleague: string;
  }>;
}

/** The conversation or group conversation, as a plan record; 404 for anyone outside it. */
async function loadPlanRecord(c: Context<AppEnv>, conversationId: string): Promise<PlanRecord> {
  const { tenant, principal } = auth(c);
  const common = { tenant, locale: c.get('locale'), principalId: principal.userId };
  if ((await tenant.conversations.kindOf(conversationId)) === 'group') {
    const loaded = await loadGroup(c, conversationId);
    return {
      ...common,
      conversation: loaded.group,
      writesContent: loaded.role === 'leader',
      mayMove: (action) => mayFollowUpTeamItem(loaded.role, principal.userId, action),
      closed: 'group_conversation_closed',
      framework: async () => (await frameworkOf(tenant, null)).document,
      parties: async () => {
        const people = await groupPeopleOf(tenant, loaded);
        return {
          owners: [...people.participants, ...people.leaders],
          colleagues: people.participants,
          notOwner: 'owner_not_in_group',
          notColleague: 'colleague_not_participant',
        };
      },
    };
  }
  const loaded = await loadConversation(c, conversationId);
  return {
    ...common,
    conversation: loaded.conversation,
    writesContent: true,
    mayMove: () => true,
    closed: 'conversation_signed',
    framework: async () => (await frameworkOfRound(tenant, loaded.conversation.roundId)).document,
    parties: async () => {
      const people = await peopleOf(tenant, loaded);
      return {
        owners: [people.employee, ...people.leaders],
        colleagues: people.colleagues,
        notOwner: 'owner_not_party',
        notColleague: 'colleague_not_in_unit',
      };
    },
  };
}

/**
 * Goals and actions are written while the record is open: after the start, until it is signed or closed, and only by
 * those who write it (403 for a group conversation's participant).
 */
function requireWriter(loaded: PlanRecord) {
  if (!loaded.writesContent) throw forbidden();
  if (loaded.conversation.signedAt) throw new ApiError(422, loaded.closed);
  if (!loaded.conversation.heldAt) throw new ApiError(422, 'conversation_not_started');
}

/** A goal, the record it belongs to, and the caller's side of it. */
async function loadGoal(c: Context<AppEnv>, goalId: string) {
  const { tenant } = auth(c);
  const goal = await tenant.conversations.findGoal(goalId);
  if (!goal) throw notFound();
  const loaded = await loadPlanRecord(c, goal.conversationId);
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
  loaded: PlanRecord,
  input: { kind: string; ownerId: string; colleagueId: string | null },
): Promise<Record<string, string>> {
  const parties = await loaded.parties();
  const fields: Record<string, string> = {};
  if (!parties.owners.some((person) => person.id === input.ownerId)) {
    fields.ownerId = fieldMessage(loaded.locale, parties.notOwner);
  }
  if (input.kind === 'colleague' && !input.colleagueId) {
    fields.colleagueId = fieldMessage(loaded.locale, 'colleague_required');
  } else if (input.kind !== 'colleague' && input.colleagueId) {
    fields.colleagueId = fieldMessage(loaded.locale, 'colleague_not_allowed');
  } else if (input.colleagueId && !parties.colleagues.some((person) => person.id === input.colleagueId)) {
    fields.colleagueId = fieldMessage(loaded.locale, parties.notColleague);
  }
  return fields;
}

export function planRoutes(now: () => Date) {
  const app = new OpenAPIHono<AppEnv>();

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
      requireWriter(loaded);
      const { version, ...input } = c.req.valid('json');
      const framework = await loaded.framework();
      invalid(competenceProblems(loaded.locale, framework, input.competenceIds, 'competenceIds'));
      const goal = outcome(
        await loaded.tenant.conversations.updateGoal(
          loaded.goal,
          version,
          { ...input, competenceIds: [...new Set(input.competenceIds)] },
          now(),
        ),
        loaded.closed,
      );
      return reply(c, goalSchema, await goalView(loaded.tenant, goal, now));
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
      requireWriter(loaded);
      outcome(await loaded.tenant.conversations.deleteGoal(loaded.goal), loaded.closed);
      return c.body(null, 204);
    },
  );

  const actionView = async (loaded: Pick<PlanRecord, 'tenant'>, goal: GoalRow, actionId: string) => {
    const view = await goalView(loaded.tenant, goal, now);
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
      requireWriter(loaded);
      const input = c.req.valid('json');
      invalid(await actionProblems(loaded, input));
      const action = outcome(
        await loaded.tenant.conversations.createAction(loaded.goal, input),
        loaded.closed,
      );
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
      requireWriter(loaded);
      const { version, ...input } = c.req.valid('json');
      invalid(await actionProblems(loaded, input));
      outcome(
        await loaded.tenant.conversations.updateAction(loaded.goal, loaded.action, version, input, now()),
        loaded.closed,
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
      requireWriter(loaded);
      outcome(await loaded.tenant.conversations.deleteAction(loaded.goal, loaded.action), loaded.closed);
      return c.body(null, 204);
    },
  );

  /** Moves a goal or one of its actions on; dropping needs a reason, so the follow-up knows why. */
  const moveStatus = async (
    loaded: PlanRecord & { goal: GoalRow },
    input: z.infer<typeof statusInputSchema>,
    action?: ActionRow,
  ) => {
    if (!loaded.mayMove(action)) throw forbidden();
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
        changedById: loaded.principalId,
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
      return reply(c, goalSchema, await goalView(loaded.tenant, goal, now));
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
      await audit(c, {
        action: 'plan.read',
        subjectType: 'plan',
        subjectId: person.id,
        subjectPersonId: person.id,
        purpose: 'development_conversation',
      });
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
