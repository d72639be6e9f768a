/**
 * @module `vejviser backup` and `restore` as an operator uses them: a backup of Demo Kommune made while the server
 * holds the database, restored into a new directory with every table equal; damaged, foreign, too-new and older
 * files; a database in the way; and PostgreSQL sent to pg_dump.
 */

import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, like, sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder, openPglite } from '../../src/db/client.ts';
import { appliedMigrations, knownMigrations } from '../../src/db/migration-level.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { outbox } from '../../src/db/schema.ts';
import { demoPassword, seedDemo } from '../../src/db/seed/demo.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import {
  BackupError,
  backupEmbedded,
  makeBackup,
  readBackup,
  restoreEmbedded,
} from '../../src/server/backup.ts';
import { startControlServer } from '../../src/server/control.ts';
import { type EmbeddedDatabase, openEmbedded } from '../../src/server/embedded.ts';
import { createLogger } from '../../src/server/logger.ts';
import { fingerprintTables } from '../support/tables.ts';

const root = join(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const workspace = mkdtempSync(join(tmpdir(), 'vejviser-backup-'));
const folder = (name: string) => join(workspace, name);

function vejviser(args: string[], env: Record<string, string>) {
  const child = spawn(tsx, ['src/server/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
}

/** The same file with its manifest changed (the checksum covers the data, not the manifest). */
function withManifest(file: Buffer, change: (manifest: Record<string, unknown>) => void): Buffer {
  const first = file.indexOf('\n');
  const second = file.indexOf('\n', first + 1);
  const manifest = JSON.parse(file.subarray(first + 1, second).toString('utf8'));
  change(manifest);
  return Buffer.concat([
    file.subarray(0, first + 1),
    Buffer.from(`${JSON.stringify(manifest)}\n`),
    file.subarray(second + 1),
  ]);
}

describe('backup and restore of the embedded database', () => {
  let server: EmbeddedDatabase;
  let stopControl: () => Promise<void>;
  const backupPath = folder('demo.backup');

  beforeAll(async () => {
    // "The server": it holds Demo Kommune's data directory and answers on its control socket, as `start` does.
    server = await openEmbedded(folder('live'), async (fresh) => {
      await seedDemo(createRepositories(fresh.db), await hashPassword(demoPassword));
    });
    stopControl = await startControlServer(
      server.dataDir,
      { backup: () => makeBackup(server) },
      createLogger('silent'),
    );
  });
  afterAll(async () => {
    await stopControl?.();
    await server?.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('backs up while the server holds the database, and restores every table of every feature into a new directory', async () => {
    const backup = await vejviser(['backup', '--out', backupPath], { DATA_DIR: server.dataDir });
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain('Made by the running server, which kept serving.');
    expect(readdirSync(workspace).filter((name) => name.includes('.partial'))).toEqual([]);

    const restore = await vejviser(['restore', '--from', backupPath], { DATA_DIR: folder('restored') });
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toContain(`into ${folder('restored')}`);
    expect(existsSync(folder('restored/pgdata.lock'))).toBe(false);

    const restored = await openPglite({ dataDir: folder('restored/pgdata') });
    try {
      const original = await fingerprintTables(server.db);
      const copy = await fingerprintTables(restored.db);
      // The demo must hold real data for the comparison to mean something: most tables have rows.
      const filled = Object.values(original).filter((table) => table.rows > 0);
      expect(filled.length).toBeGreaterThan(Object.keys(original).length / 2);
      expect(copy).toEqual(original);
      expect((await appliedMigrations(restored.db)).count).toBe(knownMigrations().length);
    } finally {
      await restored.close();
    }
    // The server kept its database and still answers.
    expect(await createRepositories(server.db).system.findDemoMunicipality()).toBeDefined();
  }, 120_000);

  it('makes a consistent backup while transactions keep writing: each is in it whole or not at all', async () => {
    const demo = (await createRepositories(server.db).system.findDemoMunicipality())!;
    let writing = true;
    let committed = 0;
    const writer = (async () => {
      while (writing) {
        // Two rows that belong together, written in one transaction.
        await server.db.transaction(async (tx) => {
          for (const half of ['a', 'b']) {
            await tx.insert(outbox).values({
              municipalityId: demo.id,
              toEmail: `par-${committed}-${half}@demokommune.example`,
              subject: `pair ${committed}`,
              body: half,
            });
          }
        });
        committed += 1;
        // PGlite answers without waiting for I/O: let the rest of the process (the backup) have its turn.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    while (committed < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    const committedBefore = committed;
    const file = await makeBackup(server);
    writing = false;
    await writer;

    await restoreEmbedded(folder('under-load'), file);
    const restored = await openPglite({ dataDir: folder('under-load/pgdata') });
    try {
      const pairs = await restored.db
        .select({ subject: outbox.subject, rows: count() })
        .from(outbox)
        .where(like(outbox.subject, 'pair %'))
        .groupBy(outbox.subject);
      expect(pairs.length).toBeGreaterThanOrEqual(committedBefore);
      expect(pairs.filter((pair) => pair.rows !== 2)).toEqual([]);
    } finally {
      await restored.close();
    }
  }, 60_000);

  it('refuses a file that is not a backup, is cut short, or whose data or manifest is damaged', () => {
    const file = readFileSync(backupPath);
    const refusal = (bytes: Buffer) => {
      try {
        readBackup(bytes, 'demo.backup');
      } catch (error) {
        expect(error).toBeInstanceOf(BackupError);
        return (error as Error).message;
      }
      throw new Error('the file was accepted');
    };
    expect(refusal(Buffer.from('PGDMP custom dump'))).toMatch(/^demo.backup is not a Vejviser backup/);
    expect(refusal(file.subarray(0, file.length - 1000))).toMatch(
      /^demo.backup is incomplete: it should hold/,
    );
    const flipped = Buffer.from(file);
    flipped[flipped.length - 5000]! ^= 0xff;
    expect(refusal(flipped)).toBe(
      'demo.backup is damaged: its checksum does not match its content. Use another copy.',
    );
    const garbled = Buffer.from(file);
    garbled[30] = 0x7b;
    expect(refusal(garbled)).toMatch(/^demo.backup is damaged: its description \(manifest\)/);
    expect(readBackup(file).manifest.migrations.applied).toBe(knownMigrations().length);
  });

  it('refuses a backup made by a newer Vejviser, by its format or by its database migrations', () => {
    const file = readFileSync(backupPath);
    expect(() => readBackup(withManifest(file, (manifest) => (manifest.format = 2)))).toThrow(
      /written in backup format 2 by a newer Vejviser; .* Upgrade Vejviser, then restore\./,
    );
    const newer = withManifest(file, (manifest) => {
      manifest.vejviserVersion = '9.0.0';
      manifest.migrations = { applied: 99, latest: '0098_future', latestCreatedAt: 4_000_000_000_000 };
    });
    expect(() => readBackup(newer)).toThrow(
      `The file was made by Vejviser 9.0.0, whose database (migration 0098_future) is newer than this Vejviser knows (up to ${knownMigrations().at(-1)!.tag}). Install Vejviser 9.0.0 or newer, then restore.`,
    );
  });

  it('refuses to restore while the server holds the directory, or over a database without --force', async () => {
    const file = readFileSync(backupPath);
    await expect(restoreEmbedded(server.dataDir, file)).rejects.toThrow(
      /in use by another Vejviser process[\s\S]*Restore replaces the database, so the server must be stopped first\./,
    );

    await expect(restoreEmbedded(folder('restored'), file)).rejects.toThrow(
      `${folder('restored')} already holds a database (pgdata). Restoring would replace it. Run restore again with --force`,
    );

    // A damaged file is refused before anything is replaced, even with --force.
    const damaged = folder('damaged.backup');
    writeFileSync(damaged, file.subarray(0, file.length - 10));
    const corrupt = await vejviser(['restore', '--from', damaged, '--force'], {
      DATA_DIR: folder('restored'),
    });
    expect(corrupt.code).toBe(2);
    expect(corrupt.output).toContain(`${damaged} is incomplete`);
    expect(readdirSync(folder('restored')).filter((name) => name.startsWith('pgdata.'))).toEqual([]);

    const report = await restoreEmbedded(folder('restored'), file, {
      force: true,
      now: new Date('2026-12-03T09:30:00Z'),
    });
    expect(report.replacedKeptIn).toBe(folder('restored/pgdata.replaced-2026-12-03T09-30-00'));
    expect(existsSync(join(report.replacedKeptIn!, 'PG_VERSION'))).toBe(true);
    expect(existsSync(folder('restored/pgdata/PG_VERSION'))).toBe(true);
  }, 60_000);

  it('backs up a stopped database directly, and brings an older backup up to date when restoring it', async () => {
    // A database of the previous release: every migration but the newest.
    const olderMigrations = folder('older-migrations');
    cpSync(migrationsFolder, olderMigrations, { recursive: true });
    const journalPath = join(olderMigrations, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    journal.entries.pop();
    writeFileSync(journalPath, JSON.stringify(journal));
    mkdirSync(folder('older'));
    const older = await openPglite({ dataDir: folder('older/pgdata') });
    await migrate(older.db as unknown as PgliteDatabase, { migrationsFolder: olderMigrations });
    // Plain SQL: the repositories speak the newest schema, which this database does not have yet.
    await older.db.execute(sql`INSERT INTO municipalities (name, slug) VALUES ('Tønder Kommune', 'toender')`);
    await older.close();

    const { file, madeBy } = await backupEmbedded(folder('older'));
    expect(madeBy).toBe('stopped');
    expect(existsSync(folder('older/pgdata.lock'))).toBe(false);
    expect(readBackup(file).manifest.migrations.applied).toBe(knownMigrations().length - 1);

    const report = await restoreEmbedded(folder('upgraded'), file);
    expect(report.migrationsApplied).toBe(1);
    const upgraded = await openPglite({ dataDir: folder('upgraded/pgdata') });
    try {
      expect((await appliedMigrations(upgraded.db)).count).toBe(knownMigrations().length);
      const municipality = await createRepositories(upgraded.db).system.findMunicipalityBySlug('toender');
      expect(municipality?.name).toBe('Tønder Kommune');
    } finally {
      await upgraded.close();
    }
  }, 90_000);

  it('sends an operator on PostgreSQL to pg_dump and pg_restore instead', async () => {
    const env = {
      DATABASE_URL: 'postgres://vejviser@db.kommune.example:5432/vejviser',
      DATA_DIR: folder('pg'),
    };
    const [backup, restore] = await Promise.all([
      vejviser(['backup', '--out', folder('pg.backup')], env),
      vejviser(['restore', '--from', backupPath], env),
    ]);
    for (const refused of [backup, restore]) {
      expect(refused.code).toBe(2);
      expect(refused.output).toContain('pg_dump --format=custom');
      expect(refused.output).toContain('pg_restore --clean --if-exists');
    }
    expect(existsSync(folder('pg.backup'))).toBe(false);
    expect(existsSync(folder('pg'))).toBe(false);
  }, 60_000);
});
