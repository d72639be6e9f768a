/**
 * @module The practice log: an employee's quick entries after real citizen contacts (never with a citizen's personal
 * data), their own timeline and count per month, sharing with their leaders, talking points for the next
 * conversation, and a unit's aggregate for its leaders in which nobody can be singled out.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import type { PracticeEntryContent, PracticeEntryRow } from '../../db/repositories/practice.ts';
import { hasRole, isLeader, unitsLedBy } from '../../domain/access.ts';
import { conversationRole, isOpen, type PlanStatus } from '../../domain/conversations.ts';
import { findCprNumbers } from '../../domain/cpr.ts';
import { competencesOf } from '../../domain/framework.ts';
import {
  type HelpLevel,
  helpLevelsByMonth,
  type PracticeChannel,
  practiceSummary,
  recentMonths,
} from '../../domain/practice.ts';
import { dateInTimeZone } from '../../domain/rounds.ts';
import type { Locale } from '../../domain/text.ts';
import { idSchema } from '../contracts/common.ts';
import {
  type PracticeEntry,
  practiceEntryInputSchema,
  practiceEntryListSchema,
  practiceEntrySchema,
  practiceEntryUpdateSchema,
  practiceLogQuerySchema,
  practiceLogSchema,
  practiceSummaryQuerySchema,
  practiceSummarySchema,
  talkingPointsSchema,
} from '../contracts/practice.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, authenticatedOrToken, json, jsonBody, pick, reply } from '../http/openapi.ts';
import { fieldMessage } from '../messages.ts';
import {
  type CompetenceNamer,
  competenceNamer,
  newestPublishedVersion,
  todayIn,
  unitAmong,
} from './learning-context.ts';

const entryParams = z.strictObject({ entryId: idSchema });
/** The free-text fields, where a citizen's personal data could be typed. */
const freeTextFields = ['whatWorked', 'tryNext'] as const;
/** The most entries one page of the timeline holds; a filter by month finds older ones. */
const timelineLimit = 200;

/**
 * Refuses a text with a CPR number before anything else is looked at, naming each field that has one. The number
 * itself is never echoed back or logged.
 */
function refuseCitizenData(locale: Locale, input: Record<(typeof freeTextFields)[number], string>): void {
  const fields: Record<string, string> = {};
  for (const field of freeTextFields) {
    if (findCprNumbers(input[field]).length > 0) fields[field] = fieldMessage(locale, 'cpr_number');
  }
  if (Object.keys(fields).length > 0) throw new ApiError(422, 'citizen_personal_data', { fields });
}

/** Everything else that a schema cannot say about an entry, per field. */
async function entryProblems(
  c: Context<AppEnv>,
  input: z.infer<typeof practiceEntryInputSchema>,
  context: {
    frameworkVersionId: string;
    today: string;
    keptGoalId: string | null;
    keptThemeDayTaskId: string | null;
  },
): Promise<void> {
  const { principal, tenant } = auth(c);
  const locale = c.get('locale');
  const fields: Record<string, string> = {};
  if (input.occurredOn > context.today) fields.occurredOn = fieldMessage(locale, 'occurred_in_future');
  const version = await tenant.frameworks.findVersion(context.frameworkVersionId);
  const known = new Set(version ? competencesOf(version.document).map((competence) => competence.id) : []);
  input.competenceIds.forEach((id, index) => {
    if (!known.has(id))
      fields[`competenceIds.${index}`] = fieldMessage(locale, 'unknown_framework_competence');
  });
  // A goal stays linked once chosen, even after it is done; a new link must be to one of the caller's open goals.
  if (input.goalId && input.goalId !== context.keptGoalId) {
    const goal = await tenant.conversations.findGoal(input.goalId);
    if (goal?.employeeId !== principal.userId || !isOpen(goal.status as PlanStatus)) {
      fields.goalId = fieldMessage(locale, 'goal_not_own_open');
    }
  }
  // A theme day's follow-up task: only the caller's own, and one linked earlier stays linked.
  if (input.themeDayTaskId && input.themeDayTaskId !== context.keptThemeDayTaskId) {
    const task = await tenant.themeDays.findThemeDayTask(input.themeDayTaskId);
    if (task?.userId !== principal.userId)
      fields.themeDayTaskId = fieldMessage(locale, 'theme_day_task_not_own');
  }
  if (Object.keys(fields).length > 0) throw new ApiError(422, 'invalid_practice_entry', { fields });
}

