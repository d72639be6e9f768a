/**
 * @module Learning from colleagues: for each development area of the people in a unit, colleagues the leader has
 * rated strong in it, suggested fairly; the pairings the leader confirms; following them up; and their tasks.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import type { PairingWithPeople } from '../../db/repositories/pairings.ts';
import { isLeader, type Principal, type UnitNode, unitsLedBy } from '../../domain/access.ts';
import { isOpen, type PlanStatus } from '../../domain/conversations.ts';
import { competencesOf } from '../../domain/framework.ts';
import {
  canCancelPairing,
  type DevelopmentNeed,
  developmentNeeds,
  isPairingOverdue,
  type LeaderRatedStrength,
  leaderRatedStrengths,
  type PairingRole,
  type PairingStatus,
  suggestHelpers,
} from '../../domain/pairings.ts';
import type { Locale } from '../../domain/text.ts';
import { idSchema } from '../contracts/common.ts';
import {
  type Pairing,
  type PairingSuggestions,
  type PairingTask,
  pairingCloseInputSchema,
  pairingInputSchema,
  pairingListQuerySchema,
  pairingListSchema,
  pairingSchema,
  pairingSuggestionsSchema,
} from '../contracts/pairings.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';
import { fieldMessage } from '../messages.ts';
import {
  type CompetenceNamer,
  competenceNamer,
  newestPublishedVersion,
  todayIn,
  unitAmong,
} from './learning-context.ts';
import { roundProfilesOf } from './profiles.ts';

const pairingParams = z.strictObject({ pairingId: idSchema });

/** The caller's side of a pairing: one of the two colleagues, or a leader of the unit it was made in. */
function pairingRole(
  principal: Principal,
  pairing: Pick<PairingWithPeople, 'learnerId' | 'helperId' | 'unitId'>,
  units: readonly UnitNode[],
): PairingRole | null {
  if (pairing.learnerId === principal.userId) return 'learner';
  if (pairing.helperId === principal.userId) return 'helper';
  return unitsLedBy(principal, units).has(pairing.unitId) ? 'leader' : null;
}

/** The learner's open goal that names the competence: where the pairing is shown beside their plan. */
async function goalsByLearner(tenant: TenantRepositories, learnerIds: readonly string[]) {
  const goals = new Map<
    string,
    Awaited<ReturnType<TenantRepositories['conversations']['goalsOfEmployee']>>
  >();
  for (const id of new Set(learnerIds)) goals.set(id, await tenant.conversations.goalsOfEmployee(id));
  return (learnerId: string, competenceId: string) => {
    const goal = (goals.get(learnerId) ?? []).find(
      (entry) => isOpen(entry.status as PlanStatus) && entry.competenceIds.includes(competenceId),
    );
    return goal ? { id: goal.id, title: goal.title } : null;
  };
}

async function pairingViews(
  tenant: TenantRepositories,
  rows: readonly PairingWithPeople[],
  context: { principal: Principal; units: readonly UnitNode[]; names: CompetenceNamer; today: string },
): Promise<Pairing[]> {
  const visible = rows.flatMap((row) => {
    const role = pairingRole(context.principal, row, context.units);
    return role ? [{ row, role }] : [];
  });
  // The helper sees the pairing only: who, which competence, the note — nothing of the learner's plan.
  const goalOf = await goalsByLearner(
    tenant,
    visible.filter(({ role }) => role !== 'helper').map(({ row }) => row.learnerId),
  );
  const views: Pairing[] = [];
  for (const { row, role } of visible) {
    const status = row.status as PairingStatus;
    views.push({
      id: row.id,
      learner: { id: row.learnerId, name: row.learnerName },
      helper: { id: row.helperId, name: row.helperName },
      competence: (await context.names(row.frameworkVersionId, [row.competenceId]))[0]!,
      unitId: row.unitId,
      note: row.note,
      dueDate: row.dueDate,
      status,
      overdue: isPairingOverdue({ status, dueDate: row.dueDate }, context.today),
      myRole: role,
      goal: role === 'helper' ? null : goalOf(row.learnerId, row.competenceId),
      createdBy: { id: row.createdById, name: row.createdByName },
      createdAt: row.createdAt.toISOString(),
      closedAt: row.closedAt ? row.closedAt.toISOString() : null,
      cancelReason: role === 'helper' ? null : row.cancelReason,
      canCancel: canCancelPairing(role, status),
      version: row.version,
    });
  }
  return views;
}

