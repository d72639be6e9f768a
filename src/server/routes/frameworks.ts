/** @module Reading the municipality's competence frameworks and role profiles. Everyone logged in may read them. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { FrameworkVersionRow } from '../../db/repositories/frameworks.ts';
import { competencesOf } from '../../domain/framework.ts';
import { idSchema } from '../contracts/common.ts';
import {
  frameworkListSchema,
  frameworkVersionSchema,
  roleProfileListSchema,
} from '../contracts/frameworks.ts';
import type { AppEnv } from '../http/env.ts';
import { notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticatedOrToken, json, pick, reply } from '../http/openapi.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Published versions for everyone; drafts only for administrators, who edit them. */
const visibleVersion = (row: FrameworkVersionRow, isAdmin: boolean) => row.status === 'published' || isAdmin;

export function frameworkRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/frameworks',
      tags: ['Frameworks'],
      summary: 'List framework versions, newest first',
      ...authenticatedOrToken('admin'),
      responses: { 200: json(frameworkListSchema, 'The versions the caller may read.'), ...pick(401) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const isAdmin = principal.roles.includes('admin');
      const rows = await tenant.frameworks.listVersions();
      return reply(c, frameworkListSchema, {
        frameworks: rows
          .filter((row) => visibleVersion(row, isAdmin))
          .map((row) => ({
            id: row.id,
            key: row.document.key,
            name: row.document.name,
            version: row.version,
            status: row.status as 'draft' | 'published',
            publishedAt: iso(row.publishedAt),
            areaCount: row.document.areas.length,
            competenceCount: competencesOf(row.document).length,
          })),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/frameworks/{versionId}',
      tags: ['Frameworks'],
      summary: 'One framework version with its areas, competences, level descriptions and scale',
      ...authenticatedOrToken('admin'),
      request: { params: z.strictObject({ versionId: idSchema }) },
      responses: { 200: json(frameworkVersionSchema, 'The version.'), ...pick(400, 401, 404) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const row = await tenant.frameworks.findVersion(c.req.valid('param').versionId);
      if (!row || !visibleVersion(row, principal.roles.includes('admin'))) throw notFound();
      return reply(c, frameworkVersionSchema, {
        id: row.id,
        version: row.version,
        status: row.status as 'draft' | 'published',
        publishedAt: iso(row.publishedAt),
        document: row.document,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/role-profiles',
      tags: ['Frameworks'],
      summary: 'List role profiles with their target level per competence',
      ...authenticatedOrToken('admin'),
      responses: { 200: json(roleProfileListSchema, 'The role profiles.'), ...pick(401) },
    }),
    async (c) => {
      const { tenant } = auth(c);
      const rows = await tenant.frameworks.listRoleProfiles();
      return reply(c, roleProfileListSchema, {
        roleProfiles: rows.map((row) => ({
          id: row.id,
          key: row.key,
          name: row.name,
          description: row.description,
          frameworkVersionId: row.frameworkVersionId,
          targets: row.targets,
        })),
      });
    },
  );

  return app;
}
