/**
 * @module Conversations, their preparations, notes, signatures and addenda, and the development plans (goals and
 * actions) made in them, inside one municipality. Every change is guarded by the version the caller saw.
 */
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PlanStatus } from '../../domain/conversations.ts';
import type { Database } from '../client.ts';
import {
  conversationAddenda,
  conversationNotes,
  conversationParticipants,
  conversationPreparations,
  conversationSignatures,
  conversations,
  goalActions,
  goals,
  planStatusChanges,
  type StoredAgendaItem,
  units,
  users,
} from '../schema.ts';

export type ConversationRow = typeof conversations.$inferSelect;
export type PreparationRow = typeof conversationPreparations.$inferSelect;
export type NotesRow = typeof conversationNotes.$inferSelect;
export type GoalRow = typeof goals.$inferSelect;
export type ActionRow = typeof goalActions.$inferSelect;
export type SignatureRow = typeof conversationSignatures.$inferSelect;

/** A conversation with one employee (every kind but `group`). */
export interface ConversationWithPeople extends ConversationRow {
  employeeId: string;
  employeeName: string;
  employeeUnitId: string | null;
  leaderName: string;
}

/** A group conversation (GRUS) with its unit, the leader who scheduled it and who takes part. */
export interface GroupConversation extends ConversationRow {
  unitId: string;
  unitName: string;
  leaderName: string;
  participants: { id: string; name: string }[];
}

/** A guarded change: done, or why not. `signed` means the record became read-only in the meantime. */
export type Guarded<T> = { outcome: 'saved'; row: T } | { outcome: 'conflict' } | { outcome: 'signed' };

/** The database's own refusal (a trigger) of a change to a signed record, told apart from any other error. */
const isSignedRefusal = (error: unknown): boolean => {
  const candidate = error as { code?: string; cause?: { code?: string } };
  return candidate?.code === '23514' || candidate?.cause?.code === '23514';
};

