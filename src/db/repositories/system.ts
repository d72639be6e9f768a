/** @module The only cross-tenant queries: municipalities, finding a login by e-mail, and sessions. */
import { and, asc, eq, gt, isNull, ne, Param, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { municipalities, outbox, sessions, unitLeaders, users } from '../schema.ts';

export type MunicipalityRow = typeof municipalities.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export interface LiveSession extends SessionRow {
  roles: string[];
  locale: string;
  ledUnitIds: string[];
}

export interface LoginCandidate {
  userId: string;
  municipalityId: string;
  passwordHash: string | null;
  passwordExpiresAt: Date | null;
  active: boolean;
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

    async markEmailSent(id: string, sentAt: Date): Promise<void> {
      await db.update(outbox).set({ sentAt }).where(eq(outbox.id, id));
    },

    /** Ends every other session of a person, e.g. after a password change. */
    async deleteOtherSessions(userId: string, keepSessionId: string): Promise<void> {
      await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)));
    },
  };
}

export type SystemRepository = ReturnType<typeof systemRepository>;
