/** @module The administrator's work on users and units through the API: what it changes, what it refuses, what it records. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/server/contracts/audit.ts';
import type { Unit } from '../../src/server/contracts/people.ts';
import type { AdminUnit, AdminUser, LeaderChange } from '../../src/server/contracts/people-admin.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { heldConversation } from '../support/conversations.ts';
import { people } from '../support/world.ts';

let t: TestApp;
let admin: Caller;

const units = async () =>
  ((await (await t.call('GET', '/api/admin/units', { as: admin })).json()) as { units: AdminUnit[] }).units;
const unitNamed = async (name: string) => (await units()).find((unit) => unit.name === name)!;
const adminUser = async (userId: string) =>
  (await (await t.call('GET', `/api/admin/users/${userId}`, { as: admin })).json()) as AdminUser;
const lastAudit = async (action: string) => {
  const page = (await (
    await t.call('GET', `/api/admin/audit?action=${action}`, { as: admin })
  ).json()) as AuditPage;
  return page.events[0];
};
/** The body of a PUT that keeps everything as it is, but for `changes`. */
const edit = (user: AdminUser, changes: Record<string, unknown> = {}) => ({
  name: user.name,
  email: user.email,
  title: user.title,
  roles: user.grantedRoles,
  unitId: user.unit?.id ?? null,
  roleProfileKey: user.roleProfileKey,
  externalId: user.externalId,
  locale: user.locale,
  version: user.version,
  ...changes,
});
const newUser = (changes: Record<string, unknown> = {}) => ({
  name: 'Nanna Nielsen',
  email: 'nanna.nielsen@demokommune.example',
  title: 'Borgerservicemedarbejder',
  roles: ['employee'],
  unitId: null,
  roleProfileKey: 'borgerservicemedarbejder',
  externalId: 'P-1001',
  locale: 'da',
  ...changes,
});

