/** @module Profiling rounds, their participants and assessments, inside one municipality. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  assessmentReopenings,
  assessments,
  municipalities,
  outbox,
  roleProfiles,
  roundParticipants,
  rounds,
  type StoredRating,
  users,
} from '../schema.ts';
import {
  addToTotals,
  flattenSubmitted,
  ratingsOf,
  removeFlattened,
  subtractFromTotals,
} from './competence-ratings.ts';

export type RoundRow = typeof rounds.$inferSelect;
export type AssessmentRow = typeof assessments.$inferSelect;
export type RaterRole = 'self' | 'leader';

export interface ParticipantRow {
  roundId: string;
  userId: string;
  name: string;
  unitId: string | null;
  roleProfileId: string;
  roleProfileKey: string;
  roleProfileName: { da: string; en: string };
  /** The role profile's targets as they were when the round started. */
  targets: Record<string, number>;
  conversationHeldAt: Date | null;
  lastRemindedAt: Date | null;
  selfStatus: string | null;
  leaderStatus: string | null;
}

export type SaveOutcome =
  | { outcome: 'saved'; assessment: AssessmentRow }
  | { outcome: 'conflict' }
  | { outcome: 'not_editable' };

export function roundRepository(db: Database, municipalityId: string) {
  const inTenant = eq(rounds.municipalityId, municipalityId);

  const statusOf = (role: RaterRole) =>
    sql<
      string | null
    >`(select ${assessments.status} from ${assessments} where ${assessments.roundId} = ${roundParticipants.roundId} and ${assessments.subjectId} = ${roundParticipants.userId} and ${assessments.raterRole} = ${role})`;

  const participantColumns = {
    roundId: roundParticipants.roundId,
    userId: roundParticipants.userId,
    name: users.name,
    unitId: users.unitId,
    roleProfileId: roundParticipants.roleProfileId,
    roleProfileKey: roleProfiles.key,
    roleProfileName: roleProfiles.name,
    targets: roundParticipants.targets,
    conversationHeldAt: roundParticipants.conversationHeldAt,
    lastRemindedAt: roundParticipants.lastRemindedAt,
    selfStatus: statusOf('self'),
    leaderStatus: statusOf('leader'),
  };

  const participantQuery = () =>
    db
      .select(participantColumns)
      .from(roundParticipants)
      .innerJoin(users, eq(users.id, roundParticipants.userId))
      .innerJoin(roleProfiles, eq(roleProfiles.id, roundParticipants.roleProfileId));

  interface DraftKey {
    roundId: string;
    subjectId: string;
    raterRole: RaterRole;
    expectedVersion: number;
  }

  /** The assessment, only while it is still a draft at the version the caller saw. */
  const theDraftAt = (key: DraftKey) =>
    and(
      eq(assessments.municipalityId, municipalityId),
      eq(assessments.roundId, key.roundId),
      eq(assessments.subjectId, key.subjectId),
      eq(assessments.raterRole, key.raterRole),
      eq(assessments.version, key.expectedVersion),
      eq(assessments.status, 'draft'),
    );

  /** Why a guarded change touched nothing: the assessment was submitted, or someone saved a newer version. */
  const findAssessment = async (roundId: string, subjectId: string, raterRole: RaterRole) => {
    const [row] = await db
      .select()
      .from(assessments)
      .where(
        and(
          eq(assessments.municipalityId, municipalityId),
          eq(assessments.roundId, roundId),
          eq(assessments.subjectId, subjectId),
          eq(assessments.raterRole, raterRole),
        ),
      );
    return row;
  };

  const missed = async (key: DraftKey): Promise<SaveOutcome> => {
    const current = await findAssessment(key.roundId, key.subjectId, key.raterRole);
    return current?.status === 'submitted' ? { outcome: 'not_editable' } : { outcome: 'conflict' };
  };

  async function assessmentsOfSubjects(subjectIds: string[]): Promise<AssessmentRow[]> {
    if (subjectIds.length === 0) return [];
    return db
      .select()
      .from(assessments)
      .where(and(eq(assessments.municipalityId, municipalityId), inArray(assessments.subjectId, subjectIds)));
  }

  return {
    async create(input: {
      name: string;
      frameworkVersionId: string;
      deadline: string;
      hideLeaderUntilBoth: boolean;
      createdById: string;
      participants: { userId: string; roleProfileId: string }[];
    }): Promise<RoundRow> {
      return db.transaction(async (tx) => {
        const [round] = await tx
          .insert(rounds)
          .values({
            municipalityId,
            name: input.name,
            frameworkVersionId: input.frameworkVersionId,
            deadline: input.deadline,
            hideLeaderUntilBoth: input.hideLeaderUntilBoth,
            createdById: input.createdById,
          })
          .returning();
        // Each participant keeps the targets of their role profile as they are now (see decision 020).
        await tx.insert(roundParticipants).values(
          input.participants.map((participant) => ({
            municipalityId,
            roundId: round!.id,
            ...participant,
            targets: sql`(select ${roleProfiles.targets} from ${roleProfiles} where ${roleProfiles.id} = ${participant.roleProfileId} and ${roleProfiles.municipalityId} = ${municipalityId})`,
          })),
        );
        return round!;
      });
    },

    async list(): Promise<(RoundRow & { createdByName: string })[]> {
      const rows = await db
        .select({ round: rounds, createdByName: users.name })
        .from(rounds)
        .innerJoin(users, eq(users.id, rounds.createdById))
        .where(inTenant)
        .orderBy(desc(rounds.deadline), desc(rounds.createdAt));
      return rows.map((row) => ({ ...row.round, createdByName: row.createdByName }));
    },

    async find(roundId: string): Promise<(RoundRow & { createdByName: string }) | undefined> {
      const [row] = await db
        .select({ round: rounds, createdByName: users.name })
        .from(rounds)
        .innerJoin(users, eq(users.id, rounds.createdById))
        .where(and(inTenant, eq(rounds.id, roundId)));
      return row ? { ...row.round, createdByName: row.createdByName } : undefined;
    },

    async participants(roundIds: string[]): Promise<ParticipantRow[]> {
      if (roundIds.length === 0) return [];
      return participantQuery()
        .where(
          and(
            eq(roundParticipants.municipalityId, municipalityId),
            inArray(roundParticipants.roundId, roundIds),
          ),
        )
        .orderBy(asc(users.name));
    },

    async participationsOf(userIds: string[]): Promise<ParticipantRow[]> {
      if (userIds.length === 0) return [];
      return participantQuery().where(
        and(eq(roundParticipants.municipalityId, municipalityId), inArray(roundParticipants.userId, userIds)),
      );
    },

    /** The participants of these rounds who belong to these units: a leader's share of a large round. */
    async participantsInUnits(roundIds: string[], unitIds: string[]): Promise<ParticipantRow[]> {
      if (roundIds.length === 0 || unitIds.length === 0) return [];
      return participantQuery()
        .where(
          and(
            eq(roundParticipants.municipalityId, municipalityId),
            inArray(roundParticipants.roundId, roundIds),
            inArray(users.unitId, unitIds),
          ),
        )
        .orderBy(asc(users.name));
    },

    async close(roundId: string, now: Date): Promise<void> {
      await db
        .update(rounds)
        .set({ status: 'closed', closedAt: now })
        .where(and(inTenant, eq(rounds.id, roundId), eq(rounds.status, 'open')));
    },

    async markConversationHeld(roundId: string, userId: string, now: Date): Promise<void> {
      await db
        .update(roundParticipants)
        .set({ conversationHeldAt: now })
        .where(
          and(
            eq(roundParticipants.municipalityId, municipalityId),
            eq(roundParticipants.roundId, roundId),
            eq(roundParticipants.userId, userId),
          ),
        );
    },

    async markReminded(roundId: string, userIds: string[], now: Date): Promise<void> {
      if (userIds.length === 0) return;
      await db
        .update(roundParticipants)
        .set({ lastRemindedAt: now })
        .where(
          and(
            eq(roundParticipants.municipalityId, municipalityId),
            eq(roundParticipants.roundId, roundId),
            inArray(roundParticipants.userId, userIds),
          ),
        );
    },

    findAssessment,

    assessmentsOf: (subjectId: string) => assessmentsOfSubjects([subjectId]),

    /** Every assessment of these people, in one query. */
    assessmentsOfSubjects,

    /**
     * Saves a draft if, and only if, the caller saw the newest version (0 for one not yet saved). A stale save
     * changes nothing and is told so; a submitted assessment is not a draft.
     */
    async saveDraft(input: {
      roundId: string;
      subjectId: string;
      raterRole: RaterRole;
      raterId: string;
      expectedVersion: number;
      ratings: Record<string, StoredRating>;
      now: Date;
    }): Promise<SaveOutcome> {
      if (input.expectedVersion === 0) {
        const [created] = await db
          .insert(assessments)
          .values({
            municipalityId,
            roundId: input.roundId,
            subjectId: input.subjectId,
            raterRole: input.raterRole,
            raterId: input.raterId,
            ratings: input.ratings,
            version: 1,
            updatedAt: input.now,
          })
          .onConflictDoNothing()
          .returning();
        if (created) return { outcome: 'saved', assessment: created };
      } else {
        const [updated] = await db
          .update(assessments)
          .set({
            ratings: input.ratings,
            raterId: input.raterId,
            version: sql`${assessments.version} + 1`,
            updatedAt: input.now,
          })
          .where(theDraftAt(input))
          .returning();
        if (updated) return { outcome: 'saved', assessment: updated };
      }
      return missed(input);
    },

    async submit(input: {
      roundId: string;
      subjectId: string;
      raterRole: RaterRole;
      raterId: string;
      expectedVersion: number;
      now: Date;
    }): Promise<SaveOutcome> {
      // The flattened rating rows (decision 012) are written in the same transaction: no aggregate ever sees a
      // submitted assessment without its rows, or rows of one that is not submitted.
      const updated = await db.transaction(async (tx) => {
        const [row] = await tx
          .update(assessments)
          .set({
            status: 'submitted',
            raterId: input.raterId,
            submittedAt: input.now,
            updatedAt: input.now,
            version: sql`${assessments.version} + 1`,
          })
          .where(theDraftAt(input))
          .returning();
        if (row) {
          await flattenSubmitted(tx, sql`a.id = ${row.id}`);
          await addToTotals(tx, ratingsOf(row));
        }
        return row;
      });
      if (updated) return { outcome: 'saved', assessment: updated };
      return missed(input);
    },

    /** Back to draft, with the reason and the ratings as submitted kept for good. */
    async reopen(
      assessment: AssessmentRow,
      reason: string,
      reopenedById: string,
      now: Date,
    ): Promise<AssessmentRow> {
      return db.transaction(async (tx) => {
        await tx.insert(assessmentReopenings).values({
          municipalityId,
          assessmentId: assessment.id,
          reason,
          reopenedById,
          reopenedAt: now,
          submittedRatings: assessment.ratings,
          submittedAt: assessment.submittedAt,
        });
        const [row] = await tx
          .update(assessments)
          .set({
            status: 'draft',
            submittedAt: null,
            updatedAt: now,
            version: sql`${assessments.version} + 1`,
          })
          .where(and(eq(assessments.municipalityId, municipalityId), eq(assessments.id, assessment.id)))
          .returning();
        await subtractFromTotals(tx, ratingsOf(assessment));
        await removeFlattened(tx, municipalityId, assessment);
        return row!;
      });
    },

    async reopenings(assessmentId: string) {
      return db
        .select({
          reason: assessmentReopenings.reason,
          at: assessmentReopenings.reopenedAt,
          byId: assessmentReopenings.reopenedById,
          byName: users.name,
        })
        .from(assessmentReopenings)
        .innerJoin(users, eq(users.id, assessmentReopenings.reopenedById))
        .where(
          and(
            eq(assessmentReopenings.municipalityId, municipalityId),
            eq(assessmentReopenings.assessmentId, assessmentId),
          ),
        )
        .orderBy(asc(assessmentReopenings.reopenedAt));
    },

    async queueEmails(messages: { toEmail: string; subject: string; body: string }[]): Promise<void> {
      if (messages.length === 0) return;
      await db.insert(outbox).values(messages.map((message) => ({ municipalityId, ...message })));
    },

    async outbox() {
      return db
        .select()
        .from(outbox)
        .where(eq(outbox.municipalityId, municipalityId))
        .orderBy(desc(outbox.createdAt))
        .limit(500);
    },

    async setHrSeesRounds(hrSeesRounds: boolean): Promise<void> {
      await db.update(municipalities).set({ hrSeesRounds }).where(eq(municipalities.id, municipalityId));
    },
  };
}

export type RoundRepository = ReturnType<typeof roundRepository>;
