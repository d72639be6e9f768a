/**
 * @module Runs the access-control matrix against the real app, on every engine, for people and for API tokens, and
 * checks every route has an entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiToken } from '../../src/server/auth/api-tokens.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import {
  demoPersonIds,
  type HeldConversation,
  heldConversation,
  heldGroupConversation,
} from '../support/conversations.ts';
import { engineMissing, engines } from '../support/database.ts';
import { testCandidate, testPosition } from '../support/recruitment.ts';
import { type HeldThemeDay, heldThemeDay } from '../support/theme-days.ts';
import { type Person, worldRound } from '../support/world.ts';
import {
  type Actor,
  accessMatrix,
  actorSetup,
  actors,
  type MatrixEntry,
  type RequestContext,
  type TokenActor,
  tokenActors,
  tokenSetup,
  tokensRefused,
} from './access-matrix.ts';

/** Routes that log in, log out or end a person's other sessions. */
const sessionRoutes = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'PUT /api/me/password']);

describe.each(engines)('access-control matrix on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let testApp: TestApp;
    let frameworkVersionId: string;
    let roundId: string;
    let positionId: string;
    let candidateId: string;
    const conversationOf = new Map<string, HeldConversation>();
    const groupOf = new Map<string, HeldConversation>();
    const tokenOf = new Map<TokenActor, string>();
    const themeDayOf = new Map<string, HeldThemeDay>();

    beforeAll(async () => {
      testApp = await startTestApp(kind);
      const demoId = (await testApp.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id;
      const demo = testApp.repositories.forTenant(demoId);
      frameworkVersionId = (await demo.frameworks.listVersions())[0]!.id;
      roundId = (await demo.rounds.list()).find((round) => round.name === worldRound.name)!.id;
      positionId = await testPosition(testApp, { panel: ['leaderSkranke'], status: 'interviewing' });
      candidateId = await testCandidate(testApp, positionId, 'Matrix Kandidat');
      // Each employee actor's group MUS has two other colleagues from Team Skranke, and never the other actor.
      const others = {
        employee: await demoPersonIds(testApp, ['Fatima Ali', 'Kirsten Jensen']),
        colleague: await demoPersonIds(testApp, ['Peter Nielsen', 'Louise Andersen']),
      };
      for (const person of ['employee', 'colleague'] as const) {
        const personId = await testApp.idOf(person);
        conversationOf.set(personId, await heldConversation(testApp, personId));
        groupOf.set(personId, await heldGroupConversation(testApp, [personId, ...others[person]]));
        themeDayOf.set(personId, await heldThemeDay(testApp, personId));
      }
      for (const actor of tokenActors) {
        const { scope, municipality, madeBy } = tokenSetup[actor];
        const municipalityId = (await testApp.repositories.system.findMunicipalityBySlug(municipality))!.id;
        const created = newApiToken();
        await testApp.repositories.forTenant(municipalityId).apiTokens.create({
          name: `Matrix ${actor}`,
          scope,
          tokenHash: created.tokenHash,
          displayPrefix: created.displayPrefix,
          createdById: await testApp.idOf(madeBy),
          createdAt: new Date(),
        });
        tokenOf.set(actor, created.token);
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

    it('says what every API token gets from each route the OpenAPI document opens to tokens', async () => {
      const document = (await (await testApp.call('GET', '/api/openapi.json')).json()) as {
        paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
      };
      const opened = Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([, operation]) => operation.security?.some((requirement) => 'apiToken' in requirement))
          .map(([method, _]) => `${method.toUpperCase()} /api${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
      expect(opened.length).toBeGreaterThan(0);
      const unstated = opened.filter((key) => !accessMatrix[key]?.tokens);
      expect(unstated, 'token-enabled routes without `tokens` in the matrix').toEqual([]);
      // A token is never a person: no route about "me" may be opened to one.
      expect(opened.filter((key) => /\/me(\/|$)/.test(key))).toEqual([]);
    });

    // One session per person, kept across routes: logging in hashes a password, the slow part of this file.
    const sessions = new Map<Person, Caller>();
    const sessionOf = async (person: Person): Promise<Caller> => {
      const known = sessions.get(person);
      if (known) return known;
      const caller = await testApp.login(person);
      sessions.set(person, caller);
      return caller;
    };

    /** One call of a route about `subject`, after the route's `before`, as a person (`as`) or with `headers`. */
    async function callRoute(
      entry: MatrixEntry,
      method: string,
      subject: Person,
      options: { as?: Caller; headers?: Record<string, string> },
    ) {
      const subjectId = await testApp.idOf(subject);
      const context: RequestContext = {
        subjectId,
        frameworkVersionId,
        roundId,
        positionId,
        candidateId,
        ...conversationOf.get(subjectId)!,
        ...themeDayOf.get(subjectId)!,
        groupConversationId: groupOf.get(subjectId)!.conversationId,
      };
      await entry.before?.(testApp, context);
      const response = await testApp.call(method, entry.path(context), {
        ...options,
        body: await entry.body?.({ ...context, testApp }),
      });
      return { status: response.status, context };
    }

    for (const [route, entry] of Object.entries(accessMatrix)) {
      it(`${route}: ${entry.why}`, async () => {
        const [method] = route.split(' ') as [string];
        const outcomes: Partial<Record<Actor, number>> = {};
        // A route that ends or replaces sessions gets a fresh login per actor, so one actor's call cannot affect the
        // next; afterwards everyone logs in again.
        const touchesSessions = sessionRoutes.has(route);
        for (const actor of actors) {
          const setup = actorSetup[actor];
          const caller: Caller | undefined = !setup.as
            ? undefined
            : touchesSessions
              ? await testApp.login(setup.as)
              : await sessionOf(setup.as);
          const { status, context } = await callRoute(entry, method, setup.subject, { as: caller });
          outcomes[actor] = status;
          if (setup.as) await entry.after?.(testApp, setup.as, context);
        }
        if (touchesSessions) sessions.clear();
        expect(outcomes).toEqual(entry.expected);

        const tokenOutcomes: Partial<Record<TokenActor, number>> = {};
        for (const actor of tokenActors) {
          const { status, context } = await callRoute(entry, method, 'employee', {
            headers: { authorization: `Bearer ${tokenOf.get(actor)}` },
          });
          tokenOutcomes[actor] = status;
          await entry.after?.(testApp, tokenSetup[actor].madeBy, context);
        }
        expect(tokenOutcomes, 'API tokens').toEqual(entry.tokens ?? tokensRefused);
      });
    }
  });
});
