/**
 * @module Theme days, their participants and the participants' follow-up tasks, inside one municipality. A change of
 * the plan is guarded by the version the leader saw.
 */
import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { type StoredThemeDayItem, themeDayParticipants, themeDays, themeDayTasks, users } from '../schema.ts';

export type ThemeDayRow = typeof themeDays.$inferSelect;
export type ThemeDayTaskRow = typeof themeDayTasks.$inferSelect;

export interface ThemeDayPlan {
  title: string;
  date: string;
  startTime: string;
  place: string;
  frameworkVersionId: string;
  focusCompetenceIds: string[];
  agenda: StoredThemeDayItem[];
  participantIds: string[];
}

export type ThemeDayChange = { outcome: 'saved'; row: ThemeDayRow } | { outcome: 'conflict' };

export function themeDayRepository(db: Database, municipalityId: string) {
  const inTenant = eq(themeDays.municipalityId, municipalityId);
  const participantsInTenant = eq(themeDayParticipants.municipalityId, municipalityId);
  const tasksInTenant = eq(themeDayTasks.municipalityId, municipalityId);

  return {
    async create(input: ThemeDayPlan & { unitId: string; createdById: string }): Promise<ThemeDayRow> {
      const { participantIds, ...plan } = input;
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(themeDays)
          .values({ municipalityId, ...plan })
          .returning();
        if (participantIds.length > 0) {
          await tx
            .insert(themeDayParticipants)
            .values(participantIds.map((userId) => ({ municipalityId, themeDayId: row!.id, userId })));
        }
        return row!;
      });
    },

    async find(themeDayId: string): Promise<ThemeDayRow | undefined> {
      const [row] = await db
        .select()
        .from(themeDays)
        .where(and(inTenant, eq(themeDays.id, themeDayId)));
      return row;
    },

    /** Theme days of these units, or with this person taking part; by date. */
    async listFor(userId: string, unitIds: readonly string[]): Promise<ThemeDayRow[]> {
      const taking = db
        .select({ id: themeDayParticipants.themeDayId })
        .from(themeDayParticipants)
        .where(and(participantsInTenant, eq(themeDayParticipants.userId, userId)));
      const rows = await db
        .select()
        .from(themeDays)
        .where(
          and(
            inTenant,
            unitIds.length > 0
              ? sql`(${inArray(themeDays.unitId, [...unitIds])} or ${inArray(themeDays.id, taking)})`
              : inArray(themeDays.id, taking),
          ),
        )
        .orderBy(asc(themeDays.date), asc(themeDays.startTime));
      return rows;
    },

    async participants(themeDayIds: readonly string[]) {
      if (themeDayIds.length === 0) return [];
      return db
        .select({
          themeDayId: themeDayParticipants.themeDayId,
          userId: themeDayParticipants.userId,
          name: users.name,
          unitId: users.unitId,
        })
        .from(themeDayParticipants)
        .innerJoin(users, eq(users.id, themeDayParticipants.userId))
        .where(and(participantsInTenant, inArray(themeDayParticipants.themeDayId, [...themeDayIds])))
        .orderBy(asc(users.name));
    },

    /**
     * Changes the plan if, and only if, the caller saw the newest version. Someone taken off the list loses their
     * follow-up task with them; the others keep theirs.
     */
    async update(
      themeDayId: string,
      expectedVersion: number,
      plan: ThemeDayPlan,
      now: Date,
    ): Promise<ThemeDayChange> {
      const { participantIds, ...fields } = plan;
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(themeDays)
          .set({ ...fields, version: sql`${themeDays.version} + 1`, updatedAt: now })
          .where(and(inTenant, eq(themeDays.id, themeDayId), eq(themeDays.version, expectedVersion)))
          .returning();
        if (!row) return { outcome: 'conflict' } as const;
        const onDay = and(participantsInTenant, eq(themeDayParticipants.themeDayId, themeDayId));
        await tx
          .delete(themeDayParticipants)
          .where(
            participantIds.length > 0
              ? and(onDay, notInArray(themeDayParticipants.userId, participantIds))
              : onDay,
          );
        if (participantIds.length > 0) {
          await tx
            .insert(themeDayParticipants)
            .values(participantIds.map((userId) => ({ municipalityId, themeDayId, userId })))
            .onConflictDoNothing();
        }
        return { outcome: 'saved', row } as const;
      });
    },

    async remove(themeDayId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.delete(themeDayTasks).where(and(tasksInTenant, eq(themeDayTasks.themeDayId, themeDayId)));
        await tx
          .delete(themeDayParticipants)
          .where(and(participantsInTenant, eq(themeDayParticipants.themeDayId, themeDayId)));
        await tx.delete(themeDays).where(and(inTenant, eq(themeDays.id, themeDayId)));
      });
    },

    async tasks(themeDayId: string): Promise<ThemeDayTaskRow[]> {
      return db
        .select()
        .from(themeDayTasks)
        .where(and(tasksInTenant, eq(themeDayTasks.themeDayId, themeDayId)));
    },

    /**
     * Gives or changes the participants' follow-up tasks: one per participant, kept done if it was done and its
     * text did not change.
     */
    async setTasks(
      themeDayId: string,
      tasks: { userId: string; exerciseId: string | null; text: string; dueDate: string }[],
      createdById: string,
      now: Date,
    ): Promise<void> {
      if (tasks.length === 0) return;
      await db
        .insert(themeDayTasks)
        .values(
          tasks.map((task) => ({
            municipalityId,
            themeDayId,
            createdById,
            ...task,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [themeDayTasks.themeDayId, themeDayTasks.userId],
          set: {
            exerciseId: sql`excluded.exercise_id`,
            dueDate: sql`excluded.due_date`,
            // A new text is a new task: done no longer.
            doneAt: sql`case when ${themeDayTasks.text} = excluded.text then ${themeDayTasks.doneAt} end`,
            text: sql`excluded.text`,
            updatedAt: now,
          },
        });
    },

    /**
     * A follow-up task by id, with the person it belongs to: the practice log asks this before it links an entry
     * to a task, and links only the person's own.
     */
    async findThemeDayTask(taskId: string): Promise<ThemeDayTaskRow | undefined> {
      const [row] = await db
        .select()
        .from(themeDayTasks)
        .where(and(tasksInTenant, eq(themeDayTasks.id, taskId)));
      return row;
    },

    /** Marks the person's own task done or open again; undefined when it is not theirs. */
    async setTaskDone(
      taskId: string,
      userId: string,
      done: boolean,
      now: Date,
    ): Promise<ThemeDayTaskRow | undefined> {
      const [row] = await db
        .update(themeDayTasks)
        .set({ doneAt: done ? now : null, updatedAt: now })
        .where(and(tasksInTenant, eq(themeDayTasks.id, taskId), eq(themeDayTasks.userId, userId)))
        .returning();
      return row;
    },

    /** The person's follow-up tasks not yet done, with their theme day, for the task list. */
    async openTasksOf(userId: string) {
      return db
        .select({ task: themeDayTasks, title: themeDays.title, date: themeDays.date })
        .from(themeDayTasks)
        .innerJoin(themeDays, eq(themeDays.id, themeDayTasks.themeDayId))
        .where(and(tasksInTenant, eq(themeDayTasks.userId, userId), isNull(themeDayTasks.doneAt)))
        .orderBy(asc(themeDayTasks.dueDate));
    },
  };
}

export type ThemeDayRepository = ReturnType<typeof themeDayRepository>;
