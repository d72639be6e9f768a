/**
 * @module Theme days: the exercise bank in the reader's language; plan a day for a unit from the team's gaps (focus,
 * participants, agenda by exercise ids); follow-up tasks after the day, done by the participants; the participants'
 * before and after at the next round. Leaders of the unit manage a day, participants read it, everyone else gets 404.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import type { ThemeDayRow, ThemeDayTaskRow } from '../../db/repositories/theme-days.ts';
import type { StoredThemeDayItem } from '../../db/schema.ts';
import { isLeader, type Principal, subtreeUnitIds, unitsLedBy } from '../../domain/access.ts';
import type { Exercise, ExerciseBank } from '../../domain/exercises.ts';
import { competencesOf } from '../../domain/framework.ts';
import { dateInTimeZone } from '../../domain/rounds.ts';
import { beforeAndAfter } from '../../domain/team.ts';
import type { Locale } from '../../domain/text.ts';
import { agendaTimes, endsSameDay, nextDay, startOfDayIn, themeDayStage } from '../../domain/theme-days.ts';
import { idSchema } from '../contracts/common.ts';
import {
  type ExerciseView,
  exerciseListSchema,
  type FollowUpTask,
  followUpTaskSchema,
  followUpTasksInputSchema,
  type ThemeDayDetail,
  type ThemeDaySummary,
  type ThemeDayTask,
  taskDoneInputSchema,
  themeDayDetailSchema,
  themeDayInputSchema,
  themeDayListSchema,
  themeDayUpdateSchema,
} from '../contracts/theme-days.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';
import { fieldMessage } from '../messages.ts';
import { currentFramework } from './team.ts';

const themeDayParams = z.strictObject({ themeDayId: idSchema });

export const exerciseView = (exercise: Exercise, locale: Locale): ExerciseView => ({
  id: exercise.id,
  competenceIds: exercise.competenceIds,
  kind: exercise.kind,
  title: exercise.title[locale],
  purpose: exercise.purpose[locale],
  minutes: exercise.minutes,
  preparation: exercise.preparation[locale],
  steps: exercise.steps.map((step) => step[locale]),
  followUpTask: exercise.followUpTask[locale],
});

type Role = 'leader' | 'participant';

/** The caller's side of a theme day: leaders of its unit (or a unit above) manage it; participants read it. */
function roleIn(
  principal: Principal,
  themeDay: Pick<ThemeDayRow, 'unitId'>,
  units: readonly { id: string; parentId: string | null }[],
  participantIds: ReadonlySet<string>,
): Role | null {
  if (unitsLedBy(principal, units).has(themeDay.unitId)) return 'leader';
  return participantIds.has(principal.userId) ? 'participant' : null;
}

