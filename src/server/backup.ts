/**
 * @module `vejviser backup` and `restore` for the embedded database: one self-describing, checksummed file, made
 * by the running server without stopping it (or from the stopped database), and a restore that checks the file
 * before it touches anything and never leaves a half-restored database behind.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type DatabaseHandle, openPglite } from '../db/client.ts';
import { appliedMigrations, latestKnownMigration, migrationTag } from '../db/migration-level.ts';
import { ControlUnavailableError, requestBackup } from './control.ts';
import { buildEmbedded, embeddedPaths, lockEmbedded } from './embedded.ts';
import { LockedError } from './lock.ts';

/** Refusals an operator can act on: a wrong file, a damaged one, a database in the way. */
export class BackupError extends Error {}

/** The first line of every backup file; the second is the manifest (one line of JSON); the rest is the database. */
const magic = 'VEJVISER-BACKUP\n';
/** Raised when the layout changes; a Vejviser refuses files of a format newer than it reads. */
export const backupFormat = 1;
/** The manifest is small; a file without its end within this many bytes is not ours. */
const longestManifest = 64 * 1024;

export const vejviserVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const manifestSchema = z.object({
  format: z.number().int().positive(),
  vejviserVersion: z.string().min(1),
  createdAt: z.iso.datetime(),
  engine: z.literal('pglite'),
  postgresVersion: z.string(),
  migrations: z.object({
    applied: z.number().int().nonnegative(),
    /** The newest migration that had run, by its tag, and by Drizzle's key (the journal's `when`). */
    latest: z.string().nullable(),
    latestCreatedAt: z.number().int().nullable(),
  }),
  payload: z.object({
    /** PGlite's data directory as a gzipped tar (`dumpDataDir`). */
    content: z.literal('pgdata.tar.gz'),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A complete backup file of an open embedded database. Safe while the database serves requests. */
export async function makeBackup(handle: DatabaseHandle, now = new Date()): Promise<Buffer> {
  if (handle.kind !== 'pglite' || !handle.dump) {
    throw new BackupError('Only the embedded database is backed up by Vejviser; use pg_dump for PostgreSQL.');
  }
  const applied = await appliedMigrations(handle.db);
  const version = (await handle.db.execute(sql`show server_version`)) as unknown as {
    rows: { server_version: string }[];
  };
  const payload = Buffer.from(await (await handle.dump()).arrayBuffer());
  const manifest: BackupManifest = {
    format: backupFormat,
    vejviserVersion,
    createdAt: now.toISOString(),
    engine: 'pglite',
    postgresVersion: version.rows[0]?.server_version ?? 'unknown',
    migrations: {
      applied: applied.count,
      latest: applied.latestCreatedAt === null ? null : migrationTag(applied.latestCreatedAt),
      latestCreatedAt: applied.latestCreatedAt,
    },
    payload: { content: 'pgdata.tar.gz', bytes: payload.length, sha256: sha256(payload) },
  };
  return Buffer.concat([Buffer.from(magic), Buffer.from(`${JSON.stringify(manifest)}\n`), payload]);
}

/**
 * Reads and checks a backup file: that it is one, that it is whole and undamaged, and that this Vejviser can
 * restore it (not made by a newer one). Throws {@link BackupError} saying what is wrong and what to do.
 */
export function readBackup(file: Buffer, name = 'The file'): { manifest: BackupManifest; payload: Buffer } {
  if (!file.subarray(0, magic.length).equals(Buffer.from(magic))) {
    throw new BackupError(`${name} is not a Vejviser backup (it does not start with "VEJVISER-BACKUP").`);
  }
  const end = file.indexOf('\n', magic.length);
  if (end < 0 || end - magic.length > longestManifest) {
    throw new BackupError(`${name} is damaged: its description (manifest) is incomplete.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(file.subarray(magic.length, end).toString('utf8'));
  } catch {
    throw new BackupError(`${name} is damaged: its description (manifest) cannot be read.`);
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > backupFormat) {
    throw new BackupError(
      `${name} was written in backup format ${format} by a newer Vejviser; this one (${vejviserVersion}) reads format ${backupFormat}. Upgrade Vejviser, then restore.`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BackupError(`${name} is damaged: its description (manifest) is not complete or not valid.`);
  }
  const manifest = parsed.data;
  const payload = file.subarray(end + 1);
  if (payload.length !== manifest.payload.bytes) {
    throw new BackupError(
      `${name} is incomplete: it should hold ${manifest.payload.bytes} bytes of data but holds ${payload.length}. Was the copy cut short?`,
    );
  }
  if (sha256(payload) !== manifest.payload.sha256) {
    throw new BackupError(`${name} is damaged: its checksum does not match its content. Use another copy.`);
  }
  const latest = manifest.migrations.latestCreatedAt;
  const known = latestKnownMigration();
  if (latest !== null && latest > known.createdAt) {
    throw new BackupError(
      `${name} was made by Vejviser ${manifest.vejviserVersion}, whose database (migration ${manifest.migrations.latest ?? latest}) is newer than this Vejviser knows (up to ${known.tag}). Install Vejviser ${manifest.vejviserVersion} or newer, then restore.`,
    );
  }
  if (latest !== null && migrationTag(latest) === null) {
    throw new BackupError(
      `${name} was made by a build of Vejviser (${manifest.vejviserVersion}) whose database migration ${manifest.migrations.latest ?? latest} this build does not have. Restore it with the same version it was made with.`,
    );
  }
  return { manifest, payload };
}

/** Writes a checked backup next to its destination first, then moves it into place: no half-written file. */
export function writeBackupFile(path: string, file: Buffer): void {
  const partial = `${path}.partial-${process.pid}`;
  try {
    // The backup holds everyone's personal data: readable by its owner only.
    writeFileSync(partial, file, { mode: 0o600 });
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EROFS') {
      throw new BackupError(
        `Cannot write the backup to ${path} (${code}). Check the folder and its permissions.`,
      );
    }
    throw error;
  }
}

export function readBackupFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      throw new BackupError(`Cannot read the backup ${path} (${code}).`);
    }
    throw error;
  }
}

export interface EmbeddedBackup {
  file: Buffer;
  /** `server`: made by the running server, which kept serving. `stopped`: read from the stopped database. */
  madeBy: 'server' | 'stopped';
}

/**
 * Backs up the embedded database in `dataDirOption`. When a server holds it, the server makes the backup (over its
 * control socket) and keeps serving; otherwise the database is opened here, read-only in effect, and closed again.
 */
export async function backupEmbedded(dataDirOption: string): Promise<EmbeddedBackup> {
  const paths = embeddedPaths(dataDirOption);
  if (!existsSync(paths.pgdata)) {
    throw new BackupError(`There is no embedded database in ${paths.dataDir} to back up (no pgdata folder).`);
  }
  let release: () => void;
  try {
    release = lockEmbedded(paths);
  } catch (error) {
    if (!(error instanceof LockedError)) throw error;
    try {
      return { file: await requestBackup(paths.dataDir), madeBy: 'server' };
    } catch (unavailable) {
      if (!(unavailable instanceof ControlUnavailableError)) throw unavailable;
      throw new BackupError(
        `${error.message}\nThat process does not offer online backup (${unavailable.message}). Stop it and run backup again.`,
      );
    }
  }
  try {
    const handle = await openPglite({ dataDir: paths.pgdata });
    try {
      return { file: await makeBackup(handle), madeBy: 'stopped' };
    } finally {
      await handle.close();
    }
  } finally {
    release();
  }
}

export interface RestoreReport {
  manifest: BackupManifest;
  dataDir: string;
  /** Migrations of this Vejviser that the backup lacked and that were applied after restoring it. */
  migrationsApplied: number;
  /** Where the database that was replaced (with `force`) is kept, until the operator deletes it. */
  replacedKeptIn?: string;
}

const replacedName = (now: Date) =>
  `pgdata.replaced-${now.toISOString().replaceAll(':', '-').replace(/\..*/, '')}`;

/**
 * Restores a backup file into `dataDirOption`. Checks the file first; refuses while any process holds the data
 * directory, and refuses to replace an existing database unless `force` (the replaced one is kept beside it).
 * The backup is unpacked and migrated to this Vejviser's level in a separate folder, and moved into place only
 * when that has succeeded.
 */
export async function restoreEmbedded(
  dataDirOption: string,
  file: Buffer,
  options: { force?: boolean; name?: string; now?: Date } = {},
): Promise<RestoreReport> {
  const { manifest, payload } = readBackup(file, options.name);
  const paths = embeddedPaths(dataDirOption);
  mkdirSync(paths.dataDir, { recursive: true });
  let release: () => void;
  try {
    release = lockEmbedded(paths);
  } catch (error) {
    if (!(error instanceof LockedError)) throw error;
    throw new BackupError(
      `${error.message}\nRestore replaces the database, so the server must be stopped first.`,
    );
  }
  try {
    const existing = existsSync(paths.pgdata);
    if (existing && !options.force) {
      throw new BackupError(
        `${paths.dataDir} already holds a database (pgdata). Restoring would replace it. Run restore again with --force to replace it; the current database is then kept beside it as pgdata.replaced-<time>.`,
      );
    }
    let migrationsApplied = 0;
    let replacedKeptIn: string | undefined;
    await buildEmbedded(
      paths,
      (restored) =>
        migrateRestored(restored, manifest, (count) => {
          migrationsApplied = count;
        }),
      {
        loadDataDir: new Blob([new Uint8Array(payload)]),
        beforeMove: () => {
          if (!existing) return;
          replacedKeptIn = join(paths.dataDir, replacedName(options.now ?? new Date()));
          renameSync(paths.pgdata, replacedKeptIn);
        },
      },
    );
    return { manifest, dataDir: paths.dataDir, migrationsApplied, replacedKeptIn };
  } finally {
    release();
  }
}

/** Checks the unpacked database is what the manifest says, then brings it up to this Vejviser's migrations. */
async function migrateRestored(
  restored: DatabaseHandle,
  manifest: BackupManifest,
  report: (migrationsApplied: number) => void,
): Promise<void> {
  const before = await appliedMigrations(restored.db);
  if (before.latestCreatedAt !== manifest.migrations.latestCreatedAt) {
    throw new BackupError(
      'The backup is damaged: the database inside it is not at the migration level its description states.',
    );
  }
  await restored.migrate();
  report((await appliedMigrations(restored.db)).count - before.count);
}
