/** @module Several servers starting at once on a new PostgreSQL database: each migration runs once, none fails. */
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/client.ts';
import { appliedMigrations, knownMigrations, migrationState } from '../../src/db/migration-level.ts';
import { scratchDatabase } from '../support/postgres.ts';

const postgresUrl = process.env.TEST_DATABASE_URL;

// Needs a PostgreSQL server; skipped only when TEST_DATABASE_URL is unset (CI always sets it).
describe.skipIf(!postgresUrl)('migrations on a PostgreSQL server', () => {
  const database = scratchDatabase(postgresUrl!, `vejviser_migrate_${process.pid}`);
  afterAll(() => database.drop());

  it('lets three servers migrate at the same moment: one does the work, the others wait and find it done', async () => {
    await database.create();
    const servers = await Promise.all([1, 2, 3].map(() => openPostgres(database.url, { max: 2 })));
    try {
      expect(migrationState((await appliedMigrations(servers[0]!.db)).latestCreatedAt)).toBe('pending');
      await Promise.all(servers.map((server) => server.migrate()));
      const applied = await appliedMigrations(servers[0]!.db);
      expect(applied.count).toBe(knownMigrations().length);
      expect(migrationState(applied.latestCreatedAt)).toBe('current');
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
  }, 60_000);
});
