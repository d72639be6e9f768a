/**
 * @module A person's data download through the API, on both engines: everything of theirs from every feature, nothing
 * of a colleague's, a readable PDF, the audit entry, and the administrator's variant for a formal request of access.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationPreparations, users } from '../../src/db/schema.ts';
import type { AuditPage, MyLookups } from '../../src/server/contracts/audit.ts';
import type { PersonalDataDocument } from '../../src/server/contracts/personal-data.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { heldConversation, heldGroupConversation } from '../support/conversations.ts';
import { engineMissing, engines } from '../support/database.ts';
import { pdfLayoutProblems, pdfText } from '../support/pdf-text.ts';
import { openPairing, practiceEntryOf } from '../support/practice.ts';
import { heldThemeDay } from '../support/theme-days.ts';
import { people, worldRound } from '../support/world.ts';

describe.each(engines)('the personal data download on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let t: TestApp;
    let birthe: Caller;
    let admin: Caller;
    let ids: Record<'birthe' | 'mads' | 'anne', string>;
    let conversationId: string;
    let madsEntryText: string;

    const download = async (path: string, as: Caller) => {
      const response = await t.call('GET', path, { as });
      expect(response.status).toBe(200);
      return { response, body: (await response.json()) as PersonalDataDocument };
    };

    beforeAll(async () => {
      t = await startTestApp(kind);
      [birthe, admin] = [await t.login('employee'), await t.login('admin')];
      ids = {
        birthe: await t.idOf('employee'),
        mads: await t.idOf('colleague'),
        anne: await t.idOf('leaderSkranke'),
      };
      // Birthe's history in every feature: a conversation with a plan, a group conversation, a practice entry, a
      // pairing, a theme day with her task; the world's round has her self-assessment and Anne's of her.
      ({ conversationId } = await heldConversation(t, ids.birthe, {
        goalTitle: 'Guide borgere i Digital Post',
      }));
      await heldGroupConversation(t, [ids.birthe, ids.mads]);
      await practiceEntryOf(t, ids.birthe, { whatWorked: 'Borgeren fandt selv blanketten på borger.dk.' });
      await openPairing(t, ids.birthe);
      await heldThemeDay(t, ids.birthe);
      // Someone else's data in the same places: Mads's entry, and Anne's private preparation of Birthe's conversation.
      madsEntryText = 'Mads hjalp en borger med MitID-appen.';
      await practiceEntryOf(t, ids.mads, { whatWorked: madsEntryText });
      const { municipalityId } = (await t.repositories.system.findLoginByEmail(people.leaderSkranke))!;
      // Anne has rated Mads in the world's round, but he has not submitted his own: the round hides hers from him.
      const demo = t.repositories.forTenant(municipalityId);
      const round = (await demo.rounds.list()).find((candidate) => candidate.name === worldRound.name)!;
      const base = {
        roundId: round.id,
        subjectId: ids.mads,
        raterRole: 'leader' as const,
        raterId: ids.anne,
      };
      const ratings = Object.fromEntries(
        Object.keys((await demo.rounds.participationsOf([ids.mads]))[0]!.targets).map((id) => [
          id,
          { level: 2, comment: 'Anne om Mads: skjult indtil videre' },
        ]),
      );
      await demo.rounds.saveDraft({ ...base, expectedVersion: 0, ratings, now: new Date() });
      await demo.rounds.submit({ ...base, expectedVersion: 1, now: new Date() });
      await t.handle.db.insert(conversationPreparations).values({
        municipalityId,
        conversationId,
        authorId: ids.anne,
        answers: { leaderNote: 'Anne: privat note om Birthes tempo' },
        chosenCompetenceIds: [],
        sharedAt: null,
      });
    });
    afterAll(() => t?.close());

    it('holds the person’s data from every feature, with a schema version, as an attachment', async () => {
      const { response, body } = await download('/api/me/data', birthe);
      expect(response.headers.get('content-disposition')).toMatch(
        /attachment; filename="vejviser-mine-data-\d{4}-\d{2}-\d{2}\.json"/,
      );
      expect(body.schemaVersion).toBe(1);
      expect(body.person).toMatchObject({ id: ids.birthe, name: 'Birthe Hansen', active: true });
      expect(JSON.stringify(body)).not.toMatch(/password|argon2/i);
      const round = body.rounds.find((candidate) => candidate.name === worldRound.name)!;
      expect(round.assessments.map((assessment) => assessment.raterRole).sort()).toEqual(['leader', 'self']);
      expect(body.competenceRatings.some((row) => row.raterRole === 'leader')).toBe(true);
      expect(body.competenceNames[worldRound.blindSpot]).toBeTruthy();
      expect(body.conversations.map((conversation) => conversation.role).sort()).toEqual([
        'employee',
        'participant',
      ]);
      expect(body.goals.map((goal) => goal.title)).toEqual(
        expect.arrayContaining([
          'Guide borgere i Digital Post',
          'Vi hjælper borgerne i gang med MitID-appen',
        ]),
      );
      expect(body.goals.find((goal) => !goal.teamGoal)!.actions).toHaveLength(1);
      expect(body.practiceEntries.map((entry) => entry.whatWorked)).toContain(
        'Borgeren fandt selv blanketten på borger.dk.',
      );
      expect(body.pairings).toContainEqual(
        expect.objectContaining({ role: 'learner', colleague: 'Fatima Ali', madeBy: 'Anne Kristensen' }),
      );
      expect(body.themeDays).toContainEqual(
        expect.objectContaining({
          title: 'Temadag om spørgeteknik',
          task: expect.objectContaining({ text: 'Stil tre åbne spørgsmål ved skranken' }),
        }),
      );
    });

    it('holds none of a colleague’s data, nor a leader’s unshared preparation', async () => {
      const { body } = await download('/api/me/data', birthe);
      const text = JSON.stringify(body);
      expect(text).not.toContain(madsEntryText);
      expect(text).not.toContain('privat note om Birthes tempo');
      expect(
        body.competenceRatings.every((row) => body.rounds.some((round) => round.roundId === row.roundId)),
      ).toBe(true);
      expect(text).not.toContain('Anne om Mads');
      // And the other way round: Mads's download has his entry, not Birthe's plan.
      const mads = await t.login('colleague');
      const madsData = (await download('/api/me/data', mads)).body;
      expect(madsData.practiceEntries.map((entry) => entry.whatWorked)).toContain(madsEntryText);
      expect(JSON.stringify(madsData)).not.toContain('Guide borgere i Digital Post');
      expect(JSON.stringify(madsData)).not.toContain('Borgeren fandt selv blanketten på borger.dk.');
    });

    it('hides the leader’s assessment until the person has submitted their own, as the round does', async () => {
      const mads = await t.login('colleague');
      const madsData = (await download('/api/me/data', mads)).body;
      const round = madsData.rounds.find((candidate) => candidate.name === worldRound.name)!;
      expect(round.leaderAssessmentHidden).toBe(true);
      expect(round.assessments).toEqual([]);
      expect(
        madsData.competenceRatings.filter(
          (row) => row.roundId === round.roundId && row.raterRole === 'leader',
        ),
      ).toEqual([]);
      expect(JSON.stringify(madsData)).not.toContain('Anne om Mads');
    });

    it('gives a readable PDF in the asked language with the name and a goal', async () => {
      const response = await t.call('GET', '/api/me/data.pdf?lang=da', { as: birthe });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(/vejviser-mine-data-.*\.pdf"/);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('%PDF');
      const { text } = await pdfText(bytes);
      expect(text).toContain('Dine data i Vejviser');
      expect(text).toContain('Birthe Hansen');
      expect(text).toContain('Guide borgere i Digital Post');
      expect(text).toContain('Borgeren fandt selv blanketten på borger.dk.');
      expect(text).not.toContain(madsEntryText);
      expect(await pdfLayoutProblems(bytes)).toEqual([]);

      const english = await t.call('GET', '/api/me/data.pdf?lang=en', { as: birthe });
      expect((await pdfText(new Uint8Array(await english.arrayBuffer()))).text).toContain(
        'Your data in Vejviser',
      );
      expect((await t.call('GET', '/api/me/data.pdf?lang=de', { as: birthe })).status).toBe(400);
    });

    it('records every download in the audit log with the format and nothing else', async () => {
      const response = await t.call(
        'GET',
        `/api/admin/audit?personId=${ids.birthe}&action=person.data_exported`,
        {
          as: admin,
        },
      );
      const { events } = (await response.json()) as AuditPage;
      expect(events.length).toBeGreaterThanOrEqual(4);
      for (const event of events) {
        expect(event).toMatchObject({
          action: 'person.data_exported',
          purpose: 'data_rights',
          subjectPerson: { id: ids.birthe },
          actor: { id: ids.birthe },
        });
        expect(Object.keys(event.details)).toEqual(['format']);
      }
      expect(new Set(events.map((event) => event.details.format))).toEqual(new Set(['json', 'pdf']));
    });

    it('lets an administrator download anyone’s data, also a deactivated person’s, and records it', async () => {
      await t.handle.db.update(users).set({ active: false }).where(eq(users.id, ids.mads));
      const { response, body } = await download(`/api/admin/users/${ids.mads}/data`, admin);
      expect(response.headers.get('content-disposition')).toContain(`vejviser-persondata-${ids.mads}-`);
      expect(body.person).toMatchObject({ name: 'Mads Pedersen', active: false });
      expect(body.practiceEntries.map((entry) => entry.whatWorked)).toContain(madsEntryText);
      const pdf = await t.call('GET', `/api/admin/users/${ids.mads}/data.pdf`, { as: admin });
      expect((await pdfText(new Uint8Array(await pdf.arrayBuffer()))).text).toContain('Mads Pedersen');
      const { events } = (await (
        await t.call('GET', `/api/admin/audit?personId=${ids.mads}&action=person.data_exported`, {
          as: admin,
        })
      ).json()) as AuditPage;
      const byAdmin = events.filter((event) => event.actor.name === 'Mette Lund');
      expect(byAdmin.map((event) => event.details.format).sort()).toEqual(['json', 'pdf']);
      // Mads is told of the administrator's downloads among the look-ups of his data, as any other export.
      await t.handle.db.update(users).set({ active: true }).where(eq(users.id, ids.mads));
      const mads = await t.login('colleague');
      const lookups = (await (await t.call('GET', '/api/me/lookups', { as: mads })).json()) as MyLookups;
      expect(lookups.lookups.filter((lookup) => lookup.action === 'person.data_exported')).toHaveLength(2);
    });

    it('refuses an employee the administrator’s variant, and tells another municipality the person does not exist', async () => {
      expect((await t.call('GET', `/api/admin/users/${ids.mads}/data`, { as: birthe })).status).toBe(403);
      const otherAdmin = await t.login('otherAdmin');
      expect((await t.call('GET', `/api/admin/users/${ids.birthe}/data`, { as: otherAdmin })).status).toBe(
        404,
      );
      expect(
        (await t.call('GET', `/api/admin/users/${ids.birthe}/data.pdf`, { as: otherAdmin })).status,
      ).toBe(404);
      expect((await t.call('GET', '/api/admin/users/not-an-id/data', { as: admin })).status).toBe(400);
      expect((await t.call('GET', '/api/me/data')).status).toBe(401);
    });
  });
});