async function today(tenant: TenantRepositories, now: () => Date) {
  const municipality = await tenant.people.municipality();
  return { day: dateInTimeZone(now(), municipality.timeZone), municipality };
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function summaryOf(
  row: ThemeDayRow,
  unitName: string,
  participantCount: number,
  role: Role,
  day: string,
): ThemeDaySummary {
  const times = agendaTimes(
    row.startTime,
    row.agenda.map((item) => item.minutes),
  );
  return {
    id: row.id,
    unit: { id: row.unitId, name: unitName },
    title: row.title,
    date: row.date,
    startTime: row.startTime,
    endTime: times.at(-1)?.end ?? row.startTime,
    place: row.place,
    stage: themeDayStage(row.date, day),
    focusCompetenceIds: row.focusCompetenceIds,
    participantCount,
    myRole: role,
  };
}

const taskView = (task: ThemeDayTaskRow, name: string): FollowUpTask => ({
  id: task.id,
  person: { id: task.userId, name },
  exerciseId: task.exerciseId,
  text: task.text,
  dueDate: task.dueDate,
  doneAt: iso(task.doneAt),
});

/**
 * The participants' open follow-up tasks for the task list: the caller's own, with the theme day they come from.
 */
export async function themeDayTasksOf(
  tenant: TenantRepositories,
  userId: string,
  day: string,
): Promise<ThemeDayTask[]> {
  const rows = await tenant.themeDays.openTasksOf(userId);
  return rows.map((row) => ({
    id: row.task.id,
    themeDayId: row.task.themeDayId,
    themeDayTitle: row.title,
    themeDayDate: row.date,
    text: row.task.text,
    dueDate: row.task.dueDate,
    overdue: row.task.dueDate < day,
  }));
}

export function themeDayRoutes(now: () => Date, bank: ExerciseBank) {
  const app = new OpenAPIHono<AppEnv>();
  const exerciseById = new Map(bank.exercises.map((exercise) => [exercise.id, exercise]));

  /** The theme day and the caller's side of it; to anyone without one it does not exist. */
  async function loadThemeDay(c: Context<AppEnv>, themeDayId: string) {
    const { principal, tenant } = auth(c);
    const themeDay = await tenant.themeDays.find(themeDayId);
    if (!themeDay) throw notFound();
    const [units, participants] = await Promise.all([
      tenant.people.listUnits(),
      tenant.themeDays.participants([themeDay.id]),
    ]);
    const role = roleIn(principal, themeDay, units, new Set(participants.map((row) => row.userId)));
    if (!role) throw notFound();
    return { principal, tenant, themeDay, units, participants, role, locale: c.get('locale') };
  }
  type Loaded = Awaited<ReturnType<typeof loadThemeDay>>;

  const requireManager = (loaded: Loaded) => {
    if (loaded.role !== 'leader') throw forbidden();
  };

  async function detailOf(loaded: Loaded): Promise<ThemeDayDetail> {
    const { tenant, themeDay, participants, role, principal, locale } = loaded;
    const [{ day, municipality }, tasks] = await Promise.all([
      today(tenant, now),
      tenant.themeDays.tasks(themeDay.id),
    ]);
    const unitName = loaded.units.find((unit) => unit.id === themeDay.unitId)?.name ?? '';
    const nameOf = new Map(participants.map((row) => [row.userId, row.name]));
    const times = agendaTimes(
      themeDay.startTime,
      themeDay.agenda.map((item) => item.minutes),
    );
    const visibleTasks = role === 'leader' ? tasks : tasks.filter((task) => task.userId === principal.userId);
    return {
      themeDay: summaryOf(themeDay, unitName, participants.length, role, day),
      version: themeDay.version,
      frameworkVersionId: themeDay.frameworkVersionId,
      agenda: themeDay.agenda.map((item, index) => {
        const exercise = item.exerciseId ? exerciseById.get(item.exerciseId) : undefined;
        return {
          id: item.id,
          exerciseId: item.exerciseId,
          title: exercise ? exercise.title[locale] : (item.title ?? item.exerciseId ?? ''),
          minutes: item.minutes,
          start: times[index]!.start,
          end: times[index]!.end,
          exercise: exercise ? exerciseView(exercise, locale) : null,
        };
      }),
      participants: participants.map((row) => ({ id: row.userId, name: row.name })),
      canManage: role === 'leader',
      tasks: visibleTasks
        .map((task) => taskView(task, nameOf.get(task.userId) ?? ''))
        .sort((a, b) => a.person.name.localeCompare(b.person.name, 'da')),
      beforeAfter:
        role === 'leader' ? await beforeAfterOf(tenant, themeDay, [...nameOf.keys()], municipality) : null,
    };
  }

  /** Leader ratings before the day and from the day after on, paired per participant and averaged. */
  async function beforeAfterOf(
    tenant: TenantRepositories,
    themeDay: ThemeDayRow,
    participantIds: string[],
    municipality: { timeZone: string; minGroupSize: number },
  ): Promise<NonNullable<ThemeDayDetail['beforeAfter']>> {
    const levels = await tenant.ratings.levelsAround(
      participantIds,
      themeDay.focusCompetenceIds,
      startOfDayIn(themeDay.date, municipality.timeZone),
      startOfDayIn(nextDay(themeDay.date), municipality.timeZone),
    );
    const byPerson = new Map(
      participantIds.map((personId) => [
        personId,
        {
          personId,
          before: undefined as Record<string, number | null> | undefined,
          after: undefined as Record<string, number | null> | undefined,
        },
      ]),
    );
    for (const level of levels) {
      const entry = byPerson.get(level.subjectId);
      if (!entry) continue;
      entry[level.side] ??= {};
      entry[level.side]![level.competenceId] = level.level;
    }
    return {
      minGroupSize: municipality.minGroupSize,
      ratedAfterCount: [...byPerson.values()].filter((entry) => entry.after !== undefined).length,
      competences: beforeAndAfter(
        [...byPerson.values()],
        themeDay.focusCompetenceIds,
        municipality.minGroupSize,
      ),
    };
  }

  /**
   * Everything wrong with a plan, by field: focus competences of the framework, participants of the unit, exercises
   * of the bank, an agenda that ends the same day.
   */
  async function planProblems(
    tenant: TenantRepositories,
    principal: Principal,
    locale: Locale,
    input: z.infer<typeof themeDayUpdateSchema> | z.infer<typeof themeDayInputSchema>,
    unitId: string,
    frameworkCompetenceIds: ReadonlySet<string>,
    units: readonly { id: string; parentId: string | null }[],
  ): Promise<Record<string, string>> {
    const fields: Record<string, string> = {};
    const problem = (field: string, kind: string) => {
      fields[field] ??= fieldMessage(locale, kind);
    };
    const seenFocus = new Set<string>();
    input.focusCompetenceIds.forEach((id, index) => {
      if (!frameworkCompetenceIds.has(id)) problem(`focusCompetenceIds.${index}`, 'unknown_focus_competence');
      else if (seenFocus.has(id)) problem(`focusCompetenceIds.${index}`, 'duplicate_competence');
      seenFocus.add(id);
    });
    const members = await tenant.people.usersInUnits([...subtreeUnitIds(units, [unitId])]);
    const allowed = new Set([
      ...members.filter((person) => person.active).map((person) => person.id),
      principal.userId,
    ]);
    const seenPeople = new Set<string>();
    input.participantIds.forEach((id, index) => {
      if (!allowed.has(id)) problem(`participantIds.${index}`, 'theme_day_participant_not_in_unit');
      else if (seenPeople.has(id)) problem(`participantIds.${index}`, 'duplicate_participant');
      seenPeople.add(id);
    });
    const seenItems = new Set<string>();
    input.agenda.forEach((item, index) => {
      const at = (field: string) => `agenda.${index}.${field}`;
      if (seenItems.has(item.id)) problem(at('id'), 'duplicate_item');
      seenItems.add(item.id);
      if (item.exerciseId !== null && !exerciseById.has(item.exerciseId))
        problem(at('exerciseId'), 'unknown_exercise');
      if (item.exerciseId === null && !item.title) problem(at('title'), 'custom_title_required');
    });
    if (
      !endsSameDay(
        input.startTime,
        input.agenda.map((item) => item.minutes),
      )
    )
      problem('agenda', 'agenda_past_midnight');
    return fields;
  }

  const storedAgenda = (items: z.infer<typeof themeDayInputSchema>['agenda']): StoredThemeDayItem[] =>
    items.map((item) => ({
      id: item.id,
      exerciseId: item.exerciseId,
      title: item.exerciseId === null ? item.title || null : null,
      minutes: item.minutes,
    }));

  const invalid = (fields: Record<string, string>) => {
    if (Object.keys(fields).length > 0) throw new ApiError(422, 'invalid_theme_day', { fields });
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/exercises',
      tags: ['Theme days'],
      summary: "The theme-day exercise bank in the caller's language",
      ...authenticated,
      responses: { 200: json(exerciseListSchema, 'Every exercise.'), ...pick(401) },
    }),
    (c) => {
      const locale = c.get('locale');
      return reply(c, exerciseListSchema, {
        exercises: bank.exercises.map((exercise) => exerciseView(exercise, locale)),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/theme-days',
      tags: ['Theme days'],
      summary: "The theme days of the caller's units (leaders) and those the caller takes part in",
      ...authenticated,
      responses: { 200: json(themeDayListSchema, 'By date.'), ...pick(401) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const units = await tenant.people.listUnits();
      const led = unitsLedBy(principal, units);
      const [rows, { day }] = await Promise.all([
        tenant.themeDays.listFor(principal.userId, [...led]),
        today(tenant, now),
      ]);
      const participants = await tenant.themeDays.participants(rows.map((row) => row.id));
      const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
      const themeDays = rows.flatMap((row) => {
        const own = participants.filter((participant) => participant.themeDayId === row.id);
        const role = roleIn(principal, row, units, new Set(own.map((participant) => participant.userId)));
        return role ? [summaryOf(row, unitName.get(row.unitId) ?? '', own.length, role, day)] : [];
      });
      return reply(c, themeDayListSchema, { themeDays });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/theme-days',
      tags: ['Theme days'],
      summary: 'Plan a theme day for a unit the caller leads',
      ...authenticated,
      request: { body: jsonBody(themeDayInputSchema) },
      responses: { 201: json(themeDayDetailSchema, 'Planned.'), ...pick(400, 401, 403, 415, 422) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      if (!isLeader(principal)) throw forbidden();
      const input = c.req.valid('json');
      const locale = c.get('locale');
      const [units, version, { day }] = await Promise.all([
        tenant.people.listUnits(),
        currentFramework(tenant),
        today(tenant, now),
      ]);
      const leads = unitsLedBy(principal, units).has(input.unitId);
      const fields = leads
        ? await planProblems(
            tenant,
            principal,
            locale,
            input,
            input.unitId,
            new Set(competencesOf(version.document).map((competence) => competence.id)),
            units,
          )
        : { unitId: fieldMessage(locale, 'unit_not_led') };
      if (input.date < day) fields.date ??= fieldMessage(locale, 'date_past');
      invalid(fields);
      const created = await tenant.themeDays.create({
        unitId: input.unitId,
        title: input.title,
        date: input.date,
        startTime: input.startTime,
        place: input.place,
        frameworkVersionId: version.id,
        focusCompetenceIds: input.focusCompetenceIds,
        agenda: storedAgenda(input.agenda),
        participantIds: input.participantIds,
        createdById: principal.userId,
      });
      const body = themeDayDetailSchema.parse(await detailOf(await loadThemeDay(c, created.id)));
      return c.json(body, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/theme-days/{themeDayId}',
      tags: ['Theme days'],
      summary: 'One theme day: agenda, participants, follow-up tasks, and for leaders the before and after',
      ...authenticated,
      request: { params: themeDayParams },
      responses: { 200: json(themeDayDetailSchema, 'The theme day.'), ...pick(400, 401, 404) },
    }),
    async (c) =>
      reply(c, themeDayDetailSchema, await detailOf(await loadThemeDay(c, c.req.valid('param').themeDayId))),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/theme-days/{themeDayId}',
      tags: ['Theme days'],
      summary: 'Change the plan (leaders); refused with 409 when someone changed it meanwhile',
      ...authenticated,
      request: { params: themeDayParams, body: jsonBody(themeDayUpdateSchema) },
      responses: {
        200: json(themeDayDetailSchema, 'Saved.'),
        ...pick(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const loaded = await loadThemeDay(c, c.req.valid('param').themeDayId);
      requireManager(loaded);
      const { tenant, themeDay, principal, locale } = loaded;
      const { version, ...input } = c.req.valid('json');
      const [framework, { day }] = await Promise.all([
        tenant.frameworks.findVersion(themeDay.frameworkVersionId),
        today(tenant, now),
      ]);
      const fields = await planProblems(
        tenant,
        principal,
        locale,
        { version, ...input },
        themeDay.unitId,
        new Set(competencesOf(framework!.document).map((competence) => competence.id)),
        loaded.units,
      );
      // A day already held keeps its date; a planned one can only move to today or later.
      if (input.date !== themeDay.date && input.date < day) fields.date ??= fieldMessage(locale, 'date_past');
      invalid(fields);
      const result = await tenant.themeDays.update(
        themeDay.id,
        version,
        {
          title: input.title,
          date: input.date,
          startTime: input.startTime,
          place: input.place,
          frameworkVersionId: themeDay.frameworkVersionId,
          focusCompetenceIds: input.focusCompetenceIds,
          agenda: storedAgenda(input.agenda),
          participantIds: input.participantIds,
        },
        now(),
      );
      if (result.outcome === 'conflict') throw new ApiError(409, 'conflict');
      return reply(c, themeDayDetailSchema, await detailOf(await loadThemeDay(c, themeDay.id)));
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/theme-days/{themeDayId}',
      tags: ['Theme days'],
      summary: 'Cancel a theme day (leaders); its follow-up tasks go with it',
      ...authenticated,
      request: { params: themeDayParams },
      responses: { 204: { description: 'Cancelled.' }, ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const loaded = await loadThemeDay(c, c.req.valid('param').themeDayId);
      requireManager(loaded);
      await loaded.tenant.themeDays.remove(loaded.themeDay.id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/theme-days/{themeDayId}/tasks',
      tags: ['Theme days'],
      summary:
        'Give participants their follow-up task after the day (leaders); a changed text opens a done task again',
      ...authenticated,
      request: { params: themeDayParams, body: jsonBody(followUpTasksInputSchema) },
      responses: {
        200: json(themeDayDetailSchema, 'Saved.'),
        ...pick(400, 401, 403, 404, 415, 422),
      },
    }),
    async (c) => {
      const loaded = await loadThemeDay(c, c.req.valid('param').themeDayId);
      requireManager(loaded);
      const { tenant, themeDay, locale } = loaded;
      const { day } = await today(tenant, now);
      if (themeDayStage(themeDay.date, day) !== 'held') throw new ApiError(422, 'theme_day_not_held');
      const { tasks } = c.req.valid('json');
      const participantIds = new Set(loaded.participants.map((row) => row.userId));
      const fields: Record<string, string> = {};
      const seen = new Set<string>();
      tasks.forEach((task, index) => {
        const at = (field: string) => `tasks.${index}.${field}`;
        if (!participantIds.has(task.userId))
          fields[at('userId')] = fieldMessage(locale, 'task_not_participant');
        else if (seen.has(task.userId)) fields[at('userId')] = fieldMessage(locale, 'duplicate_participant');
        seen.add(task.userId);
        if (task.exerciseId !== null && !exerciseById.has(task.exerciseId)) {
          fields[at('exerciseId')] = fieldMessage(locale, 'unknown_exercise');
        }
        if (task.dueDate < themeDay.date) fields[at('dueDate')] = fieldMessage(locale, 'due_before_day');
      });
      invalid(fields);
      await tenant.themeDays.setTasks(themeDay.id, tasks, loaded.principal.userId, now());
      return reply(c, themeDayDetailSchema, await detailOf(loaded));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/theme-day-tasks/{taskId}/done',
      tags: ['Theme days'],
      summary: 'Mark one’s own follow-up task done, or open again',
      ...authenticated,
      request: { params: z.strictObject({ taskId: idSchema }), body: jsonBody(taskDoneInputSchema) },
      responses: { 200: json(followUpTaskSchema, 'Saved.'), ...pick(400, 401, 404, 415) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const { taskId } = c.req.valid('param');
      const { done } = c.req.valid('json');
      // Only the participant whose task it is: to anyone else it does not exist.
      const task = await tenant.themeDays.setTaskDone(taskId, principal.userId, done, now());
      if (!task) throw notFound();
      const me = await tenant.people.findUser(principal.userId);
      return reply(c, followUpTaskSchema, taskView(task, me?.name ?? ''));
    },
  );

  return app;
}
