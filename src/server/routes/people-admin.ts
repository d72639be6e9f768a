/**
 * @module The administrator's work on people and units: create, edit, move, deactivate; a unit's leaders. Every change
 * is guarded by the version the administrator saw, and recorded in the audit log in the same transaction.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import type { Saved, UnitRow, UserRow } from '../../db/repositories/people.ts';
import type { SystemRepository } from '../../db/repositories/system.ts';
import { effectiveRoles, hasRole, subtreeUnitIds } from '../../domain/access.ts';
import type { AuditEvent } from '../../domain/audit.ts';
import {
  adminRuleProblem,
  changedFields,
  normalisedRoles,
  parentProblem,
  unitDeactivationProblem,
  unitDeletionProblem,
} from '../../domain/people-admin.ts';
import { localeSchema } from '../../domain/text.ts';
import { audit } from '../audit.ts';
import { idSchema } from '../contracts/common.ts';
import {
  type AdminUnit,
  type AdminUser,
  activeInputSchema,
  adminUnitListSchema,
  adminUnitSchema,
  adminUserSchema,
  leaderChangeSchema,
  leadersInputSchema,
  type UnitInput,
  type UserInput,
  unitInputSchema,
  unitUpdateSchema,
  userInputSchema,
  userUpdateSchema,
} from '../contracts/people-admin.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';
import { fieldMessage } from '../messages.ts';

/** Only administrators, and only in their own municipality (the tenant repositories see nothing else). */
export function requireAdmin(c: Context<AppEnv>) {
  const { principal, tenant } = auth(c);
  if (!hasRole(principal, 'admin')) throw forbidden();
  return { principal, tenant };
}

const userParams = z.strictObject({ userId: idSchema });
const unitParams = z.strictObject({ unitId: idSchema });

/** Everything the rules look at: units, people and who leads what. */
async function organisation(tenant: TenantRepositories) {
  const [units, people, leaderships] = await Promise.all([
    tenant.people.listUnits(),
    tenant.people.listUsers(),
    tenant.people.listLeaderships(),
  ]);
  return { units, people, leaderships, unitById: new Map(units.map((unit) => [unit.id, unit])) };
}
type Organisation = Awaited<ReturnType<typeof organisation>>;

function adminUserView(user: UserRow, org: Organisation): AdminUser {
  const unitRef = (unitId: string) => ({ id: unitId, name: org.unitById.get(unitId)?.name ?? '' });
  const led = org.leaderships.filter((leadership) => leadership.userId === user.id);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    title: user.title,
    grantedRoles: normalisedRoles(user.roles),
    roles: effectiveRoles(user.roles, led.length > 0),
    unit: user.unitId ? unitRef(user.unitId) : null,
    ledUnits: led.map((leadership) => unitRef(leadership.unitId)),
    roleProfileKey: user.roleProfileKey,
    externalId: user.externalId,
    locale: localeSchema.catch('da').parse(user.locale),
    active: user.active,
    version: user.version,
  };
}

function adminUnitView(unit: UnitRow, org: Organisation): AdminUnit {
  const members = org.people.filter((person) => person.unitId === unit.id);
  return {
    id: unit.id,
    name: unit.name,
    parentId: unit.parentId,
    externalId: unit.externalId,
    active: unit.active,
    version: unit.version,
    leaders: org.leaderships
      .filter((leadership) => leadership.unitId === unit.id)
      .map((leadership) => ({ id: leadership.userId, name: leadership.name })),
    memberCount: members.filter((member) => member.active).length,
    everMemberCount: members.length,
    childCount: org.units.filter((child) => child.parentId === unit.id).length,
  };
}

/** Empty text means "none". */
const orNull = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim());

/** A person's fields as stored: e-mail in lower case, roles in order, empty text as none. */
const userValues = (input: UserInput) => ({
  name: input.name,
  email: input.email.trim().toLowerCase(),
  title: orNull(input.title),
  roles: normalisedRoles(input.roles),
  unitId: input.unitId,
  roleProfileKey: input.roleProfileKey,
  externalId: orNull(input.externalId),
  locale: input.locale,
});

