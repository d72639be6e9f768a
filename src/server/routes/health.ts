/** @module `GET /api/health`: is the server up, and which database does it use. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Database, DatabaseKind } from '../../db/client.ts';
import { healthSchema } from '../contracts/common.ts';
import type { AppEnv } from '../http/env.ts';
import { json, reply } from '../http/openapi.ts';

export function healthRoutes(db: Database, databaseKind: DatabaseKind) {
  return new OpenAPIHono<AppEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['System'],
      summary: 'Health check',
      responses: { 200: json(healthSchema, 'The server and its database answer.') },
    }),
    async (c) => {
      await db.execute(sql`select 1`);
      return reply(c, healthSchema, { status: 'ok', database: databaseKind });
    },
  );
}
