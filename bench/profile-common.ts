/** @module What the profile benchmark (`bench/profile.ts`) and its server process (`bench/profile-server.ts`) share. */
import pg from 'pg';
import type { DatabaseKind } from '../src/db/client.ts';
import type { SeedSteps } from './profile-seed.ts';

/** What the server process tells the benchmark. */
export type ProfileServerMessage =
  | {
      type: 'ready';
      barePort: number;
      appPort: number;
      database: DatabaseKind;
      /** Milliseconds for migrations plus `seedDemo`. */
      demoMs: number;
      seed: SeedSteps;
    }
  | { type: 'cpu'; usage: NodeJS.CpuUsage }
  | { type: 'recording' }
  /**
   * Milliseconds inside `app.fetch` of every app request since `record`, the path of each (same order), and how
   * many were not 200.
   */
  | { type: 'samples'; ms: number[]; paths: string[]; non200: number };

/** What the benchmark asks of the server process. */
export type ProfileBenchMessage =
  | { type: 'cpu' }
  | { type: 'record' }
  | { type: 'samples' }
  | { type: 'stop' };

/** Environment the benchmark passes to the server process. */
export const engineVariable = 'BENCH_PROFILE_ENGINE';
export const scratchDatabaseVariable = 'BENCH_PROFILE_SCRATCH_DATABASE';
/** For the team benchmark: how many people of Team 001 stay active (the others have left), so its matrix has this many rows. */
export const teamMembersVariable = 'BENCH_TEAM_MEMBERS';

/** Runs one statement on the database of `url` (CREATE and DROP DATABASE must run from another database). */
export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
