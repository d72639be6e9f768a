/** @module Profiling rounds: start, follow, remind, close; rate oneself or as leader; the round's tasks. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import type { AssessmentRow, ParticipantRow, RaterRole, SaveOutcome } from '../../db/repositories/rounds.ts';
import type { StoredRating } from '../../db/schema.ts';
import { hasRole, isLeader, roundScope, subtreeUnitIds, unitsLedBy } from '../../domain/access.ts';
import { dateInTimeZone, invalidRatings, isOverdue, missingRatings, stageOf } from '../../domain/rounds.ts';
import type { Locale } from '../../domain/text.ts';
import { audit } from '../audit.ts';
import { idSchema } from '../contracts/common.ts';
import {
  type Assessment,
  assessmentDraftInputSchema,
  assessmentSchema,
  assessmentSubmitInputSchema,
  type ParticipantStatus,
  type RoundSummary,
  raterSchema,
  reminderInputSchema,
  reminderResultSchema,
  reopenInputSchema,
  roundDetailSchema,
  roundInputSchema,
  roundListSchema,
  type Task,
  taskListSchema,
} from '../contracts/rounds.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';
import { fieldMessage } from '../messages.ts';
import { conversationTasks } from './conversations.ts';
import { pairingTasks } from './pairings.ts';
import { assessmentState, progressOf } from './round-progress.ts';
import { themeDayTasksOf } from './theme-days.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

const roundParams = z.strictObject({ roundId: idSchema });
const assessmentParams = z.strictObject({ roundId: idSchema, userId: idSchema, rater: raterSchema });

/** Everything a round's routes need to decide: the round, its participants, and what the caller may do. */
async function loadRound(c: Context<AppEnv>, roundId: string, now: () => Date, onlyUserId?: string) {
  const { principal, tenant } = auth(c);
  const round = await tenant.rounds.find(roundId);
  if (!round) throw notFound();
  // One person's assessment needs only that person's participation, not the whole round's.
  const [participants, units, municipality] = await Promise.all([
    onlyUserId
      ? tenant.rounds
          .participationsOf([onlyUserId])
          .then((rows) => rows.filter((row) => row.roundId === round.id))
      : tenant.rounds.participants([round.id]),
    tenant.people.listUnits(),
    tenant.people.municipality(),
  ]);
  const scope = roundScope(principal, participants, units, {
    hrSeesRounds: municipality.hrSeesRounds,
    createdById: round.createdById,
  });
  const today = dateInTimeZone(now(), municipality.timeZone);
  return { principal, tenant, round, participants, units, municipality, scope, today };
}

type LoadedRound = Awaited<ReturnType<typeof loadRound>>;

function summaryOf(loaded: Pick<LoadedRound, 'round' | 'participants' | 'scope' | 'today'>): RoundSummary {
  const { round, scope, today } = loaded;
  const visible = loaded.participants.filter((participant) => scope.visibleUserIds.has(participant.userId));
  const progress = visible.map(progressOf);
  return {
    id: round.id,
    name: round.name,
    status: round.status as 'open' | 'closed',
    deadline: round.deadline,
    frameworkVersionId: round.frameworkVersionId,
    hideLeaderUntilBoth: round.hideLeaderUntilBoth,
    createdBy: { id: round.createdById, name: round.createdByName },
    createdAt: round.createdAt.toISOString(),
    closedAt: iso(round.closedAt),
    participantCount: visible.length,
    bothSubmittedCount: progress.filter((entry) => entry.self === 'submitted' && entry.leader === 'submitted')
      .length,
    overdueCount:
      round.status === 'open'
        ? progress.filter((entry) => isOverdue(entry, round.deadline, today)).length
        : 0,
  };
}

