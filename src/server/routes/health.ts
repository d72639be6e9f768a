/**
 * @module `GET /api/health` (is the process up and does its database answer) and `GET /api/health/ready` (should a
 * load balancer send it traffic): public, and about the server only, never about anyone's data.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Database, DatabaseKind } from '../../db/client.ts';
import { appliedMigrations, knownMigrations, migrationState } from '../../db/migration-level.ts';
import { healthSchema, type Readiness, readinessSchema } from '../contracts/common.ts';
import type { AppEnv } from '../http/env.ts';
import { json, reply } from '../http/openapi.ts';
import type { Logger } from '../logger.ts';

export function healthRoutes(db: Database, databaseKind: DatabaseKind, logger: Logger) {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/health',
        tags: ['System'],
        summary: 'Liveness: the server and its database answer',
        responses: { 200: json(healthSchema, 'The server and its database answer.') },
      }),
      async (c) => {
        await db.execute(sql`select 1`);
        return reply(c, healthSchema, { status: 'ok', database: databaseKind });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/health/ready',
        tags: ['System'],
        summary: 'Readiness: the database answers and is migrated as far as this server needs',
        responses: {
          200: json(readinessSchema, 'Ready for traffic.'),
          503: json(readinessSchema, 'Not ready: `checks` says what is wrong.'),
        },
      }),
      async (c) => {
        const known = knownMigrations().length;
        let readiness: Readiness;
        try {
          const applied = await appliedMigrations(db);
          const migrations = migrationState(applied.latestCreatedAt);
          readiness = {
            status: migrations === 'pending' ? 'not_ready' : 'ready',
            database: databaseKind,
            checks: { database: 'ok', migrations },
            migrations: { applied: applied.count, known },
          };
        } catch (error) {
          logger.warn({ err: (error as Error).message }, 'not ready: the database does not answer');
          readiness = {
            status: 'not_ready',
            database: databaseKind,
            checks: { database: 'unavailable', migrations: 'unknown' },
            migrations: { applied: null, known },
          };
        }
        return c.json(readinessSchema.parse(readiness), readiness.status === 'ready' ? 200 : 503);
      },
    );
}
