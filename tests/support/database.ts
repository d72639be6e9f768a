/** @module A fresh copy of the seeded test database, on PGlite or on PostgreSQL, for one test file or case. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, type DatabaseKind, openPglite, openPostgres } from '../../src/db/client.ts';
import { databaseUrlWith } from '../setup/global-setup.ts';

export const engines: DatabaseKind[] = ['pglite', 'postgresql'];

/** Why a suite may be skipped on an engine: only PostgreSQL needs a server, and TEST_DATABASE_URL names it. */
export const engineMissing = (kind: DatabaseKind): boolean =>
  kind === 'postgresql' && inject('postgresTemplate') === undefined;

let pgliteTemplate: Blob | undefined;

export async function openTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'pglite') {
    pgliteTemplate ??= new Blob([readFileSync(inject('pgliteTemplatePath'))]);
    return openPglite({ loadDataDir: pgliteTemplate });
  }
  const template = inject('postgresTemplate');
  if (!template) throw new Error('TEST_DATABASE_URL is not set');
  const database = `${template.prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template.database}`);
  } finally {
    await admin.end();
  }
  const handle = await openPostgres(databaseUrlWith(template.url, database), { max: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: template.url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
