/** @module Units, people and leadership inside one municipality; the administrator's changes, guarded by version. */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { municipalities, sessions, unitLeaders, units, users } from '../schema.ts';

export type UnitRow = typeof units.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type NewUser = Omit<typeof users.$inferInsert, 'municipalityId' | 'id'>;

/** What an administrator edits of a person; leaving a field out leaves it as it is. */
export type UserChanges = Partial<
  Pick<UserRow, 'name' | 'email' | 'title' | 'roles' | 'unitId' | 'roleProfileKey' | 'externalId' | 'locale'>
>;
export type UnitChanges = Partial<Pick<UnitRow, 'name' | 'parentId' | 'externalId'>>;

/** The unique values another record already holds, told apart from any other database error. */
export type TakenField = 'email' | 'externalId';

/**
 * A guarded change: saved, refused because someone saved first (`conflict`), or because another record holds the
 * e-mail or external id (`taken`, when two requests race past the route's own check).
 */
export type Saved<T> =
  | { outcome: 'saved'; row: T }
  | { outcome: 'conflict' }
  | { outcome: 'taken'; field: TakenField };

const uniqueConstraints: Record<string, TakenField> = {
  users_email_uq: 'email',
  users_external_id_uq: 'externalId',
  units_external_id_uq: 'externalId',
};

/** The field of a unique violation (23505), read from the driver's error or drizzle's wrapper around it. */
export function takenFieldOf(error: unknown): TakenField | undefined {
  for (
    let current = error as { code?: string; constraint?: string; cause?: unknown } | undefined;
    current;
  ) {
    if (current.code === '23505') return uniqueConstraints[current.constraint ?? ''];
    current = current.cause as typeof current;
  }
  return undefined;
}

async function guardedSave<T>(change: () => Promise<T | undefined>): Promise<Saved<T>> {
  try {
    const row = await change();
    return row ? { outcome: 'saved', row } : { outcome: 'conflict' };
  } catch (error) {
    const field = takenFieldOf(error);
    if (field) return { outcome: 'taken', field };
    throw error;
  }
}