export function conversationRepository(db: Database, municipalityId: string) {
  const inTenant = eq(conversations.municipalityId, municipalityId);
  const withPeople = () => {
    const leader = db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.municipalityId, municipalityId))
      .as('leader');
    return db
      .select({
        conversation: conversations,
        employeeName: users.name,
        employeeUnitId: users.unitId,
        leaderName: leader.name,
      })
      .from(conversations)
      .innerJoin(users, eq(users.id, conversations.employeeId))
      .innerJoin(leader, eq(leader.id, conversations.leaderId));
  };
  const flatten = (row: {
    conversation: ConversationRow;
    employeeName: string;
    employeeUnitId: string | null;
    leaderName: string;
  }): ConversationWithPeople => ({
    ...row.conversation,
    // The inner join on the employee leaves out group conversations, which have none.
    employeeId: row.conversation.employeeId!,
    employeeName: row.employeeName,
    employeeUnitId: row.employeeUnitId,
    leaderName: row.leaderName,
  });

  /** Notes, goals and actions changed: earlier signatures no longer cover the content. */
  const bumpContent = (tx: Pick<Database, 'update'>, conversationId: string) =>
    tx
      .update(conversations)
      .set({ contentVersion: sql`${conversations.contentVersion} + 1` })
      .where(and(inTenant, eq(conversations.id, conversationId), isNull(conversations.signedAt)))
      .returning({ contentVersion: conversations.contentVersion });

  /** Runs a change of the record's content; a change the signed-record trigger refuses becomes `signed`. */
  async function guarded<T>(change: () => Promise<Guarded<T>>): Promise<Guarded<T>> {
    try {
      return await change();
    } catch (error) {
      if (isSignedRefusal(error)) return { outcome: 'signed' };
      throw error;
    }
  }

  const goalInTenant = (goalId: string) =>
    and(eq(goals.municipalityId, municipalityId), eq(goals.id, goalId));
  const actionInTenant = (actionId: string) =>
    and(eq(goalActions.municipalityId, municipalityId), eq(goalActions.id, actionId));

  /** Preparations of these conversations, with their authors' names: one query for a whole list. */
  async function preparationsOf(
    conversationIds: string[],
  ): Promise<(PreparationRow & { authorName: string })[]> {
    if (conversationIds.length === 0) return [];
    const rows = await db
      .select({ preparation: conversationPreparations, authorName: users.name })
      .from(conversationPreparations)
      .innerJoin(users, eq(users.id, conversationPreparations.authorId))
      .where(
        and(
          eq(conversationPreparations.municipalityId, municipalityId),
          inArray(conversationPreparations.conversationId, conversationIds),
        ),
      );
    return rows.map((row) => ({ ...row.preparation, authorName: row.authorName }));
  }

  async function signaturesOf(conversationIds: string[]): Promise<(SignatureRow & { signerName: string })[]> {
    if (conversationIds.length === 0) return [];
    const rows = await db
      .select({ signature: conversationSignatures, signerName: users.name })
      .from(conversationSignatures)
      .innerJoin(users, eq(users.id, conversationSignatures.signerId))
      .where(
        and(
          eq(conversationSignatures.municipalityId, municipalityId),
          inArray(conversationSignatures.conversationId, conversationIds),
        ),
      );
    return rows.map((row) => ({ ...row.signature, signerName: row.signerName }));
  }

  /** The individual goals of these employees, earliest target date first. */
  async function goalsOfEmployees(employeeIds: string[]): Promise<GoalRow[]> {
    if (employeeIds.length === 0) return [];
    return db
      .select()
      .from(goals)
      .where(and(eq(goals.municipalityId, municipalityId), inArray(goals.employeeId, employeeIds)))
      .orderBy(asc(goals.targetDate), asc(goals.position));
  }

  /** Group conversations matching the condition, newest first, each with its participants (one query for all). */
  async function groupsWhere(condition: SQL | undefined): Promise<GroupConversation[]> {
    const rows = await db
      .select({ conversation: conversations, unitName: units.name, leaderName: users.name })
      .from(conversations)
      .innerJoin(units, eq(units.id, conversations.unitId))
      .innerJoin(users, eq(users.id, conversations.leaderId))
      .where(and(inTenant, eq(conversations.kind, 'group'), condition))
      .orderBy(desc(conversations.scheduledAt));
    const ids = rows.map((row) => row.conversation.id);
    const participants =
      ids.length === 0
        ? []
        : await db
            .select({
              conversationId: conversationParticipants.conversationId,
              id: users.id,
              name: users.name,
            })
            .from(conversationParticipants)
            .innerJoin(users, eq(users.id, conversationParticipants.userId))
            .where(
              and(
                eq(conversationParticipants.municipalityId, municipalityId),
                inArray(conversationParticipants.conversationId, ids),
              ),
            )
            .orderBy(asc(users.name));
    return rows.map((row) => ({
      ...row.conversation,
      unitId: row.conversation.unitId!,
      unitName: row.unitName,
      leaderName: row.leaderName,
      participants: participants
        .filter((participant) => participant.conversationId === row.conversation.id)
        .map(({ id, name }) => ({ id, name })),
    }));
  }

  return {
    async create(input: {
      kind: string;
      employeeId: string;
      leaderId: string;
      roundId: string | null;
      followUpOf: string | null;
      scheduledAt: Date;
      durationMinutes: number;
      place: string;
      agenda: StoredAgendaItem[];
    }): Promise<ConversationRow> {
      const [row] = await db
        .insert(conversations)
        .values({ municipalityId, ...input })
        .returning();
      return row!;
    },

    /** `group` for a group conversation, another kind for one with an employee; undefined when there is none. */
    async kindOf(conversationId: string): Promise<string | undefined> {
      const [row] = await db
        .select({ kind: conversations.kind })
        .from(conversations)
        .where(and(inTenant, eq(conversations.id, conversationId)));
      return row?.kind;
    },

    async find(conversationId: string): Promise<ConversationWithPeople | undefined> {
      const [row] = await withPeople().where(and(inTenant, eq(conversations.id, conversationId)));
      return row ? flatten(row) : undefined;
    },

    /** The conversations of this person and of everyone in these units, soonest first. */
    async listFor(userId: string, unitIds: string[]): Promise<ConversationWithPeople[]> {
      const rows = await withPeople()
        .where(
          and(
            inTenant,
            unitIds.length > 0
              ? or(eq(conversations.employeeId, userId), inArray(users.unitId, unitIds))
              : eq(conversations.employeeId, userId),
          ),
        )
        .orderBy(desc(conversations.scheduledAt));
      return rows.map(flatten);
    },

    async listOfEmployee(employeeId: string): Promise<ConversationRow[]> {
      return db
        .select()
        .from(conversations)
        .where(and(inTenant, eq(conversations.employeeId, employeeId)))
        .orderBy(asc(conversations.scheduledAt));
    },

    /** The individual conversations that follow up this one (for a group conversation: its participants'). */
    async followUpsOf(conversationId: string): Promise<ConversationWithPeople[]> {
      const rows = await withPeople()
        .where(and(inTenant, eq(conversations.followUpOf, conversationId)))
        .orderBy(asc(conversations.scheduledAt));
      return rows.map(flatten);
    },

    /** Schedules a group conversation and its participants in one transaction. */
    async createGroup(input: {
      leaderId: string;
      unitId: string;
      participantIds: string[];
      scheduledAt: Date;
      durationMinutes: number;
      place: string;
      agenda: StoredAgendaItem[];
    }): Promise<ConversationRow> {
      const { participantIds, ...fields } = input;
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(conversations)
          .values({
            municipalityId,
            kind: 'group',
            employeeId: null,
            roundId: null,
            followUpOf: null,
            ...fields,
          })
          .returning();
        await tx
          .insert(conversationParticipants)
          .values(participantIds.map((userId) => ({ municipalityId, conversationId: row!.id, userId })));
        return row!;
      });
    },

    async findGroup(conversationId: string): Promise<GroupConversation | undefined> {
      const [group] = await groupsWhere(eq(conversations.id, conversationId));
      return group;
    },

    /** The group conversations of these units and those the person takes part in, newest first. */
    async groupsFor(userId: string, unitIds: string[]): Promise<GroupConversation[]> {
      const takesPart = inArray(
        conversations.id,
        db
          .select({ id: conversationParticipants.conversationId })
          .from(conversationParticipants)
          .where(
            and(
              eq(conversationParticipants.municipalityId, municipalityId),
              eq(conversationParticipants.userId, userId),
            ),
          ),
      );
      return groupsWhere(
        unitIds.length > 0 ? or(takesPart, inArray(conversations.unitId, unitIds)) : takesPart,
      );
    },

    /** The team goals agreed in the unit's group conversations, oldest first. */
    async teamGoalsOfUnit(unitId: string): Promise<GoalRow[]> {
      const rows = await db
        .select({ goal: goals })
        .from(goals)
        .innerJoin(conversations, eq(conversations.id, goals.conversationId))
        .where(
          and(
            eq(goals.municipalityId, municipalityId),
            eq(conversations.kind, 'group'),
            eq(conversations.unitId, unitId),
          ),
        )
        .orderBy(asc(goals.createdAt), asc(goals.position));
      return rows.map((row) => row.goal);
    },

    /** Moves the conversation or sets its follow-up date; for a group conversation, also who takes part. */
    async updateSchedule(
      conversationId: string,
      expectedVersion: number,
      changes: Partial<Pick<ConversationRow, 'scheduledAt' | 'durationMinutes' | 'place' | 'nextFollowUp'>>,
      participantIds?: string[],
    ): Promise<Guarded<ConversationRow>> {
      return guarded<ConversationRow>(() =>
        db.transaction(async (tx) => {
          const [row] = await tx
            .update(conversations)
            .set({ ...changes, version: sql`${conversations.version} + 1` })
            .where(
              and(
                inTenant,
                eq(conversations.id, conversationId),
                eq(conversations.version, expectedVersion),
                isNull(conversations.signedAt),
              ),
            )
            .returning();
          if (!row) return { outcome: 'conflict' } as const;
          if (participantIds) {
            await tx
              .delete(conversationParticipants)
              .where(
                and(
                  eq(conversationParticipants.municipalityId, municipalityId),
                  eq(conversationParticipants.conversationId, conversationId),
                ),
              );
            await tx
              .insert(conversationParticipants)
              .values(participantIds.map((userId) => ({ municipalityId, conversationId, userId })));
          }
          return { outcome: 'saved', row } as const;
        }),
      );
    },

    async start(conversationId: string, now: Date): Promise<void> {
      await db
        .update(conversations)
        .set({ heldAt: now })
        .where(and(inTenant, eq(conversations.id, conversationId), isNull(conversations.heldAt)));
    },

    async setAgenda(
      conversationId: string,
      expectedVersion: number,
      agenda: StoredAgendaItem[],
    ): Promise<Guarded<ConversationRow>> {
      return guarded<ConversationRow>(async () => {
        const [row] = await db
          .update(conversations)
          .set({ agenda, agendaVersion: sql`${conversations.agendaVersion} + 1` })
          .where(
            and(
              inTenant,
              eq(conversations.id, conversationId),
              eq(conversations.agendaVersion, expectedVersion),
              isNull(conversations.signedAt),
            ),
          )
          .returning();
        return row ? { outcome: 'saved', row } : { outcome: 'conflict' };
      });
    },

    preparations: (conversationId: string) => preparationsOf([conversationId]),
    preparationsOf,

    /** Saves the author's own preparation if they saw the newest version (0 for the first save). */
    async savePreparation(input: {
      conversationId: string;
      authorId: string;
      expectedVersion: number;
      answers: Record<string, string>;
      chosenCompetenceIds: string[];
      now: Date;
    }): Promise<Guarded<PreparationRow>> {
      const values = { answers: input.answers, chosenCompetenceIds: input.chosenCompetenceIds };
      if (input.expectedVersion === 0) {
        const [row] = await db
          .insert(conversationPreparations)
          .values({
            municipalityId,
            conversationId: input.conversationId,
            authorId: input.authorId,
            ...values,
            updatedAt: input.now,
          })
          .onConflictDoNothing()
          .returning();
        return row ? { outcome: 'saved', row } : { outcome: 'conflict' };
      }
      const [row] = await db
        .update(conversationPreparations)
        .set({ ...values, updatedAt: input.now, version: sql`${conversationPreparations.version} + 1` })
        .where(
          and(
            eq(conversationPreparations.municipalityId, municipalityId),
            eq(conversationPreparations.conversationId, input.conversationId),
            eq(conversationPreparations.authorId, input.authorId),
            eq(conversationPreparations.version, input.expectedVersion),
          ),
        )
        .returning();
      return row ? { outcome: 'saved', row } : { outcome: 'conflict' };
    },

    async sharePreparation(
      conversationId: string,
      authorId: string,
      expectedVersion: number,
      now: Date,
    ): Promise<Guarded<PreparationRow>> {
      const [row] = await db
        .update(conversationPreparations)
        .set({ sharedAt: now, updatedAt: now, version: sql`${conversationPreparations.version} + 1` })
        .where(
          and(
            eq(conversationPreparations.municipalityId, municipalityId),
            eq(conversationPreparations.conversationId, conversationId),
            eq(conversationPreparations.authorId, authorId),
            eq(conversationPreparations.version, expectedVersion),
          ),
        )
        .returning();
      return row ? { outcome: 'saved', row } : { outcome: 'conflict' };
    },

    async notes(conversationId: string): Promise<(NotesRow & { authorName: string })[]> {
      const rows = await db
        .select({ notes: conversationNotes, authorName: users.name })
        .from(conversationNotes)
        .innerJoin(users, eq(users.id, conversationNotes.authorId))
        .where(
          and(
            eq(conversationNotes.municipalityId, municipalityId),
            eq(conversationNotes.conversationId, conversationId),
          ),
        );
      return rows.map((row) => ({ ...row.notes, authorName: row.authorName }));
    },

    /** The author's own notes: each party has a row of their own, so neither can overwrite the other's text. */
    async saveNotes(input: {
      conversationId: string;
      authorId: string;
      expectedVersion: number;
      items: Record<string, string>;
      now: Date;
    }): Promise<Guarded<NotesRow>> {
      return guarded<NotesRow>(() =>
        db.transaction(async (tx) => {
          let row: NotesRow | undefined;
          if (input.expectedVersion === 0) {
            [row] = await tx
              .insert(conversationNotes)
              .values({
                municipalityId,
                conversationId: input.conversationId,
                authorId: input.authorId,
                items: input.items,
                updatedAt: input.now,
              })
              .onConflictDoNothing()
              .returning();
          } else {
            [row] = await tx
              .update(conversationNotes)
              .set({
                items: input.items,
                updatedAt: input.now,
                version: sql`${conversationNotes.version} + 1`,
              })
              .where(
                and(
                  eq(conversationNotes.municipalityId, municipalityId),
                  eq(conversationNotes.conversationId, input.conversationId),
                  eq(conversationNotes.authorId, input.authorId),
                  eq(conversationNotes.version, input.expectedVersion),
                ),
              )
              .returning();
          }
          if (!row) return { outcome: 'conflict' } as const;
          await bumpContent(tx, input.conversationId);
          return { outcome: 'saved', row } as const;
        }),
      );
    },

    async goalsOfConversation(conversationId: string): Promise<GoalRow[]> {
      return db
        .select()
        .from(goals)
        .where(and(eq(goals.municipalityId, municipalityId), eq(goals.conversationId, conversationId)))
        .orderBy(asc(goals.position), asc(goals.createdAt));
    },

    goalsOfEmployee: (employeeId: string) => goalsOfEmployees([employeeId]),
    goalsOfEmployees,

    async findGoal(goalId: string): Promise<GoalRow | undefined> {
      const [row] = await db.select().from(goals).where(goalInTenant(goalId));
      return row;
    },

    async createGoal(input: {
      conversationId: string;
      /** Null for a team goal of a group conversation. */
      employeeId: string | null;
      title: string;
      why: string;
      successCriterion: string;
      targetDate: string;
      competenceIds: string[];
    }): Promise<Guarded<GoalRow>> {
      return guarded<GoalRow>(() =>
        db.transaction(async (tx) => {
          const [{ next } = { next: 0 }] = await tx
            .select({ next: sql<number>`coalesce(max(${goals.position}) + 1, 0)::int` })
            .from(goals)
            .where(eq(goals.conversationId, input.conversationId));
          const [row] = await tx
            .insert(goals)
            .values({ municipalityId, ...input, position: next })
            .returning();
          await bumpContent(tx, input.conversationId);
          return { outcome: 'saved', row: row! } as const;
        }),
      );
    },

    async updateGoal(
      goal: GoalRow,
      expectedVersion: number,
      changes: Pick<GoalRow, 'title' | 'why' | 'successCriterion' | 'targetDate' | 'competenceIds'>,
      now: Date,
    ): Promise<Guarded<GoalRow>> {
      return guarded<GoalRow>(() =>
        db.transaction(async (tx) => {
          const [row] = await tx
            .update(goals)
            .set({ ...changes, updatedAt: now, version: sql`${goals.version} + 1` })
            .where(and(goalInTenant(goal.id), eq(goals.version, expectedVersion)))
            .returning();
          if (!row) return { outcome: 'conflict' } as const;
          await bumpContent(tx, goal.conversationId);
          return { outcome: 'saved', row } as const;
        }),
      );
    },

    async deleteGoal(goal: GoalRow): Promise<Guarded<null>> {
      return guarded<null>(() =>
        db.transaction(async (tx) => {
          await tx.delete(goals).where(goalInTenant(goal.id));
          await bumpContent(tx, goal.conversationId);
          return { outcome: 'saved', row: null } as const;
        }),
      );
    },

    async actionsOf(goalIds: string[]): Promise<ActionRow[]> {
      if (goalIds.length === 0) return [];
      return db
        .select()
        .from(goalActions)
        .where(and(eq(goalActions.municipalityId, municipalityId), inArray(goalActions.goalId, goalIds)))
        .orderBy(asc(goalActions.position), asc(goalActions.createdAt));
    },

    async findAction(actionId: string): Promise<ActionRow | undefined> {
      const [row] = await db.select().from(goalActions).where(actionInTenant(actionId));
      return row;
    },

    async createAction(
      goal: GoalRow,
      input: Pick<ActionRow, 'kind' | 'description' | 'ownerId' | 'colleagueId' | 'dueDate'>,
    ): Promise<Guarded<ActionRow>> {
      return guarded<ActionRow>(() =>
        db.transaction(async (tx) => {
          const [{ next } = { next: 0 }] = await tx
            .select({ next: sql<number>`coalesce(max(${goalActions.position}) + 1, 0)::int` })
            .from(goalActions)
            .where(eq(goalActions.goalId, goal.id));
          const [row] = await tx
            .insert(goalActions)
            .values({ municipalityId, goalId: goal.id, ...input, position: next })
            .returning();
          await bumpContent(tx, goal.conversationId);
          return { outcome: 'saved', row: row! } as const;
        }),
      );
    },

    async updateAction(
      goal: GoalRow,
      action: ActionRow,
      expectedVersion: number,
      changes: Pick<ActionRow, 'kind' | 'description' | 'ownerId' | 'colleagueId' | 'dueDate'>,
      now: Date,
    ): Promise<Guarded<ActionRow>> {
      return guarded<ActionRow>(() =>
        db.transaction(async (tx) => {
          const [row] = await tx
            .update(goalActions)
            .set({ ...changes, updatedAt: now, version: sql`${goalActions.version} + 1` })
            .where(and(actionInTenant(action.id), eq(goalActions.version, expectedVersion)))
            .returning();
          if (!row) return { outcome: 'conflict' } as const;
          await bumpContent(tx, goal.conversationId);
          return { outcome: 'saved', row } as const;
        }),
      );
    },

    async deleteAction(goal: GoalRow, action: ActionRow): Promise<Guarded<null>> {
      return guarded<null>(() =>
        db.transaction(async (tx) => {
          await tx.delete(goalActions).where(actionInTenant(action.id));
          await bumpContent(tx, goal.conversationId);
          return { outcome: 'saved', row: null } as const;
        }),
      );
    },

    /**
     * Moves a goal or an action to a new status, also after signing: that is the follow-up, not a change of the
     * agreement. Every move is kept with who made it and why.
     */
    async setStatus(input: {
      goal: GoalRow;
      action?: ActionRow;
      expectedVersion: number;
      status: PlanStatus;
      reason: string | null;
      changedById: string;
      now: Date;
    }): Promise<Guarded<GoalRow | ActionRow>> {
      return db.transaction(async (tx) => {
        const from = input.action ? input.action.status : input.goal.status;
        const values = {
          status: input.status,
          droppedReason: input.status === 'dropped' ? input.reason : null,
          updatedAt: input.now,
        };
        const [row] = input.action
          ? await tx
              .update(goalActions)
              .set({ ...values, version: sql`${goalActions.version} + 1` })
              .where(and(actionInTenant(input.action.id), eq(goalActions.version, input.expectedVersion)))
              .returning()
          : await tx
              .update(goals)
              .set({ ...values, version: sql`${goals.version} + 1` })
              .where(and(goalInTenant(input.goal.id), eq(goals.version, input.expectedVersion)))
              .returning();
        if (!row) return { outcome: 'conflict' } as const;
        await tx.insert(planStatusChanges).values({
          municipalityId,
          goalId: input.goal.id,
          actionId: input.action?.id ?? null,
          fromStatus: from,
          toStatus: input.status,
          reason: input.reason,
          changedById: input.changedById,
          changedAt: input.now,
        });
        return { outcome: 'saved', row } as const;
      });
    },

    async statusChanges(goalIds: string[]) {
      if (goalIds.length === 0) return [];
      return db
        .select({ change: planStatusChanges, byName: users.name })
        .from(planStatusChanges)
        .innerJoin(users, eq(users.id, planStatusChanges.changedById))
        .where(
          and(
            eq(planStatusChanges.municipalityId, municipalityId),
            inArray(planStatusChanges.goalId, goalIds),
          ),
        )
        .orderBy(asc(planStatusChanges.changedAt));
    },

    signatures: (conversationId: string) => signaturesOf([conversationId]),
    signaturesOf,

    /**
     * Signs the content as the signer read it. When the content has changed since, nothing is signed. When both
     * sides have signed the same content, the record is signed and, from then on, read-only.
     */
    async sign(input: {
      conversationId: string;
      role: 'employee' | 'leader';
      signerId: string;
      contentVersion: number;
      now: Date;
      /** How many sides must sign the same content: both for a conversation, the leader alone for a group. */
      sides?: 1 | 2;
    }): Promise<Guarded<ConversationRow>> {
      return guarded<ConversationRow>(() =>
        db.transaction(async (tx) => {
          const [current] = await tx
            .select()
            .from(conversations)
            .where(and(inTenant, eq(conversations.id, input.conversationId)))
            .for('update');
          if (!current) return { outcome: 'conflict' } as const;
          if (current.signedAt) return { outcome: 'signed' } as const;
          if (current.contentVersion !== input.contentVersion) return { outcome: 'conflict' } as const;
          await tx
            .insert(conversationSignatures)
            .values({
              municipalityId,
              conversationId: input.conversationId,
              role: input.role,
              signerId: input.signerId,
              contentVersion: input.contentVersion,
              signedAt: input.now,
            })
            .onConflictDoUpdate({
              target: [conversationSignatures.conversationId, conversationSignatures.role],
              set: { signerId: input.signerId, contentVersion: input.contentVersion, signedAt: input.now },
            });
          const [{ count } = { count: 0 }] = await tx
            .select({ count: sql<number>`count(*)::int` })
            .from(conversationSignatures)
            .where(
              and(
                eq(conversationSignatures.conversationId, input.conversationId),
                eq(conversationSignatures.contentVersion, input.contentVersion),
              ),
            );
          if (count < (input.sides ?? 2)) return { outcome: 'saved', row: current } as const;
          const [signed] = await tx
            .update(conversations)
            .set({ signedAt: input.now })
            .where(and(inTenant, eq(conversations.id, input.conversationId)))
            .returning();
          return { outcome: 'saved', row: signed! } as const;
        }),
      );
    },

    async addenda(conversationId: string) {
      return db
        .select({ addendum: conversationAddenda, authorName: users.name })
        .from(conversationAddenda)
        .innerJoin(users, eq(users.id, conversationAddenda.authorId))
        .where(
          and(
            eq(conversationAddenda.municipalityId, municipalityId),
            eq(conversationAddenda.conversationId, conversationId),
          ),
        )
        .orderBy(asc(conversationAddenda.createdAt));
    },

    async addAddendum(conversationId: string, authorId: string, text: string, now: Date): Promise<void> {
      await db
        .insert(conversationAddenda)
        .values({ municipalityId, conversationId, authorId, text, createdAt: now });
    },
  };
}

export type ConversationRepository = ReturnType<typeof conversationRepository>;
