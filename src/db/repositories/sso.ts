/**
 * @module Single sign-on data: a municipality's provider settings and the people they match (tenant), and the logins
 * under way, which any server instance must be able to finish (installation-wide, keyed by a hash of `state`).
 */
import { and, eq, lte, sql } from 'drizzle-orm';
import type { SsoMatchKind } from '../../domain/sso.ts';
import type { Database } from '../client.ts';
import { municipalities, ssoConfigurations, ssoLoginStates, users } from '../schema.ts';
import type { UserRow } from './people.ts';

export type SsoConfigurationRow = typeof ssoConfigurations.$inferSelect;
export type SsoConfigurationInput = Omit<
  typeof ssoConfigurations.$inferInsert,
  'municipalityId' | 'updatedAt'
>;
export type SsoLoginStateRow = typeof ssoLoginStates.$inferSelect;

export function ssoRepository(db: Database, municipalityId: string) {
  return {
    async configuration(): Promise<SsoConfigurationRow | undefined> {
      const [row] = await db
        .select()
        .from(ssoConfigurations)
        .where(eq(ssoConfigurations.municipalityId, municipalityId));
      return row;
    },

    async saveConfiguration(input: SsoConfigurationInput, now: Date): Promise<SsoConfigurationRow> {
      const values = { ...input, municipalityId, updatedAt: now };
      const [row] = await db
        .insert(ssoConfigurations)
        .values(values)
        .onConflictDoUpdate({ target: ssoConfigurations.municipalityId, set: values })
        .returning();
      return row!;
    },

    /** The one person in this municipality the provider's value names (e-mails compare without case). */
    async findMatchingUser(matchBy: SsoMatchKind, value: string): Promise<UserRow | undefined> {
      const condition =
        matchBy === 'email'
          ? eq(sql`lower(${users.email})`, value.toLowerCase())
          : eq(users.externalId, value);
      const rows = await db
        .select()
        .from(users)
        .where(and(eq(users.municipalityId, municipalityId), condition))
        .limit(2);
      // Two people with one employee id is a data error; logging in as either would be a guess.
      return rows.length === 1 ? rows[0] : undefined;
    },
  };
}

export function ssoLoginRepository(db: Database) {
  return {
    async findMunicipalityBySlug(slug: string) {
      const [row] = await db.select().from(municipalities).where(eq(municipalities.slug, slug));
      return row;
    },

    /** Saves a login under way, clearing out those that ran out unused on the way (no job needed). */
    async saveLoginState(state: Omit<SsoLoginStateRow, 'createdAt'>, now: Date): Promise<void> {
      await db.delete(ssoLoginStates).where(lte(ssoLoginStates.expiresAt, now));
      await db.insert(ssoLoginStates).values({ ...state, createdAt: now });
    },

    /** Takes a login under way: deleted in the same statement, so a replayed answer finds nothing. */
    async takeLoginState(id: string, now: Date): Promise<SsoLoginStateRow | undefined> {
      const [row] = await db.delete(ssoLoginStates).where(eq(ssoLoginStates.id, id)).returning();
      return row && row.expiresAt > now ? row : undefined;
    },
  };
}

export type SsoRepository = ReturnType<typeof ssoRepository>;
export type SsoLoginRepository = ReturnType<typeof ssoLoginRepository>;