/** The caller's open pairings as tasks: a colleague to learn from, or to help. */
export async function pairingTasks(
  tenant: TenantRepositories,
  principal: Principal,
  today: string,
  locale: Locale,
): Promise<PairingTask[]> {
  const rows = await tenant.pairings.listVisible(principal.userId, []);
  const names = competenceNamer(tenant, locale);
  const tasks: PairingTask[] = [];
  for (const row of rows.filter((pairing) => pairing.status === 'open')) {
    const learns = row.learnerId === principal.userId;
    tasks.push({
      kind: learns ? 'learn' : 'help',
      pairingId: row.id,
      colleague: learns
        ? { id: row.helperId, name: row.helperName }
        : { id: row.learnerId, name: row.learnerName },
      competence: (await names(row.frameworkVersionId, [row.competenceId]))[0]!,
      dueDate: row.dueDate,
      overdue: isPairingOverdue({ status: 'open', dueDate: row.dueDate }, today),
    });
  }
  return tasks.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
}

/**
 * The unit's people as their leader sees them in their newest profile: development areas from the newest round in
 * which anything was submitted, strengths only from the newest leader assessment.
 */
async function needsAndStrengths(tenant: TenantRepositories, personIds: readonly string[]) {
  const needs: DevelopmentNeed[] = [];
  const strengths: LeaderRatedStrength[] = [];
  for (const personId of personIds) {
    const profiles = await roundProfilesOf(tenant, personId, false);
    const latest = profiles.find((profile) => profile.selfSubmitted || profile.leaderSubmitted);
    const latestRated = profiles.find((profile) => profile.leaderSubmitted);
    if (latest) needs.push(...developmentNeeds(personId, latest.competences));
    if (latestRated) strengths.push(...leaderRatedStrengths(personId, latestRated.competences));
  }
  return { needs, strengths };
}