function detailOf(loaded: LoadedRound) {
  const unitName = new Map(loaded.units.map((unit) => [unit.id, unit.name]));
  const participants: ParticipantStatus[] = loaded.participants
    .filter((participant) => loaded.scope.visibleUserIds.has(participant.userId))
    .map((participant) => {
      const progress = progressOf(participant);
      return {
        person: { id: participant.userId, name: participant.name },
        unit: participant.unitId
          ? { id: participant.unitId, name: unitName.get(participant.unitId) ?? '' }
          : null,
        roleProfile: {
          id: participant.roleProfileId,
          key: participant.roleProfileKey,
          name: participant.roleProfileName,
        },
        self: progress.self,
        leader: progress.leader,
        stage: stageOf(progress),
        overdue: loaded.round.status === 'open' && isOverdue(progress, loaded.round.deadline, loaded.today),
        conversationHeldAt: iso(participant.conversationHeldAt),
        lastRemindedAt: iso(participant.lastRemindedAt),
        canRate: loaded.scope.rateableUserIds.has(participant.userId),
      };
    });
  return {
    round: summaryOf(loaded),
    participants,
    canRate: loaded.scope.rateableUserIds.size > 0,
    canManage: loaded.scope.canManage,
  };
}

const requireManager = (loaded: LoadedRound) => {
  if (loaded.scope.visibleUserIds.size === 0 && !loaded.scope.canManage) throw notFound();
  if (!loaded.scope.canManage) throw forbidden();
};

/**
 * Who may do what with one assessment. The person reads and edits their own self-assessment; the leader reads it
 * once submitted. The leader reads and edits the leader assessment; the person reads it once the round's rule
 * lets them. Nobody else learns it exists.
 */
function assessmentAccess(loaded: LoadedRound, subject: ParticipantRow, rater: RaterRole) {
  const me = loaded.principal.userId;
  const isSubject = subject.userId === me;
  const isLeaderOf = loaded.scope.rateableUserIds.has(subject.userId);
  const progress = progressOf(subject);
  if (rater === 'self') {
    if (isSubject) return { read: true, write: true };
    if (isLeaderOf && progress.self === 'submitted') return { read: true, write: false };
    return { read: false, write: false };
  }
  if (isLeaderOf) return { read: true, write: true };
  if (isSubject && progress.leader === 'submitted') {
    const visible = !loaded.round.hideLeaderUntilBoth || progress.self === 'submitted';
    return { read: visible, write: false };
  }
  return { read: false, write: false };
}

async function assessmentView(
  loaded: LoadedRound,
  subject: ParticipantRow,
  rater: RaterRole,
  row: AssessmentRow | undefined,
  writable: boolean,
): Promise<Assessment> {
  const reopenings = row ? await loaded.tenant.rounds.reopenings(row.id) : [];
  const status = row ? assessmentState(row.status) : 'not_started';
  return {
    roundId: loaded.round.id,
    roundName: loaded.round.name,
    subject: { id: subject.userId, name: subject.name },
    rater,
    status,
    version: row?.version ?? 0,
    ratings: row?.ratings ?? {},
    updatedAt: iso(row?.updatedAt ?? null),
    submittedAt: iso(row?.submittedAt ?? null),
    editable: writable && status !== 'submitted' && loaded.round.status === 'open',
    frameworkVersionId: loaded.round.frameworkVersionId,
    roleProfileId: subject.roleProfileId,
    deadline: loaded.round.deadline,
    reopenings: reopenings.map((reopening) => ({
      reason: reopening.reason,
      at: reopening.at.toISOString(),
      by: { id: reopening.byId, name: reopening.byName },
    })),
  };
}

/** The answer to a guarded save or submit: the new state, or why nothing changed. */
function savedView(loaded: LoadedRound, subject: ParticipantRow, rater: RaterRole, result: SaveOutcome) {
  if (result.outcome === 'conflict') throw new ApiError(409, 'conflict');
  if (result.outcome === 'not_editable') throw new ApiError(422, 'not_editable');
  return assessmentView(loaded, subject, rater, result.assessment, true);
}

