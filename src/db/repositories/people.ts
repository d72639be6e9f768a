/** @module Units, people and leadership inside one municipality. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { municipalities, unitLeaders, units, users } from '../schema.ts';

export type UnitRow = typeof units.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type NewUser = Omit<typeof users.$inferInsert, 'municipalityId' | 'id'>;

export function peopleRepository(db: Database, municipalityId: string) {
  const inTenant = eq(users.municipalityId, municipalityId);
  return {
    async municipality() {
      const [row] = await db.select().from(municipalities).where(eq(municipalities.id, municipalityId));
      return row!;
    },

    /** No aggregate covers fewer people than this (3–50; the database refuses anything else). */
    async setMinGroupSize(minGroupSize: number): Promise<void> {
      await db.update(municipalities).set({ minGroupSize }).where(eq(municipalities.id, municipalityId));
    },

    async createUnit(input: { name: string; parentId?: string | null; externalId?: string | null }) {
      const [row] = await db
        .insert(units)
        .values({
          municipalityId,
          name: input.name,
          parentId: input.parentId ?? null,
          externalId: input.externalId,
        })
        .returning();
      return row!;
    },

    async listUnits(): Promise<UnitRow[]> {
      return db.select().from(units).where(eq(units.municipalityId, municipalityId)).orderBy(asc(units.name));
    },

    async createUser(input: NewUser): Promise<UserRow> {
      const [row] = await db
        .insert(users)
        .values({ ...input, email: input.email.trim().toLowerCase(), municipalityId })
        .returning();
      return row!;
    },

    async findUser(userId: string): Promise<UserRow | undefined> {
      const [row] = await db
        .select()
        .from(users)
        .where(and(inTenant, eq(users.id, userId)));
      return row;
    },

    async listUsers(): Promise<UserRow[]> {
      return db.select().from(users).where(inTenant).orderBy(asc(users.name));
    },

    async usersInUnits(unitIds: string[]): Promise<UserRow[]> {
      if (unitIds.length === 0) return [];
      return db
        .select()
        .from(users)
        .where(and(inTenant, inArray(users.unitId, unitIds)))
        .orderBy(asc(users.name));
    },

    async addLeader(unitId: string, userId: string): Promise<void> {
      await db.insert(unitLeaders).values({ municipalityId, unitId, userId }).onConflictDoNothing();
    },

    async listLeaderships(): Promise<{ unitId: string; userId: string; name: string }[]> {
      return db
        .select({ unitId: unitLeaders.unitId, userId: unitLeaders.userId, name: users.name })
        .from(unitLeaders)
        .innerJoin(users, eq(users.id, unitLeaders.userId))
        .where(eq(unitLeaders.municipalityId, municipalityId))
        .orderBy(asc(users.name));
    },

    async unitIdsLedBy(userId: string): Promise<string[]> {
      const rows = await db
        .select({ unitId: unitLeaders.unitId })
        .from(unitLeaders)
        .where(and(eq(unitLeaders.municipalityId, municipalityId), eq(unitLeaders.userId, userId)));
      return rows.map((row) => row.unitId);
    },

    /** How to report an accessibility problem; null brings back the default text. */
    async setAccessibilityContact(contact: string | null): Promise<void> {
      await db
        .update(municipalities)
        .set({ accessibilityContact: contact })
        .where(eq(municipalities.id, municipalityId));
    },

    async setLocale(userId: string, locale: string): Promise<void> {
      await db
        .update(users)
        .set({ locale, updatedAt: sql`now()` })
        .where(and(inTenant, eq(users.id, userId)));
    },

    /** A deactivated person keeps their history but can no longer log in, and their sessions stop working. */
    async setActive(userId: string, active: boolean): Promise<void> {
      await db
        .update(users)
        .set({ active, updatedAt: sql`now()` })
        .where(and(inTenant, eq(users.id, userId)));
    },

    async setPasswordHash(
      userId: string,
      passwordHash: string,
      expiresAt: Date | null = null,
    ): Promise<void> {
      await db
        .update(users)
        .set({ passwordHash, passwordExpiresAt: expiresAt, updatedAt: sql`now()` })
        .where(and(inTenant, eq(users.id, userId)));
    },
  };
}

export type PeopleRepository = ReturnType<typeof peopleRepository>;
