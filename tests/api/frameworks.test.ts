/**
 * @module An administrator adapts the framework through the API: draft, edit, publish, compare, export and import,
 * and keeps the role profiles; on both engines, since publishing leans on a transaction and a partial unique index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkDocument } from '../../src/domain/framework.ts';
import type {
  FrameworkDiffView,
  FrameworkVersion,
  Published,
  RoleProfile,
} from '../../src/server/contracts/frameworks.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { engineMissing, engines } from '../support/database.ts';

const json = async <T = Record<string, unknown>>(response: Response) => ({
  status: response.status,
  body: (await response.json()) as T & { error: { code: string; fields?: Record<string, string> } },
});

const newCompetence = (id: string, area = 'it-kompetencer') => ({
  area,
  competence: {
    id,
    name: { da: 'Vejledning i digital post til pårørende', en: 'Guiding relatives in Digital Post' },
    description: {
      da: 'Hjælper pårørende med at få adgang til en borgers Digital Post med fuldmagt.',
      en: 'Helps relatives get access to a citizen’s Digital Post with a power of attorney.',
    },
    levels: [1, 2, 3, 4].map((level) => ({
      level,
      behaviour: { da: `Gør det på niveau ${level}.`, en: level === 2 ? '' : `Does it at level ${level}.` },
    })),
    evidencePrompts: [],
  },
});

/** The edits an administrator makes in the first draft: one of each kind a diff can show. */
function edited(document: FrameworkDocument): FrameworkDocument {
  const copy = structuredClone(document);
  const area = (id: string) => copy.areas.find((entry) => entry.id === id)!;
  const { area: areaId, competence } = newCompetence('digital-post-til-paaroerende');
  area(areaId).competences.push(competence);
  // Retired: the German/English competence; moved: data security goes to personal competences; renamed; reworded.
  area('kommunikation').competences = area('kommunikation').competences.filter(
    (entry) => entry.id !== 'betjening-paa-fremmedsprog',
  );
  const [security] = area('it-kompetencer').competences.splice(
    area('it-kompetencer').competences.findIndex((entry) => entry.id === 'datasikkerhed-ved-skranken'),
    1,
  );
  area('personlige-kompetencer').competences.push(security!);
  area('kommunikation').competences[0]!.name = { da: 'Skriftlig kommunikation', en: 'Written communication' };
  area('paedagogik-og-coaching').competences[1]!.levels[3]!.behaviour.da =
    'Lærer kolleger at medbetjene og viser dem, hvordan de holder igen.';
  return copy;
}

