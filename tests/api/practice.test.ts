/**
 * @module The practice log through the API, on both engines: quick entries without citizens' personal data, the
 * employee's own timeline, sharing with the leader, talking points, and the unit aggregate with its minimum group.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { municipalities } from '../../src/db/schema.ts';
import { recentMonths } from '../../src/domain/practice.ts';
import type { PracticeEntry, PracticeLog, PracticeSummaryView } from '../../src/server/contracts/practice.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { heldConversation } from '../support/conversations.ts';
import { engineMissing, engines } from '../support/database.ts';
import { heldThemeDay } from '../support/theme-days.ts';

const entry = (overrides: Record<string, unknown> = {}) => ({
  occurredOn: new Date().toISOString().slice(0, 10),
  channel: 'counter',
  helpLevel: 'co_service',
  competenceIds: ['medbetjening', 'holde-igen'],
  whatWorked: 'Borgeren søgte selv om sundhedskort, mens jeg pegede på skærmen.',
  tryNext: 'Give en seddel med de tre trin med hjem.',
  ...overrides,
});

describe.each(engines)('the practice log on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let t: TestApp;
    let birthe: Caller;
    let mads: Caller;
    let anne: Caller;
    let jonas: Caller;
    let ids: Record<'birthe' | 'mads' | 'anne', string>;

    const json = async (response: Response) => ({ status: response.status, body: await response.json() });
    const log = async (as: Caller, query = ''): Promise<PracticeLog> =>
      (await t.call('GET', `/api/practice-log${query}`, { as })).json();
    const create = (as: Caller, body: Record<string, unknown>, headers?: Record<string, string>) =>
      t.call('POST', '/api/practice-log', { as, body, headers });
    const change = (as: Caller, saved: PracticeEntry, overrides: Record<string, unknown> = {}) =>
      t.call('PUT', `/api/practice-log/${saved.id}`, {
        as,
        body: {
          version: saved.version,
          occurredOn: saved.occurredOn,
          channel: saved.channel,
          helpLevel: saved.helpLevel,
          competenceIds: saved.competences.map((competence) => competence.id),
          whatWorked: saved.whatWorked,
          tryNext: saved.tryNext,
          goalId: saved.goal?.id ?? null,
          shared: saved.shared,
          talkingPoint: saved.talkingPoint,
          ...overrides,
        },
      });

    beforeAll(async () => {
      t = await startTestApp(kind);
      [birthe, mads, anne, jonas] = [
        await t.login('employee'),
        await t.login('colleague'),
        await t.login('leaderSkranke'),
        await t.login('leaderDigital'),
      ];
      ids = {
        birthe: await t.idOf('employee'),
        mads: await t.idOf('colleague'),
        anne: await t.idOf('leaderSkranke'),
      };
    });
    afterAll(() => t?.close());

    describe('a quick entry', () => {
      it('is logged and shows first in the employee’s own timeline and count for the month', async () => {
        const before = await log(birthe);
        const { status, body } = await json(await create(birthe, entry({ helpLevel: 'self_service' })));
        expect(status).toBe(201);
        expect(body).toMatchObject({
          author: { id: ids.birthe, name: 'Birthe Hansen' },
          channel: 'counter',
          helpLevel: 'self_service',
          competences: [
            { id: 'medbetjening', name: 'Medbetjening' },
            { id: 'holde-igen', name: 'At holde igen' },
          ],
          shared: false,
          talkingPoint: false,
          goal: null,
          version: 1,
        });
        const after = await log(birthe);
        expect(after.entries[0]!.id).toBe(body.id);
        expect(after.total).toBe(before.total + 1);
        const thisMonth = (view: PracticeLog) => view.months.at(-1)!.counts.self_service;
        expect(thisMonth(after)).toBe(thisMonth(before) + 1);
        expect(after.months).toHaveLength(12);
      });

      it('filters the timeline by month, channel and help level', async () => {
        await create(birthe, entry({ channel: 'video', helpLevel: 'full_service' }));
        const video = await log(birthe, '?channel=video&helpLevel=full_service');
        expect(video.entries.length).toBeGreaterThan(0);
        expect(
          video.entries.every((row) => row.channel === 'video' && row.helpLevel === 'full_service'),
        ).toBe(true);
        const month = new Date().toISOString().slice(0, 7);
        const inMonth = await log(birthe, `?month=${month}`);
        expect(inMonth.entries.every((row) => row.occurredOn.startsWith(month))).toBe(true);
        expect((await t.call('GET', '/api/practice-log?month=2026-13', { as: birthe })).status).toBe(400);
      });

      it.each([
        ['with a dash', 'whatWorked', 'Borgeren oplyste 010190-1234 ved skranken.'],
        ['without a dash', 'whatWorked', 'Borgerens nummer var 0101901234.'],
        ['in what to try next', 'tryNext', 'Tjek 2902961234 næste gang.'],
      ])(
        'refuses a CPR number %s, says why, names the field and keeps nothing',
        async (_case, field, text) => {
          const before = await log(birthe);
          const { status, body } = await json(await create(birthe, entry({ [field]: text })));
          expect(status).toBe(422);
          expect(body.error.code).toBe('citizen_personal_data');
          expect(body.error.message).toMatch(/CPR-nummer/);
          expect(Object.keys(body.error.fields)).toEqual([field]);
          expect(JSON.stringify(body)).not.toMatch(/\d{6}-?\d{4}/);
          expect((await log(birthe)).total).toBe(before.total);
        },
      );

      it('says it in English to an English reader', async () => {
        const { body } = await json(
          await create(birthe, entry({ whatWorked: 'cpr 311299-1234' }), { 'accept-language': 'en' }),
        );
        expect(body.error.message).toMatch(/CPR number/);
        expect(body.error.fields.whatWorked).toMatch(/Never write a citizen/);
      });

      it.each([
        ['a phone number', 'Ring tilbage på +45 12 34 56 78 eller 12345678.'],
        ['a date and an amount', 'Den 01-01-2026 fik borgeren 1.234.567,50 kr. udbetalt.'],
        ['ten digits that are no date', 'Sagsnummer 3213991234.'],
        ['ten digits inside a longer number', 'Konto 12340101901234.'],
      ])('accepts %s, which only looks like a CPR number', async (_case, text) => {
        expect((await create(birthe, entry({ whatWorked: text }))).status).toBe(201);
      });

      it.each([
        ['a day in the future', { occurredOn: '2999-01-01' }, 422, 'occurredOn'],
        ['an unknown competence', { competenceIds: ['trylleri'] }, 422, 'competenceIds.0'],
        ['no competence', { competenceIds: [] }, 400, 'competenceIds'],
        [
          'six competences',
          {
            competenceIds: [
              'medbetjening',
              'holde-igen',
              'spoergeteknik',
              'servicemindedhed',
              'kulturel-aabenhed',
              'datasikkerhed-ved-skranken',
            ],
          },
          400,
          'competenceIds',
        ],
        ['nothing about what worked', { whatWorked: '  ' }, 400, 'whatWorked'],
        ['an unknown channel', { channel: 'fax' }, 400, 'channel'],
        [
          'a theme-day task that does not exist',
          { themeDayTaskId: '00000000-0000-4000-8000-000000000000' },
          422,
          'themeDayTaskId',
        ],
      ])('refuses %s, naming the field', async (_case, overrides, status, field) => {
        const response = await json(await create(birthe, entry(overrides)));
        expect(response.status).toBe(status);
        expect(Object.keys(response.body.error.fields)).toContain(field);
      });

      it("links an entry to one of the employee's own open goals, and to no one else's", async () => {
        const own = await heldConversation(t, ids.birthe);
        const others = await heldConversation(t, ids.mads);
        const linked = await json(await create(birthe, entry({ goalId: own.goalId })));
        expect(linked.status).toBe(201);
        expect(linked.body.goal).toEqual({ id: own.goalId, title: 'Stille åbne spørgsmål ved skranken' });
        const refused = await json(await create(birthe, entry({ goalId: others.goalId })));
        expect(refused.status).toBe(422);
        expect(Object.keys(refused.body.error.fields)).toEqual(['goalId']);
      });

      it("links an entry to the employee's own follow-up task from a theme day, and to no one else's", async () => {
        const own = await heldThemeDay(t, ids.birthe);
        const others = await heldThemeDay(t, ids.mads);
        const linked = await json(await create(birthe, entry({ themeDayTaskId: own.taskId })));
        expect(linked.status).toBe(201);
        expect(linked.body.themeDayTaskId).toBe(own.taskId);
        const refused = await json(await create(birthe, entry({ themeDayTaskId: others.taskId })));
        expect(refused.status).toBe(422);
        expect(Object.keys(refused.body.error.fields)).toEqual(['themeDayTaskId']);
      });
    });

    describe('changing and deleting', () => {
      it('changes an own entry at the version seen, and refuses an older version without changing anything', async () => {
        const saved: PracticeEntry = await (await create(birthe, entry())).json();
        const changed = await json(
          await change(birthe, saved, { tryNext: 'Spørge om borgeren har MitID med.' }),
        );
        expect(changed.status).toBe(200);
        expect(changed.body).toMatchObject({ version: 2, tryNext: 'Spørge om borgeren har MitID med.' });
        const stale = await json(await change(birthe, saved, { tryNext: 'Overskrevet' }));
        expect(stale.status).toBe(409);
        const now = await json(await t.call('GET', `/api/practice-log/${saved.id}`, { as: birthe }));
        expect(now.body.tryNext).toBe('Spørge om borgeren har MitID med.');
        expect((await change(birthe, now.body, { whatWorked: 'cpr 010190-1234' })).status).toBe(422);
      });

      it('deletes an own entry only at the version seen', async () => {
        const saved: PracticeEntry = await (await create(birthe, entry())).json();
        expect(
          (await t.call('DELETE', `/api/practice-log/${saved.id}?version=9`, { as: birthe })).status,
        ).toBe(409);
        expect(
          (await t.call('DELETE', `/api/practice-log/${saved.id}?version=1`, { as: birthe })).status,
        ).toBe(204);
        expect((await t.call('GET', `/api/practice-log/${saved.id}`, { as: birthe })).status).toBe(404);
      });
    });

    describe('privacy between colleagues and with the leader', () => {
      it('never shows an employee a colleague’s entry', async () => {
        const saved: PracticeEntry = await (
          await create(birthe, entry({ whatWorked: 'Birthes egen refleksion', shared: true }))
        ).json();
        expect((await t.call('GET', `/api/practice-log/${saved.id}`, { as: mads })).status).toBe(404);
        expect((await change(mads, saved)).status).toBe(404);
        expect((await t.call('DELETE', `/api/practice-log/${saved.id}?version=1`, { as: mads })).status).toBe(
          404,
        );
        expect(JSON.stringify(await log(mads))).not.toContain('Birthes egen refleksion');
        expect((await t.call('GET', '/api/practice-log/shared', { as: mads })).status).toBe(403);
      });

      it('shows the leader an entry only once it is shared, and only to the leader of the unit', async () => {
        const secret = 'Kun til mig selv indtil videre';
        const saved: PracticeEntry = await (await create(birthe, entry({ whatWorked: secret }))).json();
        expect((await t.call('GET', `/api/practice-log/${saved.id}`, { as: anne })).status).toBe(404);
        const shared = await (await change(birthe, saved, { shared: true })).json();
        expect(shared.sharedAt).not.toBeNull();
        const read = await json(await t.call('GET', `/api/practice-log/${saved.id}`, { as: anne }));
        expect(read.status).toBe(200);
        expect(read.body).toMatchObject({
          whatWorked: secret,
          author: { name: 'Birthe Hansen' },
          goal: null,
        });
        const list = await json(await t.call('GET', '/api/practice-log/shared', { as: anne }));
        expect(list.body.entries.map((row: PracticeEntry) => row.id)).toContain(saved.id);
        expect((await change(anne, shared)).status).toBe(403);
        expect((await t.call('GET', `/api/practice-log/${saved.id}`, { as: jonas })).status).toBe(404);
        const jonasList = await json(await t.call('GET', '/api/practice-log/shared', { as: jonas }));
        expect(JSON.stringify(jonasList.body)).not.toContain(secret);
        // Withdrawn: the leader no longer sees it.
        await change(birthe, shared, { shared: false });
        expect((await t.call('GET', `/api/practice-log/${saved.id}`, { as: anne })).status).toBe(404);
      });
    });

    describe('talking points for the next conversation', () => {
      it('gives the employee all their talking points and the leader only the shared ones', async () => {
        const conversation = await heldConversation(t, ids.birthe);
        const path = `/api/conversations/${conversation.conversationId}/practice-talking-points`;
        const privateText = 'Et samtalepunkt kun for mig';
        const sharedText = 'Et samtalepunkt til Anne';
        await create(birthe, entry({ whatWorked: privateText, talkingPoint: true }));
        await create(birthe, entry({ whatWorked: sharedText, talkingPoint: true, shared: true }));
        await create(birthe, entry({ whatWorked: 'Ikke et samtalepunkt', shared: true }));
        const own = await json(await t.call('GET', path, { as: birthe }));
        expect(own.body.open).toBe(true);
        const ownTexts = own.body.entries.map((row: PracticeEntry) => row.whatWorked);
        expect(ownTexts).toEqual(expect.arrayContaining([privateText, sharedText]));
        expect(ownTexts).not.toContain('Ikke et samtalepunkt');
        const leaders = await json(await t.call('GET', path, { as: anne }));
        const leaderTexts = leaders.body.entries.map((row: PracticeEntry) => row.whatWorked);
        expect(leaderTexts).toContain(sharedText);
        expect(leaderTexts).not.toContain(privateText);
        expect((await t.call('GET', path, { as: mads })).status).toBe(404);
        expect((await t.call('GET', path, { as: jonas })).status).toBe(404);
      });

      it('closes the list when the conversation is signed', async () => {
        const signed = await heldConversation(t, ids.birthe, { signed: true });
        const path = `/api/conversations/${signed.conversationId}/practice-talking-points`;
        expect((await json(await t.call('GET', path, { as: birthe }))).body).toEqual({
          entries: [],
          open: false,
        });
      });
    });

    describe("the unit's aggregate", () => {
      const lastMonth = recentMonths(new Date().toISOString().slice(0, 10), 2)[0]!;
      let unitId: string;
      let members: string[];

      /** A new team under Team Skranke (so Anne leads it), with five people who have logged nothing yet. */
      beforeAll(async () => {
        const login = (await t.repositories.system.findLoginByEmail('anne.kristensen@demokommune.example'))!;
        const tenant = t.repositories.forTenant(login.municipalityId);
        const skranke = (await tenant.people.listUnits()).find((unit) => unit.name === 'Team Skranke')!;
        const unit = await tenant.people.createUnit({ name: 'Team Prøve', parentId: skranke.id });
        unitId = unit.id;
        members = [];
        for (const name of ['Ada', 'Bent', 'Cille', 'Dan', 'Eva']) {
          const user = await tenant.people.createUser({
            name: `${name} Prøve`,
            email: `${name.toLowerCase()}.proeve-${kind}@demokommune.example`,
            unitId: unit.id,
          });
          members.push(user.id);
        }
      });

      const logFor = async (index: number, helpLevel: string, competenceIds: string[]) => {
        const tenant = t.repositories.forTenant(
          (await t.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id,
        );
        const [version] = await tenant.frameworks.listVersions();
        await tenant.practice.create({
          occurredOn: `${lastMonth}-10`,
          channel: 'phone',
          helpLevel,
          competenceIds,
          whatWorked: `Hemmelig tekst ${index}`,
          tryNext: '',
          goalId: null,
          themeDayTaskId: null,
          talkingPoint: false,
          shared: false,
          frameworkVersionId: version!.id,
          employeeId: members[index]!,
          unitId,
          now: new Date(),
        });
      };
      const summary = async (as: Caller): Promise<{ status: number; body: PracticeSummaryView }> =>
        json(await t.call('GET', `/api/units/${unitId}/practice-summary?months=3`, { as }));

      it('shows a group of 4 only as "too few", and a group of 5 with its shares', async () => {
        await logFor(0, 'self_service', ['medbetjening', 'spoergeteknik']);
        await logFor(1, 'co_service', ['medbetjening']);
        await logFor(2, 'co_service', ['medbetjening']);
        await logFor(3, 'full_service', ['holde-igen']);
        const four = await summary(anne);
        expect(four.status).toBe(200);
        expect(four.body.minGroupSize).toBe(5);
        expect(four.body.months.map((month) => month.reportable)).toEqual([false, false, false]);
        expect(four.body.competences).toBeNull();
        expect(JSON.stringify(four.body)).not.toMatch(/people|entries|Hemmelig|Ada Prøve/);

        await logFor(4, 'co_service', ['medbetjening']);
        const five = await summary(anne);
        const shown = five.body.months.find((month) => month.month === lastMonth)!;
        expect(shown).toEqual({
          month: lastMonth,
          reportable: true,
          people: 5,
          entries: 5,
          counts: { self_service: 1, co_service: 3, full_service: 1 },
          shares: { self_service: 0.2, co_service: 0.6, full_service: 0.2 },
        });
        expect(five.body.competences).toEqual([
          { id: 'medbetjening', name: 'Medbetjening', entries: 4 },
          { id: 'spoergeteknik', name: 'Spørgeteknik', entries: 1 },
          { id: 'holde-igen', name: 'At holde igen', entries: 1 },
        ]);
        expect(JSON.stringify(five.body)).not.toContain('Hemmelig');
      });

      it('follows the municipality’s own minimum', async () => {
        const demoId = (await t.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id;
        await t.handle.db
          .update(municipalities)
          .set({ minGroupSize: 6 })
          .where(eq(municipalities.id, demoId));
        const body = (await summary(anne)).body;
        expect(body.minGroupSize).toBe(6);
        expect(body.months.every((month) => !month.reportable)).toBe(true);
        await t.handle.db
          .update(municipalities)
          .set({ minGroupSize: 5 })
          .where(eq(municipalities.id, demoId));
      });

      it('is for the unit’s leaders and administrators only; HR sees nothing', async () => {
        const admin = await t.login('admin');
        expect((await summary(admin)).body).toEqual((await summary(anne)).body);
        for (const as of [birthe, jonas, await t.login('hr')]) expect((await summary(as)).status).toBe(403);
        expect((await summary(await t.login('otherAdmin'))).status).toBe(404);
        const unknown = await t.call(
          'GET',
          '/api/units/00000000-0000-4000-8000-000000000000/practice-summary',
          {
            as: anne,
          },
        );
        expect(unknown.status).toBe(404);
      });

      it("shows Demo Kommune's Team Skranke months with enough people, and hides the current month's few", async () => {
        const tenant = t.repositories.forTenant(
          (await t.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id,
        );
        const skranke = (await tenant.people.listUnits()).find((unit) => unit.name === 'Team Skranke')!;
        const { body } = await json(
          await t.call('GET', `/api/units/${skranke.id}/practice-summary`, { as: anne }),
        );
        expect(body.months).toHaveLength(6);
        expect(
          body.months.filter((month: { reportable: boolean }) => month.reportable).length,
        ).toBeGreaterThanOrEqual(3);
        expect(body.competences.length).toBe(5);
      });
    });
  });
});
