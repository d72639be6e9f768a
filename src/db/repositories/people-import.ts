/**
 * @module The people import's data access inside one municipality: a snapshot to plan from, and applying a plan in
 * one transaction with one statement per step, however many rows (10,000 people take seconds, not minutes).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, Param, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type {
  ExistingUnit,
  ExistingUser,
  ImportPlan,
  PlannedUnit,
  PlannedUser,
  Ref,
} from '../../domain/people-import.ts';
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

/**
 * One statement parameter holding a whole column: `unnest($1::uuid[], $2::text[], …)` turns such columns into rows.
 * Far cheaper to send and parse than a parameter per cell, and never near PostgreSQL's 65,535 parameters.
 */
const array = (values: readonly unknown[]) => new Param(values);

/** `column = any($1)`: membership in a list of any length, as one parameter. */
const anyOf = (column: AnyPgColumn, values: readonly string[]) =>
  sql`${column} = any(${array(values)}::uuid[])`;

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
      // One after another: inside a transaction there is one connection, and node-postgres queues concurrent queries.
      const unitRows = await db
        .select({
          id: units.id,
          externalId: units.externalId,
          name: units.name,
          parentId: units.parentId,
          active: units.active,
        })
        .from(units)
        .where(eq(units.municipalityId, municipalityId));
      const leaderRows = await db
        .select({ unitId: unitLeaders.unitId, userId: unitLeaders.userId })
        .from(unitLeaders)
        .where(eq(unitLeaders.municipalityId, municipalityId));
      const userRows = await db
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
        .where(eq(users.municipalityId, municipalityId));
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
        const unitIdOf = (ref: Ref | null) =>
          ref === null ? null : ref.kind === 'existing' ? ref.id : newUnitIds.get(ref.externalId)!;
        const userIdOf = (ref: Ref) => (ref.kind === 'existing' ? ref.id : newUserIds.get(ref.externalId)!);
        const inTenant = sql`municipality_id = ${municipalityId}::uuid`;

        if (plan.units.create.length > 0) {
          const created = parentsFirst(plan.units.create);
          await tx.execute(sql`
            insert into units (id, municipality_id, name, external_id, parent_id)
            select id, ${municipalityId}::uuid, name, external_id, parent_id
            from unnest(
              ${array(created.map((unit) => newUnitIds.get(unit.externalId)!))}::uuid[],
              ${array(created.map((unit) => unit.name))}::text[],
              ${array(created.map((unit) => unit.externalId))}::text[],
              ${array(created.map((unit) => unitIdOf(unit.parent)))}::uuid[]
            ) with ordinality as v(id, name, external_id, parent_id, position)
            order by position`);
        }
        if (plan.units.change.length > 0) {
          const changed = plan.units.change;
          await tx.execute(sql`
            update units set name = v.name, external_id = v.external_id, parent_id = v.parent_id, active = true,
              version = units.version + 1
            from unnest(
              ${array(changed.map((unit) => unit.id!))}::uuid[],
              ${array(changed.map((unit) => unit.name))}::text[],
              ${array(changed.map((unit) => unit.externalId))}::text[],
              ${array(changed.map((unit) => unitIdOf(unit.parent)))}::uuid[]
            ) as v(id, name, external_id, parent_id)
            where units.${inTenant} and units.id = v.id`);
        }

        /** One array per column, in the order of `people`. */
        const userColumns = (people: readonly PlannedUser[], idOf: (user: PlannedUser) => string) => sql`
          ${array(people.map(idOf))}::uuid[],
          ${array(people.map((user) => user.name))}::text[],
          ${array(people.map((user) => user.email))}::text[],
          ${array(people.map((user) => user.title))}::text[],
          ${array(people.map((user) => unitIdOf(user.unit)))}::uuid[],
          ${array(people.map((user) => user.roles.join(',')))}::text[],
          ${array(people.map((user) => user.active))}::boolean[],
          ${array(people.map((user) => user.externalId))}::text[]`;
        // Changes before new people: an e-mail one person gives up may be the one a new person gets.
        if (plan.users.change.length > 0) {
          await tx.execute(sql`
            update users set name = v.name, email = v.email, title = v.title, unit_id = v.unit_id,
              roles = string_to_array(v.roles, ','), active = v.active, external_id = v.external_id,
              version = users.version + 1, updated_at = now()
            from unnest(${userColumns(plan.users.change, (user) => user.id!)})
              as v(id, name, email, title, unit_id, roles, active, external_id)
            where users.${inTenant} and users.id = v.id`);
        }
        if (plan.users.create.length > 0) {
          await tx.execute(sql`
            insert into users (id, municipality_id, name, email, title, unit_id, roles, active, external_id)
            select id, ${municipalityId}::uuid, name, email, title, unit_id, string_to_array(roles, ','), active,
              external_id
            from unnest(${userColumns(plan.users.create, (user) => newUserIds.get(user.externalId)!)})
              as v(id, name, email, title, unit_id, roles, active, external_id)`);
        }

        const leaving = plan.users.deactivate.map((user) => user.id);
        if (leaving.length > 0) {
          await tx.execute(sql`
            update users set active = false, version = version + 1, updated_at = now()
            where ${inTenant} and id = any(${array(leaving)}::uuid[])`);
        }
        const deactivatedUserIds = [
          ...leaving,
          ...plan.users.change
            .filter((user) => user.changes.some((change) => change.field === 'active' && change.to === false))
            .map((user) => user.id!),
        ];
        let sessionsEnded = 0;
        if (deactivatedUserIds.length > 0) {
          const ended = await tx
            .delete(sessions)
            .where(
              and(eq(sessions.municipalityId, municipalityId), anyOf(sessions.userId, deactivatedUserIds)),
            )
            .returning({ id: sessions.id });
          sessionsEnded = ended.length;
          await tx
            .delete(unitLeaders)
            .where(
              and(
                eq(unitLeaders.municipalityId, municipalityId),
                anyOf(unitLeaders.userId, deactivatedUserIds),
              ),
            );
        }

        // Leaders: the file's list becomes the unit's, for new units and units whose leaders changed.
        const withNewLeaders = [
          ...plan.units.create,
          ...plan.units.change.filter((unit) => unit.changes.some((change) => change.field === 'leaders')),
        ].filter((unit) => unit.leaders !== undefined);
        const replaced = withNewLeaders.flatMap((unit) => (unit.id ? [unit.id] : []));
        if (replaced.length > 0) {
          await tx
            .delete(unitLeaders)
            .where(and(eq(unitLeaders.municipalityId, municipalityId), anyOf(unitLeaders.unitId, replaced)));
        }
        const leaderships = withNewLeaders.flatMap((unit) =>
          unit.leaders!.map((leader) => ({
            unitId: unit.id ?? newUnitIds.get(unit.externalId)!,
            userId: userIdOf(leader),
          })),
        );
        if (leaderships.length > 0) {
          await tx.execute(sql`
            insert into unit_leaders (municipality_id, unit_id, user_id)
            select ${municipalityId}::uuid, unit_id, user_id
            from unnest(
              ${array(leaderships.map((leadership) => leadership.unitId))}::uuid[],
              ${array(leaderships.map((leadership) => leadership.userId))}::uuid[]
            ) as v(unit_id, user_id)`);
        }

        const closing = plan.units.deactivate.map((unit) => unit.id);
        if (closing.length > 0) {
          await tx.execute(sql`
            update units set active = false, version = version + 1
            where ${inTenant} and id = any(${array(closing)}::uuid[])`);
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
