/**
 * @module Runs the server's scheduled jobs (retention and the like) without anyone remembering them: each job at most
 * once per interval across every server process on the database, guarded by a PostgreSQL advisory lock.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { createRepositories, type Repositories } from '../db/repositories/index.ts';
import { scheduledJobRuns } from '../db/schema.ts';
import type { Logger } from './logger.ts';

export interface JobContext {
  /** Repositories bound to the job's transaction: everything the job does commits with its "last run" mark. */
  repositories: Repositories;
  /** The scheduler's clock, so a test can move time instead of waiting for it. */
  now: Date;
}

export interface ScheduledJob {
  /** Stable and unique: the key of the job's lock and of its row in `scheduled_job_runs`. */
  name: string;
  /** How often the job runs, at most, across all server processes. */
  everyMinutes: number;
  /** Does the work; what it returns (counts) is logged. */
  run(context: JobContext): Promise<Record<string, number> | undefined>;
}

export type JobOutcome = 'ran' | 'not_due' | 'busy' | 'failed';

/** The first key of every advisory lock Vejviser takes ("vejv"), so no other application's lock is mistaken for ours. */
const lockNamespace = 0x76656a76;

export interface SchedulerOptions {
  db: Database;
  jobs: readonly ScheduledJob[];
  logger: Logger;
  now?: () => Date;
}

export function createScheduler(options: SchedulerOptions) {
  const now = options.now ?? (() => new Date());
  const names = options.jobs.map((job) => job.name);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice) throw new Error(`two scheduled jobs are called "${twice}"`);

  /**
   * One job, in one transaction: try the job's lock (another process holding it is running the job now), check when
   * it last ran anywhere, run it, and mark the run. A failure rolls all of it back, so the job is tried again next time.
   */
  async function runJob(job: ScheduledJob, at: Date): Promise<JobOutcome> {
    try {
      return await options.db.transaction(async (tx) => {
        // Both drivers answer `execute` with `{ rows }`.
        const locked = (await tx.execute(
          sql`select pg_try_advisory_xact_lock(${lockNamespace}, hashtext(${job.name})) as locked`,
        )) as unknown as { rows: { locked: boolean }[] };
        if (!locked.rows[0]?.locked) return 'busy';
        const [last] = await tx
          .select({ lastRunAt: scheduledJobRuns.lastRunAt })
          .from(scheduledJobRuns)
          .where(sql`${scheduledJobRuns.name} = ${job.name}`);
        if (last && at.getTime() - last.lastRunAt.getTime() < job.everyMinutes * 60_000) return 'not_due';
        const result = await job.run({
          repositories: createRepositories(tx as unknown as Database),
          now: at,
        });
        await tx
          .insert(scheduledJobRuns)
          .values({ name: job.name, lastRunAt: at })
          .onConflictDoUpdate({ target: scheduledJobRuns.name, set: { lastRunAt: at } });
        options.logger.info({ job: job.name, ...result }, 'scheduled job ran');
        return 'ran';
      });
    } catch (error) {
      options.logger.error({ job: job.name, err: error }, 'scheduled job failed; it will be tried again');
      return 'failed';
    }
  }

  let running: Promise<Record<string, JobOutcome>> | null = null;

  /** Runs every job that is due by the scheduler's clock, one after another; a second call waits for the first. */
  async function runDue(): Promise<Record<string, JobOutcome>> {
    if (running) return running;
    running = (async () => {
      const outcomes: Record<string, JobOutcome> = {};
      for (const job of options.jobs) outcomes[job.name] = await runJob(job, now());
      return outcomes;
    })();
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  return {
    runDue,
    /** Checks for due jobs now and then every `tickMs`; returns the function that stops it. */
    start(tickMs = 60_000): () => void {
      const tick = () => void runDue();
      const first = setTimeout(tick, 0);
      const timer = setInterval(tick, tickMs);
      first.unref();
      timer.unref();
      return () => {
        clearTimeout(first);
        clearInterval(timer);
      };
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