const unitValues = (input: UnitInput) => ({
  name: input.name,
  parentId: input.parentId,
  externalId: orNull(input.externalId),
});

function invalid(code: 'invalid_person' | 'invalid_unit', fields: Record<string, string>): void {
  if (Object.keys(fields).length > 0) throw new ApiError(422, code, { fields });
}

/** The answer to a guarded save: the saved row, or why nothing changed. */
function savedRow<T>(c: Context<AppEnv>, saved: Saved<T>, code: 'invalid_person' | 'invalid_unit'): T {
  if (saved.outcome === 'conflict') throw new ApiError(409, 'conflict');
  if (saved.outcome === 'taken') {
    const locale = c.get('locale');
    const field = saved.field;
    throw new ApiError(422, code, {
      fields: { [field]: fieldMessage(locale, field === 'email' ? 'email_taken' : 'external_id_taken') },
    });
  }
  return saved.row;
}

/** An audit entry of the administrator's work, about a user or a unit. */
type AdminEvent = Pick<AuditEvent, 'action' | 'subjectType' | 'subjectId' | 'subjectPersonId' | 'details'>;

/**
 * Saves in one transaction, together with its audit entry (purpose `administration`) when `event` gives one for what
 * was saved: the change and its record commit together or not at all.
 */
async function saveAudited<T>(
  c: Context<AppEnv>,
  code: 'invalid_person' | 'invalid_unit',
  save: (tenant: TenantRepositories) => Promise<Saved<T>>,
  event: (saved: T) => AdminEvent | null,
): Promise<T> {
  const { tenant } = requireAdmin(c);
  return tenant.transaction(async (inTransaction, tx) => {
    const saved = savedRow(c, await save(inTransaction), code);
    const entry = event(saved);
    if (entry) await audit(c, { ...entry, purpose: 'administration' }, { tx });
    return saved;
  });
}

const userEvent = (action: string, userId: string, details?: AdminEvent['details']): AdminEvent => ({
  action,
  subjectType: 'user',
  subjectId: userId,
  subjectPersonId: userId,
  ...(details ? { details } : {}),
});

const unitEvent = (action: string, unitId: string, details?: AdminEvent['details']): AdminEvent => ({
  action,
  subjectType: 'unit',
  subjectId: unitId,
  subjectPersonId: null,
  ...(details ? { details } : {}),
});

/**
 * Checks a person's fields against the rest of the municipality, and their e-mail against every login of the
 * installation; `before` is the saved person when editing.
 */
async function checkUser(
  c: Context<AppEnv>,
  system: SystemRepository,
  input: UserInput,
  org: Organisation,
  before?: UserRow,
) {
  const { principal, tenant } = requireAdmin(c);
  const locale = c.get('locale');
  const fields: Record<string, string> = {};
  const externalId = orNull(input.externalId);
  if (input.roles.length === 0) fields.roles = fieldMessage(locale, 'roles_required');
  if (await system.emailInUse(input.email, before?.id)) fields.email = fieldMessage(locale, 'email_taken');
  if (externalId && (await tenant.people.externalIdInUse('users', externalId, before?.id)))
    fields.externalId = fieldMessage(locale, 'external_id_taken');
  if (input.unitId !== null && input.unitId !== before?.unitId) {
    const unit = org.unitById.get(input.unitId);
    if (!unit) fields.unitId = fieldMessage(locale, 'unit_unknown');
    else if (!unit.active) fields.unitId = fieldMessage(locale, 'unit_inactive');
  }
  if (input.roleProfileKey !== null && input.roleProfileKey !== before?.roleProfileKey) {
    const profiles = await tenant.frameworks.listRoleProfiles();
    if (!profiles.some((profile) => profile.key === input.roleProfileKey))
      fields.roleProfileKey = fieldMessage(locale, 'role_profile_key_unknown');
  }
  if (before) {
    const problem = adminRuleProblem(org.people, principal.userId, {
      userId: before.id,
      roles: input.roles,
      active: before.active,
    });
    if (problem) fields.roles = fieldMessage(locale, problem);
  }
  invalid('invalid_person', fields);
}

