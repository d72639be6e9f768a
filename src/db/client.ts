/** @module One client factory for both engines: embedded PGlite (a data directory) or a PostgreSQL server. */
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { schema } from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = 'pglite' | 'postgresql';

/** Rows of a `db.execute` result: node-postgres and PGlite both answer with `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Applies every committed migration that has not run yet. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * PGlite only: the whole database as a gzipped archive of its data directory, consistent even while the instance
   * serves requests (backups and test templates use it).
   */
  dump?: () => Promise<Blob>;
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const migrationLock = 'database-migrations';

/** Opens PGlite on a data directory (or in memory when `dataDir` is undefined), or from a dumped template. */
export async function openPglite(
  options: { dataDir?: string; loadDataDir?: Blob } = {},
): Promise<DatabaseHandle> {
  const client = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    close: () => client.close(),
    dump: async () => {
      // A checkpoint first, so a restored copy starts without replaying the write-ahead log since the last one.
      await client.exec('CHECKPOINT');
      // dumpDataDir only waits for the statement that is running, not for an open transaction to end. Inside
      // PGlite's transaction lock no other statement or transaction can run, so the files copied are those of a
      // moment between transactions: nothing half-done is in them, and nothing changes while they are read.
      return client.transaction(async () => (await client.dumpDataDir('gzip')) as Blob);
    },
  };
}

/** The first key of every advisory lock Vejviser takes ("vejv"), so no other application's lock is mistaken for ours. */
export const advisoryLockNamespace = 0x76656a76;

export async function openPostgres(
  connectionString: string,
  options: { max?: number } = {},
): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Fail at start-up with the server's own message rather than at the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgresql',
    migrate: async () => {
      // Several servers starting at once after an upgrade: one migrates while the others wait for its lock, then
      // find nothing left to do. Drizzle's migrator takes no lock of its own; without this the second server fails
      // on "already exists". The migrations run on the connection that holds the lock.
      const client = await pool.connect();
      const lockArguments = [advisoryLockNamespace, migrationLock];
      let failed = false;
      try {
        await client.query('select pg_advisory_lock($1, hashtext($2))', lockArguments);
        await migratePg(drizzlePg(client), { migrationsFolder });
        await client.query('select pg_advisory_unlock($1, hashtext($2))', lockArguments);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        // After a failure the connection is closed rather than pooled, which also ends its lock.
        client.release(failed);
      }
    },
    close: () => pool.end(),
  };
}