async function loadAssessment(c: Context<AppEnv>, params: z.infer<typeof assessmentParams>, now: () => Date) {
  const loaded = await loadRound(c, params.roundId, now, params.userId);
  const subject = loaded.participants.find((participant) => participant.userId === params.userId);
  if (!subject) throw notFound();
  const access = assessmentAccess(loaded, subject, params.rater);
  if (!access.read) throw notFound();
  const row = await loaded.tenant.rounds.findAssessment(loaded.round.id, subject.userId, params.rater);
  return { loaded, subject, access, row };
}

async function frameworkOf(tenant: TenantRepositories, versionId: string) {
  const version = await tenant.frameworks.findVersion(versionId);
  if (!version) throw new Error(`round refers to a missing framework version ${versionId}`);
  return version.document;
}

const reminderText: Record<
  Locale,
  (name: string, round: string, deadline: string) => { subject: string; body: string }
> = {
  da: (name, round, deadline) => ({
    subject: `Påmindelse: din selvvurdering i "${round}"`,
    body: `Kære ${name}\n\nDu mangler at indsende din selvvurdering i profileringsrunden "${round}". Fristen er ${deadline}.\n\nLog ind i Vejviser, og find den under "Mine opgaver".\n\nVenlig hilsen\nVejviser`,
  }),
  en: (name, round, deadline) => ({
    subject: `Reminder: your self-assessment in "${round}"`,
    body: `Dear ${name}\n\nYou have not yet submitted your self-assessment in the profiling round "${round}". The deadline is ${deadline}.\n\nLog in to Vejviser and find it under "My tasks".\n\nKind regards\nVejviser`,
  }),
};

