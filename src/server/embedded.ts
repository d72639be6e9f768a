/** @module The embedded database's directory: locked, created atomically, closed cleanly. */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type DatabaseHandle, openPglite } from '../db/client.ts';
import { acquireLock } from './lock.ts';

export interface EmbeddedDatabase extends DatabaseHandle {
  dataDir: string;
  /** True when this start created the database. */
  created: boolean;
}

/**
 * Opens (or creates) PGlite in `<dataDir>/pgdata`. A new database is built in a temporary directory, migrated and
 * given its first data by `initialise`, then renamed into place: an interrupted first start leaves nothing
 * half-made behind, and the next start simply begins again.
 */
export async function openEmbedded(
  dataDirOption: string,
  initialise: (handle: DatabaseHandle) => Promise<void> = async () => {},
): Promise<EmbeddedDatabase> {
  const dataDir = resolve(dataDirOption);
  mkdirSync(dataDir, { recursive: true });
  const pgdata = join(dataDir, 'pgdata');
  const release = acquireLock(`${pgdata}.lock`, `The embedded database in ${dataDir}`);
  try {
    let created = false;
    if (!existsSync(pgdata)) {
      for (const leftover of readdirSync(dataDir).filter((name) => name.startsWith('pgdata.partial-'))) {
        rmSync(join(dataDir, leftover), { recursive: true, force: true });
      }
      const partial = join(dataDir, `pgdata.partial-${process.pid}`);
      const fresh = await openPglite({ dataDir: partial });
      try {
        await fresh.migrate();
        await initialise(fresh);
      } finally {
        await fresh.close();
      }
      renameSync(partial, pgdata);
      created = true;
    }
    const handle = await openPglite({ dataDir: pgdata });
    await handle.migrate();
    return {
      ...handle,
      dataDir,
      created,
      close: async () => {
        try {
          await handle.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
