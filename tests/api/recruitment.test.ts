/**
 * @module Recruitment through the API, on both engines: a position's lifecycle and guide, the panel's scores blind
 * until submitted (through every route), the candidate's link, the decision and the hire.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultInterviewBank } from '../../content/interview.ts';
import { auditEvents, candidateLinks, outbox, panelScores } from '../../src/db/schema.ts';
import { createCandidateLinkLimiter } from '../../src/server/auth/candidate-limiter.ts';
import type {
  CandidateDetail,
  Comparison,
  InterviewGuide,
  PositionDetail,
} from '../../src/server/contracts/recruitment.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { engineMissing, engines } from '../support/database.ts';
import { pdfText } from '../support/pdf-text.ts';
import {
  consolidate,
  scoreAs,
  tablesContaining,
  testCandidate,
  testFocus,
  testPosition,
} from '../support/recruitment.ts';

/** The framework's order of the test focus: area by area. */
const focusInOrder = [
  'spoergeteknik',
  'medbetjening',
  'digital-vejledning-og-motivation',
  'kulturel-aabenhed',
];

describe.each(engines)('recruitment on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let testApp: TestApp;
    let clock = new Date('2027-03-01T09:00:00Z');
    /** Off while most tests run; a test turns the real limiter on with a small allowance. */
    const limiter = {
      strict: false,
      inner: createCandidateLinkLimiter({ perAddress: 3, windowSeconds: 600 }),
      consume(address: string) {
        return limiter.strict ? limiter.inner.consume(address) : Promise.resolve(0);
      },
    };
    let hr: Caller;
    let anne: Caller;
    let jonas: Caller;
    let birthe: Caller;
    let admin: Caller;
    let ids: { anne: string; jonas: string; skranke: string; digital: string; roleProfile: string };

    beforeAll(async () => {
      testApp = await startTestApp(kind, { now: () => clock, candidateLinkLimiter: limiter });
      hr = await testApp.login('hr');
      anne = await testApp.login('leaderSkranke');
      jonas = await testApp.login('leaderDigital');
      birthe = await testApp.login('employee');
      admin = await testApp.login('admin');
      const demo = testApp.repositories.forTenant(
        (await testApp.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id,
      );
      const units = await demo.people.listUnits();
      ids = {
        anne: await testApp.idOf('leaderSkranke'),
        jonas: await testApp.idOf('leaderDigital'),
        skranke: units.find((unit) => unit.name === 'Team Skranke')!.id,
        digital: units.find((unit) => unit.name === 'Team Telefon og Digital')!.id,
        roleProfile: (await demo.frameworks.listRoleProfiles()).find(
          (profile) => profile.key === 'specialist-i-borgerbetjening',
        )!.id,
      };
    });
    afterAll(() => testApp?.close());

    const json = async <T>(response: Response, status: number): Promise<T> => {
      const text = await response.text();
      expect(response.status, text).toBe(status);
      return (text ? JSON.parse(text) : undefined) as T;
    };
    const positionInput = (changes: Record<string, unknown> = {}) => ({
      title: 'Specialist i borgerbetjening',
      unitId: ids.skranke,
      roleProfileId: ids.roleProfile,
      targets: { spoergeteknik: 3 },
      focusCompetenceIds: [
        'kulturel-aabenhed',
        'spoergeteknik',
        'digital-vejledning-og-motivation',
        'medbetjening',
      ],
      panelIds: [ids.anne, ids.jonas],
      ...changes,
    });
    const createPosition = async (changes: Record<string, unknown> = {}) =>
      json<PositionDetail>(
        await testApp.call('POST', '/api/positions', { as: hr, body: positionInput(changes) }),
        201,
      );
    const move = (positionId: string, version: number, status: string, as = hr) =>
      testApp.call('POST', `/api/positions/${positionId}/status`, { as, body: { version, status } });
    const addCandidate = async (positionId: string, name: string, email: string) =>
      json<{ id: string }>(
        await testApp.call('POST', `/api/positions/${positionId}/candidates`, {
          as: hr,
          body: { name, email },
        }),
        201,
      );
    const candidate = (candidateId: string, as: Caller) =>
      testApp.call('GET', `/api/candidates/${candidateId}`, { as });
    const ratings = (levels: Record<string, number>, justification: (id: string) => string) =>
      Object.fromEntries(
        focusInOrder.map((id) => [id, { level: levels[id] ?? 3, justification: justification(id) }]),
      );

    it('lets HR create a position from a role profile with adjusted targets, focus and panel, and builds the guide', async () => {
      const created = await createPosition();
      expect(created.position.status).toBe('draft');
      expect(created.position.panel.map((member) => member.id).sort()).toEqual([ids.anne, ids.jonas].sort());
      expect(created.focusCompetenceIds).toEqual(focusInOrder);
      expect(created.targets.spoergeteknik).toBe(3);
      expect(created.roleProfileTargets.spoergeteknik).toBe(4);
      expect(created.targets.medbetjening).toBe(created.roleProfileTargets.medbetjening);

      // Jonas sits on the panel but does not lead the unit: he reads the guide, and may not edit it.
      const guide = await json<InterviewGuide>(
        await testApp.call('GET', `/api/positions/${created.position.id}/guide`, { as: jonas }),
        200,
      );
      expect(guide.competences.map((competence) => competence.id)).toEqual(focusInOrder);
      expect(guide.competences[0]!.target).toBe(3);
      expect(guide.competences[0]!.anchors.map((anchor) => anchor.name)).toEqual([
        'Kender',
        'Kan',
        'Behersker',
        'Ekspert',
      ]);
      const expectedQuestions = focusInOrder.flatMap((id) =>
        defaultInterviewBank.competences[id]!.questions.slice(0, 4).map((question) => question.text.da),
      );
      expect(guide.items.map((item) => item.text)).toEqual(expectedQuestions);
      expect(guide.items.every((item) => item.probes.length >= 2 && !item.own)).toBe(true);
      expect(guide.editable).toBe(false);

      const english = await json<InterviewGuide>(
        await testApp.call('GET', `/api/positions/${created.position.id}/guide`, {
          as: hr,
          headers: { 'accept-language': 'en' },
        }),
        200,
      );
      expect(english.editable).toBe(true);
      expect(english.items[0]!.text).toBe(
        defaultInterviewBank.competences.spoergeteknik!.questions[0]!.text.en,
      );
      expect(english.competences[0]!.anchors[3]!.name).toBe('Expert');
    });

    it('refuses a position that is not right, says where, and saves nothing', async () => {
      const before = (
        await json<{ positions: unknown[] }>(await testApp.call('GET', '/api/positions', { as: hr }), 200)
      ).positions.length;
      expect(
        (await testApp.call('POST', '/api/positions', { as: birthe, body: positionInput() })).status,
      ).toBe(403);
      expect(
        (await testApp.call('POST', '/api/positions', { as: admin, body: positionInput() })).status,
      ).toBe(403);
      const cases: [Record<string, unknown>, Caller, number, string][] = [
        [
          { focusCompetenceIds: ['spoergeteknik', 'medbetjening', 'holde-igen'] },
          hr,
          400,
          'focusCompetenceIds',
        ],
        [
          { focusCompetenceIds: ['ukendt', 'medbetjening', 'holde-igen', 'servicemindedhed'] },
          hr,
          422,
          'focusCompetenceIds.0',
        ],
        [
          { focusCompetenceIds: ['medbetjening', 'medbetjening', 'holde-igen', 'servicemindedhed'] },
          hr,
          422,
          'focusCompetenceIds',
        ],
        [{ targets: { medbetjening: 5 } }, hr, 422, 'targets.medbetjening'],
        [{ panelIds: [ids.anne, await testApp.idOf('otherEmployee')] }, hr, 422, 'panelIds.1'],
        [{}, jonas, 422, 'unitId'],
      ];
      for (const [changes, as, status, field] of cases) {
        const response = await testApp.call('POST', '/api/positions', { as, body: positionInput(changes) });
        const body = await json<{ error: { fields: Record<string, string> } }>(response, status);
        expect(Object.keys(body.error.fields), JSON.stringify(changes)).toContain(field);
      }
      const danish = await testApp.call('POST', '/api/positions', { as: jonas, body: positionInput() });
      expect((await danish.json()).error.fields.unitId).toBe('Du kan kun vælge enheder, du er leder for.');
      const after = (
        await json<{ positions: unknown[] }>(await testApp.call('GET', '/api/positions', { as: hr }), 200)
      ).positions.length;
      expect(after).toBe(before);
      // A leader creates positions for the units they lead.
      await json(
        await testApp.call('POST', '/api/positions', {
          as: jonas,
          body: positionInput({ unitId: ids.digital }),
        }),
        201,
      );
    });

    it('shows a position to HR, its leaders and its panel only', async () => {
      const created = await createPosition({ panelIds: [ids.jonas], title: 'Kun for panelet' });
      const listed = async (as: Caller) =>
        (
          await json<{ positions: { id: string }[] }>(
            await testApp.call('GET', '/api/positions', { as }),
            200,
          )
        ).positions
          .map((position) => position.id)
          .includes(created.position.id);
      expect(await listed(hr)).toBe(true);
      expect(await listed(anne)).toBe(true);
      expect(await listed(jonas)).toBe(true);
      expect(await listed(birthe)).toBe(false);
      expect(await listed(admin)).toBe(false);
      expect(
        (await testApp.call('GET', `/api/positions/${created.position.id}`, { as: birthe })).status,
      ).toBe(404);
      expect((await testApp.call('GET', `/api/positions/${created.position.id}`, { as: admin })).status).toBe(
        404,
      );
      const other = await testApp.login('otherAdmin');
      expect((await testApp.call('GET', `/api/positions/${created.position.id}`, { as: other })).status).toBe(
        404,
      );
    });

    it('moves only draft → open → interviewing → decided → closed, and fixes the set-up once interviews begin', async () => {
      const created = await createPosition();
      const positionId = created.position.id;
      const skipped = await json<{ error: { code: string; message: string } }>(
        await move(positionId, created.version, 'interviewing'),
        422,
      );
      expect(skipped.error.code).toBe('position_transition');
      expect(skipped.error.message).toBe('Stillingen kan ikke gå fra „Kladde“ til „Samtaler i gang“.');
      expect((await move(positionId, created.version, 'open', jonas)).status).toBe(403);
      const opened = await json<PositionDetail>(await move(positionId, created.version, 'open'), 200);
      expect(opened.position.status).toBe('open');
      expect((await move(positionId, created.version, 'interviewing')).status).toBe(409);

      // A change of focus while open: the dropped competence's questions go, the new one's come in framework order.
      const changed = await json<PositionDetail>(
        await testApp.call('PUT', `/api/positions/${positionId}`, {
          as: anne,
          body: {
            version: opened.version,
            title: 'Specialist i borgerbetjening, 37 timer',
            focusCompetenceIds: [
              'klar-mundtlig-formidling',
              'spoergeteknik',
              'medbetjening',
              'digital-vejledning-og-motivation',
            ],
            panelIds: [ids.anne, ids.jonas],
          },
        }),
        200,
      );
      expect(changed.position.title).toBe('Specialist i borgerbetjening, 37 timer');
      expect(changed.guideVersion).toBe(created.guideVersion + 1);
      const guide = await json<InterviewGuide>(
        await testApp.call('GET', `/api/positions/${positionId}/guide`, { as: hr }),
        200,
      );
      expect([...new Set(guide.items.map((item) => item.competenceId))]).toEqual([
        'klar-mundtlig-formidling',
        'spoergeteknik',
        'medbetjening',
        'digital-vejledning-og-motivation',
      ]);

      const interviewing = await json<PositionDetail>(
        await move(positionId, changed.version, 'interviewing'),
        200,
      );
      const locked = await testApp.call('PUT', `/api/positions/${positionId}`, {
        as: hr,
        body: {
          version: interviewing.version,
          title: 'Ny titel',
          focusCompetenceIds: focusInOrder,
          panelIds: [ids.anne],
        },
      });
      expect((await json<{ error: { code: string } }>(locked, 422)).error.code).toBe('position_locked');
      const lockedGuide = await testApp.call('PUT', `/api/positions/${positionId}/guide`, {
        as: hr,
        body: { version: guide.version, items: [] },
      });
      expect((await json<{ error: { code: string } }>(lockedGuide, 422)).error.code).toBe('position_locked');
      expect((await move(positionId, interviewing.version, 'decided')).status).toBe(400);
      const closed = await json<PositionDetail>(await move(positionId, interviewing.version, 'closed'), 200);
      expect(closed.position.closedAt).toBe(clock.toISOString());
      expect(closed.position.candidatesDeleteAt).toBe('2027-09-01T09:00:00.000Z');
      expect((await move(positionId, closed.version, 'open')).status).toBe(422);
    });

    it('keeps an edited guide: reordered, a question dropped, own questions added; prints it as PDF', async () => {
      const created = await createPosition();
      const positionId = created.position.id;
      const guide = await json<InterviewGuide>(
        await testApp.call('GET', `/api/positions/${positionId}/guide`, { as: hr }),
        200,
      );
      const toInput = (item: InterviewGuide['items'][number]) => ({
        id: item.id,
        competenceId: item.competenceId,
        questionId: item.questionId,
        text: item.own ? item.text : null,
        probes: item.own ? item.probes : [],
      });
      const own = {
        id: 'own:motivation',
        competenceId: null,
        questionId: null,
        text: 'Hvad får dig til at søge en stilling i Borgerservice i Ærøskøbing?',
        probes: ['Hvad har du hørt om arbejdet her?'],
      };
      const items = [own, ...[...guide.items].reverse().slice(1).map(toInput)];
      const saved = await json<InterviewGuide>(
        await testApp.call('PUT', `/api/positions/${positionId}/guide`, {
          as: hr,
          body: { version: guide.version, items },
        }),
        200,
      );
      expect(saved.version).toBe(guide.version + 1);
      expect(saved.items.map((item) => item.id)).toEqual(items.map((item) => item.id));
      expect(saved.items[0]).toMatchObject({
        own: true,
        text: own.text,
        probes: own.probes,
        competenceId: null,
      });
      const reread = await json<InterviewGuide>(
        await testApp.call('GET', `/api/positions/${positionId}/guide`, { as: anne }),
        200,
      );
      expect(reread.items).toEqual(saved.items);

      const stale = await testApp.call('PUT', `/api/positions/${positionId}/guide`, {
        as: hr,
        body: { version: guide.version, items },
      });
      expect(stale.status).toBe(409);
      const withoutMedbetjening = items.filter((item) => item.competenceId !== 'medbetjening');
      const refused = await json<{ error: { fields: Record<string, string> } }>(
        await testApp.call('PUT', `/api/positions/${positionId}/guide`, {
          as: hr,
          body: { version: saved.version, items: withoutMedbetjening },
        }),
        422,
      );
      expect(refused.error.fields).toEqual({
        'focusCompetenceIds.1': 'Kompetencen skal have mindst ét spørgsmål i guiden.',
      });
      const unknown = await json<{ error: { fields: Record<string, string> } }>(
        await testApp.call('PUT', `/api/positions/${positionId}/guide`, {
          as: hr,
          body: {
            version: saved.version,
            items: [
              ...items,
              { id: 'q:x', competenceId: 'medbetjening', questionId: 'spoergeteknik-interview-1' },
            ],
          },
        }),
        422,
      );
      expect(Object.keys(unknown.error.fields)).toEqual([`items.${items.length}.questionId`]);

      const pdf = await testApp.call('GET', `/api/positions/${positionId}/guide.pdf?lang=da`, { as: anne });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
      expect(text).toContain('Ærøskøbing');
      expect(text).toContain('Samtaleguide');
      expect(text).toContain('Øvrige spørgsmål');
      const english = await pdfText(
        new Uint8Array(
          await (
            await testApp.call('GET', `/api/positions/${positionId}/guide.pdf?lang=en`, { as: anne })
          ).arrayBuffer(),
        ),
      );
      expect(english.text).toContain('Interview guide');
    });

    it('keeps every score blind until its reader has submitted, through every route', async () => {
      const created = await createPosition();
      const positionId = created.position.id;
      const opened = await json<PositionDetail>(await move(positionId, created.version, 'open'), 200);
      const a = await addCandidate(positionId, 'Kirsten Blind', 'kirsten.blind@privat.example');
      await addCandidate(positionId, 'Bo Blind', 'bo.blind@privat.example');
      const early = await testApp.call('PUT', `/api/candidates/${a.id}/score`, {
        as: anne,
        body: { version: 0, ratings: {} },
      });
      expect((await json<{ error: { code: string } }>(early, 422)).error.code).toBe('position_stage');
      await json(await move(positionId, opened.version, 'interviewing'), 200);

      const secret = (id: string) => `ANNE-HEMMELIG-${id}`;
      const draft = await json<{ version: number }>(
        await testApp.call('PUT', `/api/candidates/${a.id}/score`, {
          as: anne,
          body: { version: 0, ratings: ratings({ spoergeteknik: 1 }, secret) },
        }),
        200,
      );
      const tasks = async (as: Caller) =>
        (
          await json<{ recruitment: { candidate: { id: string }; state: string }[] }>(
            await testApp.call('GET', '/api/me/tasks', { as }),
            200,
          )
        ).recruitment.filter((task) => task.candidate.id === a.id);
      expect(await tasks(anne)).toEqual([expect.objectContaining({ state: 'draft' })]);
      expect(await tasks(jonas)).toEqual([expect.objectContaining({ state: 'not_started' })]);

      /** Every route Jonas or HR could read the candidate's scores through, as raw text. */
      const everything = async (as: Caller) => {
        const paths = [
          `/api/candidates/${a.id}`,
          `/api/positions/${positionId}/candidates`,
          `/api/positions/${positionId}/comparison`,
          `/api/positions/${positionId}`,
          `/api/positions/${positionId}/guide`,
          '/api/positions',
          '/api/me/tasks',
        ];
        const texts = [];
        for (const path of paths) {
          const response = await testApp.call('GET', path, { as });
          expect(response.status, path).toBe(200);
          texts.push(await response.text());
        }
        return texts.join('\n');
      };
      const anneOf = (detail: CandidateDetail) =>
        detail.scores.find((score) => score.member.id === ids.anne)!;

      // A draft is its author's alone.
      const seenByJonas = await json<CandidateDetail>(await candidate(a.id, jonas), 200);
      expect(anneOf(seenByJonas)).toMatchObject({ state: 'draft', ratings: null });
      // Contact details are for those who manage the position, not for a panel member from another team.
      expect(seenByJonas.candidate.email).toBeNull();
      expect(await everything(jonas)).not.toContain('ANNE-HEMMELIG');

      // Submitted, Anne's scores are still hidden from Jonas, who has not submitted, and from HR outside the panel.
      const submitted = await json<CandidateDetail>(
        await testApp.call('POST', `/api/candidates/${a.id}/score/submit`, {
          as: anne,
          body: { version: draft.version },
        }),
        200,
      );
      expect(submitted.myScore?.state).toBe('submitted');
      expect(anneOf(submitted).ratings?.spoergeteknik?.justification).toBe(secret('spoergeteknik'));
      expect(submitted.spread).toBeNull();
      for (const as of [jonas, hr]) {
        const detail = await json<CandidateDetail>(await candidate(a.id, as), 200);
        expect(anneOf(detail)).toMatchObject({ state: 'submitted', ratings: null });
        expect(detail.spread).toBeNull();
        expect(detail.consolidation).toBeNull();
        expect(detail.allSubmitted).toBe(false);
        expect(await everything(as)).not.toContain('ANNE-HEMMELIG');
      }
      expect((await candidate(a.id, birthe)).status).toBe(404);
      const tooEarly = await testApp.call('PUT', `/api/candidates/${a.id}/consolidation`, {
        as: hr,
        body: { version: 0, scores: {} },
      });
      expect((await json<{ error: { code: string } }>(tooEarly, 422)).error.code).toBe('panel_not_done');

      // A submitted score is final: the route says so, and the database refuses even code that forgets to ask.
      const change = await testApp.call('PUT', `/api/candidates/${a.id}/score`, {
        as: anne,
        body: { version: submitted.myScore!.version, ratings: ratings({}, () => 'ændret') },
      });
      expect((await json<{ error: { code: string } }>(change, 422)).error.code).toBe('score_submitted');
      await expect(
        testApp.handle.db.update(panelScores).set({ ratings: {} }).where(eq(panelScores.candidateId, a.id)),
      ).rejects.toThrow();

      // Jonas must score every competence with a reason before he can submit.
      const jonasDraft = await json<{ version: number }>(
        await testApp.call('PUT', `/api/candidates/${a.id}/score`, {
          as: jonas,
          body: {
            version: 0,
            ratings: {
              ...ratings({ spoergeteknik: 4 }, (id) => `Jonas om ${id}`),
              medbetjening: { level: 3, justification: ' ' },
            },
          },
        }),
        200,
      );
      const incomplete = await json<{ error: { code: string; fields: Record<string, string> } }>(
        await testApp.call('POST', `/api/candidates/${a.id}/score/submit`, {
          as: jonas,
          body: { version: jonasDraft.version },
        }),
        422,
      );
      expect(incomplete.error.fields).toEqual({
        'ratings.medbetjening.justification': 'Skriv en kort begrundelse.',
      });
      const fixed = await json<{ version: number }>(
        await testApp.call('PUT', `/api/candidates/${a.id}/score`, {
          as: jonas,
          body: {
            version: jonasDraft.version,
            ratings: ratings({ spoergeteknik: 4 }, (id) => `Jonas om ${id}`),
          },
        }),
        200,
      );
      const all = await json<CandidateDetail>(
        await testApp.call('POST', `/api/candidates/${a.id}/score/submit`, {
          as: jonas,
          body: { version: fixed.version },
        }),
        200,
      );
      expect(all.allSubmitted).toBe(true);
      expect(anneOf(all).ratings?.spoergeteknik).toEqual({
        level: 1,
        justification: secret('spoergeteknik'),
      });
      expect(all.spread?.find((entry) => entry.competenceId === 'spoergeteknik')).toEqual({
        competenceId: 'spoergeteknik',
        levels: [1, 4],
        min: 1,
        max: 4,
        median: 1,
        disagreement: true,
      });
      expect(all.spread?.filter((entry) => entry.disagreement).map((entry) => entry.competenceId)).toEqual([
        'spoergeteknik',
      ]);
      expect(all.canConsolidate).toBe(true);
      const forHr = await json<CandidateDetail>(await candidate(a.id, hr), 200);
      expect(anneOf(forHr).ratings).not.toBeNull();
      expect(forHr.candidate.email).toBe('kirsten.blind@privat.example');
      expect(await tasks(jonas)).toEqual([]);

      // The consolidation: a note is needed where the panel disagreed.
      const agreed = Object.fromEntries(focusInOrder.map((id) => [id, { level: 3, note: '' }]));
      const noNote = await json<{ error: { code: string; fields: Record<string, string> } }>(
        await testApp.call('PUT', `/api/candidates/${a.id}/consolidation`, {
          as: jonas,
          body: { version: 0, scores: agreed },
        }),
        422,
      );
      expect(noNote.error.code).toBe('invalid_consolidation');
      expect(Object.keys(noNote.error.fields)).toEqual(['scores.spoergeteknik']);
      const { medbetjening: _dropped, ...missing } = agreed;
      const incompleteConsolidation = await json<{ error: { fields: Record<string, string> } }>(
        await testApp.call('PUT', `/api/candidates/${a.id}/consolidation`, {
          as: jonas,
          body: {
            version: 0,
            scores: { ...missing, spoergeteknik: { level: 2, note: 'Eksemplet om klagen vejede tungt.' } },
          },
        }),
        422,
      );
      expect(Object.keys(incompleteConsolidation.error.fields)).toEqual(['scores.medbetjening']);
      const consolidated = await json<CandidateDetail>(
        await testApp.call('PUT', `/api/candidates/${a.id}/consolidation`, {
          as: jonas,
          body: {
            version: 0,
            scores: { ...agreed, spoergeteknik: { level: 2, note: 'Eksemplet om klagen vejede tungt.' } },
          },
        }),
        200,
      );
      expect(consolidated.consolidation?.scores.spoergeteknik).toEqual({
        level: 2,
        note: 'Eksemplet om klagen vejede tungt.',
      });
      expect(consolidated.consolidation?.updatedBy.id).toBe(ids.jonas);
      const twice = await testApp.call('PUT', `/api/candidates/${a.id}/consolidation`, {
        as: anne,
        body: { version: 0, scores: { ...agreed, spoergeteknik: { level: 3, note: 'Anne mener 3.' } } },
      });
      expect(twice.status).toBe(409);
    });

    it('sends a personal link: unguessable, kept only as a hash, used once, and nothing else', async () => {
      const created = await createPosition();
      const opened = await json<PositionDetail>(
        await move(created.position.id, created.version, 'open'),
        200,
      );
      const c = await addCandidate(created.position.id, 'Signe Link', 'signe.link@privat.example');
      const link = await json<{ url: string; expiresAt: string; emailQueued: boolean }>(
        await testApp.call('POST', `/api/candidates/${c.id}/link`, { as: hr, body: {} }),
        201,
      );
      const [, token = ''] = link.url.split('/ansoeger#');
      expect(link.url.startsWith('http://localhost/ansoeger#')).toBe(true);
      expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
      expect(link.expiresAt).toBe(new Date(clock.getTime() + 14 * 86_400_000).toISOString());
      const [stored] = await testApp.handle.db
        .select()
        .from(candidateLinks)
        .where(eq(candidateLinks.candidateId, c.id));
      expect(stored!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(await tablesContaining(testApp, [token])).toEqual([`outbox: ${token}`]);
      const [message] = await testApp.handle.db
        .select()
        .from(outbox)
        .where(eq(outbox.toEmail, 'signe.link@privat.example'));
      expect(message!.subject).toBe(
        'Selvevaluering til stillingen som Specialist i borgerbetjening – Demo Kommune',
      );
      expect(message!.body).toContain(link.url);

      // The candidate, without a session: the form of their focus competences, and nothing about anyone else.
      const form = await json<{ candidateName: string; competences: { id: string }[] }>(
        await testApp.call('POST', '/api/candidate-access/form', { body: { token } }),
        200,
      );
      expect(form.candidateName).toBe('Signe Link');
      expect(form.competences.map((competence) => competence.id)).toEqual(focusInOrder);
      expect(Object.keys(form).sort()).toEqual(
        [
          'candidateName',
          'competences',
          'expiresAt',
          'locale',
          'municipalityName',
          'positionTitle',
          'scale',
        ].sort(),
      );
      expect(JSON.stringify(form)).not.toContain('signe.link@privat.example');
      expect(
        (await testApp.call('GET', `/api/candidates/${c.id}`, { headers: { 'x-token': token } })).status,
      ).toBe(401);
      const crossSite = await testApp.call('POST', '/api/candidate-access/form', {
        body: { token },
        headers: { origin: 'https://evil.example' },
      });
      expect((await json<{ error: { code: string } }>(crossSite, 403)).error.code).toBe('csrf_failed');
      const plain = await testApp.call('POST', '/api/candidate-access/form', {
        body: JSON.stringify({ token }),
        headers: { 'content-type': 'text/plain' },
      });
      expect(plain.status).toBe(415);

      const levels = Object.fromEntries(focusInOrder.map((id) => [id, 3]));
      const partial = Object.fromEntries(
        focusInOrder.filter((id) => id !== 'kulturel-aabenhed').map((id) => [id, 3]),
      );
      const missing = await json<{ error: { code: string; fields: Record<string, string> } }>(
        await testApp.call('POST', '/api/candidate-access/submit', { body: { token, ratings: partial } }),
        422,
      );
      expect(missing.error.fields).toEqual({
        'ratings.kulturel-aabenhed': 'Vælg et niveau eller "Kan ikke vurdere".',
      });
      const extra = await testApp.call('POST', '/api/candidate-access/submit', {
        body: { token, ratings: { ...levels, servicemindedhed: 2 } },
      });
      expect(extra.status).toBe(422);
      const submitted = await json<{ submittedAt: string }>(
        await testApp.call('POST', '/api/candidate-access/submit', {
          body: { token, ratings: { ...levels, 'kulturel-aabenhed': null } },
        }),
        200,
      );
      expect(submitted.submittedAt).toBe(clock.toISOString());

      // Used: it says so, in Danish or English, for the form and a second submission alike.
      const again = await json<{ error: { code: string; message: string } }>(
        await testApp.call('POST', '/api/candidate-access/submit', { body: { token, ratings: levels } }),
        410,
      );
      expect(again.error).toEqual({
        code: 'candidate_link_used',
        message: 'Linket er brugt: din selvevaluering blev sendt 1. marts 2027. Tak for den.',
      });
      const english = await json<{ error: { message: string } }>(
        await testApp.call('POST', '/api/candidate-access/form', {
          body: { token },
          headers: { 'accept-language': 'en' },
        }),
        410,
      );
      expect(english.error.message).toBe(
        'The link has been used: your self-assessment was sent on 1 March 2027. Thank you.',
      );
      expect(await tablesContaining(testApp, [token])).toEqual([]);

      const seen = await json<CandidateDetail>(await candidate(c.id, anne), 200);
      expect(seen.selfAssessment?.ratings).toEqual({ ...levels, 'kulturel-aabenhed': null });
      expect(seen.candidate.link.state).toBe('used');
      const noNewLink = await testApp.call('POST', `/api/candidates/${c.id}/link`, { as: hr, body: {} });
      expect((await json<{ error: { code: string } }>(noNewLink, 422)).error.code).toBe(
        'self_assessment_submitted',
      );

      // A replaced link stops working, and its unsent e-mail is withdrawn.
      const d = await addCandidate(created.position.id, 'Dorte Link', 'dorte.link@privat.example');
      const first = await json<{ url: string }>(
        await testApp.call('POST', `/api/candidates/${d.id}/link`, { as: hr, body: {} }),
        201,
      );
      await json(
        await testApp.call('POST', `/api/candidates/${d.id}/link`, { as: hr, body: { expiresInDays: 1 } }),
        201,
      );
      const replaced = await testApp.call('POST', '/api/candidate-access/form', {
        body: { token: first.url.split('#')[1] },
      });
      expect((await json<{ error: { code: string } }>(replaced, 404)).error.code).toBe(
        'candidate_link_invalid',
      );
      expect(
        await testApp.handle.db.select().from(outbox).where(eq(outbox.toEmail, 'dorte.link@privat.example')),
      ).toHaveLength(1);

      // Expired: two days later, the one-day link says when it expired.
      const [latest] = await testApp.handle.db
        .select()
        .from(candidateLinks)
        .where(eq(candidateLinks.candidateId, d.id));
      expect(latest!.expiresAt.toISOString()).toBe(new Date(clock.getTime() + 86_400_000).toISOString());
      const token2 = (
        await testApp.handle.db.select().from(outbox).where(eq(outbox.toEmail, 'dorte.link@privat.example'))
      )[0]!.body.match(/#([A-Za-z0-9_-]+)/)![1]!;
      const now = clock;
      clock = new Date(now.getTime() + 2 * 86_400_000);
      try {
        const expired = await json<{ error: { code: string; message: string } }>(
          await testApp.call('POST', '/api/candidate-access/form', { body: { token: token2 } }),
          410,
        );
        expect(expired.error).toEqual({
          code: 'candidate_link_expired',
          message:
            'Linket udløb 2. marts 2027. Kontakt den, der sendte det, hvis du stadig vil sende din selvevaluering.',
        });
      } finally {
        clock = now;
      }

      // A closed recruitment closes its links.
      const e = await addCandidate(created.position.id, 'Erik Link', 'erik.link@privat.example');
      const third = await json<{ url: string }>(
        await testApp.call('POST', `/api/candidates/${e.id}/link`, { as: hr, body: { send: false } }),
        201,
      );
      await json(await move(created.position.id, opened.version, 'closed'), 200);
      const closed = await testApp.call('POST', '/api/candidate-access/form', {
        body: { token: third.url.split('#')[1] },
      });
      expect((await json<{ error: { code: string } }>(closed, 410)).error.code).toBe('candidate_link_closed');
      expect(
        (await testApp.call('POST', '/api/candidate-access/form', { body: { token: 'x'.repeat(43) } }))
          .status,
      ).toBe(404);
    });

    it('limits how often one address may try links', async () => {
      limiter.strict = true;
      try {
        for (let attempt = 0; attempt < 3; attempt += 1) {
          expect(
            (
              await testApp.call('POST', '/api/candidate-access/form', {
                body: { token: `${'y'.repeat(42)}${attempt}` },
              })
            ).status,
          ).toBe(404);
        }
        const limited = await testApp.call('POST', '/api/candidate-access/form', {
          body: { token: 'z'.repeat(43) },
        });
        const body = await json<{ error: { code: string; message: string } }>(limited, 429);
        expect(body.error.code).toBe('too_many_requests');
        expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      } finally {
        limiter.strict = false;
      }
    });

    it('records the decision with a reason, and hires the chosen candidate with consent and a starting profile', async () => {
      const positionId = await testPosition(testApp, { panel: ['leaderSkranke'], status: 'interviewing' });
      const chosen = await testCandidate(testApp, positionId, 'Valgt Kandidat');
      const other = await testCandidate(testApp, positionId, 'Anden Kandidat');
      await scoreAs(testApp, chosen, 'leaderSkranke', 3);
      await consolidate(testApp, chosen, 3);
      const before = await json<Comparison>(
        await testApp.call('GET', `/api/positions/${positionId}/comparison`, { as: hr }),
        200,
      );
      expect(before.canDecide).toBe(true);
      const row = before.candidates.find((entry) => entry.id === chosen)!;
      const target = (id: string) => before.competences.find((competence) => competence.id === id)!.target!;
      expect(row.levels).toEqual(Object.fromEntries(testFocus.map((id) => [id, 3])));
      expect(row.gaps).toEqual(Object.fromEntries(testFocus.map((id) => [id, 3 - target(id)])));
      expect(row.complete).toBe(true);
      expect(before.candidates.find((entry) => entry.id === other)!.total).toBeNull();

      const decide = (candidateId: string, as = hr) =>
        testApp.call('POST', `/api/positions/${positionId}/decision`, {
          as,
          body: {
            version: before.position.version,
            candidateId,
            reason: 'Konkrete eksempler på medbetjening.',
          },
        });
      expect(
        Object.keys((await json<{ error: { fields: object } }>(await decide(other), 422)).error.fields),
      ).toEqual(['candidateId']);
      const decided = await json<Comparison>(await decide(chosen), 200);
      expect(decided.position.status).toBe('decided');
      expect(decided.decision).toMatchObject({
        candidate: { id: chosen, name: 'Valgt Kandidat' },
        reason: 'Konkrete eksempler på medbetjening.',
      });

      const hire = (candidateId: string, body: Record<string, unknown>, as = hr) =>
        testApp.call('POST', `/api/candidates/${candidateId}/hire`, {
          as,
          body: {
            unitId: ids.skranke,
            email: 'valgt.kandidat@demokommune.example',
            consentConfirmed: true,
            ...body,
          },
        });
      expect((await json<{ error: { code: string } }>(await hire(other, {}), 422)).error.code).toBe(
        'candidate_not_chosen',
      );
      expect((await hire(chosen, { consentConfirmed: false })).status).toBe(400);
      const taken = await json<{ error: { fields: Record<string, string> } }>(
        await hire(chosen, { email: 'birthe.hansen@demokommune.example' }),
        422,
      );
      expect(taken.error.fields).toEqual({ email: 'Der findes allerede en bruger med den e-mailadresse.' });
      const hired = await json<{ user: { id: string }; profileSeeded: boolean }>(
        await hire(chosen, { title: 'Specialist i borgerbetjening' }),
        201,
      );
      expect(hired.profileSeeded).toBe(true);
      const person = await json<{ unit: { id: string }; roles: string[] }>(
        await testApp.call('GET', `/api/users/${hired.user.id}`, { as: admin }),
        200,
      );
      expect(person).toMatchObject({ unit: { id: ids.skranke }, roles: ['employee'] });
      const profile = await json<{
        rounds: unknown[];
        interviewBaseline: { competences: { competenceId: string; level: number }[] };
      }>(await testApp.call('GET', `/api/profiles/${hired.user.id}`, { as: anne }), 200);
      expect(profile.rounds).toEqual([]);
      expect(profile.interviewBaseline.competences.map((entry) => [entry.competenceId, entry.level])).toEqual(
        testFocus.map((id) => [id, 3]),
      );
      const detail = await json<CandidateDetail>(await candidate(chosen, hr), 200);
      expect(detail.hire).toMatchObject({
        user: { id: hired.user.id },
        consentConfirmedBy: { name: 'Camilla Thomsen' },
      });
      const [event] = await testApp.handle.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'candidate.hired'));
      expect(event).toMatchObject({
        subjectId: chosen,
        subjectPersonId: hired.user.id,
        purpose: 'recruitment',
        details: { profileSeeded: true },
      });
      expect(
        (await json<{ error: { code: string } }>(await hire(chosen, { email: 'x@demokommune.example' }), 422))
          .error.code,
      ).toBe('already_hired');
      expect((await json<{ error: { code: string } }>(await decide(chosen), 422)).error.code).toBe(
        'already_hired',
      );
    });

    it('records every read of a candidate by the panel and HR', async () => {
      const positionId = await testPosition(testApp, { panel: ['leaderSkranke'], status: 'interviewing' });
      const first = await testCandidate(testApp, positionId, 'Læst Kandidat');
      await testCandidate(testApp, positionId, 'Også Læst');
      const readsOf = async (candidateId: string) =>
        (
          await testApp.handle.db.select().from(auditEvents).where(eq(auditEvents.subjectId, candidateId))
        ).filter((event) => event.action === 'candidate.read');
      await json(await testApp.call('GET', `/api/positions/${positionId}/candidates`, { as: anne }), 200);
      await json(await candidate(first, hr), 200);
      await json(await testApp.call('GET', `/api/positions/${positionId}/comparison`, { as: hr }), 200);
      const reads = await readsOf(first);
      expect(reads.map((event) => [event.actorId, event.details.view, event.purpose])).toEqual(
        expect.arrayContaining([
          [ids.anne, 'list', 'recruitment'],
          [await testApp.idOf('hr'), 'detail', 'recruitment'],
          [await testApp.idOf('hr'), 'comparison', 'recruitment'],
        ]),
      );
      expect(JSON.stringify(reads)).not.toContain('Læst Kandidat');
    });
  });
});