const formatDeadline = (deadline: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${deadline}T00:00:00Z`),
  );

/** The audit entry for a change of one person's assessment in a round: whose, which rater, never the levels. */
const assessmentEvent = (action: string, roundId: string, subjectId: string, rater: RaterRole) => ({
  action,
  subjectType: 'assessment',
  subjectId: roundId,
  subjectPersonId: subjectId,
  purpose: 'personnel_management' as const,
  details: { rater },
});

export function roundRoutes(now: () => Date) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/rounds',
      tags: ['Rounds'],
      summary: 'The profiling rounds the caller may follow (leaders, administrators, and HR when allowed)',
      ...authenticated,
      responses: { 200: json(roundListSchema, 'The rounds.'), ...pick(401, 403) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const municipality = await tenant.people.municipality();
      const hrAllowed = hasRole(principal, 'hr') && municipality.hrSeesRounds;
      if (!isLeader(principal) && !hasRole(principal, 'admin') && !hrAllowed) throw forbidden();
      const [rounds, units] = await Promise.all([tenant.rounds.list(), tenant.people.listUnits()]);
      const participants = await tenant.rounds.participants(rounds.map((round) => round.id));
      const today = dateInTimeZone(now(), municipality.timeZone);
      const summaries = rounds
        .map((round) => {
          const own = participants.filter((participant) => participant.roundId === round.id);
          const scope = roundScope(principal, own, units, {
            hrSeesRounds: municipality.hrSeesRounds,
            createdById: round.createdById,
          });
          return { round, participants: own, scope, today };
        })
        .filter(({ scope, round }) => scope.visibleUserIds.size > 0 || round.createdById === principal.userId)
        .map(summaryOf);
      return reply(c, roundListSchema, { rounds: summaries });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/rounds',
      tags: ['Rounds'],
      summary: 'Start a profiling round for units and people the caller leads',
      ...authenticated,
      request: { body: jsonBody(roundInputSchema) },
      responses: { 201: json(roundDetailSchema, 'The round, started.'), ...pick(400, 401, 403, 415, 422) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const isAdmin = hasRole(principal, 'admin');
      if (!isLeader(principal) && !isAdmin) throw forbidden();
      const input = c.req.valid('json');
      const locale = c.get('locale');
      const fields: Record<string, string> = {};
      const refuse = (field: string, kind: string) => {
        fields[field] ??= fieldMessage(locale, kind);
      };

      const [units, people, municipality, version] = await Promise.all([
        tenant.people.listUnits(),
        tenant.people.listUsers(),
        tenant.people.municipality(),
        tenant.frameworks.findVersion(input.frameworkVersionId),
      ]);
      if (version?.status !== 'published') refuse('frameworkVersionId', 'framework_not_published');
      if (input.deadline < dateInTimeZone(now(), municipality.timeZone)) refuse('deadline', 'deadline_past');

      const allowedUnits = isAdmin ? new Set(units.map((unit) => unit.id)) : unitsLedBy(principal, units);
      if (input.unitIds.some((unitId) => !allowedUnits.has(unitId))) refuse('unitIds', 'unit_not_led');
      const chosenUnits = subtreeUnitIds(
        units,
        input.unitIds.filter((unitId) => allowedUnits.has(unitId)),
      );
      const byId = new Map(people.map((person) => [person.id, person]));
      const visiblePerson = (userId: string) => {
        const person = byId.get(userId);
        return person?.active && person.unitId !== null && allowedUnits.has(person.unitId);
      };
      if (input.userIds.some((userId) => !visiblePerson(userId))) refuse('userIds', 'person_not_visible');
      const participantIds = new Set([
        ...people
          .filter((person) => person.active && person.unitId !== null && chosenUnits.has(person.unitId))
          .map((person) => person.id),
        ...input.userIds.filter(visiblePerson),
      ]);
      // Nobody rates themselves as their own leader.
      participantIds.delete(principal.userId);
      if (participantIds.size === 0) refuse('unitIds', 'no_participants');

      const profiles = version ? await tenant.frameworks.listRoleProfilesOf(version.id) : [];
      const profileIds = new Set(profiles.map((profile) => profile.id));
      for (const [userId, roleProfileId] of Object.entries(input.roleProfiles)) {
        if (!participantIds.has(userId) || !profileIds.has(roleProfileId))
          refuse(`roleProfiles.${userId}`, 'role_profile_unknown');
      }
      if (version && profiles.length === 0) refuse('frameworkVersionId', 'no_role_profile');
      if (Object.keys(fields).length > 0) throw new ApiError(422, 'invalid_round', { fields });

      const fallback = profiles.find((profile) => profile.key === 'borgerservicemedarbejder') ?? profiles[0]!;
      const defaultFor = (userId: string) =>
        profiles.find((profile) => profile.key === byId.get(userId)?.roleProfileKey) ?? fallback;
      const round = await tenant.rounds.create({
        name: input.name,
        frameworkVersionId: version!.id,
        deadline: input.deadline,
        hideLeaderUntilBoth: input.hideLeaderUntilBoth,
        createdById: principal.userId,
        participants: [...participantIds].map((userId) => ({
          userId,
          roleProfileId: input.roleProfiles[userId] ?? defaultFor(userId).id,
        })),
      });
      const loaded = await loadRound(c, round.id, now);
      return c.json(roundDetailSchema.parse(detailOf(loaded)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/rounds/{roundId}',
      tags: ['Rounds'],
      summary: "A round's status board: where each participant the caller may follow stands",
      ...authenticated,
      request: { params: roundParams },
      responses: { 200: json(roundDetailSchema, 'The round.'), ...pick(400, 401, 404) },
    }),
    async (c) => {
      const loaded = await loadRound(c, c.req.valid('param').roundId, now);
      if (loaded.scope.visibleUserIds.size === 0 && !loaded.scope.canManage) throw notFound();
      return reply(c, roundDetailSchema, detailOf(loaded));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/rounds/{roundId}/close',
      tags: ['Rounds'],
      summary: 'Close the round: nothing more can be saved or submitted in it',
      ...authenticated,
      request: { params: roundParams },
      responses: { 200: json(roundDetailSchema, 'Closed.'), ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const loaded = await loadRound(c, c.req.valid('param').roundId, now);
      requireManager(loaded);
      await loaded.tenant.rounds.close(loaded.round.id, now());
      return reply(c, roundDetailSchema, detailOf(await loadRound(c, loaded.round.id, now)));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/rounds/{roundId}/reminders',
      tags: ['Rounds'],
      summary: 'Remind participants who have not submitted their self-assessment (in the app and by e-mail)',
      ...authenticated,
      request: { params: roundParams, body: jsonBody(reminderInputSchema) },
      responses: {
        200: json(reminderResultSchema, 'Who was reminded.'),
        ...pick(400, 401, 403, 404, 415, 422),
      },
    }),
    async (c) => {
      const loaded = await loadRound(c, c.req.valid('param').roundId, now);
      requireManager(loaded);
      if (loaded.round.status !== 'open') throw new ApiError(422, 'round_closed');
      const { userIds } = c.req.valid('json');
      const wanted = userIds ? new Set(userIds) : undefined;
      const due = loaded.participants.filter(
        (participant) =>
          loaded.scope.visibleUserIds.has(participant.userId) &&
          (!wanted || wanted.has(participant.userId)) &&
          progressOf(participant).self !== 'submitted',
      );
      const people = new Map((await loaded.tenant.people.listUsers()).map((person) => [person.id, person]));
      await loaded.tenant.rounds.queueEmails(
        due.map((participant) => {
          const person = people.get(participant.userId)!;
          const locale: Locale = person.locale === 'en' ? 'en' : 'da';
          const text = reminderText[locale](
            person.name,
            loaded.round.name,
            formatDeadline(loaded.round.deadline, locale),
          );
          return { toEmail: person.email, ...text };
        }),
      );
      await loaded.tenant.rounds.markReminded(
        loaded.round.id,
        due.map((participant) => participant.userId),
        now(),
      );
      return reply(c, reminderResultSchema, {
        reminded: due.map((participant) => ({ id: participant.userId, name: participant.name })),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/rounds/{roundId}/participants/{userId}/conversation',
      tags: ['Rounds'],
      summary: 'Record that the profiling conversation with this person has been held',
      ...authenticated,
      request: { params: z.strictObject({ roundId: idSchema, userId: idSchema }) },
      responses: { 204: { description: 'Recorded.' }, ...pick(400, 401, 404) },
    }),
    async (c) => {
      const { roundId, userId } = c.req.valid('param');
      const loaded = await loadRound(c, roundId, now);
      if (!loaded.scope.rateableUserIds.has(userId)) throw notFound();
      await loaded.tenant.rounds.markConversationHeld(roundId, userId, now());
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/rounds/{roundId}/assessments/{userId}/{rater}',
      tags: ['Rounds'],
      summary: "One person's self-assessment or leader assessment in a round",
      ...authenticated,
      request: { params: assessmentParams },
      responses: {
        200: json(assessmentSchema, 'The assessment (empty when not started).'),
        ...pick(400, 401, 404),
      },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const { loaded, subject, access, row } = await loadAssessment(c, params, now);
      return reply(
        c,
        assessmentSchema,
        await assessmentView(loaded, subject, params.rater, row, access.write),
      );
    },
  );

  const checkEditable = (loaded: LoadedRound, write: boolean) => {
    if (!write) throw notFound();
    if (loaded.round.status !== 'open') throw new ApiError(422, 'round_closed');
  };

  app.openapi(
    createRoute({
      method: 'put',
      path: '/rounds/{roundId}/assessments/{userId}/{rater}',
      tags: ['Rounds'],
      summary: 'Save a draft; refused with 409 when someone saved a newer version meanwhile',
      ...authenticated,
      request: { params: assessmentParams, body: jsonBody(assessmentDraftInputSchema) },
      responses: { 200: json(assessmentSchema, 'Saved.'), ...pick(400, 401, 404, 409, 415, 422) },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const input = c.req.valid('json');
      const { loaded, subject, access } = await loadAssessment(c, params, now);
      checkEditable(loaded, access.write);
      const framework = await frameworkOf(loaded.tenant, loaded.round.frameworkVersionId);
      const levels = Object.fromEntries(
        Object.entries(input.ratings).map(([id, rating]) => [id, rating.level]),
      );
      const invalid = invalidRatings(framework, levels);
      if (invalid.length > 0) {
        const locale = c.get('locale');
        const known = new Set(
          framework.areas.flatMap((area) => area.competences.map((competence) => competence.id)),
        );
        throw new ApiError(400, 'validation_failed', {
          fields: Object.fromEntries(
            invalid.map((id) => [
              `ratings.${id}`,
              fieldMessage(locale, known.has(id) ? 'level_off_scale' : 'unknown_competence'),
            ]),
          ),
        });
      }
      const ratings: Record<string, StoredRating> = Object.fromEntries(
        Object.entries(input.ratings).map(([id, rating]) => [
          id,
          {
            level: rating.level,
            ...(rating.comment ? { comment: rating.comment } : {}),
            ...(rating.example ? { example: rating.example } : {}),
          },
        ]),
      );
      const result = await loaded.tenant.rounds.saveDraft({
        roundId: loaded.round.id,
        subjectId: subject.userId,
        raterRole: params.rater,
        raterId: loaded.principal.userId,
        expectedVersion: input.version,
        ratings,
        now: now(),
      });
      return reply(c, assessmentSchema, await savedView(loaded, subject, params.rater, result));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/rounds/{roundId}/assessments/{userId}/{rater}/submit',
      tags: ['Rounds'],
      summary: 'Submit the assessment: every competence needs a level or "cannot assess"',
      ...authenticated,
      request: { params: assessmentParams, body: jsonBody(assessmentSubmitInputSchema) },
      responses: { 200: json(assessmentSchema, 'Submitted.'), ...pick(400, 401, 404, 409, 415, 422) },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const { version } = c.req.valid('json');
      const { loaded, subject, access, row } = await loadAssessment(c, params, now);
      checkEditable(loaded, access.write);
      if (row?.status === 'submitted') throw new ApiError(422, 'not_editable');
      if (!row || row.version !== version) throw new ApiError(409, 'conflict');
      const framework = await frameworkOf(loaded.tenant, loaded.round.frameworkVersionId);
      const levels = Object.fromEntries(
        Object.entries(row.ratings).map(([id, rating]) => [id, rating.level]),
      );
      const missing = missingRatings(framework, levels);
      if (missing.length > 0) {
        const locale = c.get('locale');
        throw new ApiError(422, 'incomplete_assessment', {
          fields: Object.fromEntries(missing.map((id) => [id, fieldMessage(locale, 'rating_missing')])),
        });
      }
      // A leader's rating of someone else is a change of their personal data: recorded with it, in one transaction.
      const result = await loaded.tenant.transaction(async (inTransaction, tx) => {
        const outcome = await inTransaction.rounds.submit({
          roundId: loaded.round.id,
          subjectId: subject.userId,
          raterRole: params.rater,
          raterId: loaded.principal.userId,
          expectedVersion: version,
          now: now(),
        });
        if (outcome.outcome === 'saved' && subject.userId !== loaded.principal.userId) {
          await audit(
            c,
            assessmentEvent('assessment.submitted', loaded.round.id, subject.userId, params.rater),
            {
              tx,
            },
          );
        }
        return outcome;
      });
      return reply(c, assessmentSchema, await savedView(loaded, subject, params.rater, result));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/rounds/{roundId}/assessments/{userId}/{rater}/reopen',
      tags: ['Rounds'],
      summary: 'Reopen a submitted assessment (leaders); the reason and the submitted ratings are kept',
      ...authenticated,
      request: { params: assessmentParams, body: jsonBody(reopenInputSchema) },
      responses: {
        200: json(assessmentSchema, 'Reopened as a draft.'),
        ...pick(400, 401, 403, 404, 415, 422),
      },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const { reason } = c.req.valid('json');
      const { loaded, subject, row } = await loadAssessment(c, params, now);
      if (!loaded.scope.rateableUserIds.has(subject.userId)) throw forbidden();
      if (loaded.round.status !== 'open') throw new ApiError(422, 'round_closed');
      if (row?.status !== 'submitted') throw new ApiError(422, 'not_editable');
      const reopened = await loaded.tenant.transaction(async (inTransaction, tx) => {
        const draft = await inTransaction.rounds.reopen(row, reason, loaded.principal.userId, now());
        await audit(
          c,
          assessmentEvent('assessment.reopened', loaded.round.id, subject.userId, params.rater),
          {
            tx,
          },
        );
        return draft;
      });
      const writable = params.rater === 'leader';
      return reply(
        c,
        assessmentSchema,
        await assessmentView(loaded, subject, params.rater, reopened, writable),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/tasks',
      tags: ['Rounds'],
      summary: "The caller's open assessments: their own, and as leader those of their people",
      ...authenticated,
      responses: { 200: json(taskListSchema, 'Open tasks, earliest deadline first.'), ...pick(401) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const [rounds, units, municipality] = await Promise.all([
        tenant.rounds.list(),
        tenant.people.listUnits(),
        tenant.people.municipality(),
      ]);
      const open = new Map(
        rounds.filter((round) => round.status === 'open').map((round) => [round.id, round]),
      );
      const led = unitsLedBy(principal, units);
      // Only the caller's own participations and their people's: never a whole large round.
      const [own, ledPeople] = await Promise.all([
        tenant.rounds.participationsOf([principal.userId]),
        tenant.rounds.participantsInUnits([...open.keys()], [...led]),
      ]);
      const participants = [
        ...own,
        ...ledPeople.filter((participant) => participant.userId !== principal.userId),
      ].filter((participant) => open.has(participant.roundId));
      const today = dateInTimeZone(now(), municipality.timeZone);
      const tasks: Task[] = [];
      for (const participant of participants) {
        const round = open.get(participant.roundId)!;
        const progress = progressOf(participant);
        const base = {
          roundId: round.id,
          roundName: round.name,
          deadline: round.deadline,
          overdue: isOverdue(progress, round.deadline, today),
          subject: { id: participant.userId, name: participant.name },
        };
        if (participant.userId === principal.userId && progress.self !== 'submitted') {
          tasks.push({
            ...base,
            kind: 'self_assessment',
            state: progress.self,
            remindedAt: iso(participant.lastRemindedAt),
          });
        }
        const leads =
          participant.userId !== principal.userId &&
          participant.unitId !== null &&
          led.has(participant.unitId);
        if (leads && progress.leader !== 'submitted') {
          tasks.push({ ...base, kind: 'leader_assessment', state: progress.leader, remindedAt: null });
        }
      }
      tasks.sort(
        (a, b) => a.deadline.localeCompare(b.deadline) || a.subject.name.localeCompare(b.subject.name, 'da'),
      );
      const conversations = await conversationTasks(tenant, principal, units, today);
      const pairings = await pairingTasks(tenant, principal, today, c.get('locale'));
      const recruitment = (await tenant.recruitment.scoringTasksOf(principal.userId)).map((task) => ({
        positionId: task.positionId,
        positionTitle: task.positionTitle,
        candidate: { id: task.candidateId, name: task.candidateName },
        state: task.scoreStatus === 'draft' ? ('draft' as const) : ('not_started' as const),
      }));
      const themeDays = await themeDayTasksOf(tenant, principal.userId, today);
      return reply(c, taskListSchema, { tasks, conversations, pairings, recruitment, themeDays });
    },
  );

  return app;
}
