/**
 * @module The shared repository suite: every case runs on PGlite and on PostgreSQL (when TEST_DATABASE_URL is set),
 * against the same committed migrations.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFramework, defaultRoleProfiles } from '../../content/index.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.ts';
import { roleProfiles } from '../../src/db/schema.ts';
import { addShippedRoleProfiles } from '../../src/db/seed/default-content.ts';
import { roleProfileProblems } from '../../src/domain/role-profile.ts';
import { engineMissing, engines, openTestDatabase } from '../support/database.ts';
import { people } from '../support/world.ts';

describe.each(engines)('repositories on %s', (kind) => {
  // Skipped on PostgreSQL only when no server is configured (TEST_DATABASE_URL unset); CI always sets it.
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let handle: DatabaseHandle;
    let repositories: Repositories;
    let demoId: string;
    let otherId: string;

    beforeAll(async () => {
      handle = await openTestDatabase(kind);
      repositories = createRepositories(handle.db);
      demoId = (await repositories.system.findMunicipalityBySlug('demo-kommune'))!.id;
      otherId = (await repositories.system.findMunicipalityBySlug('anden-kommune'))!.id;
    });
    afterAll(() => handle?.close());

    describe('tenant isolation', () => {
      it("never returns another municipality's users or units", async () => {
        const demo = repositories.forTenant(demoId);
        const other = repositories.forTenant(otherId);
        const otherUser = await repositories.system.findLoginByEmail(people.otherEmployee);
        expect(await demo.people.findUser(otherUser!.userId)).toBeUndefined();
        expect((await demo.people.listUsers()).map((user) => user.email)).not.toContain(people.otherEmployee);
        const otherUnitIds = (await other.people.listUnits()).map((unit) => unit.id);
        expect(await demo.people.usersInUnits(otherUnitIds)).toEqual([]);
        expect(await demo.people.listUsers()).toHaveLength(19);
        expect(await other.people.listUsers()).toHaveLength(2);
      });

      it("refuses to place a person in another municipality's unit", async () => {
        const otherUnit = (await repositories.forTenant(otherId).people.listUnits())[0]!;
        await expect(
          repositories
            .forTenant(demoId)
            .people.createUser({ name: 'Ny Person', email: 'ny@x.example', unitId: otherUnit.id }),
        ).rejects.toThrow();
      });

      it('does not change a person of another municipality', async () => {
        const otherUser = await repositories.system.findLoginByEmail(people.otherEmployee);
        await repositories.forTenant(demoId).people.setLocale(otherUser!.userId, 'en');
        const unchanged = await repositories.forTenant(otherId).people.findUser(otherUser!.userId);
        expect(unchanged?.locale).toBe('da');
      });

      it("does not return another municipality's framework versions", async () => {
        const otherVersions = await repositories.forTenant(otherId).frameworks.listVersions();
        const demoFrameworks = repositories.forTenant(demoId).frameworks;
        expect(await demoFrameworks.findVersion(otherVersions[0]!.id)).toBeUndefined();
      });
    });

    describe('people', () => {
      it('keeps login e-mails unique across municipalities, ignoring case', async () => {
        await expect(
          repositories
            .forTenant(otherId)
            .people.createUser({ name: 'Dublet', email: people.employee.toUpperCase() }),
        ).rejects.toThrow();
      });

      it('finds a login by e-mail in any letter case', async () => {
        const found = await repositories.system.findLoginByEmail(`  ${people.employee.toUpperCase()} `);
        expect(found?.municipalityId).toBe(demoId);
      });

      it('knows which units a leader leads', async () => {
        const demo = repositories.forTenant(demoId);
        const anne = await repositories.system.findLoginByEmail(people.leaderSkranke);
        const led = await demo.people.unitIdsLedBy(anne!.userId);
        const names = (await demo.people.listUnits())
          .filter((unit) => led.includes(unit.id))
          .map((unit) => unit.name);
        expect(names).toEqual(['Team Skranke']);
      });

      it('keeps external ids unique within a municipality, and lets two municipalities use the same', async () => {
        const demo = repositories.forTenant(demoId);
        const other = repositories.forTenant(otherId);
        expect(
          (await demo.people.tryCreateUnit({ name: 'A', parentId: null, externalId: 'E-1' })).outcome,
        ).toBe('saved');
        expect(await demo.people.tryCreateUnit({ name: 'B', parentId: null, externalId: 'E-1' })).toEqual({
          outcome: 'taken',
          field: 'externalId',
        });
        expect(
          (await other.people.tryCreateUnit({ name: 'A', parentId: null, externalId: 'E-1' })).outcome,
        ).toBe('saved');
        expect(
          await demo.people.tryCreateUser({ name: 'Dublet', email: people.otherAdmin.toUpperCase() }),
        ).toEqual({ outcome: 'taken', field: 'email' });
        expect(
          await repositories.system.emailsUsedElsewhere(demoId, [people.otherAdmin, people.employee]),
        ).toEqual(new Set([people.otherAdmin]));
      });

      it('saves a person only on the version it was read at, and deactivation ends sessions and leadership', async () => {
        const demo = repositories.forTenant(demoId);
        const jonas = (await repositories.system.findLoginByEmail(people.leaderDigital))!;
        const before = (await demo.people.findUser(jonas.userId))!;
        const saved = await demo.people.updateUser(jonas.userId, before.version, { title: 'Afdelingsleder' });
        expect(saved).toMatchObject({
          outcome: 'saved',
          row: { title: 'Afdelingsleder', version: before.version + 1 },
        });
        expect(await demo.people.updateUser(jonas.userId, before.version, { title: 'Gammel' })).toEqual({
          outcome: 'conflict',
        });
        const now = new Date();
        await repositories.system.createSession({
          id: 'repository-test-session',
          municipalityId: demoId,
          userId: jonas.userId,
          csrfToken: 'csrf',
          method: 'password',
          createdAt: now,
          expiresAt: new Date(now.getTime() + 3_600_000),
        });
        const deactivated = await demo.people.setUserActive(jonas.userId, before.version + 1, false);
        expect(deactivated).toMatchObject({ outcome: 'saved', endedLeaderships: 1 });
        expect(await repositories.system.findLiveSession('repository-test-session', now)).toBeUndefined();
        expect(await demo.people.unitIdsLedBy(jonas.userId)).toEqual([]);
        await demo.people.setUserActive(jonas.userId, before.version + 2, true);
      });

      it('undoes everything a transaction did when it fails', async () => {
        const demo = repositories.forTenant(demoId);
        await expect(
          demo.transaction(async (inTransaction) => {
            await inTransaction.people.createUnit({ name: 'Halvvejs' });
            throw new Error('stopped half-way');
          }),
        ).rejects.toThrow('stopped half-way');
        expect((await demo.people.listUnits()).map((unit) => unit.name)).not.toContain('Halvvejs');
      });
    });

    describe('framework versions', () => {
      it('numbers new versions and refuses any change to a published one', async () => {
        const tenant = repositories.forTenant(otherId);
        const draft = await tenant.frameworks.createDraft(defaultFramework);
        expect(draft.version).toBe(2);
        const edited = { ...defaultFramework, name: { da: 'Vores ramme', en: 'Our framework' } };
        expect((await tenant.frameworks.updateDraft(draft.id, edited))?.document.name.da).toBe('Vores ramme');
        const published = await tenant.frameworks.publish(draft.id);
        expect(published?.status).toBe('published');
        expect(published?.publishedAt).toBeInstanceOf(Date);
        await expect(tenant.frameworks.updateDraft(draft.id, defaultFramework)).rejects.toThrow();
        expect((await tenant.frameworks.findVersion(draft.id))?.document.name.da).toBe('Vores ramme');
        expect(await tenant.frameworks.publish(draft.id)).toBeUndefined();
      });

      it('reads a published version from memory the second time, but never across municipalities', async () => {
        const demo = repositories.forTenant(demoId);
        const [published] = await demo.frameworks.listVersions();
        const first = await demo.frameworks.findVersion(published!.id);
        const again = await repositories.forTenant(demoId).frameworks.findVersion(published!.id);
        expect(again).toBe(first);
        expect(await repositories.forTenant(otherId).frameworks.findVersion(published!.id)).toBeUndefined();
      });

      it('ships the default framework with its role profiles to every municipality', async () => {
        for (const municipalityId of [demoId, otherId]) {
          const tenant = repositories.forTenant(municipalityId);
          const [first] = (await tenant.frameworks.listVersions()).filter((version) => version.version === 1);
          expect(first?.status).toBe('published');
          expect(first?.document.areas).toHaveLength(5);
          const profiles = await tenant.frameworks.listRoleProfiles();
          expect(profiles.map((profile) => profile.key).sort()).toEqual([
            'arrangoer-underviser',
            'borgerservicemedarbejder',
            'borgervejleder',
            'specialist-i-borgerbetjening',
            'tovholder',
          ]);
        }
      });

      it('keeps one draft per framework, also when two start at once', async () => {
        const tenant = repositories.forTenant(demoId);
        const [published] = await tenant.frameworks.listVersions();
        const outcomes = await Promise.all(
          [1, 2, 3].map(() => tenant.frameworks.startDraft(published!.document)),
        );
        const created = outcomes.filter((outcome) => outcome.outcome === 'created');
        expect(created).toHaveLength(1);
        const draftId = created[0]!.outcome === 'created' ? created[0]!.draft.id : '';
        expect(outcomes.filter((outcome) => outcome.outcome === 'draft_exists')).toEqual([
          { outcome: 'draft_exists', draftId },
          { outcome: 'draft_exists', draftId },
        ]);
        expect(await tenant.frameworks.discardDraft(draftId)).toBe(true);
        expect(await tenant.frameworks.discardDraft(published!.id)).toBe(false);
      });

      it('saves a draft only over the revision it was read at, and publishes it with its role profiles at once', async () => {
        const tenant = repositories.forTenant(demoId);
        const draft = await tenant.frameworks.createDraft(defaultFramework);
        const renamed = { ...defaultFramework, name: { da: 'Ny', en: 'New' } };
        expect((await tenant.frameworks.updateDraft(draft.id, renamed, 1))?.revision).toBe(2);
        expect(await tenant.frameworks.updateDraft(draft.id, defaultFramework, 1)).toBeUndefined();
        const profile = { key: 'ny-rolle', name: renamed.name, description: renamed.name, targets: {} };
        // A failure inside the transaction (here: the caller's own record) leaves the draft a draft.
        await expect(
          tenant.frameworks.publish(draft.id, {
            roleProfiles: [profile],
            record: async () => {
              throw new Error('audit failed');
            },
          }),
        ).rejects.toThrow('audit failed');
        expect((await tenant.frameworks.findVersion(draft.id))?.status).toBe('draft');
        expect(await tenant.frameworks.listRoleProfilesOf(draft.id)).toEqual([]);
        expect(await tenant.frameworks.publish(draft.id, { expectedRevision: 1 })).toBeUndefined();
        const published = await tenant.frameworks.publish(draft.id, {
          expectedRevision: 2,
          roleProfiles: [profile],
        });
        expect(published?.status).toBe('published');
        expect((await tenant.frameworks.listRoleProfilesOf(draft.id)).map((row) => row.key)).toEqual([
          'ny-rolle',
        ]);
      });

      it('gives older municipalities the role profiles shipped since, once, fitted to their version', async () => {
        const tenant = repositories.forTenant(otherId);
        const [newest] = (await tenant.frameworks.versionsOfKey(defaultFramework.key)).filter(
          (version) => version.status === 'published',
        );
        // As installed before the three role variants were shipped: only the first two profiles.
        const kept = ['borgerservicemedarbejder', 'specialist-i-borgerbetjening'];
        await handle.db.delete(roleProfiles).where(eq(roleProfiles.frameworkVersionId, newest!.id));
        for (const profile of defaultRoleProfiles.filter((entry) => kept.includes(entry.key))) {
          await tenant.frameworks.createRoleProfile(newest!.id, profile);
        }
        const first = await addShippedRoleProfiles(repositories);
        expect(first['anden-kommune']).toEqual(['borgervejleder', 'arrangoer-underviser', 'tovholder']);
        expect(await addShippedRoleProfiles(repositories)).toEqual({});
        const keys = (await tenant.frameworks.listRoleProfilesOf(newest!.id)).map((profile) => profile.key);
        expect(keys.sort()).toEqual([...kept, 'arrangoer-underviser', 'borgervejleder', 'tovholder'].sort());
        const guide = (await tenant.frameworks.listRoleProfilesOf(newest!.id)).find(
          (profile) => profile.key === 'borgervejleder',
        );
        expect(roleProfileProblems({ ...guide!, targets: guide!.targets }, newest!.document)).toEqual([]);
      });

      it("snapshots a participant's targets when a round starts", async () => {
        const tenant = repositories.forTenant(demoId);
        const [round] = await tenant.rounds.list();
        const [participant] = await tenant.rounds.participants([round!.id]);
        const profile = await tenant.frameworks.findRoleProfile(participant!.roleProfileId);
        expect(participant!.targets).toEqual(profile!.targets);
        await tenant.frameworks.updateRoleProfile(
          profile!.id,
          { name: profile!.name, description: profile!.description, targets: {} },
          profile!.revision,
        );
        const [after] = await tenant.rounds.participants([round!.id]);
        expect(after!.targets).toEqual(participant!.targets);
      });
    });

    describe('audit log', () => {
      const event = (action: string, subjectPersonId: string | null) => ({
        actorKind: 'user' as const,
        actorId: null,
        action,
        subjectType: 'profile',
        subjectId: null,
        subjectPersonId,
        purpose: 'personnel_management' as const,
        details: { format: 'xlsx', rows: 3 },
      });

      it('keeps events per municipality, newest first, searchable by person, action prefix and time', async () => {
        const demo = repositories.forTenant(demoId);
        const birthe = (await repositories.system.findLoginByEmail(people.employee))!.userId;
        const mads = (await repositories.system.findLoginByEmail(people.colleague))!.userId;
        await demo.audit.record(event('profile.read', birthe), { at: new Date('2026-03-01T10:00:00Z') });
        await demo.audit.record([event('profile.read', mads), event('team_matrix.exported', null)], {
          at: new Date('2026-03-02T10:00:00Z'),
        });
        await repositories.forTenant(otherId).audit.record(event('profile.read', birthe));

        const ofBirthe = await demo.audit.search({ subjectPersonId: birthe });
        expect(ofBirthe.map((row) => row.action)).toEqual(['profile.read']);
        expect(ofBirthe[0]?.details).toEqual({ format: 'xlsx', rows: 3 });
        expect((await demo.audit.search({ actionPrefix: 'team_matrix.' })).map((row) => row.action)).toEqual([
          'team_matrix.exported',
        ]);
        // A prefix is matched literally: `_` and `%` are not wildcards.
        expect(await demo.audit.search({ actionPrefix: 'profile%' })).toEqual([]);
        const march2 = await demo.audit.search({ from: new Date('2026-03-02T00:00:00Z') });
        expect(march2).toHaveLength(2);
        expect(await demo.audit.search({ to: new Date('2026-03-02T00:00:00Z') })).toHaveLength(1);
        expect(await repositories.forTenant(otherId).audit.search()).toHaveLength(1);
      });

      it('refuses to change or delete an event, through any query', async () => {
        const demo = repositories.forTenant(demoId);
        await demo.audit.record(event('plan.read', null));
        await expect(handle.db.execute(sql`UPDATE audit_events SET action = 'x.y'`)).rejects.toThrow();
        await expect(handle.db.execute(sql`DELETE FROM audit_events`)).rejects.toThrow();
        expect((await demo.audit.search({ actionPrefix: 'plan.read' })).length).toBe(1);
      });
    });

    describe('sessions', () => {
      it('finds a live session and not an expired one or one of a deactivated user', async () => {
        const login = await repositories.system.findLoginByEmail(people.colleague);
        const base = {
          municipalityId: login!.municipalityId,
          userId: login!.userId,
          csrfToken: 'c',
          method: 'password',
          createdAt: new Date('2026-05-12T08:00:00Z'),
        };
        const now = new Date('2026-05-12T10:00:00Z');
        await repositories.system.createSession({
          ...base,
          id: 'live',
          expiresAt: new Date('2026-05-12T18:00:00Z'),
        });
        await repositories.system.createSession({
          ...base,
          id: 'old',
          expiresAt: new Date('2026-05-12T09:00:00Z'),
        });
        expect((await repositories.system.findLiveSession('live', now))?.userId).toBe(login!.userId);
        expect(await repositories.system.findLiveSession('old', now)).toBeUndefined();
        await repositories.system.deleteOtherSessions(login!.userId, 'live');
        expect(await repositories.system.findLiveSession('live', now)).toBeDefined();
        const tenant = repositories.forTenant(login!.municipalityId);
        await tenant.people.setActive(login!.userId, false);
        expect(await repositories.system.findLiveSession('live', now)).toBeUndefined();
        await tenant.people.setActive(login!.userId, true);
        expect(await repositories.system.findLiveSession('live', now)).toBeDefined();
        await repositories.system.deleteSession('live');
        expect(await repositories.system.findLiveSession('live', now)).toBeUndefined();
      });
    });
  });
});