const contentOf = (
  input: z.infer<typeof practiceEntryInputSchema>,
  frameworkVersionId: string,
): PracticeEntryContent => ({
  occurredOn: input.occurredOn,
  channel: input.channel,
  helpLevel: input.helpLevel,
  competenceIds: [...new Set(input.competenceIds)],
  whatWorked: input.whatWorked,
  tryNext: input.tryNext,
  goalId: input.goalId,
  themeDayTaskId: input.themeDayTaskId,
  talkingPoint: input.talkingPoint,
  shared: input.shared,
  frameworkVersionId,
});

/**
 * An entry as its reader sees it. The goal's title is the author's plan: only the author reads it here (their
 * leaders see the plan itself).
 */
async function entryView(
  row: PracticeEntryRow,
  context: {
    author: { id: string; name: string };
    names: CompetenceNamer;
    goalTitles: ReadonlyMap<string, string>;
    readerIsAuthor: boolean;
  },
): Promise<PracticeEntry> {
  const goalTitle = row.goalId ? context.goalTitles.get(row.goalId) : undefined;
  return {
    id: row.id,
    author: context.author,
    occurredOn: row.occurredOn,
    channel: row.channel as PracticeChannel,
    helpLevel: row.helpLevel as HelpLevel,
    competences: await context.names(row.frameworkVersionId, row.competenceIds),
    whatWorked: row.whatWorked,
    tryNext: row.tryNext,
    goal: context.readerIsAuthor && row.goalId && goalTitle ? { id: row.goalId, title: goalTitle } : null,
    themeDayTaskId: row.themeDayTaskId,
    shared: row.sharedAt !== null,
    sharedAt: row.sharedAt ? row.sharedAt.toISOString() : null,
    talkingPoint: row.talkingPoint,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function goalTitlesOf(tenant: TenantRepositories, employeeId: string) {
  const goals = await tenant.conversations.goalsOfEmployee(employeeId);
  return new Map(goals.map((goal) => [goal.id, goal.title]));
}

/**
 * One entry and the caller's side of it: the author reads and changes it; a current leader of the author reads it
 * once it is shared (and is told so when trying to change it); to everyone else it does not exist.
 */
async function loadEntry(c: Context<AppEnv>, entryId: string) {
  const { principal, tenant } = auth(c);
  const entry = await tenant.practice.find(entryId);
  if (!entry) throw notFound();
  if (entry.employeeId === principal.userId) return { principal, tenant, entry, role: 'author' as const };
  const units = await tenant.people.listUnits();
  const leads = entry.employeeUnitId !== null && unitsLedBy(principal, units).has(entry.employeeUnitId);
  if (leads && entry.sharedAt) return { principal, tenant, entry, role: 'leader' as const };
  throw notFound();
}

async function ownEntryView(c: Context<AppEnv>, row: PracticeEntryRow) {
  const { principal, tenant } = auth(c);
  const me = await tenant.people.findUser(principal.userId);
  return entryView(row, {
    author: { id: principal.userId, name: me?.name ?? '' },
    names: competenceNamer(tenant, c.get('locale')),
    goalTitles: await goalTitlesOf(tenant, principal.userId),
    readerIsAuthor: true,
  });
}

export function practiceRoutes(now: () => Date) {
  const app = new OpenAPIHono<AppEnv>();

  // Before /practice-log/{entryId}, which would otherwise take "shared" for an id.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/practice-log/shared',
      tags: ['Practice log'],
      summary: 'Entries that people in the units the caller leads have shared with their leaders (leaders)',
      ...authenticated,
      responses: { 200: json(practiceEntryListSchema, 'Newest first.'), ...pick(401, 403) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      if (!isLeader(principal)) throw forbidden();
      const units = await tenant.people.listUnits();
      const rows = await tenant.practice.sharedByPeopleIn([...unitsLedBy(principal, units)]);
      const names = competenceNamer(tenant, c.get('locale'));
      const entries: PracticeEntry[] = [];
      for (const row of rows.filter((entry) => entry.employeeId !== principal.userId)) {
        entries.push(
          await entryView(row, {
            author: { id: row.employeeId, name: row.employeeName },
            names,
            goalTitles: new Map(),
            readerIsAuthor: false,
          }),
        );
      }
      return reply(c, practiceEntryListSchema, { entries });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/practice-log',
      tags: ['Practice log'],
      summary:
        "The caller's own practice log, newest first, with a count per help level for the last 12 months",
      ...authenticated,
      request: { query: practiceLogQuerySchema },
      responses: { 200: json(practiceLogSchema, 'The log.'), ...pick(400, 401) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const filter = c.req.valid('query');
      const today = await todayIn(tenant, now);
      const months = recentMonths(today, 12);
      const [{ rows, total }, levels, me, goalTitles] = await Promise.all([
        tenant.practice.listOfEmployee(principal.userId, { ...filter, limit: timelineLimit }),
        tenant.practice.helpLevelsOfEmployee(principal.userId, `${months[0]}-01`),
        tenant.people.findUser(principal.userId),
        goalTitlesOf(tenant, principal.userId),
      ]);
      const context = {
        author: { id: principal.userId, name: me?.name ?? '' },
        names: competenceNamer(tenant, c.get('locale')),
        goalTitles,
        readerIsAuthor: true,
      };
      const entries: PracticeEntry[] = [];
      for (const row of rows) entries.push(await entryView(row, context));
      return reply(c, practiceLogSchema, { entries, total, months: helpLevelsByMonth(levels, months) });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/practice-log',
      tags: ['Practice log'],
      summary: 'Log a citizen contact; a text with a CPR number is refused (422 citizen_personal_data)',
      ...authenticated,
      request: { body: jsonBody(practiceEntryInputSchema) },
      responses: { 201: json(practiceEntrySchema, 'Logged.'), ...pick(400, 401, 415, 422) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const input = c.req.valid('json');
      refuseCitizenData(c.get('locale'), input);
      const [version, today, me] = await Promise.all([
        newestPublishedVersion(tenant),
        todayIn(tenant, now),
        tenant.people.findUser(principal.userId),
      ]);
      await entryProblems(c, input, {
        frameworkVersionId: version.id,
        today,
        keptGoalId: null,
        keptThemeDayTaskId: null,
      });
      const row = await tenant.practice.create({
        ...contentOf(input, version.id),
        employeeId: principal.userId,
        unitId: me?.unitId ?? null,
        now: now(),
      });
      return c.json(practiceEntrySchema.parse(await ownEntryView(c, row)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/practice-log/{entryId}',
      tags: ['Practice log'],
      summary: 'One entry: for its author, or for their leader once shared',
      ...authenticated,
      request: { params: entryParams },
      responses: { 200: json(practiceEntrySchema, 'The entry.'), ...pick(400, 401, 404) },
    }),
    async (c) => {
      const { tenant, entry, role } = await loadEntry(c, c.req.valid('param').entryId);
      if (role === 'author') return reply(c, practiceEntrySchema, await ownEntryView(c, entry));
      return reply(
        c,
        practiceEntrySchema,
        await entryView(entry, {
          author: { id: entry.employeeId, name: entry.employeeName },
          names: competenceNamer(tenant, c.get('locale')),
          goalTitles: new Map(),
          readerIsAuthor: false,
        }),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/practice-log/{entryId}',
      tags: ['Practice log'],
      summary: 'Change an own entry, its sharing and talking-point marks (409 when it changed meanwhile)',
      ...authenticated,
      request: { params: entryParams, body: jsonBody(practiceEntryUpdateSchema) },
      responses: { 200: json(practiceEntrySchema, 'Saved.'), ...pick(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const { tenant, entry, role } = await loadEntry(c, c.req.valid('param').entryId);
      if (role !== 'author') throw forbidden();
      const { version, ...input } = c.req.valid('json');
      refuseCitizenData(c.get('locale'), input);
      await entryProblems(c, input, {
        frameworkVersionId: entry.frameworkVersionId,
        today: await todayIn(tenant, now),
        keptGoalId: entry.goalId,
        keptThemeDayTaskId: entry.themeDayTaskId,
      });
      const saved = await tenant.practice.update(
        entry.id,
        version,
        contentOf(input, entry.frameworkVersionId),
        now(),
      );
      if (saved.outcome === 'conflict') throw new ApiError(409, 'conflict');
      return reply(c, practiceEntrySchema, await ownEntryView(c, saved.row));
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/practice-log/{entryId}',
      tags: ['Practice log'],
      summary: 'Delete an own entry, at the version the caller saw (409 when it changed meanwhile)',
      ...authenticated,
      request: {
        params: entryParams,
        query: z.strictObject({ version: z.coerce.number().int().min(1) }),
      },
      responses: { 204: { description: 'Deleted.' }, ...pick(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { tenant, entry, role } = await loadEntry(c, c.req.valid('param').entryId);
      if (role !== 'author') throw forbidden();
      const deleted = await tenant.practice.delete(entry.id, c.req.valid('query').version);
      if (!deleted) throw new ApiError(409, 'conflict');
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/conversations/{conversationId}/practice-talking-points',
      tags: ['Practice log'],
      summary:
        "Talking points from the employee's practice log for a conversation: all of them for the employee, the shared ones for the leader",
      ...authenticated,
      request: { params: z.strictObject({ conversationId: idSchema }) },
      responses: { 200: json(talkingPointsSchema, 'Oldest first.'), ...pick(400, 401, 404) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const conversation = await tenant.conversations.find(c.req.valid('param').conversationId);
      if (!conversation) throw notFound();
      const units = await tenant.people.listUnits();
      const role = conversationRole(
        principal,
        { id: conversation.employeeId, unitId: conversation.employeeUnitId },
        units,
      );
      if (!role) throw notFound();
      // A signed record is closed; the talking points wait for the next conversation.
      if (conversation.signedAt) return reply(c, talkingPointsSchema, { entries: [], open: false });
      const municipality = await tenant.people.municipality();
      const [rows, goalTitles] = await Promise.all([
        tenant.practice.talkingPointsOf(conversation.employeeId, {
          sharedOnly: role === 'leader',
          until: dateInTimeZone(conversation.scheduledAt, municipality.timeZone),
        }),
        role === 'employee' ? goalTitlesOf(tenant, conversation.employeeId) : new Map<string, string>(),
      ]);
      const context = {
        author: { id: conversation.employeeId, name: conversation.employeeName },
        names: competenceNamer(tenant, c.get('locale')),
        goalTitles,
        readerIsAuthor: role === 'employee',
      };
      const entries: PracticeEntry[] = [];
      for (const row of rows) entries.push(await entryView(row, context));
      return reply(c, talkingPointsSchema, { entries, open: true });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/practice-summary',
      tags: ['Practice log'],
      summary:
        "A unit's practice by month — shares of self-service, co-service and full service, most used competences — with every month below the municipality's minimum group size withheld (its leaders and administrators)",
      ...authenticatedOrToken(['aggregates', 'admin']),
      request: { params: z.strictObject({ unitId: idSchema }), query: practiceSummaryQuerySchema },
      responses: { 200: json(practiceSummarySchema, 'Oldest month first.'), ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const { units, unit } = await unitAmong(tenant, c.req.valid('param').unitId);
      // The units list is no secret, so a unit the caller may not follow is refused rather than hidden. HR: never.
      if (!hasRole(principal, 'admin') && !unitsLedBy(principal, units).has(unit.id)) throw forbidden();
      const [municipality, today, version] = await Promise.all([
        tenant.people.municipality(),
        todayIn(tenant, now),
        newestPublishedVersion(tenant),
      ]);
      const months = recentMonths(today, c.req.valid('query').months);
      const tallies = await tenant.practice.unitTallies(unit.id, `${months[0]}-01`, today);
      const byMonth = new Map(tallies.map((tally) => [tally.month, tally]));
      const empty = {
        people: 0,
        counts: { self_service: 0, co_service: 0, full_service: 0 },
        competences: {},
      };
      const summary = practiceSummary({
        months: months.map((month) => byMonth.get(month) ?? { month, ...empty }),
        minGroupSize: municipality.minGroupSize,
        competenceOrder: competencesOf(version.document).map((competence) => competence.id),
      });
      const names = competenceNamer(tenant, c.get('locale'));
      const competences = summary.competences
        ? await Promise.all(
            summary.competences.map(async (entry) => ({
              ...(await names(version.id, [entry.competenceId]))[0]!,
              entries: entry.entries,
            })),
          )
        : null;
      return reply(c, practiceSummarySchema, {
        unit: { id: unit.id, name: unit.name },
        minGroupSize: municipality.minGroupSize,
        months: summary.months,
        competences,
      });
    },
  );

  return app;
}
