/** @module Units and people: the unit tree, a leader's team, the administrator's user list and one person. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { UnitRow, UserRow } from '../../db/repositories/people.ts';
import { canSeePerson, effectiveRoles, hasRole, isLeader, unitsLedBy } from '../../domain/access.ts';
import { idSchema } from '../contracts/common.ts';
import {
  type Person,
  personSchema,
  teamSchema,
  unitListSchema,
  userListSchema,
} from '../contracts/people.ts';
import type { AppEnv } from '../http/env.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticatedOrToken, json, pick, reply } from '../http/openapi.ts';

function toPerson(user: UserRow, units: Map<string, UnitRow>, leaderIds: Set<string>): Person {
  const unit = user.unitId ? units.get(user.unitId) : undefined;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    title: user.title,
    roles: effectiveRoles(user.roles, leaderIds.has(user.id)),
    unit: unit ? { id: unit.id, name: unit.name } : null,
    active: user.active,
  };
}

export function peopleRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const directory = async (c: Parameters<typeof auth>[0]) => {
    const { tenant } = auth(c);
    const [units, leaderships] = await Promise.all([
      tenant.people.listUnits(),
      tenant.people.listLeaderships(),
    ]);
    return {
      units,
      unitById: new Map(units.map((unit) => [unit.id, unit])),
      leaderships,
      leaderIds: new Set(leaderships.map((leadership) => leadership.userId)),
    };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/units',
      tags: ['People'],
      summary: "The municipality's units as a tree (the organisation chart is not personal data)",
      ...authenticatedOrToken(['organisation', 'admin']),
      responses: { 200: json(unitListSchema, 'All units.'), ...pick(401) },
    }),
    async (c) => {
      const { tenant } = auth(c);
      const { units, leaderships } = await directory(c);
      const members = await tenant.people.listUsers();
      return reply(c, unitListSchema, {
        units: units.map((unit) => ({
          id: unit.id,
          name: unit.name,
          parentId: unit.parentId,
          leaders: leaderships
            .filter((leadership) => leadership.unitId === unit.id)
            .map((leadership) => ({ id: leadership.userId, name: leadership.name })),
          memberCount: members.filter((member) => member.unitId === unit.id && member.active).length,
        })),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/team',
      tags: ['People'],
      summary: 'The people in the units the caller leads, including units below them',
      ...authenticatedOrToken('organisation', { audit: 'team.read' }),
      responses: { 200: json(teamSchema, 'The team.'), ...pick(401, 403) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      if (!isLeader(principal)) throw forbidden();
      const { units, unitById, leaderIds } = await directory(c);
      const ledUnitIds = [...unitsLedBy(principal, units)];
      const members = await tenant.people.usersInUnits(ledUnitIds);
      return reply(c, teamSchema, {
        units: ledUnitIds
          .map((id) => unitById.get(id)!)
          .sort((a, b) => a.name.localeCompare(b.name, 'da'))
          .map((unit) => ({ id: unit.id, name: unit.name })),
        members: members
          .filter((member) => member.id !== principal.userId)
          .map((member) => toPerson(member, unitById, leaderIds)),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/users',
      tags: ['People'],
      summary: 'Every user of the municipality (administrators only)',
      ...authenticatedOrToken(['organisation', 'admin'], { audit: 'user_list.read' }),
      responses: { 200: json(userListSchema, 'All users.'), ...pick(401, 403) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      if (!hasRole(principal, 'admin')) throw forbidden();
      const { unitById, leaderIds } = await directory(c);
      const users = await tenant.people.listUsers();
      return reply(c, userListSchema, { users: users.map((user) => toPerson(user, unitById, leaderIds)) });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/users/{userId}',
      tags: ['People'],
      summary: 'One person: oneself, someone in a unit the caller leads, or anyone for an administrator',
      ...authenticatedOrToken(['organisation', 'admin'], { audit: 'user.read' }),
      request: { params: z.strictObject({ userId: idSchema }) },
      responses: { 200: json(personSchema, 'The person.'), ...pick(400, 401, 404) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const user = await tenant.people.findUser(c.req.valid('param').userId);
      const { units, unitById, leaderIds } = await directory(c);
      // Someone the caller may not see is answered exactly like someone who does not exist.
      if (!user || !canSeePerson(principal, user, units)) throw notFound();
      return reply(c, personSchema, toPerson(user, unitById, leaderIds));
    },
  );

  return app;
}
