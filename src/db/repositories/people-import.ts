/**
 * @module The people import's data access inside one municipality: a snapshot to plan from, and applying a plan in
 * one transaction with a few batched statements, however many rows (10,000 people take seconds, not minutes).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ExistingUnit, ExistingUser, ImportPlan, PlannedUnit, Ref } from '../../domain/people-import.ts';
import type { Database } from '../client.ts';
import { sessions, unitLeaders, units, users } from '../schema.ts';

export interface ImportCounts {
  unitsCreated: number;
  unitsChanged: number;
  unitsDeactivated: number;
  usersCreated: number;
  usersChanged: number;
  usersDeactivated: number;
  sessionsEnded: number;
}

/** Rows per statement: ten columns a row stays far below PostgreSQL's 65,535 parameters. */
const batchSize = 1000;

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += batchSize) yield items.slice(start, start + batchSize);
}

/** New units in an order where every parent comes before its children, so each batch's references exist. */
function parentsFirst(created: readonly PlannedUnit[]): PlannedUnit[] {
  const byExternalId = new Map(created.map((unit) => [unit.externalId, unit]));
  const depth = new Map<string, number>();
  const depthOf = (unit: PlannedUnit, seen = new Set<string>()): number => {
    const known = depth.get(unit.externalId);
    if (known !== undefined) return known;
    const parent = unit.parent?.kind === 'new' ? byExternalId.get(unit.parent.externalId) : undefined;
    // The plan refuses loops; `seen` only keeps a broken plan from recursing forever.
    const value = parent && !seen.has(unit.externalId) ? depthOf(parent, seen.add(unit.externalId)) + 1 : 0;
    depth.set(unit.externalId, value);
    return value;
  };
  return [...created].sort((a, b) => depthOf(a) - depthOf(b));
}

