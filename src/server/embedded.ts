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

export interface EmbeddedPaths {
  dataDir: string;
  /** PGlite's own directory. */
  pgdata: string;
  /** Held by the one process that may open `pgdata`. */
  lock: string;
}

export function embeddedPaths(dataDirOption: string): EmbeddedPaths {
  const dataDir = resolve(dataDirOption);
  const pgdata = join(dataDir, 'pgdata');
  return { dataDir, pgdata, lock: `${pgdata}.lock` };
}

export const lockEmbedded = (paths: EmbeddedPaths) =>
  acquireLock(paths.lock, `The embedded database in ${paths.dataDir}`);

/**
 * Builds a database in `pgdata.partial-<pid>` (empty, or from a dumped archive), lets `prepare` migrate and fill it,
 * and only then renames it to `pgdata`: an interruption leaves nothing half-made where a server would open it, and
 * what is left over is removed next time. `beforeMove` runs just before the rename. The caller holds the lock.
 */
export async function buildEmbedded(
  paths: EmbeddedPaths,
  prepare: (fresh: DatabaseHandle) => Promise<void>,
  options: { loadDataDir?: Blob; beforeMove?: () => void } = {},
): Promise<void> {
  for (const leftover of readdirSync(paths.dataDir).filter((name) => name.startsWith('pgdata.partial-'))) {
    rmSync(join(paths.dataDir, leftover), { recursive: true, force: true });
  }
  const partial = join(paths.dataDir, `pgdata.partial-${process.pid}`);
  try {
    const fresh = await openPglite({ dataDir: partial, loadDataDir: options.loadDataDir });
    try {
      await prepare(fresh);
    } finally {
      await fresh.close();
    }
    options.beforeMove?.();
    renameSync(partial, paths.pgdata);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Opens (or creates) PGlite in `<dataDir>/pgdata`. A new database is migrated and given its first data by
 * `initialise` before it is moved into place (see {@link buildEmbedded}).
 */
export async function openEmbedded(
  dataDirOption: string,
  initialise: (handle: DatabaseHandle) => Promise<void> = async () => {},
): Promise<EmbeddedDatabase> {
  const paths = embeddedPaths(dataDirOption);
  mkdirSync(paths.dataDir, { recursive: true });
  const release = lockEmbedded(paths);
  try {
    let created = false;
    if (!existsSync(paths.pgdata)) {
      await buildEmbedded(paths, async (fresh) => {
        await fresh.migrate();
        await initialise(fresh);
      });
      created = true;
    }
    const handle = await openPglite({ dataDir: paths.pgdata });
    await handle.migrate();
    return {
      ...handle,
      dataDir: paths.dataDir,
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