export function peopleRepository(db: Database, municipalityId: string) {
  const inTenant = eq(users.municipalityId, municipalityId);

  async function createUnit(input: {
    name: string;
    parentId?: string | null;
    externalId?: string | null;
  }): Promise<UnitRow> {
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
  }

  async function createUser(input: NewUser): Promise<UserRow> {
    const [row] = await db
      .insert(users)
      .values({ ...input, email: input.email.trim().toLowerCase(), municipalityId })
      .returning();
    return row!;
  }

  const unitInTenant = (unitId: string, expectedVersion?: number) =>
    and(
      eq(units.municipalityId, municipalityId),
      eq(units.id, unitId),
      expectedVersion === undefined ? undefined : eq(units.version, expectedVersion),
    );

  return {
    async municipality() {
      const [row] = await db.select().from(municipalities).where(eq(municipalities.id, municipalityId));
      return row!;
    },

    /** No aggregate covers fewer people than this (3–50; the database refuses anything else). */
    async setMinGroupSize(minGroupSize: number): Promise<void> {
      await db.update(municipalities).set({ minGroupSize }).where(eq(municipalities.id, municipalityId));
    },

    createUnit,

    async findUnit(unitId: string): Promise<UnitRow | undefined> {
      const [row] = await db.select().from(units).where(unitInTenant(unitId));
      return row;
    },

    async listUnits(): Promise<UnitRow[]> {
      return db.select().from(units).where(eq(units.municipalityId, municipalityId)).orderBy(asc(units.name));
    },

    createUser,

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

    async externalIdInUse(table: 'users' | 'units', externalId: string, exceptId?: string): Promise<boolean> {
      const target = table === 'users' ? users : units;
      const [row] = await db
        .select({ id: target.id })
        .from(target)
        .where(
          and(
            eq(target.municipalityId, municipalityId),
            eq(target.externalId, externalId),
            exceptId ? ne(target.id, exceptId) : undefined,
          ),
        )
        .limit(1);
      return row !== undefined;
    },

    /** Creates a person, or says which unique value another record holds already. */
    async tryCreateUser(input: NewUser): Promise<Saved<UserRow>> {
      return guardedSave(() => createUser(input));
    },

    /** Saves an administrator's changes if nobody saved the person since `expectedVersion`. */
    async updateUser(userId: string, expectedVersion: number, changes: UserChanges): Promise<Saved<UserRow>> {
      return guardedSave(async () => {
        const [row] = await db
          .update(users)
          .set({
            ...changes,
            ...(changes.email ? { email: changes.email.trim().toLowerCase() } : {}),
            version: sql`${users.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(and(inTenant, eq(users.id, userId), eq(users.version, expectedVersion)))
          .returning();
        return row;
      });
    },

    /**
     * Deactivates or reactivates a person. Deactivation ends their sessions at once and their leadership of any
     * unit (whoever leads the unit next sees its people's plans, decision 009); their history stays.
     */
    async setUserActive(
      userId: string,
      expectedVersion: number,
      active: boolean,
    ): Promise<Saved<UserRow> & { endedLeaderships?: number }> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(users)
          .set({ active, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
          .where(and(inTenant, eq(users.id, userId), eq(users.version, expectedVersion)))
          .returning();
        if (!row) return { outcome: 'conflict' } as const;
        if (active) return { outcome: 'saved', row } as const;
        await tx
          .delete(sessions)
          .where(and(eq(sessions.municipalityId, municipalityId), eq(sessions.userId, userId)));
        const ended = await tx
          .delete(unitLeaders)
          .where(and(eq(unitLeaders.municipalityId, municipalityId), eq(unitLeaders.userId, userId)))
          .returning({ unitId: unitLeaders.unitId });
        return { outcome: 'saved', row, endedLeaderships: ended.length } as const;
      });
    },

    async tryCreateUnit(input: {
      name: string;
      parentId: string | null;
      externalId: string | null;
    }): Promise<Saved<UnitRow>> {
      return guardedSave(() => createUnit(input));
    },

    async updateUnit(unitId: string, expectedVersion: number, changes: UnitChanges): Promise<Saved<UnitRow>> {
      return guardedSave(async () => {
        const [row] = await db
          .update(units)
          .set({ ...changes, version: sql`${units.version} + 1` })
          .where(unitInTenant(unitId, expectedVersion))
          .returning();
        return row;
      });
    },

    async setUnitActive(unitId: string, expectedVersion: number, active: boolean): Promise<Saved<UnitRow>> {
      return guardedSave(async () => {
        const [row] = await db
          .update(units)
          .set({ active, version: sql`${units.version} + 1` })
          .where(unitInTenant(unitId, expectedVersion))
          .returning();
        return row;
      });
    },

    /** Deletes a unit if nobody saved it since `expectedVersion`; the route has checked it was never used. */
    async deleteUnit(unitId: string, expectedVersion: number): Promise<boolean> {
      const deleted = await db
        .delete(units)
        .where(unitInTenant(unitId, expectedVersion))
        .returning({ id: units.id });
      return deleted.length > 0;
    },

    /**
     * Makes `leaderIds` the unit's leaders, if nobody saved the unit since `expectedVersion`. Conversations and plans
     * need no change: who may see them follows the unit (decision 009).
     */
    async setLeaders(
      unitId: string,
      expectedVersion: number,
      leaderIds: readonly string[],
    ): Promise<Saved<{ unit: UnitRow; added: string[]; removed: string[] }>> {
      return db.transaction(async (tx) => {
        const [unit] = await tx
          .update(units)
          .set({ version: sql`${units.version} + 1` })
          .where(unitInTenant(unitId, expectedVersion))
          .returning();
        if (!unit) return { outcome: 'conflict' } as const;
        const current = (
          await tx
            .select({ userId: unitLeaders.userId })
            .from(unitLeaders)
            .where(and(eq(unitLeaders.municipalityId, municipalityId), eq(unitLeaders.unitId, unitId)))
        ).map((row) => row.userId);
        const removed = current.filter((id) => !leaderIds.includes(id));
        const added = leaderIds.filter((id) => !current.includes(id));
        if (removed.length > 0) {
          await tx
            .delete(unitLeaders)
            .where(
              and(
                eq(unitLeaders.municipalityId, municipalityId),
                eq(unitLeaders.unitId, unitId),
                inArray(unitLeaders.userId, removed),
              ),
            );
        }
        if (added.length > 0) {
          await tx.insert(unitLeaders).values(added.map((userId) => ({ municipalityId, unitId, userId })));
        }
        return { outcome: 'saved', row: { unit, added, removed } } as const;
      });
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
