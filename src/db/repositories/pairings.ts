/**
 * @module Colleague pairings inside one municipality: made by a leader, followed by the two colleagues, closed as
 * done or cancelled. Every change is guarded by the version the caller saw.
 */
import { aliasedTable, and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PairingStatus } from '../../domain/pairings.ts';
import type { Database } from '../client.ts';
import { colleaguePairings, users } from '../schema.ts';

export type PairingRow = typeof colleaguePairings.$inferSelect;
export interface PairingWithPeople extends PairingRow {
  learnerName: string;
  helperName: string;
  createdByName: string;
}

export type PairingSaved =
  | { outcome: 'saved'; row: PairingRow }
  | { outcome: 'conflict' }
  | { outcome: 'duplicate' }
  | { outcome: 'closed' };

const isUniqueViolation = (error: unknown): boolean => {
  const candidate = error as { code?: string; cause?: { code?: string } };
  return candidate?.code === '23505' || candidate?.cause?.code === '23505';
};

export function pairingRepository(db: Database, municipalityId: string) {
  const inTenant = eq(colleaguePairings.municipalityId, municipalityId);
  const learner = aliasedTable(users, 'learner');
  const helper = aliasedTable(users, 'helper');
  const creator = aliasedTable(users, 'creator');
  const withPeople = (where: SQL | undefined) =>
    db
      .select({
        pairing: colleaguePairings,
        learnerName: learner.name,
        helperName: helper.name,
        createdByName: creator.name,
      })
      .from(colleaguePairings)
      .innerJoin(learner, eq(learner.id, colleaguePairings.learnerId))
      .innerJoin(helper, eq(helper.id, colleaguePairings.helperId))
      .innerJoin(creator, eq(creator.id, colleaguePairings.createdById))
      .where(and(inTenant, where))
      .orderBy(desc(colleaguePairings.createdAt));
  const flatten = (row: {
    pairing: PairingRow;
    learnerName: string;
    helperName: string;
    createdByName: string;
  }): PairingWithPeople => ({
    ...row.pairing,
    learnerName: row.learnerName,
    helperName: row.helperName,
    createdByName: row.createdByName,
  });

  /** Closes an open pairing at the version the caller saw. */
  const close = async (
    pairingId: string,
    expectedVersion: number,
    changes: { status: PairingStatus; closedById: string; cancelReason: string | null; now: Date },
  ): Promise<PairingSaved> => {
    const [row] = await db
      .update(colleaguePairings)
      .set({
        status: changes.status,
        closedAt: changes.now,
        closedById: changes.closedById,
        cancelReason: changes.cancelReason,
        updatedAt: changes.now,
        version: sql`${colleaguePairings.version} + 1`,
      })
      .where(
        and(
          inTenant,
          eq(colleaguePairings.id, pairingId),
          eq(colleaguePairings.status, 'open'),
          eq(colleaguePairings.version, expectedVersion),
        ),
      )
      .returning();
    if (row) return { outcome: 'saved', row };
    const [current] = await db
      .select({ status: colleaguePairings.status })
      .from(colleaguePairings)
      .where(and(inTenant, eq(colleaguePairings.id, pairingId)));
    return current && current.status !== 'open' ? { outcome: 'closed' } : { outcome: 'conflict' };
  };

  return {
    /** A new open pairing; `duplicate` when the same two already have one open for the competence. */
    async create(input: {
      unitId: string;
      learnerId: string;
      helperId: string;
      competenceId: string;
      frameworkVersionId: string;
      note: string;
      dueDate: string | null;
      createdById: string;
      now: Date;
    }): Promise<PairingSaved> {
      const { now, ...values } = input;
      try {
        const [row] = await db
          .insert(colleaguePairings)
          .values({ municipalityId, ...values, createdAt: now, updatedAt: now })
          .returning();
        return { outcome: 'saved', row: row! };
      } catch (error) {
        if (isUniqueViolation(error)) return { outcome: 'duplicate' };
        throw error;
      }
    },

    async find(pairingId: string): Promise<PairingWithPeople | undefined> {
      const [row] = await withPeople(eq(colleaguePairings.id, pairingId));
      return row ? flatten(row) : undefined;
    },

    /** The pairings a person takes part in, and those made in the units given (a leader's), newest first. */
    async listVisible(personId: string, unitIds: string[]): Promise<PairingWithPeople[]> {
      const own = or(eq(colleaguePairings.learnerId, personId), eq(colleaguePairings.helperId, personId));
      const rows = await withPeople(
        unitIds.length > 0 ? or(own, inArray(colleaguePairings.unitId, unitIds)) : own,
      );
      return rows.map(flatten);
    },

    /** Open pairings in which any of these people learns or helps: the load of the suggestions. */
    async openInvolving(personIds: string[]): Promise<PairingRow[]> {
      if (personIds.length === 0) return [];
      return db
        .select()
        .from(colleaguePairings)
        .where(
          and(
            inTenant,
            eq(colleaguePairings.status, 'open'),
            or(
              inArray(colleaguePairings.learnerId, personIds),
              inArray(colleaguePairings.helperId, personIds),
            ),
          ),
        );
    },

    complete: (pairingId: string, expectedVersion: number, byId: string, now: Date) =>
      close(pairingId, expectedVersion, { status: 'done', closedById: byId, cancelReason: null, now }),

    cancel: (pairingId: string, expectedVersion: number, byId: string, reason: string | null, now: Date) =>
      close(pairingId, expectedVersion, { status: 'cancelled', closedById: byId, cancelReason: reason, now }),
  };
}

export type PairingRepository = ReturnType<typeof pairingRepository>;