export function peopleImportRepository(db: Database, municipalityId: string) {
  return {
    /** The municipality's units with their leaders, and its people: what a plan is made from. */
    async snapshot(): Promise<{ units: ExistingUnit[]; users: ExistingUser[] }> {
      const [unitRows, leaderRows, userRows] = await Promise.all([
        db
          .select({
            id: units.id,
            externalId: units.externalId,
            name: units.name,
            parentId: units.parentId,
            active: units.active,
          })
          .from(units)
          .where(eq(units.municipalityId, municipalityId)),
        db
          .select({ unitId: unitLeaders.unitId, userId: unitLeaders.userId })
          .from(unitLeaders)
          .where(eq(unitLeaders.municipalityId, municipalityId)),
        db
          .select({
            id: users.id,
            externalId: users.externalId,
            name: users.name,
            email: users.email,
            title: users.title,
            unitId: users.unitId,
            roles: users.roles,
            active: users.active,
          })
          .from(users)
          .where(eq(users.municipalityId, municipalityId)),
      ]);
      const leadersOf = new Map<string, string[]>();
      for (const row of leaderRows)
        leadersOf.set(row.unitId, [...(leadersOf.get(row.unitId) ?? []), row.userId]);
      return {
        units: unitRows.map((unit) => ({ ...unit, leaderIds: leadersOf.get(unit.id) ?? [] })),
        users: userRows,
      };
    },

    /**
     * Carries out a plan without issues, in one transaction: a failure anywhere leaves everything as it was.
     * People who are deactivated lose their sessions and their leadership of units, as in the administrator's UI.
     */
    async apply(plan: ImportPlan): Promise<ImportCounts> {
      return db.transaction(async (tx) => {
        const newUnitIds = new Map(plan.units.create.map((unit) => [unit.externalId, randomUUID()]));
        const newUserIds = new Map(plan.users.create.map((user) => [user.externalId, randomUUID()]));
        const unitIdOf = (ref: Ref) => (ref.kind === 'existing' ? ref.id : newUnitIds.get(ref.externalId)!);
        const userIdOf = (ref: Ref) => (ref.kind === 'existing' ? ref.id : newUserIds.get(ref.externalId)!);

        for (const batch of batches(parentsFirst(plan.units.create))) {
          await tx.insert(units).values(
            batch.map((unit) => ({
              id: newUnitIds.get(unit.externalId)!,
              municipalityId,
              name: unit.name,
              externalId: unit.externalId,
              parentId: unit.parent ? unitIdOf(unit.parent) : null,
            })),
          );
        }
        for (const batch of batches(plan.units.change)) {
          const values = batch.map(
            (unit) =>
              sql`(${unit.id}::uuid, ${unit.name}::text, ${unit.externalId}::text, ${
                unit.parent ? unitIdOf(unit.parent) : null
              }::uuid)`,
          );
          await tx.execute(sql`
            update units set name = v.name, external_id = v.external_id, parent_id = v.parent_id, active = true,
              version = units.version + 1
            from (values ${sql.join(values, sql`, `)}) as v(id, name, external_id, parent_id)
            where units.municipality_id = ${municipalityId}::uuid and units.id = v.id`);
        }

        // Changes before new people: an e-mail one person gives up may be the one a new person gets.
        const userValues = (user: ImportPlan['users']['create'][number], id: string): SQL =>
          sql`(${id}::uuid, ${user.name}::text, ${user.email}::text, ${user.title}::text, ${
            user.unit ? unitIdOf(user.unit) : null
          }::uuid, ${user.roles.join(',')}::text, ${user.active}::boolean, ${user.externalId}::text)`;
        for (const batch of batches(plan.users.change)) {
          await tx.execute(sql`
            update users set name = v.name, email = v.email, title = v.title, unit_id = v.unit_id,
              roles = string_to_array(v.roles, ','), active = v.active, external_id = v.external_id,
              version = users.version + 1, updated_at = now()
            from (values ${sql.join(
              batch.map((user) => userValues(user, user.id!)),
              sql`, `,
            )}) as v(id, name, email, title, unit_id, roles, active, external_id)
            where users.municipality_id = ${municipalityId}::uuid and users.id = v.id`);
        }
        for (const batch of batches(plan.users.create)) {
          await tx.insert(users).values(
            batch.map((user) => ({
              id: newUserIds.get(user.externalId)!,
              municipalityId,
              name: user.name,
              email: user.email,
              title: user.title,
              unitId: user.unit ? unitIdOf(user.unit) : null,
              roles: user.roles,
              active: user.active,
              externalId: user.externalId,
            })),
          );
        }

        for (const batch of batches(plan.users.deactivate.map((user) => user.id))) {
          await tx
            .update(users)
            .set({ active: false, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
            .where(and(eq(users.municipalityId, municipalityId), inArray(users.id, batch)));
        }
        const deactivatedUserIds = [
          ...plan.users.deactivate.map((user) => user.id),
          ...plan.users.change
            .filter((user) => user.changes.some((change) => change.field === 'active' && change.to === false))
            .map((user) => user.id!),
        ];
        let sessionsEnded = 0;
        for (const batch of batches(deactivatedUserIds)) {
          const ended = await tx
            .delete(sessions)
            .where(and(eq(sessions.municipalityId, municipalityId), inArray(sessions.userId, batch)))
            .returning({ id: sessions.id });
          sessionsEnded += ended.length;
          await tx
            .delete(unitLeaders)
            .where(and(eq(unitLeaders.municipalityId, municipalityId), inArray(unitLeaders.userId, batch)));
        }

        // Leaders: the file's list becomes the unit's, for new units and units whose leaders changed.
        const withNewLeaders = [
          ...plan.units.create,
          ...plan.units.change.filter((unit) => unit.changes.some((change) => change.field === 'leaders')),
        ].filter((unit) => unit.leaders !== undefined);
        const existingWithNewLeaders = withNewLeaders.flatMap((unit) => (unit.id ? [unit.id] : []));
        for (const batch of batches(existingWithNewLeaders)) {
          await tx
            .delete(unitLeaders)
            .where(and(eq(unitLeaders.municipalityId, municipalityId), inArray(unitLeaders.unitId, batch)));
        }
        const leaderships = withNewLeaders.flatMap((unit) =>
          unit.leaders!.map((leader) => ({
            municipalityId,
            unitId: unit.id ?? newUnitIds.get(unit.externalId)!,
            userId: userIdOf(leader),
          })),
        );
        for (const batch of batches(leaderships)) await tx.insert(unitLeaders).values(batch);

        for (const batch of batches(plan.units.deactivate.map((unit) => unit.id))) {
          await tx
            .update(units)
            .set({ active: false, version: sql`${units.version} + 1` })
            .where(and(eq(units.municipalityId, municipalityId), inArray(units.id, batch)));
        }

        return {
          unitsCreated: plan.units.create.length,
          unitsChanged: plan.units.change.length,
          unitsDeactivated: plan.units.deactivate.length,
          usersCreated: plan.users.create.length,
          usersChanged: plan.users.change.length,
          usersDeactivated: plan.users.deactivate.length,
          sessionsEnded,
        };
      });
    },
  };
}

export type PeopleImportRepository = ReturnType<typeof peopleImportRepository>;
