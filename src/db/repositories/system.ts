/** @module The only cross-tenant queries: municipalities, finding a login by e-mail, and sessions. */
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, ne, or, Param, sql } from 'drizzle-orm';
import type { ApiTokenScope } from '../../domain/api-tokens.ts';
import type { Database } from '../client.ts';
import {
  apiTokens,
  candidateLinks,
  candidates,
  municipalities,
  outbox,
  positions,
  sessions,
  unitLeaders,
  users,
} from '../schema.ts';

export type MunicipalityRow = typeof municipalities.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export interface LiveSession extends SessionRow {
  roles: string[];
  locale: string;
  ledUnitIds: string[];
}

export interface LoginCandidate {
  userId: string;
  municipalityId: string;
  roles: string[];
  passwordHash: string | null;
  passwordExpiresAt: Date | null;
  active: boolean;
}

/** An API token that has not been revoked, with its municipality's top units (a token's principal needs them). */
export interface LiveApiToken {
  id: string;
  municipalityId: string;
  scope: ApiTokenScope;
  lastUsedAt: Date | null;
  rootUnitIds: string[];
}

export function systemRepository(db: Database) {
  return {
    async createMunicipality(input: {
      name: string;
      slug: string;
      isDemo?: boolean;
    }): Promise<MunicipalityRow> {
      const [row] = await db
        .insert(municipalities)
        .values({ name: input.name, slug: input.slug, isDemo: input.isDemo ?? false })
        .returning();
      return row!;
    },

    async findMunicipalityBySlug(slug: string): Promise<MunicipalityRow | undefined> {
      const [row] = await db.select().from(municipalities).where(eq(municipalities.slug, slug));
      return row;
    },

    /** Every municipality of the installation, by name: for upgrade steps and the public pages. */
    async listMunicipalities(): Promise<MunicipalityRow[]> {
      return db.select().from(municipalities).orderBy(asc(municipalities.name));
    },

    async findDemoMunicipality(): Promise<MunicipalityRow | undefined> {
      const [row] = await db.select().from(municipalities).where(eq(municipalities.isDemo, true)).limit(1);
      return row;
    },

    /** Login names are unique across the installation, so a login needs no municipality. */
    async findLoginByEmail(email: string): Promise<LoginCandidate | undefined> {
      const [row] = await db
        .select({
          userId: users.id,
          municipalityId: users.municipalityId,
          roles: users.roles,
          passwordHash: users.passwordHash,
          passwordExpiresAt: users.passwordExpiresAt,
          active: users.active,
        })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
      return row;
    },

    /** Is this e-mail someone's login, other than `exceptUserId`'s? Logins are unique across the installation. */
    async emailInUse(email: string, exceptUserId?: string): Promise<boolean> {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(sql`lower(${users.email})`, email.trim().toLowerCase()),
            exceptUserId ? ne(users.id, exceptUserId) : undefined,
          ),
        )
        .limit(1);
      return row !== undefined;
    },

    /**
     * Which of these (lower-case) e-mails people of other municipalities log in with. Only the e-mails come back:
     * an import learns that an address is taken, never by whom or where.
     */
    async emailsUsedElsewhere(municipalityId: string, emails: readonly string[]): Promise<Set<string>> {
      if (emails.length === 0) return new Set();
      // The list as one array parameter: a 10,000-person file is one statement, not 10,000 parameters.
      const rows = await db
        .select({ email: sql<string>`lower(${users.email})` })
        .from(users)
        .where(
          and(
            ne(users.municipalityId, municipalityId),
            sql`lower(${users.email}) = any(${new Param(emails)}::text[])`,
          ),
        );
      return new Set(rows.map((row) => row.email));
    },

    async createSession(input: {
      id: string;
      municipalityId: string;
      userId: string;
      csrfToken: string;
      method: string;
      createdAt: Date;
      expiresAt: Date;
    }): Promise<void> {
      await db.insert(sessions).values({ ...input, lastSeenAt: input.createdAt });
    },

    /**
     * A session that exists, has not expired and belongs to an active user, with what the request needs to know
     * of that user: one round trip, since every authenticated request pays for it.
     */
    async findLiveSession(id: string, now: Date): Promise<LiveSession | undefined> {
      const [row] = await db
        .select({
          session: sessions,
          roles: users.roles,
          locale: users.locale,
          ledUnitIds: sql<
            string[]
          >`array(select ${unitLeaders.unitId} from ${unitLeaders} where ${unitLeaders.userId} = ${users.id})`,
        })
        .from(sessions)
        .innerJoin(
          users,
          and(eq(users.id, sessions.userId), eq(users.municipalityId, sessions.municipalityId)),
        )
        .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.active, true)));
      if (!row) return undefined;
      return { ...row.session, roles: row.roles, locale: row.locale, ledUnitIds: row.ledUnitIds };
    },

    async touchSession(id: string, now: Date): Promise<void> {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    },

    async deleteSession(id: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.id, id));
    },

    /** E-mails of every municipality not yet sent, oldest first: the mailer works for the whole installation. */
    async unsentEmails(limit: number) {
      return db
        .select()
        .from(outbox)
        .where(isNull(outbox.sentAt))
        .orderBy(asc(outbox.createdAt))
        .limit(limit);
    },

    /**
     * Claims the oldest unsent e-mail that no other sender holds, until `claimUntil`. Several servers on one database
     * each get a different message: `SKIP LOCKED` passes over a row another sender is claiming at this moment, and
     * `claimed_until` keeps it away from them afterwards, while it is being sent.
     */
    async claimEmail(now: Date, claimUntil: Date): Promise<OutboxRow | undefined> {
      const next = db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(isNull(outbox.sentAt), or(isNull(outbox.claimedUntil), lte(outbox.claimedUntil, now))))
        .orderBy(asc(outbox.createdAt))
        .limit(1)
        .for('update', { skipLocked: true });
      const [row] = await db
        .update(outbox)
        .set({ claimedUntil: claimUntil })
        .where(inArray(outbox.id, next))
        .returning();
      return row;
    },

    /** Gives a claimed e-mail back unsent, so the next round (on any server) tries it again. */
    async releaseEmail(id: string): Promise<void> {
      await db
        .update(outbox)
        .set({ claimedUntil: null })
        .where(and(eq(outbox.id, id), isNull(outbox.sentAt)));
    },

    async markEmailSent(id: string, sentAt: Date): Promise<void> {
      await db.update(outbox).set({ sentAt, claimedUntil: null }).where(eq(outbox.id, id));
    },

    /** Tokens are looked up by the hash of the whole token, across municipalities, like a session. */
    async findLiveApiToken(tokenHash: string): Promise<LiveApiToken | undefined> {
      const [row] = await db
        .select({
          id: apiTokens.id,
          municipalityId: apiTokens.municipalityId,
          scope: apiTokens.scope,
          lastUsedAt: apiTokens.lastUsedAt,
          // Spelled out: drizzle leaves single-table columns unqualified, and both tables have municipality_id.
          rootUnitIds: sql<
            string[]
          >`array(select top.id from units top where top.municipality_id = api_tokens.municipality_id and top.parent_id is null)`,
        })
        .from(apiTokens)
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
      return row ? { ...row, scope: row.scope as ApiTokenScope } : undefined;
    },

    /** Records a token's use; the condition keeps several instances from all writing in the same minute. */
    async touchApiToken(id: string, now: Date, staleBefore: Date): Promise<void> {
      await db
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(
          and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, staleBefore))),
        );
    },

    /**
     * A candidate's link by the hash of its token, with the candidate and position it opens: the token is the only
     * thing the candidate brings, so the municipality is learnt from it.
     */
    async findCandidateLink(tokenHash: string) {
      const [row] = await db
        .select({ link: candidateLinks, candidate: candidates, position: positions })
        .from(candidateLinks)
        .innerJoin(candidates, eq(candidates.id, candidateLinks.candidateId))
        .innerJoin(positions, eq(positions.id, candidates.positionId))
        .where(eq(candidateLinks.tokenHash, tokenHash));
      return row;
    },

    /**
     * Closed positions of every municipality whose candidates are due for deletion at `now`: closed at least the
     * municipality's retention period ago, and not yet cleared. The month arithmetic is PostgreSQL's own
     * (in UTC), which ends on the month's last day as `retentionDeadline` in the domain does.
     */
    async positionsDueForCandidateDeletion(
      now: Date,
    ): Promise<{ positionId: string; municipalityId: string }[]> {
      return db
        .select({ positionId: positions.id, municipalityId: positions.municipalityId })
        .from(positions)
        .innerJoin(municipalities, eq(municipalities.id, positions.municipalityId))
        .where(
          and(
            eq(positions.status, 'closed'),
            isNotNull(positions.closedAt),
            isNull(positions.candidatesDeletedAt),
            sql`(${positions.closedAt} at time zone 'UTC' + make_interval(months => ${municipalities.candidateRetentionMonths})) at time zone 'UTC' <= ${now.toISOString()}::timestamptz`,
          ),
        )
        .orderBy(asc(positions.closedAt));
    },

    /**
     * Every departed person with something left to erase or anonymise, and their municipality's periods: what the
     * personal-data retention job decides from (decision 029).
     */
    async departedPeopleToReview(): Promise<
      {
        userId: string;
        municipalityId: string;
        deactivatedAt: Date;
        anonymisedAt: Date | null;
        conversationsErasedAt: Date | null;
        ratingsErasedAt: Date | null;
        practiceErasedAt: Date | null;
        conversationMonths: number;
        ratingMonths: number;
        practiceMonths: number;
      }[]
    > {
      const rows = await db
        .select({
          userId: users.id,
          municipalityId: users.municipalityId,
          deactivatedAt: users.deactivatedAt,
          anonymisedAt: users.anonymisedAt,
          conversationsErasedAt: users.conversationsErasedAt,
          ratingsErasedAt: users.ratingsErasedAt,
          practiceErasedAt: users.practiceErasedAt,
          conversationMonths: municipalities.conversationRetentionMonths,
          ratingMonths: municipalities.ratingRetentionMonths,
          practiceMonths: municipalities.practiceRetentionMonths,
        })
        .from(users)
        .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
        .where(
          and(
            eq(users.active, false),
            isNotNull(users.deactivatedAt),
            or(
              isNull(users.anonymisedAt),
              isNull(users.conversationsErasedAt),
              isNull(users.ratingsErasedAt),
              isNull(users.practiceErasedAt),
            ),
          ),
        )
        .orderBy(asc(users.deactivatedAt), asc(users.id));
      return rows.map((row) => ({ ...row, deactivatedAt: row.deactivatedAt! }));
    },

    /** Ends every other session of a person, e.g. after a password change. */
    async deleteOtherSessions(userId: string, keepSessionId: string): Promise<void> {
      await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)));
    },
  };
}

export type SystemRepository = ReturnType<typeof systemRepository>;
