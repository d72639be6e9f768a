/**
 * @module Learning from colleagues through the API, on both engines: suggestions only from the leader's ratings, a
 * pairing the leader confirms, seen by both colleagues in their tasks and beside the learner's plan, and closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail } from '../../src/db/seed/demo.ts';
import { competencesOf } from '../../src/domain/framework.ts';
import type { Pairing, PairingSuggestions } from '../../src/server/contracts/pairings.ts';
import type { Profile } from '../../src/server/contracts/rounds.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { heldConversation } from '../support/conversations.ts';
import { engineMissing, engines } from '../support/database.ts';
import { openPairing } from '../support/practice.ts';
import { password } from '../support/world.ts';

describe.each(engines)('learning from colleagues on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let t: TestApp;
    let anne: Caller;
    let birthe: Caller;
    let mads: Caller;
    let fatima: Caller;
    let skrankeId: string;
    let ids: Record<'anne' | 'birthe' | 'mads' | 'fatima' | 'susanne' | 'kirsten', string>;

    const json = async (response: Response) => ({ status: response.status, body: await response.json() });
    const loginAs = async (name: string): Promise<Caller> => {
      const response = await t.call('POST', '/api/auth/login', {
        body: { email: demoEmail(name), password },
      });
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrfToken };
    };
    const idOfName = async (name: string) =>
      (await t.repositories.system.findLoginByEmail(demoEmail(name)))!.userId;
    const suggestions = async (as: Caller) =>
      json(await t.call('GET', `/api/units/${skrankeId}/pairing-suggestions`, { as }));
    const pair = (as: Caller, body: Record<string, unknown>) => t.call('POST', '/api/pairings', { as, body });
    const tenant = async () =>
      t.repositories.forTenant((await t.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id);

    beforeAll(async () => {
      t = await startTestApp(kind);
      [anne, birthe, mads] = [
        await t.login('leaderSkranke'),
        await t.login('employee'),
        await t.login('colleague'),
      ];
      fatima = await loginAs('Fatima Ali');
      ids = {
        anne: await t.idOf('leaderSkranke'),
        birthe: await t.idOf('employee'),
        mads: await t.idOf('colleague'),
        fatima: await idOfName('Fatima Ali'),
        susanne: await idOfName('Susanne Rasmussen'),
        kirsten: await idOfName('Kirsten Jensen'),
      };
      skrankeId = (await (await tenant()).people.listUnits()).find(
        (unit) => unit.name === 'Team Skranke',
      )!.id;
    });
    afterAll(() => t?.close());

    describe('suggestions', () => {
      it('suggests only colleagues the leader rated at or above target, never the learner, and no ratings', async () => {
        const { status, body } = await suggestions(anne);
        expect(status).toBe(200);
        const view = body as PairingSuggestions;
        expect(view.learners.length).toBeGreaterThan(0);
        expect(JSON.stringify(view)).not.toMatch(/"(level|gap|target|leader|self|margin)"/);
        const profiles = new Map<string, Profile>();
        let checked = 0;
        for (const learner of view.learners) {
          for (const need of learner.needs) {
            for (const helper of need.helpers) {
              expect(helper.id).not.toBe(learner.person.id);
              if (!profiles.has(helper.id)) {
                profiles.set(
                  helper.id,
                  await (await t.call('GET', `/api/profiles/${helper.id}`, { as: anne })).json(),
                );
              }
              const rated = profiles.get(helper.id)!.rounds.find((round) => round.leaderSubmitted)!;
              const competence = rated.competences.find(
                (entry) => entry.competenceId === need.competence.id,
              )!;
              expect(competence.leader).toBeGreaterThanOrEqual(competence.target!);
              checked += 1;
            }
          }
        }
        expect(checked).toBeGreaterThan(3);
      });

      it('never takes a colleague’s own high rating of themselves as a strength', async () => {
        const demo = await tenant();
        const [version] = await demo.frameworks.listVersions();
        const profile = (await demo.frameworks.listRoleProfilesOf(version!.id)).find(
          (candidate) => candidate.key === 'borgerservicemedarbejder',
        )!;
        const round = await demo.rounds.create({
          name: 'Kirstens selvvurdering',
          frameworkVersionId: version!.id,
          deadline: '2099-12-31',
          hideLeaderUntilBoth: true,
          createdById: ids.anne,
          participants: [{ userId: ids.kirsten, roleProfileId: profile.id }],
        });
        const top = Object.fromEntries(
          competencesOf(version!.document).map((entry) => [entry.id, { level: 4 }]),
        );
        const base = {
          roundId: round.id,
          subjectId: ids.kirsten,
          raterRole: 'self' as const,
          raterId: ids.kirsten,
        };
        await demo.rounds.saveDraft({ ...base, expectedVersion: 0, ratings: top, now: new Date() });
        await demo.rounds.submit({ ...base, expectedVersion: 1, now: new Date() });
        // Her leader's rating, in the spring round, is what counts.
        const kirsten: Profile = await (
          await t.call('GET', `/api/profiles/${ids.kirsten}`, { as: anne })
        ).json();
        const rated = kirsten.rounds.find((entry) => entry.leaderSubmitted)!;
        const weak = new Set(
          rated.competences
            .filter((entry) => typeof entry.leader === 'number' && entry.leader < entry.target!)
            .map((entry) => entry.competenceId),
        );
        expect(weak.size).toBeGreaterThan(0);
        const view: PairingSuggestions = (await suggestions(anne)).body;
        for (const need of view.learners.flatMap((learner) => learner.needs)) {
          if (weak.has(need.competence.id)) {
            expect(need.helpers.map((helper) => helper.id)).not.toContain(ids.kirsten);
          }
        }
        // And her own 4s leave her no development areas to be paired for.
        expect(view.learners.map((learner) => learner.person.id)).not.toContain(ids.kirsten);
      });

      it('counts open pairings as load and shows them', async () => {
        const before: PairingSuggestions = (await suggestions(anne)).body;
        const need = before.learners
          .flatMap((learner) => learner.needs)
          .find((entry) => entry.helpers.length > 0)!;
        const helper = need.helpers[0]!;
        await openPairing(t, ids.mads, { helperId: helper.id, competenceId: 'formidling-til-grupper' });
        const after: PairingSuggestions = (await suggestions(anne)).body;
        const counts = after.learners
          .flatMap((learner) => learner.needs.flatMap((entry) => entry.helpers))
          .filter((entry) => entry.id === helper.id)
          .map((entry) => entry.openPairings);
        expect(counts.every((count) => count === helper.openPairings + 1)).toBe(true);
        const madsNeed = after.learners
          .find((learner) => learner.person.id === ids.mads)
          ?.needs.find((entry) => entry.competence.id === 'formidling-til-grupper');
        if (madsNeed) expect(madsNeed.pairedWith.map((person) => person.id)).toEqual([helper.id]);
      });

      it('is for the leaders of the unit only', async () => {
        for (const as of [
          birthe,
          await t.login('leaderDigital'),
          await t.login('admin'),
          await t.login('hr'),
        ]) {
          expect((await suggestions(as)).status).toBe(403);
        }
        expect((await suggestions(await t.login('otherAdmin'))).status).toBe(404);
      });
    });

    describe('a confirmed pairing', () => {
      let pairing: Pairing;

      it('is made by the leader and shown beside the open goal for the competence, also in a signed plan', async () => {
        const signed = await heldConversation(t, ids.birthe, {
          signed: true,
          goalTitle: 'Spørge åbent ved skranken',
        });
        const planBefore = await (await t.call('GET', `/api/plans/${ids.birthe}`, { as: anne })).json();
        const { status, body } = await json(
          await pair(anne, {
            learnerId: ids.birthe,
            helperId: ids.fatima,
            competenceId: 'spoergeteknik',
            note: 'Lyt med, når Fatima tager telefonen.',
            dueDate: '2099-01-31',
          }),
        );
        expect(status).toBe(201);
        pairing = body;
        expect(pairing).toMatchObject({
          learner: { id: ids.birthe, name: 'Birthe Hansen' },
          helper: { id: ids.fatima, name: 'Fatima Ali' },
          competence: { id: 'spoergeteknik', name: 'Spørgeteknik' },
          status: 'open',
          myRole: 'leader',
          canCancel: true,
          goal: { id: signed.goalId, title: 'Spørge åbent ved skranken' },
        });
        // Nothing was written into the plan: the signed record stays exactly as signed.
        const planAfter = await (await t.call('GET', `/api/plans/${ids.birthe}`, { as: anne })).json();
        expect(planAfter).toEqual(planBefore);
        expect(
          planAfter.goals.find((goal: { id: string }) => goal.id === signed.goalId).actions,
        ).toHaveLength(1);
      });

      it('appears in both colleagues’ task lists, and the helper sees only the pairing', async () => {
        const learnerTasks = (await json(await t.call('GET', '/api/me/tasks', { as: birthe }))).body.pairings;
        expect(learnerTasks).toContainEqual({
          kind: 'learn',
          pairingId: pairing.id,
          colleague: { id: ids.fatima, name: 'Fatima Ali' },
          competence: { id: 'spoergeteknik', name: 'Spørgeteknik' },
          dueDate: '2099-01-31',
          overdue: false,
        });
        const helperTasks = (await json(await t.call('GET', '/api/me/tasks', { as: fatima }))).body.pairings;
        expect(helperTasks).toContainEqual(
          expect.objectContaining({
            kind: 'help',
            pairingId: pairing.id,
            colleague: { id: ids.birthe, name: 'Birthe Hansen' },
          }),
        );
        const helperView: Pairing = (
          await json(await t.call('GET', '/api/pairings', { as: fatima }))
        ).body.pairings.find((entry: Pairing) => entry.id === pairing.id);
        expect(helperView).toMatchObject({
          myRole: 'helper',
          goal: null,
          note: 'Lyt med, når Fatima tager telefonen.',
        });
        expect(
          JSON.stringify(await (await t.call('GET', '/api/pairings', { as: fatima })).json()),
        ).not.toContain('Spørge åbent ved skranken');
        expect((await t.call('GET', `/api/profiles/${ids.birthe}`, { as: fatima })).status).toBe(404);
        const madsView = await json(await t.call('GET', '/api/pairings', { as: mads }));
        expect(madsView.body.pairings.map((entry: Pairing) => entry.id)).not.toContain(pairing.id);
        const madsTasks = (await json(await t.call('GET', '/api/me/tasks', { as: mads }))).body.pairings;
        expect(madsTasks.map((task: { pairingId: string }) => task.pairingId)).not.toContain(pairing.id);
      });

      it("lists a person's pairings for their plan page", async () => {
        const forBirthe = (
          await json(await t.call('GET', `/api/pairings?personId=${ids.birthe}`, { as: anne }))
        ).body;
        expect(forBirthe.pairings.map((entry: Pairing) => entry.id)).toContain(pairing.id);
        const forSusanne = (
          await json(await t.call('GET', `/api/pairings?personId=${ids.susanne}`, { as: anne }))
        ).body;
        expect(forSusanne.pairings).toEqual([]);
      });

      it.each([
        [
          'a learner the leader does not lead',
          () => ({ learnerId: ids.susanne, helperId: ids.fatima }),
          'learnerId',
        ],
        ['a helper from another unit', () => ({ learnerId: ids.birthe, helperId: ids.susanne }), 'helperId'],
        [
          'the learner as their own helper',
          () => ({ learnerId: ids.birthe, helperId: ids.birthe }),
          'helperId',
        ],
        ['the leader as helper', () => ({ learnerId: ids.birthe, helperId: ids.anne }), 'helperId'],
        ['an unknown competence', () => ({ competenceId: 'trylleri' }), 'competenceId'],
        ['a due date in the past', () => ({ dueDate: '2020-01-01' }), 'dueDate'],
        ['the same pairing again', () => ({ competenceId: 'spoergeteknik' }), 'helperId'],
      ])('refuses %s, naming the field', async (_case, overrides, field) => {
        const response = await json(
          await pair(anne, {
            learnerId: ids.birthe,
            helperId: ids.fatima,
            competenceId: 'servicemindedhed',
            ...overrides(),
          }),
        );
        expect(response.status).toBe(422);
        expect(Object.keys(response.body.error.fields)).toEqual([field]);
      });

      it('is made by leaders only', async () => {
        const body = { learnerId: ids.birthe, helperId: ids.fatima, competenceId: 'servicemindedhed' };
        expect((await pair(birthe, body)).status).toBe(403);
        expect((await pair(await t.login('admin'), body)).status).toBe(403);
      });

      it('is marked done by either colleague at the version they saw, and then stays done', async () => {
        const stale = await t.call('POST', `/api/pairings/${pairing.id}/done`, {
          as: fatima,
          body: { version: 9 },
        });
        expect(stale.status).toBe(409);
        expect(
          (await t.call('POST', `/api/pairings/${pairing.id}/done`, { as: mads, body: { version: 1 } }))
            .status,
        ).toBe(404);
        const done = await json(
          await t.call('POST', `/api/pairings/${pairing.id}/done`, { as: fatima, body: { version: 1 } }),
        );
        expect(done.status).toBe(200);
        expect(done.body).toMatchObject({ status: 'done', myRole: 'helper', canCancel: false });
        const again = await json(
          await t.call('POST', `/api/pairings/${pairing.id}/done`, {
            as: birthe,
            body: { version: done.body.version },
          }),
        );
        expect(again.status).toBe(422);
        expect(again.body.error.code).toBe('pairing_closed');
        const tasks = (await json(await t.call('GET', '/api/me/tasks', { as: birthe }))).body.pairings;
        expect(tasks.map((task: { pairingId: string }) => task.pairingId)).not.toContain(pairing.id);
      });

      it('is cancelled by the leader only, with the reason kept from the helper', async () => {
        const id = await openPairing(t, ids.birthe, { competenceId: 'servicemindedhed' });
        const body = { version: 1, reason: 'Birthe skifter til telefonen.' };
        expect((await t.call('POST', `/api/pairings/${id}/cancel`, { as: birthe, body })).status).toBe(403);
        expect((await t.call('POST', `/api/pairings/${id}/cancel`, { as: fatima, body })).status).toBe(403);
        expect((await t.call('POST', `/api/pairings/${id}/cancel`, { as: mads, body })).status).toBe(404);
        const cancelled = await json(await t.call('POST', `/api/pairings/${id}/cancel`, { as: anne, body }));
        expect(cancelled.body).toMatchObject({
          status: 'cancelled',
          cancelReason: 'Birthe skifter til telefonen.',
        });
        const helperView = (
          await json(await t.call('GET', '/api/pairings', { as: fatima }))
        ).body.pairings.find((entry: Pairing) => entry.id === id);
        expect(helperView.cancelReason).toBeNull();
      });
    });

    it("shows Demo Kommune's confirmed pairing to both colleagues", async () => {
      const kirsten = await loginAs('Kirsten Jensen');
      const tasks = (await json(await t.call('GET', '/api/me/tasks', { as: kirsten }))).body.pairings;
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({ kind: 'learn', overdue: false });
      const helper = await loginAs(tasks[0].colleague.name);
      const helperTasks = (await json(await t.call('GET', '/api/me/tasks', { as: helper }))).body.pairings;
      expect(helperTasks.map((task: { pairingId: string }) => task.pairingId)).toContain(tasks[0].pairingId);
    });
  });
});