describe.each(engines)('frameworks on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let t: TestApp;
    let admin: Caller;
    let otherAdmin: Caller;
    let employee: Caller;
    let v1: FrameworkVersion;
    let draft: FrameworkVersion;
    let published: Published;

    beforeAll(async () => {
      t = await startTestApp(kind);
      [admin, otherAdmin, employee] = [
        await t.login('admin'),
        await t.login('otherAdmin'),
        await t.login('employee'),
      ];
      const { frameworks } = await (await t.call('GET', '/api/frameworks', { as: admin })).json();
      v1 = await (await t.call('GET', `/api/frameworks/${frameworks[0].id}`, { as: admin })).json();
    });
    afterAll(() => t?.close());

    const save = (document: unknown, revision = draft.revision) =>
      t.call('PUT', `/api/frameworks/${draft.id}`, { as: admin, body: { revision, document } });

    describe('a draft', () => {
      it('starts as a copy of a published version, one draft per framework', async () => {
        const created = await json<FrameworkVersion>(
          await t.call('POST', `/api/frameworks/${v1.id}/draft`, { as: admin }),
        );
        expect(created.status).toBe(201);
        draft = created.body;
        expect(draft).toMatchObject({ version: 2, status: 'draft', revision: 1, basedOnVersionId: v1.id });
        expect(draft.document).toEqual(v1.document);

        const second = await json(await t.call('POST', `/api/frameworks/${v1.id}/draft`, { as: admin }));
        expect(second.status).toBe(409);
        expect(second.body.error.code).toBe('draft_exists');
        expect((await t.call('GET', `/api/frameworks/${draft.id}`, { as: employee })).status).toBe(404);
      });

      it('saves edits with empty texts still to write, and tells a stale tab it is out of date', async () => {
        const saved = await json<FrameworkVersion>(await save(edited(draft.document)));
        expect(saved.status).toBe(200);
        expect(saved.body.revision).toBe(2);
        const stale = await json(await save(draft.document, 1));
        expect(stale.status).toBe(409);
        expect(stale.body.error.code).toBe('conflict');
        draft = saved.body;
        // The stale save changed nothing.
        const reread = await (await t.call('GET', `/api/frameworks/${draft.id}`, { as: admin })).json();
        expect(reread.document.areas[0].competences[0].name.da).toBe('Skriftlig kommunikation');
      });

      it('shows a draft with empty texts in the list and in a comparison', async () => {
        const unnamed = (
          await json<FrameworkVersion>(await save({ ...draft.document, name: { da: '', en: '' } }))
        ).body;
        const listed = await json<{ frameworks: { id: string; name: unknown }[] }>(
          await t.call('GET', '/api/frameworks', { as: admin }),
        );
        expect(listed.body.frameworks.find((entry) => entry.id === draft.id)?.name).toEqual({
          da: '',
          en: '',
        });
        const diff = await json<FrameworkDiffView>(
          await t.call('GET', `/api/frameworks/${draft.id}/diff?from=${v1.id}`, { as: admin }),
        );
        expect(diff.status).toBe(200);
        expect(diff.body.name?.after).toEqual({ da: '', en: '' });
        draft = (await json<FrameworkVersion>(await save(edited(v1.document), unnamed.revision))).body;
      });

      it('refuses a duplicate id or a new key, naming the field, in the caller’s language', async () => {
        const duplicate = structuredClone(draft.document);
        duplicate.areas[0]!.competences[1]!.id = duplicate.areas[0]!.competences[0]!.id;
        const refused = await json(await save(duplicate));
        expect(refused.status).toBe(422);
        expect(refused.body.error.code).toBe('framework_invalid');
        expect(refused.body.error.fields).toEqual({
          'document.areas.0.competences.1.id':
            'Id’et bruges allerede af et andet område eller en anden kompetence.',
        });
        const rekeyed = await t.call('PUT', `/api/frameworks/${draft.id}`, {
          as: admin,
          headers: { 'accept-language': 'en' },
          body: { revision: draft.revision, document: { ...draft.document, key: 'en-anden-ramme' } },
        });
        expect((await json(rekeyed)).body.error.fields).toEqual({
          'document.key': "The competence framework's key cannot change.",
        });
        const unknownField = await json(await save({ ...draft.document, colour: 'blå' }));
        expect(unknownField.status).toBe(422);
        expect(unknownField.body.error.fields).toHaveProperty('document.colour');
      });

      it('takes a document larger than other requests, but not an endless one', async () => {
        const large = structuredClone(draft.document);
        large.areas = [
          ...large.areas,
          ...large.areas.map((area) => ({
            ...area,
            id: `${area.id}-kopi`,
            competences: area.competences.map((entry) => ({ ...entry, id: `${entry.id}-kopi` })),
          })),
        ];
        expect(JSON.stringify(large).length).toBeGreaterThan(64 * 1024);
        const accepted = await json<FrameworkVersion>(await save(large));
        expect(accepted.status).toBe(200);
        draft = (await json<FrameworkVersion>(await save(edited(v1.document), accepted.body.revision))).body;
        const endless = { ...large, description: { da: 'x'.repeat(1100 * 1024), en: 'x' } };
        expect((await save(endless)).status).toBe(413);
      });
    });

    describe('publishing', () => {
      it('checks the whole document first and names every empty text', async () => {
        const refused = await json(
          await t.call('POST', `/api/frameworks/${draft.id}/publish`, {
            as: admin,
            body: { revision: draft.revision },
          }),
        );
        expect(refused.status).toBe(422);
        const itArea = draft.document.areas.findIndex((area) => area.id === 'it-kompetencer');
        const added = draft.document.areas[itArea]!.competences.length - 1;
        expect(refused.body.error.fields).toEqual({
          [`document.areas.${itArea}.competences.${added}.levels.1.behaviour.en`]: 'Skal udfyldes.',
        });
      });

      it('publishes, carries the role profiles over and says what changed for each', async () => {
        const complete = structuredClone(draft.document);
        for (const competence of complete.areas.flatMap((area) => area.competences)) {
          for (const level of competence.levels) level.behaviour.en ||= `Does it at level ${level.level}.`;
        }
        draft = (await json<FrameworkVersion>(await save(complete))).body;
        const response = await json<Published>(
          await t.call('POST', `/api/frameworks/${draft.id}/publish`, {
            as: admin,
            body: { revision: draft.revision },
          }),
        );
        expect(response.status).toBe(200);
        published = response.body;
        expect(published.version).toMatchObject({ id: draft.id, version: 2, status: 'published' });
        expect(published.report.previous).toEqual({ versionId: v1.id, version: 1 });
        expect(published.report.counts).toEqual({
          added: 1,
          retired: 1,
          renamed: 1,
          moved: 1,
          levelsChanged: 1,
        });
        expect(published.report.roleProfiles).toHaveLength(5);
        const employeeProfile = published.report.roleProfiles.find(
          (profile) => profile.key === 'borgerservicemedarbejder',
        );
        expect(employeeProfile?.dropped).toEqual([
          {
            competenceId: 'betjening-paa-fremmedsprog',
            name: { da: 'Betjening på engelsk og tysk', en: 'Service in English and German' },
            level: 2,
          },
        ]);
        // The IT targets of the employee profile are 3, 2, 2 (data security moved out): the lower median is 2.
        expect(employeeProfile?.added).toEqual([
          { competenceId: 'digital-post-til-paaroerende', name: expect.any(Object), level: 2 },
        ]);

        // Published means frozen: no more edits, no second publication, and it cannot be deleted.
        expect((await json(await save(complete))).body.error.code).toBe('framework_published');
        expect((await t.call('DELETE', `/api/frameworks/${draft.id}`, { as: admin })).status).toBe(422);
      });

      it('gives the new version its own role profiles and leaves those of version 1 and its rounds alone', async () => {
        const { roleProfiles } = await (await t.call('GET', '/api/role-profiles', { as: employee })).json();
        const ofVersion = (id: string) =>
          (roleProfiles as RoleProfile[]).filter((profile) => profile.frameworkVersionId === id);
        expect(ofVersion(v1.id)).toHaveLength(5);
        expect(ofVersion(draft.id)).toHaveLength(5);
        const newTargets = ofVersion(draft.id).find((profile) => profile.key === 'borgerservicemedarbejder')!;
        expect(newTargets.targets).not.toHaveProperty('betjening-paa-fremmedsprog');
        expect(newTargets.targets['digital-post-til-paaroerende']).toBe(2);
        const oldTargets = ofVersion(v1.id).find((profile) => profile.key === 'borgerservicemedarbejder')!;
        expect(oldTargets.targets['betjening-paa-fremmedsprog']).toBe(2);

        // Birthe's spring round was started on version 1 and still shows its 22 competences.
        const profile = await (
          await t.call('GET', `/api/profiles/${await t.idOf('employee')}`, { as: employee })
        ).json();
        expect(profile.rounds[0].frameworkVersionId).toBe(v1.id);
        expect(profile.rounds[0].competences).toHaveLength(22);
      });

      it('keeps the report with the version, and records the publication in the audit log', async () => {
        const report = await json(await t.call('GET', `/api/frameworks/${draft.id}/report`, { as: admin }));
        expect(report.body).toEqual(published.report);
        expect((await t.call('GET', `/api/frameworks/${v1.id}/report`, { as: admin })).status).toBe(404);
        const demo = (await t.repositories.system.findMunicipalityBySlug('demo-kommune'))!;
        const [entry] = await t.repositories
          .forTenant(demo.id)
          .audit.search({ actionPrefix: 'framework.published' });
        expect(entry).toMatchObject({
          actorId: await t.idOf('admin'),
          subjectId: draft.id,
          purpose: 'administration',
          details: { version: 2, added: 1, retired: 1, roleProfiles: 5 },
        });
      });

      it('refuses a draft that changes nothing', async () => {
        const copy = await json<FrameworkVersion>(
          await t.call('POST', `/api/frameworks/${draft.id}/draft`, { as: admin }),
        );
        const refused = await json(
          await t.call('POST', `/api/frameworks/${copy.body.id}/publish`, {
            as: admin,
            body: { revision: 1 },
          }),
        );
        expect(refused.status).toBe(422);
        expect(refused.body.error.fields).toEqual({
          document: 'Kladden er magen til den nyeste udgivne version. Ret noget, før du udgiver.',
        });
        expect((await t.call('DELETE', `/api/frameworks/${copy.body.id}`, { as: admin })).status).toBe(204);
        expect((await t.call('GET', `/api/frameworks/${copy.body.id}`, { as: admin })).status).toBe(404);
      });
    });

    describe('comparing versions', () => {
      it('lists what changed, by area, with old and new text', async () => {
        const diff = await json<FrameworkDiffView>(
          await t.call('GET', `/api/frameworks/${draft.id}/diff?from=${v1.id}`, { as: employee }),
        );
        expect(diff.status).toBe(200);
        const byArea = Object.fromEntries(
          diff.body.areas.map((area) => [
            area.areaId,
            area.competences.map((competence) => [
              competence.competenceId,
              competence.status,
              competence.movedFrom?.areaId ?? null,
            ]),
          ]),
        );
        expect(byArea).toEqual({
          kommunikation: [
            ['klar-skriftlig-kommunikation', 'changed', null],
            ['betjening-paa-fremmedsprog', 'retired', null],
          ],
          'paedagogik-og-coaching': [['medbetjening', 'changed', null]],
          'it-kompetencer': [['digital-post-til-paaroerende', 'added', null]],
          'personlige-kompetencer': [['datasikkerhed-ved-skranken', 'changed', 'it-kompetencer']],
        });
        const renamed = diff.body.areas[0]!.competences[0]!.renamed;
        expect(renamed).toEqual({
          before: { da: 'Klar skriftlig kommunikation', en: 'Clear writing' },
          after: { da: 'Skriftlig kommunikation', en: 'Written communication' },
        });
        expect(
          (await t.call('GET', `/api/frameworks/${draft.id}/diff?from=ikke-et-id`, { as: employee })).status,
        ).toBe(400);
      });
    });

    describe('sharing a framework as a file', () => {
      let file: { format: string; framework: FrameworkDocument; $schema: string };

      it('exports a version with its format and origin, and serves the JSON Schema it follows', async () => {
        const response = await t.call('GET', `/api/frameworks/${draft.id}/export`, { as: admin });
        expect(response.headers.get('content-disposition')).toBe(
          'attachment; filename="specialist-i-borgerbetjening-version-2.json"',
        );
        file = await response.json();
        expect(file).toMatchObject({
          format: 'vejviser.framework/1',
          exportedFrom: { municipality: 'Demo Kommune', version: 2 },
          framework: { key: 'specialist-i-borgerbetjening' },
        });
        const schema = await (await t.call('GET', file.$schema.replace('http://localhost', ''))).json();
        expect(schema.$defs.FrameworkFile.required).toEqual(['format', 'framework']);
        expect(schema.$defs.FrameworkFile.properties.format.const).toBe('vejviser.framework/1');
      });

      it('imports it into another municipality as a draft, and records that', async () => {
        const other = (await t.repositories.system.findMunicipalityBySlug('anden-kommune'))!;
        const imported = await json<FrameworkVersion>(
          await t.call('POST', '/api/frameworks/import', { as: otherAdmin, body: file }),
        );
        expect(imported.status).toBe(201);
        expect(imported.body).toMatchObject({ version: 2, status: 'draft', basedOnVersionId: null });
        expect(imported.body.document).toEqual(file.framework);
        const [entry] = await t.repositories
          .forTenant(other.id)
          .audit.search({ actionPrefix: 'framework.imported' });
        expect(entry).toMatchObject({ subjectId: imported.body.id, purpose: 'administration' });
        const again = await json(
          await t.call('POST', '/api/frameworks/import', { as: otherAdmin, body: file }),
        );
        expect(again.status).toBe(409);
        await t.call('DELETE', `/api/frameworks/${imported.body.id}`, { as: otherAdmin });
      });

      it('refuses a broken file with a message per field, and creates nothing', async () => {
        const before = (await (await t.call('GET', '/api/frameworks', { as: otherAdmin })).json()).frameworks;
        const broken = structuredClone(file);
        broken.framework.areas[0]!.competences[0]!.levels.pop();
        broken.framework.areas[1]!.name.en = '';
        (broken.framework as unknown as Record<string, unknown>).colour = 'blå';
        const refused = await json(
          await t.call('POST', '/api/frameworks/import', { as: otherAdmin, body: broken }),
        );
        expect(refused.status).toBe(422);
        expect(refused.body.error.fields).toEqual({
          'framework.areas.0.competences.0.levels':
            'Kompetencen skal have en beskrivelse for hvert niveau på skalaen.',
          'framework.areas.1.name.en': 'Skal udfyldes.',
          'framework.colour': 'Feltet kendes ikke og må ikke sendes med.',
        });
        const threeLevels = structuredClone(file);
        threeLevels.framework.scale.levels.pop();
        for (const competence of threeLevels.framework.areas.flatMap((area) => area.competences))
          competence.levels.pop();
        const rescaled = await json(
          await t.call('POST', '/api/frameworks/import', { as: otherAdmin, body: threeLevels }),
        );
        expect(rescaled.body.error.fields).toEqual({
          'framework.scale.levels': 'Skalaen skal have det samme antal niveauer som de tidligere versioner.',
        });
        const after = (await (await t.call('GET', '/api/frameworks', { as: otherAdmin })).json()).frameworks;
        expect(after).toEqual(before);
      });

      it('starts a new framework for a file with a key of its own', async () => {
        const own = { ...file, framework: { ...file.framework, key: 'vores-egen-ramme' } };
        const imported = await json<FrameworkVersion>(
          await t.call('POST', '/api/frameworks/import', { as: otherAdmin, body: own }),
        );
        expect(imported.body).toMatchObject({ version: 1, status: 'draft' });
        const published = await json<Published>(
          await t.call('POST', `/api/frameworks/${imported.body.id}/publish`, {
            as: otherAdmin,
            body: { revision: 1 },
          }),
        );
        expect(published.body.report).toMatchObject({ previous: null, roleProfiles: [] });
      });
    });

    describe('role profiles', () => {
      const profileBody = (targets: Record<string, number>) => ({
        frameworkVersionId: draft.id,
        key: 'tovholder-plus',
        name: { da: 'Tovholder med ansvar for kurser', en: 'Coordinator in charge of courses' },
        description: { da: 'Planlægger kurserne.', en: 'Plans the courses.' },
        targets,
      });
      const allAt = (level: number) =>
        Object.fromEntries(
          draft.document.areas.flatMap((area) => area.competences).map((entry) => [entry.id, level]),
        );

      it('needs a target on the scale for every competence of the version, named per competence', async () => {
        const { medbetjening: _missing, ...targets } = allAt(2);
        const refused = await json(
          await t.call('POST', '/api/role-profiles', {
            as: admin,
            body: profileBody({ ...targets, spoergeteknik: 5, 'betjening-paa-fremmedsprog': 2 }),
          }),
        );
        expect(refused.status).toBe(422);
        expect(refused.body.error.fields).toEqual({
          'targets.medbetjening': 'Vælg et målniveau for kompetencen.',
          'targets.spoergeteknik': 'Niveauet ligger uden for skalaen.',
          'targets.betjening-paa-fremmedsprog': 'Kompetencen findes ikke i rundens kompetenceramme.',
        });
      });

      it('creates one, refuses its key twice, and saves a change only over the revision the admin saw', async () => {
        const created = await json<RoleProfile>(
          await t.call('POST', '/api/role-profiles', { as: admin, body: profileBody(allAt(2)) }),
        );
        expect(created.status).toBe(201);
        const twice = await json(
          await t.call('POST', '/api/role-profiles', { as: admin, body: profileBody(allAt(2)) }),
        );
        expect(twice.body.error.fields).toEqual({
          key: 'Nøglen bruges allerede af en anden rolleprofil på samme version.',
        });
        const change = { name: created.body.name, description: created.body.description, targets: allAt(3) };
        const saved = await json<RoleProfile>(
          await t.call('PUT', `/api/role-profiles/${created.body.id}`, {
            as: admin,
            body: { revision: 1, ...change },
          }),
        );
        expect(saved.body).toMatchObject({ revision: 2, targets: allAt(3) });
        const stale = await t.call('PUT', `/api/role-profiles/${created.body.id}`, {
          as: admin,
          body: { revision: 1, ...change },
        });
        expect(stale.status).toBe(409);
      });

      it('changes a profile for new rounds only: a round already started keeps the targets it began with', async () => {
        const birthe = await t.idOf('employee');
        const targetOf = async () =>
          (
            await (await t.call('GET', `/api/profiles/${birthe}`, { as: employee })).json()
          ).rounds[0].competences.find(
            (entry: { competenceId: string }) => entry.competenceId === 'spoergeteknik',
          ).target;
        expect(await targetOf()).toBe(2);
        const { roleProfiles } = await (await t.call('GET', '/api/role-profiles', { as: admin })).json();
        const profile = (roleProfiles as RoleProfile[]).find(
          (entry) => entry.frameworkVersionId === v1.id && entry.key === 'borgerservicemedarbejder',
        )!;
        const saved = await t.call('PUT', `/api/role-profiles/${profile.id}`, {
          as: admin,
          body: {
            revision: profile.revision,
            name: profile.name,
            description: profile.description,
            targets: { ...profile.targets, spoergeteknik: 4 },
          },
        });
        expect(saved.status).toBe(200);
        expect(await targetOf()).toBe(2);
      });
    });

    describe("a municipality's own competence in a conversation", () => {
      it('gives the guide an honest item without suggested questions, and saves an agenda with it', async () => {
        const demo = t.repositories.forTenant(
          (await t.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id,
        );
        const [anneId, birtheId] = [await t.idOf('leaderSkranke'), await t.idOf('employee')];
        const profile = (await demo.frameworks.listRoleProfilesOf(draft.id)).find(
          (entry) => entry.key === 'borgerservicemedarbejder',
        )!;
        const round = await demo.rounds.create({
          name: 'Efterårsrunde på version 2',
          frameworkVersionId: draft.id,
          deadline: '2099-12-31',
          hideLeaderUntilBoth: false,
          createdById: anneId,
          participants: [{ userId: birtheId, roleProfileId: profile.id }],
        });
        const ratings = Object.fromEntries(
          draft.document.areas
            .flatMap((area) => area.competences)
            .map((entry) => [entry.id, { level: entry.id === 'digital-post-til-paaroerende' ? 1 : 3 }]),
        );
        const now = new Date();
        for (const [raterRole, raterId] of [
          ['self', birtheId],
          ['leader', anneId],
        ] as const) {
          const base = { roundId: round.id, subjectId: birtheId, raterRole, raterId, now };
          await demo.rounds.saveDraft({ ...base, expectedVersion: 0, ratings });
          await demo.rounds.submit({ ...base, expectedVersion: 1 });
        }
        const anne = await t.login('leaderSkranke');
        const scheduled = await json<{ conversation: { id: string } }>(
          await t.call('POST', '/api/conversations', {
            as: anne,
            body: {
              kind: 'profiling',
              employeeId: birtheId,
              scheduledAt: '2099-01-10T09:30:00+01:00',
              place: 'Lokale 2',
            },
          }),
        );
        expect(scheduled.status).toBe(201);
        const conversationId = scheduled.body.conversation.id;
        const guide = await json<{
          version: number;
          items: { id: string; title: string; questions: unknown[] }[];
        }>(await t.call('GET', `/api/conversations/${conversationId}/guide`, { as: anne }));
        const own = guide.body.items.find((item) => item.id === 'gap:digital-post-til-paaroerende');
        expect(own).toMatchObject({ title: 'Vejledning i digital post til pårørende', questions: [] });
        const agenda = await t.call('PUT', `/api/conversations/${conversationId}/agenda`, {
          as: anne,
          body: {
            version: guide.body.version,
            items: [
              { id: own!.id, kind: 'gap', competenceId: 'digital-post-til-paaroerende', questionIds: [] },
            ],
          },
        });
        expect(agenda.status).toBe(200);
      });
    });
  });
});
