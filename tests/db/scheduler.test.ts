/**
 * @module The job scheduler with a controllable clock, on both engines: a job runs once per interval, a failed run
 * leaves nothing behind and is tried again, and two schedulers on one database run a job once between them.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { outbox, scheduledJobRuns } from '../../src/db/schema.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createScheduler, type ScheduledJob } from '../../src/server/scheduler.ts';
import { engineMissing, engines, openTestDatabase } from '../support/database.ts';

const logger = createLogger('silent');

describe.each(engines)('scheduler on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let handle: DatabaseHandle;
    let demoId: string;
    beforeAll(async () => {
      handle = await openTestDatabase(kind);
      demoId = (await createRepositories(handle.db).system.findMunicipalityBySlug('demo-kommune'))!.id;
    });
    afterAll(() => handle?.close());

    /** A job that counts its runs and writes one outbox row per run, so a rolled-back run can be seen to leave none. */
    const countingJob = (name: string, options: { fail?: () => boolean; pauseMs?: number } = {}) => {
      const runs: Date[] = [];
      const job: ScheduledJob = {
        name,
        everyMinutes: 60,
        async run({ repositories, now }) {
          await repositories
            .forTenant(demoId)
            .rounds.queueEmails([{ toEmail: 'job@example.invalid', subject: name, body: now.toISOString() }]);
          if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
          if (options.fail?.()) throw new Error('the job failed');
          runs.push(now);
          return { written: 1 };
        },
      };
      return { job, runs };
    };
    const rowsOf = (name: string) => handle.db.select().from(outbox).where(eq(outbox.subject, name));

    it('runs a job when due, and not again until its interval has passed by the clock', async () => {
      let clock = new Date('2027-01-01T08:00:00Z');
      const { job, runs } = countingJob('every-hour');
      const scheduler = createScheduler({ db: handle.db, jobs: [job], logger, now: () => clock });
      expect(await scheduler.runDue()).toEqual({ 'every-hour': 'ran' });
      clock = new Date('2027-01-01T08:59:59Z');
      expect(await scheduler.runDue()).toEqual({ 'every-hour': 'not_due' });
      clock = new Date('2027-01-01T09:00:00Z');
      expect(await scheduler.runDue()).toEqual({ 'every-hour': 'ran' });
      expect(runs.map((run) => run.toISOString())).toEqual([
        '2027-01-01T08:00:00.000Z',
        '2027-01-01T09:00:00.000Z',
      ]);
      const [mark] = await handle.db
        .select()
        .from(scheduledJobRuns)
        .where(eq(scheduledJobRuns.name, 'every-hour'));
      expect(mark?.lastRunAt.toISOString()).toBe('2027-01-01T09:00:00.000Z');
    });

    it('remembers the last run in the database, so a restarted server does not run it again early', async () => {
      const clock = new Date('2027-01-01T09:30:00Z');
      const { job, runs } = countingJob('every-hour');
      const restarted = createScheduler({ db: handle.db, jobs: [job], logger, now: () => clock });
      expect(await restarted.runDue()).toEqual({ 'every-hour': 'not_due' });
      expect(runs).toEqual([]);
    });

    it('rolls a failed run back entirely and tries again at the next check', async () => {
      let failing = true;
      const clock = new Date('2027-02-01T08:00:00Z');
      const { job, runs } = countingJob('fails-once', { fail: () => failing });
      const scheduler = createScheduler({ db: handle.db, jobs: [job], logger, now: () => clock });
      expect(await scheduler.runDue()).toEqual({ 'fails-once': 'failed' });
      expect(await rowsOf('fails-once')).toHaveLength(0);
      failing = false;
      expect(await scheduler.runDue()).toEqual({ 'fails-once': 'ran' });
      expect(await rowsOf('fails-once')).toHaveLength(1);
      expect(runs).toHaveLength(1);
    });

    it('runs a job once when two server processes check at the same moment', async () => {
      const clock = new Date('2027-03-01T08:00:00Z');
      const first = countingJob('shared', { pauseMs: 300 });
      const second = countingJob('shared', { pauseMs: 300 });
      const [a, b] = await Promise.all([
        createScheduler({ db: handle.db, jobs: [first.job], logger, now: () => clock }).runDue(),
        createScheduler({ db: handle.db, jobs: [second.job], logger, now: () => clock }).runDue(),
      ]);
      const outcomes = [a.shared, b.shared].sort();
      // PostgreSQL runs both at once, so the second finds the lock taken; PGlite has one connection, so the second
      // waits and then finds the job has just run.
      expect(outcomes).toEqual(kind === 'postgresql' ? ['busy', 'ran'] : ['not_due', 'ran']);
      expect(first.runs.length + second.runs.length).toBe(1);
      expect(await rowsOf('shared')).toHaveLength(1);
    });

    it('refuses two jobs with the same name', () => {
      const { job } = countingJob('twin');
      expect(() => createScheduler({ db: handle.db, jobs: [job, job], logger })).toThrow(/twin/);
    });
  });
});
