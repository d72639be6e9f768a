/** @module Liveness and readiness as a load balancer and an operator see them, on both engines. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownMigrations } from '../../src/db/migration-level.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { engineMissing, engines } from '../support/database.ts';

describe.each(engines)('health checks on %s', (kind) => {
  // Skipped on PostgreSQL only when no server is configured (TEST_DATABASE_URL unset); CI always sets it.
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let t: TestApp;
    const known = knownMigrations().length;
    beforeAll(async () => {
      t = await startTestApp(kind);
    });
    afterAll(() => t?.close());

    const ready = async () => {
      const response = await t.call('GET', '/api/health/ready');
      return { status: response.status, body: await response.json(), response };
    };

    it('answers liveness with the engine after a round trip to the database', async () => {
      const response = await t.call('GET', '/api/health');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: kind });
    });

    it('is ready when the database answers and every migration has run, without a session and uncached', async () => {
      const { status, body, response } = await ready();
      expect(status).toBe(200);
      expect(body).toEqual({
        status: 'ready',
        database: kind,
        checks: { database: 'ok', migrations: 'current' },
        migrations: { applied: known, known },
      });
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('set-cookie')).toBeNull();
    });

    it('stays ready when a newer Vejviser has migrated further, as during a rolling upgrade', async () => {
      const newer = knownMigrations().at(-1)!.createdAt + 1000;
      await t.handle.db.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-build', ${newer})`,
      );
      try {
        const { status, body } = await ready();
        expect(status).toBe(200);
        expect(body.checks).toEqual({ database: 'ok', migrations: 'newer' });
        expect(body.migrations).toEqual({ applied: known + 1, known });
      } finally {
        await t.handle.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${newer}`);
      }
    });

    it('is not ready (503) when the database lacks a migration this server needs', async () => {
      const latest = knownMigrations().at(-1)!.createdAt;
      const removed = (await t.handle.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = ${latest} returning hash`,
      )) as unknown as { rows: { hash: string }[] };
      try {
        const { status, body } = await ready();
        expect(status).toBe(503);
        expect(body).toEqual({
          status: 'not_ready',
          database: kind,
          checks: { database: 'ok', migrations: 'pending' },
          migrations: { applied: known - 1, known },
        });
      } finally {
        await t.handle.db.execute(
          sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${removed.rows[0]!.hash}, ${latest})`,
        );
      }
      expect((await ready()).status).toBe(200);
    });

    it('is not ready (503) with a plain JSON reason when the database does not answer', async () => {
      const broken = await startTestApp(kind);
      await broken.close();
      const response = await broken.call('GET', '/api/health/ready');
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'not_ready',
        database: kind,
        checks: { database: 'unavailable', migrations: 'unknown' },
        migrations: { applied: null, known },
      });
    });
  });
});
