/** @module What leaders, administrators and employees see of units and people: the content behind the matrix. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

const names = (people: { name: string }[]) => people.map((person) => person.name).sort();

describe('units and people', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("shows a team leader their own team's people and nobody from the other team", async () => {
    const team = await (await t.call('GET', '/api/team', { as: await t.login('leaderSkranke') })).json();
    expect(team.units).toEqual([{ id: expect.any(String), name: 'Team Skranke' }]);
    expect(names(team.members)).toEqual([
      'Ahmad Rahimi',
      'Birthe Hansen',
      'Fatima Ali',
      'Kirsten Jensen',
      'Louise Andersen',
      'Mads Pedersen',
      'Peter Nielsen',
    ]);
  });

  it('shows the Borgerservice chief every team below Borgerservice, and the team leaders', async () => {
    const team = await (await t.call('GET', '/api/team', { as: await t.login('chief') })).json();
    expect(names(team.units)).toEqual(['Borgerservice', 'Team Skranke', 'Team Telefon og Digital']);
    expect(team.members).toHaveLength(16);
    expect(names(team.members)).toContain('Anne Kristensen');
    expect(names(team.members)).not.toContain('Camilla Thomsen');
    expect(names(team.members)).not.toContain('Lars Holm Sørensen');
  });

  it("keeps another municipality's leader to their own people", async () => {
    const team = await (await t.call('GET', '/api/team', { as: await t.login('otherAdmin') })).json();
    expect(names(team.members)).toEqual(['Rikke Dahl']);
  });

  it("lists every user of the administrator's municipality, and no one else's", async () => {
    const { users } = await (await t.call('GET', '/api/users', { as: await t.login('admin') })).json();
    expect(users).toHaveLength(19);
    expect(names(users)).not.toContain('Rikke Dahl');
    expect(users.find((user: { name: string }) => user.name === 'Anne Kristensen').roles).toEqual([
      'employee',
      'leader',
    ]);
  });

  it('gives the unit tree with leaders and head counts', async () => {
    const { units } = await (await t.call('GET', '/api/units', { as: await t.login('employee') })).json();
    const skranke = units.find((unit: { name: string }) => unit.name === 'Team Skranke');
    const borgerservice = units.find((unit: { name: string }) => unit.name === 'Borgerservice');
    expect(skranke).toMatchObject({
      parentId: borgerservice.id,
      memberCount: 7,
      leaders: [{ name: 'Anne Kristensen' }],
    });
    expect(units).toHaveLength(4);
  });

  it('answers another municipality’s person as not found, not forbidden', async () => {
    const rikke = await t.idOf('otherEmployee');
    const response = await t.call('GET', `/api/users/${rikke}`, { as: await t.login('admin') });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });
});

describe('frameworks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves the published default framework with five areas and a described level for every competence', async () => {
    const caller = await t.login('employee');
    const { frameworks } = await (await t.call('GET', '/api/frameworks', { as: caller })).json();
    expect(frameworks).toHaveLength(1);
    expect(frameworks[0]).toMatchObject({
      key: 'specialist-i-borgerbetjening',
      version: 1,
      status: 'published',
      areaCount: 5,
    });
    const version = await (await t.call('GET', `/api/frameworks/${frameworks[0].id}`, { as: caller })).json();
    expect(version.document.areas.map((area: { name: { da: string } }) => area.name.da)).toEqual([
      'Kommunikation',
      'Pædagogik og coaching',
      'Organisatorisk indsigt',
      'IT-kompetencer',
      'Personlige kompetencer',
    ]);
    expect(version.document.scale.levels.map((level: { name: { da: string } }) => level.name.da)).toEqual([
      'Kender',
      'Kan',
      'Behersker',
      'Ekspert',
    ]);
  });

  it('shows a draft only to administrators', async () => {
    const demoId = (await t.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id;
    const published = (await t.repositories.forTenant(demoId).frameworks.listVersions())[0]!;
    const draft = await t.repositories.forTenant(demoId).frameworks.createDraft(published.document);
    const employee = await t.login('employee');
    expect((await t.call('GET', `/api/frameworks/${draft.id}`, { as: employee })).status).toBe(404);
    const listed = await (await t.call('GET', '/api/frameworks', { as: employee })).json();
    expect(listed.frameworks).toHaveLength(1);
    const admin = await t.login('admin');
    expect((await t.call('GET', `/api/frameworks/${draft.id}`, { as: admin })).status).toBe(200);
  });

  it('lists the five shipped role profiles with a target for every competence', async () => {
    const { roleProfiles } = await (
      await t.call('GET', '/api/role-profiles', { as: await t.login('hr') })
    ).json();
    expect(roleProfiles.map((profile: { key: string }) => profile.key)).toEqual([
      'arrangoer-underviser',
      'borgerservicemedarbejder',
      'borgervejleder',
      'specialist-i-borgerbetjening',
      'tovholder',
    ]);
    for (const profile of roleProfiles) expect(Object.keys(profile.targets)).toHaveLength(22);
  });
});
