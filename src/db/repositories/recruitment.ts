/**
 * @module Positions, their panels and candidates, the candidates' links and self-assessments, panel scores,
 * consolidations and hiring, inside one municipality. Deleting a candidate takes everything about them along, and
 * records the deletion (counts only) in the audit log in the same transaction.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, sql, TransactionRollbackError } from 'drizzle-orm';
import type { AuditEvent } from '../../domain/audit.ts';
import type { PositionStatus } from '../../domain/recruitment.ts';
import type { Database } from '../client.ts';
import {
  candidateConsolidations,
  candidateLinks,
  candidateSelfAssessments,
  candidates,
  interviewBaselines,
  municipalities,
  outbox,
  panelScores,
  positionPanel,
  positions,
  type StoredGuideQuestion,
  type StoredPanelRating,
  users,
} from '../schema.ts';
import { auditRepository } from './audit.ts';
import type { NewUser, UserRow } from './people.ts';

export type PositionRow = typeof positions.$inferSelect;
export type CandidateRow = typeof candidates.$inferSelect;
export type CandidateLinkRow = typeof candidateLinks.$inferSelect;
export type PanelScoreRow = typeof panelScores.$inferSelect;
export type ConsolidationRow = typeof candidateConsolidations.$inferSelect;
export type SelfAssessmentRow = typeof candidateSelfAssessments.$inferSelect;
export type BaselineRow = typeof interviewBaselines.$inferSelect;

export interface PositionWithPanel extends PositionRow {
  panel: { id: string; name: string }[];
}

/** A guarded change: done, or why not (someone saved first, or the record is no longer in a state that allows it). */
export type Change<T> = { outcome: 'saved'; row: T } | { outcome: 'conflict' } | { outcome: 'refused' };

/** What a deletion took with it, for the audit log: numbers, never content. */
export interface DeletedCounts {
  candidates: number;
  scores: number;
  consolidations: number;
  selfAssessments: number;
  links: number;
  emails: number;
}

/** The token of a link inside an e-mail, as `mail` writes it: after `#` in the link. */
const tokenInBody = '#[A-Za-z0-9_-]{20,}';

