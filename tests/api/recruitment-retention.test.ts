/**
 * @module Candidate data goes on time, on both engines: HR erases a candidate on request, and the scheduled retention
 * job (with a controllable clock) deletes a closed position's candidates, all but the person hired. Afterwards no
 * table holds the candidate's name or e-mail, and the audit log says what went, in numbers only.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outbox, positions } from '../../src/db/schema.ts';
import { candidateRetention } from '../../src/server/jobs/candidate-retention.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createScheduler } from '../../src/server/scheduler.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { engineMissing, engines } from '../support/database.ts';
import {
  consolidate,
  positionRow,
  scoreAs,
  tablesContaining,
  testCandidate,
  testFocus,
  testPosition,
} from '../support/recruitment.ts';

describe.each(engines)('candidate deletion on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let testApp: TestApp;
    let hr: Caller;
    let anne: Caller;
    let admin: Caller;
    const clock = new Date('2027-01-31T10:00:00Z');

    beforeAll(async () => {
      testApp = await startTestApp(kind, { now: () => clock });
      hr = await testApp.login('hr');
      anne = await testApp.login('leaderSkranke');
      admin = await testApp.login('admin');
    });
    afterAll(() => testApp?.close());

    /** A candidate with everything the feature can hold about them: scores, notes, a self-assessment and a link e-mail. */
    async function fullCandidate(positionId: string, name: string, email: string): Promise<string> {
      const response = await testApp.call('POST', `/api/positions/${positionId}/candidates`, {
        as: hr,
        body: { name, email, externalUrl: 'https://rekruttering.example/sag/17' },
      });
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      await scoreAs(testApp, id, 'leaderSkranke', 2, { justification: `${name} fortalte om en travl dag.` });
      await consolidate(testApp, id, 2);
      const link = await testApp.call('POST', `/api/candidates/${id}/link`, { as: hr, body: {} });
      const { url } = (await link.json()) as { url: string };
      // The mailer sends it, so it stays in the outbox as a record.
      for (const message of await testApp.repositories.system.unsentEmails(100)) {
        await testApp.repositories.system.markEmailSent(message.id, clock);
      }
      const submitted = await testApp.call('POST', '/api/candidate-access/submit', {
        body: {
          token: url.split('#')[1],
          ratings: Object.fromEntries(testFocus.map((competence) => [competence, 3])),
        },
      });
      expect(submitted.status).toBe(200);
      expect((await testApp.call('GET', `/api/candidates/${id}`, { as: anne })).status).toBe(200);
      return id;
    }

    const eventsOf = (action: string, subjectId: string) =>
      testApp.handle.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)));

    it('erases a candidate on request: gone from every table, and the erasure logged without the content', async () => {
      const positionId = await testPosition(testApp, { panel: ['leaderSkranke'], status: 'interviewing' });
      const name = 'Ulrikke Ærø-Østergaard';
      const email = 'ulrikke.aeroe@privat.example';
      const candidateId = await fullCandidate(positionId, name, email);
      expect(await tablesContaining(testApp, [name, email])).toEqual(
        expect.arrayContaining([
          'candidates: Ulrikke Ærø-Østergaard',
          'outbox: ulrikke.aeroe@privat.example',
        ]),
      );
      // The sent e-mail no longer holds a working link once the link is used.
      const [sent] = await testApp.handle.db.select().from(outbox).where(eq(outbox.toEmail, email));
      expect(sent!.body).toContain('/ansoeger#…');

      expect((await testApp.call('DELETE', `/api/candidates/${candidateId}`, { as: anne })).status).toBe(403);
      expect((await testApp.call('DELETE', `/api/candidates/${candidateId}`, { as: hr })).status).toBe(204);
      expect((await testApp.call('GET', `/api/candidates/${candidateId}`, { as: hr })).status).toBe(404);
      expect(await tablesContaining(testApp, [name, email, 'fortalte om en travl dag'])).toEqual([]);

      const [erased] = await eventsOf('candidate.erased', candidateId);
      expect(erased).toMatchObject({
        actorKind: 'user',
        actorId: await testApp.idOf('hr'),
        purpose: 'data_rights',
        subjectType: 'candidate',
        details: { candidates: 1, scores: 1, consolidations: 1, selfAssessments: 1, links: 1, emails: 1 },
      });
      // Anne's earlier read is still on record, by id only.
      expect(await eventsOf('candidate.read', candidateId)).not.toEqual([]);
    });

    it('deletes a closed position’s candidates when the period has passed, all but the person hired', async () => {
      const positionId = await testPosition(testApp, { panel: ['leaderSkranke'], status: 'interviewing' });
      const hiredName = 'Henriette Ansat';
      const hired = await fullCandidate(positionId, hiredName, 'henriette.ansat@privat.example');
      const goneName = 'Gorm Fravalgt';
      const goneEmail = 'gorm.fravalgt@privat.example';
      const gone = await fullCandidate(positionId, goneName, goneEmail);
      const decided = await testApp.call('POST', `/api/positions/${positionId}/decision`, {
        as: hr,
        body: {
          version: (await positionRow(testApp, positionId)).version,
          candidateId: hired,
          reason: `${hiredName} gav de mest konkrete eksempler; ${goneName} manglede erfaring med MitID.`,
        },
      });
      expect(decided.status).toBe(200);
      const hire = await testApp.call('POST', `/api/candidates/${hired}/hire`, {
        as: hr,
        body: {
          unitId: (await positionRow(testApp, positionId)).unitId,
          email: 'henriette.ansat@demokommune.example',
          consentConfirmed: true,
        },
      });
      expect(hire.status).toBe(201);
      const closed = await testApp.call('POST', `/api/positions/${positionId}/status`, {
        as: hr,
        body: { version: (await positionRow(testApp, positionId)).version, status: 'closed' },
      });
      expect(closed.status).toBe(200);
      expect((await closed.json()).position.candidatesDeleteAt).toBe('2027-07-31T10:00:00.000Z');

      const runAt = async (at: string) =>
        createScheduler({
          db: testApp.handle.db,
          jobs: [candidateRetention],
          logger: createLogger('silent'),
          now: () => new Date(at),
        }).runDue();

      // An hour before the deadline the job runs, and deletes nothing.
      expect(await runAt('2027-07-31T09:00:00Z')).toEqual({ 'candidate-retention': 'ran' });
      expect(await tablesContaining(testApp, [goneName, goneEmail])).not.toEqual([]);
      expect(await eventsOf('candidate.retention_deleted', positionId)).toEqual([]);

      // At the deadline, everything about the candidate who was not hired goes, the decision's reason with it.
      expect(await runAt('2027-07-31T10:00:00Z')).toEqual({ 'candidate-retention': 'ran' });
      expect(await tablesContaining(testApp, [goneName, goneEmail, 'Gorm'])).toEqual([]);
      expect((await testApp.call('GET', `/api/candidates/${gone}`, { as: hr })).status).toBe(404);
      const kept = await testApp.call('GET', `/api/candidates/${hired}`, { as: hr });
      expect(kept.status).toBe(200);
      expect((await kept.json()).candidate.name).toBe(hiredName);
      const position = await positionRow(testApp, positionId);
      expect(position.decisionReason).toBeNull();
      expect(position.candidatesDeletedAt?.toISOString()).toBe('2027-07-31T10:00:00.000Z');

      const events = await eventsOf('candidate.retention_deleted', positionId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actorKind: 'system',
        actorId: null,
        purpose: 'retention',
        subjectType: 'position',
        details: { candidates: 1, scores: 1, consolidations: 1, selfAssessments: 1, links: 1, emails: 1 },
      });
      expect(events[0]!.occurredAt.toISOString()).toBe('2027-07-31T10:00:00.000Z');
      expect(JSON.stringify(events)).not.toMatch(/Gorm|gorm/);

      // A later run finds nothing more to do for the position.
      expect(await runAt('2027-08-01T12:00:00Z')).toEqual({ 'candidate-retention': 'ran' });
      expect(await eventsOf('candidate.retention_deleted', positionId)).toHaveLength(1);
    });

    it('follows the period the administrator sets, between one month and two years', async () => {
      const put = (as: Caller, candidateRetentionMonths: number) =>
        testApp.call('PUT', '/api/admin/settings', {
          as,
          body: { hrSeesRounds: false, candidateRetentionMonths },
        });
      expect((await put(hr, 3)).status).toBe(403);
      expect((await put(admin, 0)).status).toBe(400);
      expect((await put(admin, 25)).status).toBe(400);
      const saved = await put(admin, 1);
      expect(saved.status).toBe(200);
      expect((await saved.json()).candidateRetentionMonths).toBe(1);
      expect(
        (await (await testApp.call('GET', '/api/admin/settings', { as: admin })).json())
          .candidateRetentionMonths,
      ).toBe(1);

      const positionId = await testPosition(testApp, { panel: ['leaderSkranke'], status: 'interviewing' });
      await testCandidate(testApp, positionId, 'Mona Kort');
      await testApp.handle.db
        .update(positions)
        .set({ status: 'closed', closedAt: new Date('2027-08-31T10:00:00Z') })
        .where(eq(positions.id, positionId));
      const detail = await testApp.call('GET', `/api/positions/${positionId}`, { as: hr });
      // A month after 31 August is the last day of September.
      expect((await detail.json()).position.candidatesDeleteAt).toBe('2027-09-30T10:00:00.000Z');
      const scheduler = createScheduler({
        db: testApp.handle.db,
        jobs: [candidateRetention],
        logger: createLogger('silent'),
        now: () => new Date('2027-09-30T10:00:00Z'),
      });
      expect(await scheduler.runDue()).toEqual({ 'candidate-retention': 'ran' });
      expect(await tablesContaining(testApp, ['Mona Kort'])).toEqual([]);
      await put(admin, 6);
    });
  });
});