export function pairingRoutes(now: () => Date) {
  const app = new OpenAPIHono<AppEnv>();

  const load = async (c: Context<AppEnv>, pairingId: string) => {
    const { principal, tenant } = auth(c);
    const pairing = await tenant.pairings.find(pairingId);
    if (!pairing) throw notFound();
    const units = await tenant.people.listUnits();
    const role = pairingRole(principal, pairing, units);
    if (!role) throw notFound();
    return { principal, tenant, pairing, units, role };
  };
  const viewOf = async (c: Context<AppEnv>, pairingId: string) => {
    const { principal, tenant, pairing, units } = await load(c, pairingId);
    const [view] = await pairingViews(tenant, [pairing], {
      principal,
      units,
      names: competenceNamer(tenant, c.get('locale')),
      today: await todayIn(tenant, now),
    });
    return view!;
  };
  const closed = (outcome: Awaited<ReturnType<TenantRepositories['pairings']['complete']>>) => {
    if (outcome.outcome === 'conflict') throw new ApiError(409, 'conflict');
    if (outcome.outcome === 'closed') throw new ApiError(422, 'pairing_closed');
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/pairing-suggestions',
      tags: ['Pairings'],
      summary:
        'For each development area of the people in a unit, colleagues the leader rated strong in it, suggested fairly (its leaders)',
      ...authenticated,
      request: { params: z.strictObject({ unitId: idSchema }) },
      responses: { 200: json(pairingSuggestionsSchema, 'Largest gaps first.'), ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const { units, unit } = await unitAmong(tenant, c.req.valid('param').unitId);
      // Suggestions come from the leader's ratings: only those who lead the unit get them, not administrators.
      if (!unitsLedBy(principal, units).has(unit.id)) throw forbidden();
      const [members, leaderships, version] = await Promise.all([
        tenant.people.usersInUnits([unit.id]),
        tenant.people.listLeaderships(),
        newestPublishedVersion(tenant),
      ]);
      const unitLeaders = new Set(
        leaderships
          .filter((leadership) => leadership.unitId === unit.id)
          .map((leadership) => leadership.userId),
      );
      const colleagues = members.filter(
        (person) => person.active && person.id !== principal.userId && !unitLeaders.has(person.id),
      );
      const ids = colleagues.map((person) => person.id);
      const [{ needs, strengths }, open] = await Promise.all([
        needsAndStrengths(tenant, ids),
        tenant.pairings.openInvolving(ids),
      ]);
      const suggestions = suggestHelpers({
        needs,
        strengths,
        openPairings: open,
        personOrder: ids,
        competenceOrder: competencesOf(version.document).map((competence) => competence.id),
      });
      const nameOf = new Map(colleagues.map((person) => [person.id, person.name]));
      const person = (id: string) => ({ id, name: nameOf.get(id) ?? '' });
      const helping = (id: string) => open.filter((pairing) => pairing.helperId === id).length;
      const names = competenceNamer(tenant, c.get('locale'));
      const learners: PairingSuggestions['learners'] = [];
      for (const learner of colleagues) {
        const own = suggestions.filter((suggestion) => suggestion.learnerId === learner.id);
        if (own.length === 0) continue;
        learners.push({
          person: person(learner.id),
          needs: await Promise.all(
            own.map(async (suggestion) => ({
              competence: (await names(version.id, [suggestion.competenceId]))[0]!,
              pairedWith: suggestion.pairedWith.map(person),
              helpers: suggestion.helpers.map((helper) => ({
                ...person(helper.personId),
                openPairings: helping(helper.personId),
              })),
            })),
          ),
        });
      }
      return reply(c, pairingSuggestionsSchema, { unit: { id: unit.id, name: unit.name }, learners });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/pairings',
      tags: ['Pairings'],
      summary: "The caller's pairings as learner or helper, and as leader those made in their units",
      ...authenticated,
      request: { query: pairingListQuerySchema },
      responses: { 200: json(pairingListSchema, 'Newest first.'), ...pick(400, 401) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const { personId } = c.req.valid('query');
      const units = await tenant.people.listUnits();
      const rows = await tenant.pairings.listVisible(principal.userId, [...unitsLedBy(principal, units)]);
      const involving = personId
        ? rows.filter((row) => row.learnerId === personId || row.helperId === personId)
        : rows;
      const pairings = await pairingViews(tenant, involving, {
        principal,
        units,
        names: competenceNamer(tenant, c.get('locale')),
        today: await todayIn(tenant, now),
      });
      return reply(c, pairingListSchema, { pairings });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/pairings',
      tags: ['Pairings'],
      summary: 'Pair a learner with a colleague in the same unit for one competence (their leaders)',
      ...authenticated,
      request: { body: jsonBody(pairingInputSchema) },
      responses: { 201: json(pairingSchema, 'Paired.'), ...pick(400, 401, 403, 415, 422) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      if (!isLeader(principal)) throw forbidden();
      const locale = c.get('locale');
      const input = c.req.valid('json');
      const [learner, helper, units, version, today] = await Promise.all([
        tenant.people.findUser(input.learnerId),
        tenant.people.findUser(input.helperId),
        tenant.people.listUnits(),
        newestPublishedVersion(tenant),
        todayIn(tenant, now),
      ]);
      const fields: Record<string, string> = {};
      const led = unitsLedBy(principal, units);
      const learnerLed = learner?.active && learner.unitId !== null && led.has(learner.unitId);
      if (!learnerLed || learner.id === principal.userId) {
        fields.learnerId = fieldMessage(locale, 'learner_not_led');
      } else if (
        !helper?.active ||
        helper.unitId !== learner.unitId ||
        helper.id === learner.id ||
        helper.id === principal.userId
      ) {
        fields.helperId = fieldMessage(locale, 'helper_not_in_unit');
      }
      if (!competencesOf(version.document).some((competence) => competence.id === input.competenceId)) {
        fields.competenceId = fieldMessage(locale, 'unknown_framework_competence');
      }
      if (input.dueDate && input.dueDate < today) fields.dueDate = fieldMessage(locale, 'due_date_past');
      if (Object.keys(fields).length > 0) throw new ApiError(422, 'invalid_pairing', { fields });
      const created = await tenant.pairings.create({
        unitId: learner!.unitId!,
        learnerId: learner!.id,
        helperId: helper!.id,
        competenceId: input.competenceId,
        frameworkVersionId: version.id,
        note: input.note,
        dueDate: input.dueDate,
        createdById: principal.userId,
        now: now(),
      });
      if (created.outcome === 'duplicate') {
        throw new ApiError(422, 'invalid_pairing', {
          fields: { helperId: fieldMessage(locale, 'pairing_exists') },
        });
      }
      if (created.outcome !== 'saved') throw new Error('a new pairing was not saved');
      return c.json(pairingSchema.parse(await viewOf(c, created.row.id)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/pairings/{pairingId}/done',
      tags: ['Pairings'],
      summary: 'Mark a pairing done (either colleague or their leader)',
      ...authenticated,
      request: { params: pairingParams, body: jsonBody(pairingCloseInputSchema) },
      responses: { 200: json(pairingSchema, 'Done.'), ...pick(400, 401, 404, 409, 415, 422) },
    }),
    async (c) => {
      const { principal, tenant, pairing } = await load(c, c.req.valid('param').pairingId);
      const { version } = c.req.valid('json');
      closed(await tenant.pairings.complete(pairing.id, version, principal.userId, now()));
      return reply(c, pairingSchema, await viewOf(c, pairing.id));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/pairings/{pairingId}/cancel',
      tags: ['Pairings'],
      summary: 'Cancel a pairing, optionally saying why (their leader)',
      ...authenticated,
      request: { params: pairingParams, body: jsonBody(pairingCloseInputSchema) },
      responses: { 200: json(pairingSchema, 'Cancelled.'), ...pick(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const { principal, tenant, pairing, role } = await load(c, c.req.valid('param').pairingId);
      if (role !== 'leader') throw forbidden();
      const { version, reason } = c.req.valid('json');
      closed(await tenant.pairings.cancel(pairing.id, version, principal.userId, reason || null, now()));
      return reply(c, pairingSchema, await viewOf(c, pairing.id));
    },
  );

  return app;
}