/** Checks a unit's fields; `before` is the saved unit when editing. */
async function checkUnit(c: Context<AppEnv>, input: UnitInput, org: Organisation, before?: UnitRow) {
  const { tenant } = requireAdmin(c);
  const locale = c.get('locale');
  const fields: Record<string, string> = {};
  const externalId = orNull(input.externalId);
  if (externalId && (await tenant.people.externalIdInUse('units', externalId, before?.id)))
    fields.externalId = fieldMessage(locale, 'external_id_taken');
  if (input.parentId !== (before?.parentId ?? null)) {
    const problem = parentProblem(org.units, before?.id ?? null, input.parentId);
    if (problem)
      fields.parentId = fieldMessage(locale, problem === 'unknown_unit' ? 'unit_unknown' : problem);
  }
  invalid('invalid_unit', fields);
}

export function peopleAdminRoutes(system: SystemRepository) {
  const app = new OpenAPIHono<AppEnv>();

  const loadUser = async (c: Context<AppEnv>, userId: string) => {
    const { tenant } = requireAdmin(c);
    const org = await organisation(tenant);
    const user = org.people.find((person) => person.id === userId);
    if (!user) throw notFound();
    return { tenant, org, user };
  };
  const loadUnit = async (c: Context<AppEnv>, unitId: string) => {
    const { tenant } = requireAdmin(c);
    const org = await organisation(tenant);
    const unit = org.unitById.get(unitId);
    if (!unit) throw notFound();
    return { tenant, org, unit };
  };
  /** The person as saved, in a fresh view of the organisation (a change may have moved or ended a leadership). */
  const userAnswer = async (tenant: TenantRepositories, user: UserRow) =>
    adminUserView(user, await organisation(tenant));
  const unitAnswer = async (tenant: TenantRepositories, unit: UnitRow) =>
    adminUnitView(unit, await organisation(tenant));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/users/{userId}',
      tags: ['Admin'],
      summary: 'One person as the administrator edits them (administrators)',
      ...authenticated,
      request: { params: userParams },
      responses: { 200: json(adminUserSchema, 'The person.'), ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const { org, user } = await loadUser(c, c.req.valid('param').userId);
      return reply(c, adminUserSchema, adminUserView(user, org));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/users',
      tags: ['Admin'],
      summary: 'Create a user (administrators); they log in by single sign-on or a password set later',
      ...authenticated,
      request: { body: jsonBody(userInputSchema) },
      responses: {
        201: json(adminUserSchema, 'Created.'),
        ...pick(400, 401, 403, 415, 422),
      },
    }),
    async (c) => {
      const { tenant } = requireAdmin(c);
      const input = c.req.valid('json');
      await checkUser(c, system, input, await organisation(tenant));
      const user = await saveAudited(
        c,
        'invalid_person',
        (inTransaction) => inTransaction.people.tryCreateUser(userValues(input)),
        (created) => userEvent('user.created', created.id, { unitId: created.unitId }),
      );
      return c.json(adminUserSchema.parse(await userAnswer(tenant, user)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/admin/users/{userId}',
      tags: ['Admin'],
      summary: "Edit a user's details, roles and unit (administrators); moving them moves who leads them",
      ...authenticated,
      request: { params: userParams, body: jsonBody(userUpdateSchema) },
      responses: {
        200: json(adminUserSchema, 'Saved.'),
        ...pick(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const { tenant, org, user } = await loadUser(c, c.req.valid('param').userId);
      const { version, ...input } = c.req.valid('json');
      await checkUser(c, system, input, org, user);
      const values = userValues(input);
      const fields = changedFields(user, values);
      const saved = await saveAudited(
        c,
        'invalid_person',
        (inTransaction) => inTransaction.people.updateUser(user.id, version, values),
        (row) =>
          fields.length === 0
            ? null
            : userEvent(fields.includes('unitId') ? 'user.moved' : 'user.updated', user.id, {
                fields: fields.join(','),
                ...(fields.includes('unitId') ? { fromUnitId: user.unitId, toUnitId: row.unitId } : {}),
              }),
      );
      return reply(c, adminUserSchema, await userAnswer(tenant, saved));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/admin/users/{userId}/status',
      tags: ['Admin'],
      summary:
        'Deactivate or reactivate a user (administrators): a deactivated user cannot log in, their sessions end, and so does their leadership',
      ...authenticated,
      request: { params: userParams, body: jsonBody(activeInputSchema) },
      responses: {
        200: json(adminUserSchema, 'Saved.'),
        ...pick(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const { principal } = requireAdmin(c);
      const { tenant, org, user } = await loadUser(c, c.req.valid('param').userId);
      const { active, version } = c.req.valid('json');
      const locale = c.get('locale');
      const problem = adminRuleProblem(org.people, principal.userId, {
        userId: user.id,
        roles: user.roles,
        active,
      });
      if (problem) invalid('invalid_person', { active: fieldMessage(locale, problem) });
      const unit = user.unitId ? org.unitById.get(user.unitId) : undefined;
      if (active && unit && !unit.active)
        invalid('invalid_person', { active: fieldMessage(locale, 'unit_inactive') });
      if (active && user.anonymisedAt)
        invalid('invalid_person', { active: fieldMessage(locale, 'person_anonymised') });
      let endedLeaderships = 0;
      const saved = await saveAudited(
        c,
        'invalid_person',
        async (inTransaction) => {
          const result = await inTransaction.people.setUserActive(user.id, version, active);
          endedLeaderships = result.endedLeaderships ?? 0;
          return result;
        },
        () =>
          user.active === active
            ? null
            : active
              ? userEvent('user.reactivated', user.id)
              : userEvent('user.deactivated', user.id, { endedLeaderships }),
      );
      return reply(c, adminUserSchema, await userAnswer(tenant, saved));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/units',
      tags: ['Admin'],
      summary: 'Every unit with its external id, state, leaders and head counts (administrators)',
      ...authenticated,
      responses: { 200: json(adminUnitListSchema, 'All units.'), ...pick(401, 403) },
    }),
    async (c) => {
      const { tenant } = requireAdmin(c);
      const org = await organisation(tenant);
      return reply(c, adminUnitListSchema, { units: org.units.map((unit) => adminUnitView(unit, org)) });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/units',
      tags: ['Admin'],
      summary: 'Create a unit (administrators)',
      ...authenticated,
      request: { body: jsonBody(unitInputSchema) },
      responses: { 201: json(adminUnitSchema, 'Created.'), ...pick(400, 401, 403, 415, 422) },
    }),
    async (c) => {
      const { tenant } = requireAdmin(c);
      const input = c.req.valid('json');
      await checkUnit(c, input, await organisation(tenant));
      const unit = await saveAudited(
        c,
        'invalid_unit',
        (inTransaction) => inTransaction.people.tryCreateUnit(unitValues(input)),
        (created) => unitEvent('unit.created', created.id, { parentId: created.parentId }),
      );
      return c.json(adminUnitSchema.parse(await unitAnswer(tenant, unit)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/admin/units/{unitId}',
      tags: ['Admin'],
      summary: 'Rename a unit, move it in the tree or change its external id (administrators)',
      ...authenticated,
      request: { params: unitParams, body: jsonBody(unitUpdateSchema) },
      responses: { 200: json(adminUnitSchema, 'Saved.'), ...pick(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const { tenant, org, unit } = await loadUnit(c, c.req.valid('param').unitId);
      const { version, ...input } = c.req.valid('json');
      await checkUnit(c, input, org, unit);
      const values = unitValues(input);
      const fields = changedFields(unit, values);
      const saved = await saveAudited(
        c,
        'invalid_unit',
        (inTransaction) => inTransaction.people.updateUnit(unit.id, version, values),
        () => (fields.length === 0 ? null : unitEvent('unit.updated', unit.id, { fields: fields.join(',') })),
      );
      return reply(c, adminUnitSchema, await unitAnswer(tenant, saved));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/admin/units/{unitId}/status',
      tags: ['Admin'],
      summary:
        'Deactivate a unit with no active people or sub-units, or reactivate one under an active parent (administrators)',
      ...authenticated,
      request: { params: unitParams, body: jsonBody(activeInputSchema) },
      responses: { 200: json(adminUnitSchema, 'Saved.'), ...pick(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const { tenant, org, unit } = await loadUnit(c, c.req.valid('param').unitId);
      const { active, version } = c.req.valid('json');
      const locale = c.get('locale');
      const problem = active
        ? parentProblem(org.units, unit.id, unit.parentId)
        : unitDeactivationProblem(unit.id, org.units, org.people);
      if (problem) {
        invalid('invalid_unit', {
          active: fieldMessage(locale, problem === 'unknown_unit' ? 'unit_unknown' : problem),
        });
      }
      const saved = await saveAudited(
        c,
        'invalid_unit',
        (inTransaction) => inTransaction.people.setUnitActive(unit.id, version, active),
        () =>
          unit.active === active
            ? null
            : unitEvent(active ? 'unit.reactivated' : 'unit.deactivated', unit.id),
      );
      return reply(c, adminUnitSchema, await unitAnswer(tenant, saved));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/admin/units/{unitId}/leaders',
      tags: ['Admin'],
      summary:
        "Set a unit's leaders (administrators). Conversations and open development plans of its people follow the unit, so the new leaders take them over",
      ...authenticated,
      request: { params: unitParams, body: jsonBody(leadersInputSchema) },
      responses: { 200: json(leaderChangeSchema, 'Saved.'), ...pick(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const { tenant, org, unit } = await loadUnit(c, c.req.valid('param').unitId);
      const { leaderIds, version } = c.req.valid('json');
      const wanted = [...new Set(leaderIds)];
      const personById = new Map(org.people.map((person) => [person.id, person]));
      const current = new Set(
        org.leaderships.filter((leadership) => leadership.unitId === unit.id).map((row) => row.userId),
      );
      // A leader kept from before may stay even if inactive; a new one must be an active person here.
      if (wanted.some((id) => !current.has(id) && !personById.get(id)?.active)) {
        invalid('invalid_unit', { leaderIds: fieldMessage(c.get('locale'), 'leader_not_eligible') });
      }
      const change = await saveAudited(
        c,
        'invalid_unit',
        (inTransaction) => inTransaction.people.setLeaders(unit.id, version, wanted),
        (saved) =>
          saved.added.length + saved.removed.length === 0
            ? null
            : unitEvent('unit.leaders_changed', unit.id, {
                added: saved.added.join(','),
                removed: saved.removed.join(','),
              }),
      );
      const after = await organisation(tenant);
      const reach = subtreeUnitIds(after.units, [unit.id]);
      const ref = (id: string) => ({ id, name: personById.get(id)?.name ?? '' });
      return reply(c, leaderChangeSchema, {
        unit: adminUnitView(change.unit, after),
        added: change.added.map(ref),
        removed: change.removed.map(ref),
        peopleAffected: after.people.filter(
          (person) => person.active && person.unitId && reach.has(person.unitId),
        ).length,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/admin/units/{unitId}',
      tags: ['Admin'],
      summary: 'Delete a unit nobody was ever placed in and with no units below it (administrators)',
      ...authenticated,
      request: { params: unitParams },
      responses: { 204: { description: 'Deleted.' }, ...pick(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const { org, unit } = await loadUnit(c, c.req.valid('param').unitId);
      const problem = unitDeletionProblem(unit.id, org.units, org.people);
      if (problem) {
        const kind = problem === 'unit_has_subunits' ? 'unit_has_children' : problem;
        invalid('invalid_unit', { unitId: fieldMessage(c.get('locale'), kind) });
      }
      await saveAudited(
        c,
        'invalid_unit',
        async (inTransaction): Promise<Saved<string>> =>
          (await inTransaction.people.deleteUnit(unit.id, unit.version))
            ? { outcome: 'saved', row: unit.id }
            : { outcome: 'conflict' },
        (deletedId) => unitEvent('unit.deleted', deletedId),
      );
      return c.body(null, 204);
    },
  );

  return app;
}
