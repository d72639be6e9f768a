/** @module Runs the access-control matrix against the real app, on every engine, and checks every route has an entry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { type HeldConversation, heldConversation } from '../support/conversations.ts';
import { engineMissing, engines } from '../support/database.ts';
import { type HeldThemeDay, heldThemeDay } from '../support/theme-days.ts';
import { worldRound } from '../support/world.ts';
import { type Actor, accessMatrix, actorSetup, actors, type RequestContext } from './access-matrix.ts';

describe.each(engines)('access-control matrix on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let testApp: TestApp;
    let frameworkVersionId: string;
    let roundId: string;
    const conversationOf = new Map<string, HeldConversation>();
    const themeDayOf = new Map<string, HeldThemeDay>();

    beforeAll(async () => {
      testApp = await startTestApp(kind);
      const demoId = (await testApp.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id;
      const demo = testApp.repositories.forTenant(demoId);
      frameworkVersionId = (await demo.frameworks.listVersions())[0]!.id;
      roundId = (await demo.rounds.list()).find((round) => round.name === worldRound.name)!.id;
      for (const person of ['employee', 'colleague'] as const) {
        const personId = await testApp.idOf(person);
        conversationOf.set(personId, await heldConversation(testApp, personId));
        themeDayOf.set(personId, await heldThemeDay(testApp, personId));
      }
    });
    afterAll(() => testApp?.close());

    it('has an entry for every API route the app registers', () => {
      const registered = new Set(
        testApp.app.routes
          .filter(
            (route) => route.path.startsWith('/api/') && route.method !== 'ALL' && !route.path.includes('*'),
          )
          .map((route) => `${route.method} ${route.path}`),
      );
      const missing = [...registered].filter((key) => !(key in accessMatrix));
      expect(missing, 'routes without an access-control matrix entry').toEqual([]);
      const stale = Object.keys(accessMatrix).filter((key) => !registered.has(key));
      expect(stale, 'matrix entries for routes that no longer exist').toEqual([]);
    });

    for (const [route, entry] of Object.entries(accessMatrix)) {
      it(`${route}: ${entry.why}`, async () => {
        const [method] = route.split(' ') as [string];
        const outcomes: Partial<Record<Actor, number>> = {};
        for (const actor of actors) {
          const setup = actorSetup[actor];
          // A fresh login per actor: a route like logout or a password change must not affect the next actor.
          const caller: Caller | undefined = setup.as ? await testApp.login(setup.as) : undefined;
          const subjectId = await testApp.idOf(setup.subject);
          const context: RequestContext = {
            subjectId,
            frameworkVersionId,
            roundId,
            ...conversationOf.get(subjectId)!,
            ...themeDayOf.get(subjectId)!,
          };
          await entry.before?.(testApp, context);
          const response = await testApp.call(method, entry.path(context), {
            as: caller,
            body: await entry.body?.({ ...context, testApp }),
          });
          outcomes[actor] = response.status;
          if (setup.as) await entry.after?.(testApp, setup.as, context);
        }
        expect(outcomes).toEqual(entry.expected);
      });
    }
  });
});