export function recruitmentRepository(db: Database, municipalityId: string) {
  const positionInTenant = (positionId: string) =>
    and(eq(positions.municipalityId, municipalityId), eq(positions.id, positionId));
  const candidateInTenant = (candidateId: string) =>
    and(eq(candidates.municipalityId, municipalityId), eq(candidates.id, candidateId));

  const panelsOf = async (positionIds: string[]) => {
    if (positionIds.length === 0) return new Map<string, { id: string; name: string }[]>();
    const rows = await db
      .select({ positionId: positionPanel.positionId, id: users.id, name: users.name })
      .from(positionPanel)
      .innerJoin(users, eq(users.id, positionPanel.userId))
      .where(
        and(eq(positionPanel.municipalityId, municipalityId), inArray(positionPanel.positionId, positionIds)),
      )
      .orderBy(asc(users.name));
    const panels = new Map<string, { id: string; name: string }[]>();
    for (const row of rows) {
      panels.set(row.positionId, [...(panels.get(row.positionId) ?? []), { id: row.id, name: row.name }]);
    }
    return panels;
  };

  const replacePanel = async (
    tx: Pick<Database, 'delete' | 'insert'>,
    positionId: string,
    panelIds: string[],
  ) => {
    await tx.delete(positionPanel).where(eq(positionPanel.positionId, positionId));
    if (panelIds.length > 0) {
      await tx
        .insert(positionPanel)
        .values(panelIds.map((userId) => ({ municipalityId, positionId, userId })));
    }
  };

  /** Removes the e-mails that carried these links: unsent ones go, sent ones keep their text without the token. */
  const retireLinkEmails = async (tx: Pick<Database, 'delete' | 'update'>, outboxIds: string[]) => {
    if (outboxIds.length === 0) return;
    await tx
      .delete(outbox)
      .where(
        and(eq(outbox.municipalityId, municipalityId), inArray(outbox.id, outboxIds), isNull(outbox.sentAt)),
      );
    await tx
      .update(outbox)
      .set({ body: sql`regexp_replace(${outbox.body}, ${tokenInBody}, '#…', 'g')` })
      .where(and(eq(outbox.municipalityId, municipalityId), inArray(outbox.id, outboxIds)));
  };

  /**
   * Deletes candidates and everything about them (cascade), and the e-mails sent to them through a link. Returns
   * what went, counted before it went.
   */
  const deleteCandidates = async (tx: Database, candidateIds: string[]): Promise<DeletedCounts> => {
    const none = { candidates: 0, scores: 0, consolidations: 0, selfAssessments: 0, links: 0, emails: 0 };
    if (candidateIds.length === 0) return none;
    const countOf = async (
      table:
        | typeof panelScores
        | typeof candidateConsolidations
        | typeof candidateSelfAssessments
        | typeof candidateLinks,
    ) => {
      const [row] = await tx
        .select({ value: count() })
        .from(table)
        .where(and(eq(table.municipalityId, municipalityId), inArray(table.candidateId, candidateIds)));
      return Number(row?.value ?? 0);
    };
    const links = await tx
      .select({ outboxId: candidateLinks.outboxId })
      .from(candidateLinks)
      .where(
        and(
          eq(candidateLinks.municipalityId, municipalityId),
          inArray(candidateLinks.candidateId, candidateIds),
        ),
      );
    const outboxIds = links.flatMap((link) => (link.outboxId ? [link.outboxId] : []));
    const counts: DeletedCounts = {
      candidates: candidateIds.length,
      scores: await countOf(panelScores),
      consolidations: await countOf(candidateConsolidations),
      selfAssessments: await countOf(candidateSelfAssessments),
      links: links.length,
      emails: outboxIds.length,
    };
    if (outboxIds.length > 0) {
      await tx
        .delete(outbox)
        .where(and(eq(outbox.municipalityId, municipalityId), inArray(outbox.id, outboxIds)));
    }
    await tx
      .delete(candidates)
      .where(and(eq(candidates.municipalityId, municipalityId), inArray(candidates.id, candidateIds)));
    return counts;
  };

  return {
    async createPosition(input: {
      title: string;
      unitId: string;
      roleProfileId: string;
      frameworkVersionId: string;
      targets: Record<string, number>;
      focusCompetenceIds: string[];
      guide: StoredGuideQuestion[];
      panelIds: string[];
      createdById: string;
    }): Promise<PositionRow> {
      const { panelIds, ...values } = input;
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(positions)
          .values({ municipalityId, ...values })
          .returning();
        await replacePanel(tx, row!.id, panelIds);
        return row!;
      });
    },

    async listPositions(): Promise<PositionWithPanel[]> {
      const rows = await db
        .select()
        .from(positions)
        .where(eq(positions.municipalityId, municipalityId))
        .orderBy(desc(positions.createdAt));
      const panels = await panelsOf(rows.map((row) => row.id));
      return rows.map((row) => ({ ...row, panel: panels.get(row.id) ?? [] }));
    },

    async findPosition(positionId: string): Promise<PositionWithPanel | undefined> {
      const [row] = await db.select().from(positions).where(positionInTenant(positionId));
      if (!row) return undefined;
      return { ...row, panel: (await panelsOf([row.id])).get(row.id) ?? [] };
    },

    /** Changes the set-up of a position while it is still a draft or open, at the version the caller saw. */
    async updatePosition(
      positionId: string,
      expectedVersion: number,
      changes: {
        title: string;
        targets: Record<string, number>;
        focusCompetenceIds: string[];
        guide: StoredGuideQuestion[];
        guideChanged: boolean;
        panelIds: string[];
      },
    ): Promise<Change<PositionRow>> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(positions)
          .set({
            title: changes.title,
            targets: changes.targets,
            focusCompetenceIds: changes.focusCompetenceIds,
            guide: changes.guide,
            version: sql`${positions.version} + 1`,
            ...(changes.guideChanged ? { guideVersion: sql`${positions.guideVersion} + 1` } : {}),
          })
          .where(
            and(
              positionInTenant(positionId),
              eq(positions.version, expectedVersion),
              inArray(positions.status, ['draft', 'open']),
            ),
          )
          .returning();
        if (!row) return { outcome: await missedPosition(tx, positionId) };
        await replacePanel(tx, positionId, changes.panelIds);
        return { outcome: 'saved', row };
      });
    },

    async setGuide(
      positionId: string,
      expectedVersion: number,
      guide: StoredGuideQuestion[],
    ): Promise<Change<PositionRow>> {
      const [row] = await db
        .update(positions)
        .set({ guide, guideVersion: sql`${positions.guideVersion} + 1` })
        .where(
          and(
            positionInTenant(positionId),
            eq(positions.guideVersion, expectedVersion),
            inArray(positions.status, ['draft', 'open']),
          ),
        )
        .returning();
      return row ? { outcome: 'saved', row } : { outcome: await missedPosition(db, positionId) };
    },

    async setStatus(
      positionId: string,
      expectedVersion: number,
      from: PositionStatus,
      to: PositionStatus,
      now: Date,
    ): Promise<Change<PositionRow>> {
      const [row] = await db
        .update(positions)
        .set({
          status: to,
          version: sql`${positions.version} + 1`,
          ...(to === 'closed' ? { closedAt: now } : {}),
        })
        .where(
          and(
            positionInTenant(positionId),
            eq(positions.version, expectedVersion),
            eq(positions.status, from),
          ),
        )
        .returning();
      return row ? { outcome: 'saved', row } : { outcome: 'conflict' };
    },

    async decide(input: {
      positionId: string;
      expectedVersion: number;
      candidateId: string;
      reason: string;
      decidedById: string;
      now: Date;
    }): Promise<Change<PositionRow>> {
      const [row] = await db
        .update(positions)
        .set({
          status: 'decided',
          chosenCandidateId: input.candidateId,
          decisionReason: input.reason,
          decidedById: input.decidedById,
          decidedAt: input.now,
          version: sql`${positions.version} + 1`,
        })
        .where(
          and(
            positionInTenant(input.positionId),
            eq(positions.version, input.expectedVersion),
            inArray(positions.status, ['interviewing', 'decided']),
          ),
        )
        .returning();
      return row ? { outcome: 'saved', row } : { outcome: 'conflict' };
    },

    async createCandidate(input: {
      positionId: string;
      name: string;
      email: string;
      locale: string;
      externalUrl: string | null;
      createdById: string;
    }): Promise<CandidateRow> {
      const [row] = await db
        .insert(candidates)
        .values({ municipalityId, ...input })
        .returning();
      return row!;
    },

    /** Position id → how many candidates it has. */
    async candidateCounts(): Promise<Map<string, number>> {
      const rows = await db
        .select({ positionId: candidates.positionId, value: count() })
        .from(candidates)
        .where(eq(candidates.municipalityId, municipalityId))
        .groupBy(candidates.positionId);
      return new Map(rows.map((row) => [row.positionId, Number(row.value)]));
    },

    async candidatesOf(positionId: string): Promise<CandidateRow[]> {
      return db
        .select()
        .from(candidates)
        .where(and(eq(candidates.municipalityId, municipalityId), eq(candidates.positionId, positionId)))
        .orderBy(asc(candidates.name), asc(candidates.createdAt));
    },

    async findCandidate(candidateId: string): Promise<CandidateRow | undefined> {
      const [row] = await db.select().from(candidates).where(candidateInTenant(candidateId));
      return row;
    },

    /**
     * Deletes the candidate record a person was hired from, with its scores, links and e-mails, in the caller's
     * transaction (the erasure of a person who has left, decision 029); answers how many candidate records went.
     */
    async deleteHiredCandidate(personId: string): Promise<number> {
      const hired = await db
        .select({ id: candidates.id })
        .from(candidates)
        .where(and(eq(candidates.municipalityId, municipalityId), eq(candidates.hiredUserId, personId)));
      return (
        await deleteCandidates(
          db,
          hired.map((row) => row.id),
        )
      ).candidates;
    },

    /** Erases one candidate on request (HR), recording the erasure with counts in the same transaction. */
    async eraseCandidate(candidateId: string, event: Omit<AuditEvent, 'details'>): Promise<DeletedCounts> {
      return db.transaction(async (tx) => {
        const counts = await deleteCandidates(tx, [candidateId]);
        await auditRepository(db, municipalityId).record({ ...event, details: { ...counts } }, { tx });
        return counts;
      });
    },

    /**
     * The retention job's work for one closed position: every candidate but the person hired goes, with their
     * scores, notes, self-assessments, links and e-mails; the decision's reason goes too, as it may name them. One
     * entry in the audit log says how many of each, never who.
     */
    async purgeCandidates(positionId: string, now: Date): Promise<DeletedCounts> {
      return db.transaction(async (tx) => {
        const doomed = await tx
          .select({ id: candidates.id })
          .from(candidates)
          .where(
            and(
              eq(candidates.municipalityId, municipalityId),
              eq(candidates.positionId, positionId),
              isNull(candidates.hiredUserId),
            ),
          );
        const counts = await deleteCandidates(
          tx,
          doomed.map((row) => row.id),
        );
        await tx
          .update(positions)
          .set({ candidatesDeletedAt: now, decisionReason: null })
          .where(positionInTenant(positionId));
        await auditRepository(db, municipalityId).record(
          {
            actorKind: 'system',
            actorId: null,
            action: 'candidate.retention_deleted',
            subjectType: 'position',
            subjectId: positionId,
            subjectPersonId: null,
            purpose: 'retention',
            details: { ...counts },
          },
          { tx, at: now },
        );
        return counts;
      });
    },

    async linksOf(candidateIds: string[]): Promise<CandidateLinkRow[]> {
      if (candidateIds.length === 0) return [];
      return db
        .select()
        .from(candidateLinks)
        .where(
          and(
            eq(candidateLinks.municipalityId, municipalityId),
            inArray(candidateLinks.candidateId, candidateIds),
          ),
        )
        .orderBy(desc(candidateLinks.createdAt));
    },

    /**
     * A new link replaces any earlier one still unused (its e-mail is withdrawn or redacted). With `email`, the
     * message is queued in the outbox in the same transaction.
     */
    async createLink(input: {
      candidateId: string;
      tokenHash: string;
      expiresAt: Date;
      createdById: string;
      email: { toEmail: string; subject: string; body: string } | null;
    }): Promise<CandidateLinkRow> {
      return db.transaction(async (tx) => {
        const earlier = await tx
          .delete(candidateLinks)
          .where(
            and(
              eq(candidateLinks.municipalityId, municipalityId),
              eq(candidateLinks.candidateId, input.candidateId),
              isNull(candidateLinks.usedAt),
            ),
          )
          .returning({ outboxId: candidateLinks.outboxId });
        await retireLinkEmails(
          tx,
          earlier.flatMap((link) => (link.outboxId ? [link.outboxId] : [])),
        );
        const [message] = input.email
          ? await tx
              .insert(outbox)
              .values({ municipalityId, ...input.email })
              .returning({ id: outbox.id })
          : [];
        const [row] = await tx
          .insert(candidateLinks)
          .values({
            municipalityId,
            candidateId: input.candidateId,
            tokenHash: input.tokenHash,
            expiresAt: input.expiresAt,
            createdById: input.createdById,
            outboxId: message?.id ?? null,
          })
          .returning();
        return row!;
      });
    },

    async selfAssessmentsOf(candidateIds: string[]): Promise<SelfAssessmentRow[]> {
      if (candidateIds.length === 0) return [];
      return db
        .select()
        .from(candidateSelfAssessments)
        .where(
          and(
            eq(candidateSelfAssessments.municipalityId, municipalityId),
            inArray(candidateSelfAssessments.candidateId, candidateIds),
          ),
        );
    },

    /**
     * Uses the link, once: it must be unused and unexpired at `now`, checked and marked in one statement, so two
     * submissions racing each other cannot both succeed. The self-assessment, the redaction of the e-mail and the
     * audit entry commit with it.
     */
    async submitSelfAssessment(input: {
      linkId: string;
      candidateId: string;
      ratings: Record<string, number | null>;
      now: Date;
    }): Promise<'saved' | 'used'> {
      try {
        return await db.transaction(async (tx) => {
          const [link] = await tx
            .update(candidateLinks)
            .set({ usedAt: input.now })
            .where(
              and(
                eq(candidateLinks.municipalityId, municipalityId),
                eq(candidateLinks.id, input.linkId),
                isNull(candidateLinks.usedAt),
                gt(candidateLinks.expiresAt, input.now),
              ),
            )
            .returning();
          if (!link) return 'used';
          const [saved] = await tx
            .insert(candidateSelfAssessments)
            .values({
              municipalityId,
              candidateId: input.candidateId,
              ratings: input.ratings,
              submittedAt: input.now,
            })
            .onConflictDoNothing()
            .returning();
          // A self-assessment exists already (through a link replaced meanwhile): this link is spent without one.
          if (!saved) tx.rollback();
          await retireLinkEmails(tx, link.outboxId ? [link.outboxId] : []);
          await auditRepository(db, municipalityId).record(
            {
              actorKind: 'candidate',
              actorId: input.candidateId,
              action: 'candidate.self_assessment_submitted',
              subjectType: 'candidate',
              subjectId: input.candidateId,
              subjectPersonId: null,
              purpose: 'recruitment',
              details: { competences: Object.keys(input.ratings).length },
            },
            { tx, at: input.now },
          );
          return 'saved';
        });
      } catch (error) {
        if (error instanceof TransactionRollbackError) return 'used';
        throw error;
      }
    },

    async scoresOf(candidateIds: string[]): Promise<(PanelScoreRow & { memberName: string })[]> {
      if (candidateIds.length === 0) return [];
      const rows = await db
        .select({ score: panelScores, memberName: users.name })
        .from(panelScores)
        .innerJoin(users, eq(users.id, panelScores.panelMemberId))
        .where(
          and(eq(panelScores.municipalityId, municipalityId), inArray(panelScores.candidateId, candidateIds)),
        )
        .orderBy(asc(users.name));
      return rows.map((row) => ({ ...row.score, memberName: row.memberName }));
    },

    /** Saves the member's own draft at the version they saw (0 for the first save); a submitted score is final. */
    async saveScoreDraft(input: {
      candidateId: string;
      panelMemberId: string;
      expectedVersion: number;
      ratings: Record<string, StoredPanelRating>;
      now: Date;
    }): Promise<Change<PanelScoreRow>> {
      if (input.expectedVersion === 0) {
        const [created] = await db
          .insert(panelScores)
          .values({
            municipalityId,
            candidateId: input.candidateId,
            panelMemberId: input.panelMemberId,
            ratings: input.ratings,
            updatedAt: input.now,
          })
          .onConflictDoNothing()
          .returning();
        if (created) return { outcome: 'saved', row: created };
      } else {
        const [updated] = await db
          .update(panelScores)
          .set({ ratings: input.ratings, version: sql`${panelScores.version} + 1`, updatedAt: input.now })
          .where(ownDraftAt(input))
          .returning();
        if (updated) return { outcome: 'saved', row: updated };
      }
      return missedScore(input);
    },

    async submitScore(input: {
      candidateId: string;
      panelMemberId: string;
      expectedVersion: number;
      now: Date;
    }): Promise<Change<PanelScoreRow>> {
      const [updated] = await db
        .update(panelScores)
        .set({
          status: 'submitted',
          submittedAt: input.now,
          updatedAt: input.now,
          version: sql`${panelScores.version} + 1`,
        })
        .where(ownDraftAt(input))
        .returning();
      return updated ? { outcome: 'saved', row: updated } : missedScore(input);
    },

    async consolidationsOf(
      candidateIds: string[],
    ): Promise<(ConsolidationRow & { updatedByName: string })[]> {
      if (candidateIds.length === 0) return [];
      const rows = await db
        .select({ consolidation: candidateConsolidations, updatedByName: users.name })
        .from(candidateConsolidations)
        .innerJoin(users, eq(users.id, candidateConsolidations.updatedById))
        .where(
          and(
            eq(candidateConsolidations.municipalityId, municipalityId),
            inArray(candidateConsolidations.candidateId, candidateIds),
          ),
        );
      return rows.map((row) => ({ ...row.consolidation, updatedByName: row.updatedByName }));
    },

    async saveConsolidation(input: {
      candidateId: string;
      expectedVersion: number;
      scores: Record<string, { level: number; note: string }>;
      updatedById: string;
      now: Date;
    }): Promise<Change<ConsolidationRow>> {
      const values = { scores: input.scores, updatedById: input.updatedById, updatedAt: input.now };
      const [row] =
        input.expectedVersion === 0
          ? await db
              .insert(candidateConsolidations)
              .values({ municipalityId, candidateId: input.candidateId, ...values })
              .onConflictDoNothing()
              .returning()
          : await db
              .update(candidateConsolidations)
              .set({ ...values, version: sql`${candidateConsolidations.version} + 1` })
              .where(
                and(
                  eq(candidateConsolidations.municipalityId, municipalityId),
                  eq(candidateConsolidations.candidateId, input.candidateId),
                  eq(candidateConsolidations.version, input.expectedVersion),
                ),
              )
              .returning();
      return row ? { outcome: 'saved', row } : { outcome: 'conflict' };
    },

    /**
     * Makes the chosen candidate an employee: the user, the candidate's record of it (with who confirmed the
     * candidate's consent, and when), optionally the starting point from the interview, and the audit entry, in one
     * transaction. `refused` when the candidate was hired already.
     */
    async hire(input: {
      candidateId: string;
      user: NewUser;
      consentConfirmedById: string;
      now: Date;
      baseline: Omit<typeof interviewBaselines.$inferInsert, 'municipalityId' | 'userId'> | null;
      event: Omit<AuditEvent, 'subjectPersonId'>;
    }): Promise<Change<UserRow>> {
      return db.transaction(async (tx) => {
        const [candidate] = await tx
          .select()
          .from(candidates)
          .where(and(candidateInTenant(input.candidateId), isNull(candidates.hiredUserId)))
          .for('update');
        if (!candidate) return { outcome: 'refused' };
        const [user] = await tx
          .insert(users)
          .values({ ...input.user, email: input.user.email.trim().toLowerCase(), municipalityId })
          .returning();
        await tx
          .update(candidates)
          .set({
            hiredUserId: user!.id,
            hiredAt: input.now,
            consentConfirmedById: input.consentConfirmedById,
            consentConfirmedAt: input.now,
          })
          .where(candidateInTenant(input.candidateId));
        if (input.baseline) {
          await tx.insert(interviewBaselines).values({ municipalityId, userId: user!.id, ...input.baseline });
        }
        await auditRepository(db, municipalityId).record(
          { ...input.event, subjectPersonId: user!.id },
          { tx },
        );
        return { outcome: 'saved', row: user! };
      });
    },

    async setCandidateRetentionMonths(months: number): Promise<void> {
      await db
        .update(municipalities)
        .set({ candidateRetentionMonths: months })
        .where(eq(municipalities.id, municipalityId));
    },

    async baselineOf(userId: string): Promise<BaselineRow | undefined> {
      const [row] = await db
        .select()
        .from(interviewBaselines)
        .where(
          and(eq(interviewBaselines.municipalityId, municipalityId), eq(interviewBaselines.userId, userId)),
        );
      return row;
    },

    /** Candidates the person still has to score: on the panel of a position that is interviewing, not yet submitted. */
    async scoringTasksOf(userId: string) {
      return db
        .select({
          positionId: positions.id,
          positionTitle: positions.title,
          candidateId: candidates.id,
          candidateName: candidates.name,
          scoreStatus: panelScores.status,
        })
        .from(positionPanel)
        .innerJoin(positions, eq(positions.id, positionPanel.positionId))
        .innerJoin(candidates, eq(candidates.positionId, positions.id))
        .leftJoin(
          panelScores,
          and(
            eq(panelScores.candidateId, candidates.id),
            eq(panelScores.panelMemberId, positionPanel.userId),
          ),
        )
        .where(
          and(
            eq(positionPanel.municipalityId, municipalityId),
            eq(positionPanel.userId, userId),
            eq(positions.status, 'interviewing'),
            sql`(${panelScores.status} is null or ${panelScores.status} = 'draft')`,
          ),
        )
        .orderBy(asc(positions.title), asc(candidates.name));
    },
  };

  /** Why a guarded change of the set-up touched nothing: interviews have begun, or someone saved first. */
  async function missedPosition(
    tx: Pick<Database, 'select'>,
    positionId: string,
  ): Promise<'conflict' | 'refused'> {
    const [current] = await tx
      .select({ status: positions.status })
      .from(positions)
      .where(positionInTenant(positionId));
    return current && !['draft', 'open'].includes(current.status) ? 'refused' : 'conflict';
  }

  function ownDraftAt(key: { candidateId: string; panelMemberId: string; expectedVersion: number }) {
    return and(
      eq(panelScores.municipalityId, municipalityId),
      eq(panelScores.candidateId, key.candidateId),
      eq(panelScores.panelMemberId, key.panelMemberId),
      eq(panelScores.version, key.expectedVersion),
      eq(panelScores.status, 'draft'),
    );
  }

  /** Why a guarded score change touched nothing: the score was submitted, or a newer draft was saved. */
  async function missedScore(key: {
    candidateId: string;
    panelMemberId: string;
  }): Promise<Change<PanelScoreRow>> {
    const [current] = await db
      .select({ status: panelScores.status })
      .from(panelScores)
      .where(
        and(
          eq(panelScores.municipalityId, municipalityId),
          eq(panelScores.candidateId, key.candidateId),
          eq(panelScores.panelMemberId, key.panelMemberId),
        ),
      );
    return current?.status === 'submitted' ? { outcome: 'refused' } : { outcome: 'conflict' };
  }
}

export type RecruitmentRepository = ReturnType<typeof recruitmentRepository>;