describe('users', () => {
  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(async () => {
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('creates a user in a unit, lists them, and records it without their personal data', async () => {
    const skranke = await unitNamed('Team Skranke');
    const response = await t.call('POST', '/api/admin/users', {
      as: admin,
      body: newUser({ unitId: skranke.id, email: 'Nanna.Nielsen@DemoKommune.example' }),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as AdminUser;
    expect(created).toMatchObject({
      name: 'Nanna Nielsen',
      email: 'nanna.nielsen@demokommune.example',
      grantedRoles: ['employee'],
      unit: { id: skranke.id, name: 'Team Skranke' },
      externalId: 'P-1001',
      active: true,
      version: 1,
    });
    const { users } = await (await t.call('GET', '/api/users', { as: admin })).json();
    expect(users.map((user: { name: string }) => user.name)).toContain('Nanna Nielsen');
    const event = await lastAudit('user.created');
    expect(event).toMatchObject({ subjectPerson: { id: created.id }, purpose: 'administration' });
    expect(JSON.stringify(event?.details)).not.toMatch(/Nanna|nanna|P-1001/);
  });

  it.each([
    [
      'da',
      { name: ' ', email: 'ikke-en-adresse' },
      { name: 'Skal udfyldes.', email: 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.' },
    ],
    [
      'en',
      { name: '', email: 'nope' },
      { name: 'Must be filled in.', email: 'Enter a valid e-mail address, e.g. name@municipality.dk.' },
    ],
  ])(
    'refuses missing and malformed fields with a message per field (%s)',
    async (locale, changes, fields) => {
      const response = await t.call('POST', '/api/admin/users', {
        as: admin,
        body: newUser({ ...changes, email: changes.email }),
        headers: { 'accept-language': locale },
      });
      expect(response.status).toBe(400);
      expect((await response.json()).error.fields).toMatchObject(fields);
    },
  );

  it.each([
    [
      'another municipality’s login, in other letters',
      { email: people.otherEmployee.toUpperCase() },
      'email',
    ],
    ['a colleague’s login', { email: people.employee }, 'email'],
    ['no role at all', { roles: [] }, 'roles'],
    ['a unit of another municipality', { unitId: '00000000-0000-4000-8000-000000000000' }, 'unitId'],
    ['an unknown role profile', { roleProfileKey: 'astronaut' }, 'roleProfileKey'],
  ])('refuses %s, naming the field (422)', async (_case, changes, field) => {
    const response = await t.call('POST', '/api/admin/users', {
      as: admin,
      body: newUser({ email: 'ny.person@demokommune.example', externalId: null, ...changes }),
    });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_person');
    expect(Object.keys(error.fields)).toEqual([field]);
  });

  it('refuses an external id another person of the municipality has', async () => {
    const response = await t.call('POST', '/api/admin/users', {
      as: admin,
      body: newUser({ email: 'en.til@demokommune.example', externalId: 'P-1001' }),
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields).toEqual({
      externalId: 'Det eksterne id bruges allerede af en anden i kommunen.',
    });
  });

  it('moves a person to another team: the new leader takes over their plan, the former one loses it', async () => {
    const birtheId = await t.idOf('employee');
    await heldConversation(t, birtheId);
    const anne = await t.login('leaderSkranke');
    const jonas = await t.login('leaderDigital');
    expect((await t.call('GET', `/api/plans/${birtheId}`, { as: anne })).status).toBe(200);
    expect((await t.call('GET', `/api/plans/${birtheId}`, { as: jonas })).status).toBe(404);

    const digital = await unitNamed('Team Telefon og Digital');
    const birthe = await adminUser(birtheId);
    const response = await t.call('PUT', `/api/admin/users/${birtheId}`, {
      as: admin,
      body: edit(birthe, { unitId: digital.id, title: 'Specialist i borgerbetjening' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ unit: { name: 'Team Telefon og Digital' }, version: 2 });

    expect((await t.call('GET', `/api/plans/${birtheId}`, { as: jonas })).status).toBe(200);
    expect((await t.call('GET', `/api/plans/${birtheId}`, { as: anne })).status).toBe(404);
    expect(await lastAudit('user.moved')).toMatchObject({
      subjectPerson: { id: birtheId },
      details: { fields: 'title,unitId', toUnitId: digital.id },
    });
  });

  it('refuses a change based on an old version (409) and keeps what was saved', async () => {
    const birtheId = await t.idOf('employee');
    const current = await adminUser(birtheId);
    const stale = { ...current, version: current.version - 1 };
    const response = await t.call('PUT', `/api/admin/users/${birtheId}`, {
      as: admin,
      body: edit(stale, { title: 'Overskrevet' }),
    });
    expect(response.status).toBe(409);
    expect((await adminUser(birtheId)).title).toBe(current.title);
  });

  it('deactivates a person: their session ends at once, they cannot log in, and their leadership ends', async () => {
    const anneId = await t.idOf('leaderSkranke');
    const anne = await t.login('leaderSkranke');
    const before = await adminUser(anneId);
    expect(before.ledUnits.map((unit) => unit.name)).toEqual(['Team Skranke']);

    const response = await t.call('PUT', `/api/admin/users/${anneId}/status`, {
      as: admin,
      body: { active: false, version: before.version },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ active: false, ledUnits: [], roles: ['employee'] });
    expect((await t.call('GET', '/api/auth/me', { as: anne })).status).toBe(401);
    await expect(t.login('leaderSkranke')).rejects.toThrow(/401/);
    expect((await unitNamed('Team Skranke')).leaders).toEqual([]);
    expect(await lastAudit('user.deactivated')).toMatchObject({
      subjectPerson: { id: anneId },
      details: { endedLeaderships: 1 },
    });

    const again = await adminUser(anneId);
    const reactivated = await t.call('PUT', `/api/admin/users/${anneId}/status`, {
      as: admin,
      body: { active: true, version: again.version },
    });
    expect(reactivated.status).toBe(200);
    expect((await t.login('leaderSkranke')).cookie).toBeTruthy();
  });

  it('does not let an administrator deactivate themselves or take away their own administrator role', async () => {
    const metteId = await t.idOf('admin');
    const mette = await adminUser(metteId);
    const deactivate = await t.call('PUT', `/api/admin/users/${metteId}/status`, {
      as: admin,
      body: { active: false, version: mette.version },
    });
    expect(deactivate.status).toBe(422);
    expect((await deactivate.json()).error.fields).toEqual({
      active: 'Du kan ikke deaktivere dig selv. Bed en anden administrator om det.',
    });
    const demote = await t.call('PUT', `/api/admin/users/${metteId}`, {
      as: admin,
      body: edit(mette, { roles: ['employee'] }),
    });
    expect(demote.status).toBe(422);
    expect(Object.keys((await demote.json()).error.fields)).toEqual(['roles']);
    expect((await adminUser(metteId)).grantedRoles).toEqual(['admin']);
  });

  it('lets another administrator deactivate one, who is then logged out', async () => {
    const camillaId = await t.idOf('hr');
    const camilla = await adminUser(camillaId);
    await t.call('PUT', `/api/admin/users/${camillaId}`, {
      as: admin,
      body: edit(camilla, { roles: ['employee', 'hr', 'admin'] }),
    });
    const asCamilla = await t.login('hr');
    const metteId = await t.idOf('admin');
    const response = await t.call('PUT', `/api/admin/users/${metteId}/status`, {
      as: asCamilla,
      body: { active: false, version: (await adminUser(metteId)).version },
    });
    expect(response.status).toBe(200);
    expect((await t.call('GET', '/api/admin/units', { as: admin })).status).toBe(401);
  });
});

describe('units', () => {
  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(async () => {
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const createUnit = async (body: Record<string, unknown>) => {
    const response = await t.call('POST', '/api/admin/units', {
      as: admin,
      body: { externalId: null, ...body },
    });
    return { status: response.status, body: await response.json() };
  };

  it('creates a unit below another, and shows it in everyone’s unit tree', async () => {
    const borgerservice = await unitNamed('Borgerservice');
    const created = await createUnit({
      name: 'Team Aften',
      parentId: borgerservice.id,
      externalId: 'U-AFTEN',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Team Aften',
      parentId: borgerservice.id,
      externalId: 'U-AFTEN',
      active: true,
      memberCount: 0,
      everMemberCount: 0,
    });
    const { units: tree } = (await (
      await t.call('GET', '/api/units', { as: await t.login('employee') })
    ).json()) as {
      units: Unit[];
    };
    expect(tree.find((unit) => unit.name === 'Team Aften')?.parentId).toBe(borgerservice.id);
    expect(await lastAudit('unit.created')).toMatchObject({
      subjectId: created.body.id,
      subjectPerson: null,
    });
  });

  it('refuses to put a unit below itself or below one of its own sub-units', async () => {
    const borgerservice = await unitNamed('Borgerservice');
    const skranke = await unitNamed('Team Skranke');
    for (const parentId of [borgerservice.id, skranke.id]) {
      const response = await t.call('PUT', `/api/admin/units/${borgerservice.id}`, {
        as: admin,
        body: { name: 'Borgerservice', parentId, externalId: null, version: borgerservice.version },
      });
      expect(response.status).toBe(422);
      expect(Object.keys((await response.json()).error.fields)).toEqual(['parentId']);
    }
  });

  it('deactivates a unit only when no active people or sub-units are left in it', async () => {
    const skranke = await unitNamed('Team Skranke');
    const refused = await t.call('PUT', `/api/admin/units/${skranke.id}/status`, {
      as: admin,
      body: { active: false, version: skranke.version },
    });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.fields.active).toMatch(/aktive medarbejdere/);

    const aften = await unitNamed('Team Aften');
    const deactivated = await t.call('PUT', `/api/admin/units/${aften.id}/status`, {
      as: admin,
      body: { active: false, version: aften.version },
    });
    expect(deactivated.status).toBe(200);
    expect((await deactivated.json()).active).toBe(false);

    // Nobody can be placed in a deactivated unit.
    const birthe = await adminUser(await t.idOf('employee'));
    const moved = await t.call('PUT', `/api/admin/users/${birthe.id}`, {
      as: admin,
      body: edit(birthe, { unitId: aften.id }),
    });
    expect(moved.status).toBe(422);
    expect(Object.keys((await moved.json()).error.fields)).toEqual(['unitId']);
  });

  it('deletes a unit nobody was ever in, and refuses one with a history', async () => {
    const created = await createUnit({ name: 'Fejloprettet', parentId: null });
    expect((await t.call('DELETE', `/api/admin/units/${created.body.id}`, { as: admin })).status).toBe(204);
    expect((await units()).map((unit) => unit.name)).not.toContain('Fejloprettet');
    expect(await lastAudit('unit.deleted')).toMatchObject({ subjectId: created.body.id });

    const skranke = await unitNamed('Team Skranke');
    const refused = await t.call('DELETE', `/api/admin/units/${skranke.id}`, { as: admin });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.fields.unitId).toMatch(/Deaktiver den i stedet/);
  });

  it('changes a unit’s leader: the new leader sees the team’s plans, the former one no longer does', async () => {
    const birtheId = await t.idOf('employee');
    await heldConversation(t, birtheId);
    const skranke = await unitNamed('Team Skranke');
    const jonasId = await t.idOf('leaderDigital');
    const response = await t.call('PUT', `/api/admin/units/${skranke.id}/leaders`, {
      as: admin,
      body: { leaderIds: [jonasId], version: skranke.version },
    });
    expect(response.status).toBe(200);
    const change = (await response.json()) as LeaderChange;
    expect(change.added.map((person) => person.name)).toEqual(['Jonas Mikkelsen']);
    expect(change.removed.map((person) => person.name)).toEqual(['Anne Kristensen']);
    expect(change.peopleAffected).toBe(7);
    expect(change.unit.leaders.map((leader) => leader.name)).toEqual(['Jonas Mikkelsen']);

    expect(
      (await t.call('GET', `/api/plans/${birtheId}`, { as: await t.login('leaderDigital') })).status,
    ).toBe(200);
    expect(
      (await t.call('GET', `/api/plans/${birtheId}`, { as: await t.login('leaderSkranke') })).status,
    ).toBe(404);
    expect(await lastAudit('unit.leaders_changed')).toMatchObject({ subjectId: skranke.id });

    // The same list again changes nothing, and an old version is refused.
    const again = await t.call('PUT', `/api/admin/units/${skranke.id}/leaders`, {
      as: admin,
      body: { leaderIds: [jonasId], version: skranke.version },
    });
    expect(again.status).toBe(409);
  });

  it('refuses a leader who is not an active person of the municipality', async () => {
    const skranke = await unitNamed('Team Skranke');
    const response = await t.call('PUT', `/api/admin/units/${skranke.id}/leaders`, {
      as: admin,
      body: { leaderIds: [await t.idOf('otherEmployee')], version: skranke.version },
    });
    expect(response.status).toBe(422);
    expect(Object.keys((await response.json()).error.fields)).toEqual(['leaderIds']);
  });
});
