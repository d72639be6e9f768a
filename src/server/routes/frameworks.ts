/**
 * @module Competence frameworks and role profiles. Everyone logged in reads the published versions and the role
 * profiles; administrators draft, publish, compare, export and import versions and keep the role profiles.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { FrameworkVersionRow, RoleProfileRow } from '../../db/repositories/frameworks.ts';
import { hasRole } from '../../domain/access.ts';
import {
  competencesOf,
  type FrameworkDocument,
  type FrameworkProblem,
  frameworkDocumentSchema,
  versionProblems,
} from '../../domain/framework.ts';
import { diffFrameworks } from '../../domain/framework-diff.ts';
import { planPublication } from '../../domain/framework-publishing.ts';
import { targetProblems } from '../../domain/role-profile.ts';
import type { Locale } from '../../domain/text.ts';
import { audit } from '../audit.ts';
import { idSchema } from '../contracts/common.ts';
import {
  diffQuerySchema,
  draftInputSchema,
  type FrameworkVersionSummary,
  frameworkDiffSchema,
  frameworkFileFormat,
  frameworkFileSchema,
  frameworkListSchema,
  frameworkVersionSchema,
  publishedSchema,
  publishInputSchema,
  publishReportSchema,
  type RoleProfile,
  roleProfileInputSchema,
  roleProfileListSchema,
  roleProfileSchema,
  roleProfileUpdateSchema,
} from '../contracts/frameworks.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, fieldErrors, forbidden, notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, authenticatedOrToken, json, jsonBody, pick, reply } from '../http/openapi.ts';
import { fieldMessage } from '../messages.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Published versions for everyone; drafts only for administrators, who edit them. */
const visibleVersion = (row: FrameworkVersionRow, isAdmin: boolean) => row.status === 'published' || isAdmin;

const summaryOf = (row: FrameworkVersionRow): FrameworkVersionSummary => ({
  id: row.id,
  key: row.document.key,
  name: row.document.name,
  version: row.version,
  status: row.status as 'draft' | 'published',
  publishedAt: iso(row.publishedAt),
  areaCount: row.document.areas.length,
  competenceCount: competencesOf(row.document).length,
  basedOnVersionId: row.basedOnVersionId,
  hasReport: row.publishReport !== null,
});

const versionOf = (row: FrameworkVersionRow) => ({
  id: row.id,
  version: row.version,
  status: row.status as 'draft' | 'published',
  publishedAt: iso(row.publishedAt),
  revision: row.revision,
  basedOnVersionId: row.basedOnVersionId,
  document: row.document,
});

const roleProfileOf = (row: RoleProfileRow): RoleProfile => ({
  id: row.id,
  key: row.key,
  name: row.name,
  description: row.description,
  frameworkVersionId: row.frameworkVersionId,
  targets: row.targets,
  revision: row.revision,
});

const versionParams = z.strictObject({ versionId: idSchema });
const roleProfileParams = z.strictObject({ roleProfileId: idSchema });

/** The rules' problems as translated messages keyed by the field's path in the request, e.g. `document.areas.0.id`. */
function problemFields(locale: Locale, prefix: string, problems: readonly FrameworkProblem[]) {
  const fields: Record<string, string> = {};
  for (const problem of problems) {
    const path = [prefix, ...problem.path].join('.');
    fields[path] ??= fieldMessage(locale, problem.kind);
  }
  return fields;
}

/**
 * A framework document that breaks a rule is understood but refused: 422 with a message per field, so the editor can
 * point at each one. Anything else wrong with the request stays a 400.
 */
const documentHook = (
  result: { success: boolean; target: string; error?: z.ZodError },
  c: Context<AppEnv>,
): undefined => {
  if (result.success) return undefined;
  const fields = fieldErrors(c.get('locale'), result.error!.issues);
  if (result.target === 'json') throw new ApiError(422, 'framework_invalid', { fields });
  throw new ApiError(400, 'validation_failed', { fields });
};

function requireAdmin(c: Context<AppEnv>) {
  const loaded = auth(c);
  if (!hasRole(loaded.principal, 'admin')) throw forbidden();
  return loaded;
}

/** The version an administrator acts on; another municipality's is answered as not found. */
async function adminVersion(c: Context<AppEnv>, versionId: string) {
  const loaded = requireAdmin(c);
  const row = await loaded.tenant.frameworks.findVersion(versionId);
  if (!row) throw notFound();
  return { ...loaded, row };
}

/** The published versions of a version's framework, newest first: what the rules between versions compare with. */
async function publishedBefore(c: Context<AppEnv>, frameworkId: string) {
  const versions = await auth(c).tenant.frameworks.versionsOf(frameworkId);
  return versions.filter((version) => version.status === 'published');
}

export function frameworkRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  // The JSON Schema of an exported file. Static, so it is built once.
  const fileJsonSchema = {
    ...z.toJSONSchema(frameworkFileSchema, { io: 'input', unrepresentable: 'any' }),
    $id: '/api/frameworks/schema.json',
  };

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
      const isAdmin = hasRole(principal, 'admin');
      const rows = await tenant.frameworks.listVersions();
      return reply(c, frameworkListSchema, {
        frameworks: rows.filter((row) => visibleVersion(row, isAdmin)).map(summaryOf),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/frameworks/schema.json',
      tags: ['Frameworks'],
      summary: 'The JSON Schema of a framework file, as exported and imported (see docs/framework-json.md)',
      responses: { 200: { description: 'A JSON Schema (draft 2020-12).' } },
    }),
    (c) => c.json(fileJsonSchema),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/frameworks/import',
      tags: ['Frameworks'],
      summary: 'Import a framework file as a draft: of the framework with its key, or of a new framework',
      ...authenticated,
      request: { body: jsonBody(frameworkFileSchema) },
      responses: {
        201: json(frameworkVersionSchema, 'The new draft.'),
        ...pick(400, 401, 403, 409, 415, 422),
      },
    }),
    async (c) => {
      const { tenant } = requireAdmin(c);
      const { framework } = c.req.valid('json');
      const earlier = (await tenant.frameworks.versionsOfKey(framework.key))
        .filter((version) => version.status === 'published')
        .map((version) => version.document);
      // An import identical to the newest version is no error: it is refused only if someone tries to publish it.
      const problems = versionProblems(framework, earlier, { publishing: true }).filter(
        (problem) => problem.kind !== 'unchanged',
      );
      if (problems.length > 0) {
        throw new ApiError(422, 'framework_invalid', {
          fields: problemFields(c.get('locale'), 'framework', problems),
        });
      }
      const result = await tenant.frameworks.startDraft(framework, {
        record: (tx, draft) =>
          audit(
            c,
            {
              action: 'framework.imported',
              subjectType: 'framework_version',
              subjectId: draft.id,
              subjectPersonId: null,
              purpose: 'administration',
              details: {
                key: framework.key,
                version: draft.version,
                areas: framework.areas.length,
                competences: competencesOf(framework).length,
              },
            },
            { tx },
          ),
      });
      if (result.outcome === 'draft_exists') throw new ApiError(409, 'draft_exists');
      return c.json(frameworkVersionSchema.parse(versionOf(result.draft)), 201);
    },
    documentHook,
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/frameworks/{versionId}',
      tags: ['Frameworks'],
      summary: 'One framework version with its areas, competences, level descriptions and scale',
      ...authenticatedOrToken('admin'),
      request: { params: versionParams },
      responses: { 200: json(frameworkVersionSchema, 'The version.'), ...pick(400, 401, 404) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const row = await tenant.frameworks.findVersion(c.req.valid('param').versionId);
      if (!row || !visibleVersion(row, hasRole(principal, 'admin'))) throw notFound();
      return reply(c, frameworkVersionSchema, versionOf(row));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/frameworks/{versionId}/draft',
      tags: ['Frameworks'],
      summary: 'Copy a version into a new draft of its framework (one draft per framework at a time)',
      ...authenticated,
      request: { params: versionParams },
      responses: { 201: json(frameworkVersionSchema, 'The new draft.'), ...pick(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { tenant, row } = await adminVersion(c, c.req.valid('param').versionId);
      const result = await tenant.frameworks.startDraft(row.document, { basedOnVersionId: row.id });
      if (result.outcome === 'draft_exists') throw new ApiError(409, 'draft_exists');
      return c.json(frameworkVersionSchema.parse(versionOf(result.draft)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/frameworks/{versionId}',
      tags: ['Frameworks'],
      summary: "Save a draft's document (texts may still be empty; publishing checks everything)",
      ...authenticated,
      request: { params: versionParams, body: jsonBody(draftInputSchema) },
      responses: {
        200: json(frameworkVersionSchema, 'Saved.'),
        ...pick(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const { tenant, row } = await adminVersion(c, c.req.valid('param').versionId);
      const { revision, document } = c.req.valid('json');
      if (row.status !== 'draft') throw new ApiError(422, 'framework_published');
      const earlier = (await publishedBefore(c, row.frameworkId)).map((version) => version.document);
      const problems = versionProblems(document, earlier, { publishing: false });
      // A framework never published yet has no earlier version to keep its key; its draft keeps it all the same.
      if (document.key !== row.document.key && earlier.length === 0) {
        problems.push({ path: ['key'], kind: 'key_changed', message: 'the key cannot change' });
      }
      if (problems.length > 0) {
        throw new ApiError(422, 'framework_invalid', {
          fields: problemFields(c.get('locale'), 'document', problems),
        });
      }
      const saved = await tenant.frameworks.updateDraft(row.id, document, revision);
      if (!saved) throw new ApiError(409, 'conflict');
      return reply(c, frameworkVersionSchema, versionOf(saved));
    },
    documentHook,
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/frameworks/{versionId}',
      tags: ['Frameworks'],
      summary: 'Delete a draft (a published version stays for good)',
      ...authenticated,
      request: { params: versionParams },
      responses: { 204: { description: 'Deleted.' }, ...pick(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const { tenant, row } = await adminVersion(c, c.req.valid('param').versionId);
      if (row.status !== 'draft') throw new ApiError(422, 'framework_published');
      await tenant.frameworks.discardDraft(row.id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/frameworks/{versionId}/publish',
      tags: ['Frameworks'],
      summary:
        'Publish a draft as an immutable version; the role profiles of the version it replaces are carried over',
      ...authenticated,
      request: { params: versionParams, body: jsonBody(publishInputSchema) },
      responses: {
        200: json(publishedSchema, 'Published, with what changed for each role profile.'),
        ...pick(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const { tenant, row } = await adminVersion(c, c.req.valid('param').versionId);
      const { revision } = c.req.valid('json');
      if (row.status !== 'draft') throw new ApiError(422, 'framework_published');
      if (row.revision !== revision) throw new ApiError(409, 'conflict');
      const locale = c.get('locale');
      const parsed = frameworkDocumentSchema.safeParse(row.document);
      if (!parsed.success) {
        const fields = Object.fromEntries(
          Object.entries(fieldErrors(locale, parsed.error.issues)).map(([path, text]) => [
            path === '_' ? 'document' : `document.${path}`,
            text,
          ]),
        );
        throw new ApiError(422, 'framework_invalid', { fields });
      }
      const earlier = await publishedBefore(c, row.frameworkId);
      const problems = versionProblems(
        parsed.data,
        earlier.map((version) => version.document),
        { publishing: true },
      );
      if (problems.length > 0) {
        throw new ApiError(422, 'framework_invalid', { fields: problemFields(locale, 'document', problems) });
      }
      const [previous] = earlier;
      const plan = planPublication(
        parsed.data,
        previous
          ? {
              versionId: previous.id,
              version: previous.version,
              document: previous.document,
              roleProfiles: await tenant.frameworks.listRoleProfilesOf(previous.id),
            }
          : null,
      );
      const published = await tenant.frameworks.publish(row.id, {
        expectedRevision: revision,
        report: plan.report,
        roleProfiles: plan.roleProfiles,
        record: (tx) =>
          audit(
            c,
            {
              action: 'framework.published',
              subjectType: 'framework_version',
              subjectId: row.id,
              subjectPersonId: null,
              purpose: 'administration',
              details: {
                key: parsed.data.key,
                version: row.version,
                ...plan.report.counts,
                roleProfiles: plan.roleProfiles.length,
              },
            },
            { tx },
          ),
      });
      if (!published) throw new ApiError(409, 'conflict');
      return reply(c, publishedSchema, { version: summaryOf(published), report: plan.report });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/frameworks/{versionId}/report',
      tags: ['Frameworks'],
      summary: 'What publishing the version did to the role profiles (administrators)',
      ...authenticated,
      request: { params: versionParams },
      responses: { 200: json(publishReportSchema, 'The report.'), ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const { row } = await adminVersion(c, c.req.valid('param').versionId);
      // The shipped first version was installed, not published from a draft: it has no report.
      if (!row.publishReport) throw notFound();
      return reply(c, publishReportSchema, row.publishReport);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/frameworks/{versionId}/diff',
      tags: ['Frameworks'],
      summary: 'What changed from an older version to this one, grouped by area',
      ...authenticated,
      request: { params: versionParams, query: diffQuerySchema },
      responses: { 200: json(frameworkDiffSchema, 'The changes.'), ...pick(400, 401, 404) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const isAdmin = hasRole(principal, 'admin');
      const [to, from] = await Promise.all([
        tenant.frameworks.findVersion(c.req.valid('param').versionId),
        tenant.frameworks.findVersion(c.req.valid('query').from),
      ]);
      if (!to || !from || !visibleVersion(to, isAdmin) || !visibleVersion(from, isAdmin)) throw notFound();
      return reply(c, frameworkDiffSchema, {
        from: summaryOf(from),
        to: summaryOf(to),
        ...diffFrameworks(from.document, to.document),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/frameworks/{versionId}/export',
      tags: ['Frameworks'],
      summary: 'Download a version as a framework file, to share with another municipality (administrators)',
      ...authenticated,
      request: { params: versionParams },
      responses: { 200: json(frameworkFileSchema, 'The file.'), ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const { tenant, row } = await adminVersion(c, c.req.valid('param').versionId);
      const municipality = await tenant.people.municipality();
      c.header(
        'Content-Disposition',
        `attachment; filename="${row.document.key}-version-${row.version}.json"`,
      );
      // Not checked against the file schema: a draft may be exported while its texts are still incomplete.
      return c.json(
        {
          $schema: new URL('/api/frameworks/schema.json', c.req.url).href,
          format: frameworkFileFormat,
          exportedFrom: {
            municipality: municipality.name,
            version: row.version,
            publishedAt: iso(row.publishedAt),
          },
          framework: row.document,
        },
        200,
      );
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
      return reply(c, roleProfileListSchema, { roleProfiles: rows.map(roleProfileOf) });
    },
  );

  /** Every competence of the version needs a target on its scale: one message per competence that lacks one. */
  const targetFields = (locale: Locale, targets: Record<string, number>, framework: FrameworkDocument) =>
    Object.fromEntries(
      targetProblems(targets, framework).map((problem) => [
        `targets.${problem.competenceId}`,
        fieldMessage(locale, problem.kind),
      ]),
    );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/role-profiles',
      tags: ['Frameworks'],
      summary: 'Create a role profile on a published framework version (administrators)',
      ...authenticated,
      request: { body: jsonBody(roleProfileInputSchema) },
      responses: {
        201: json(roleProfileSchema, 'The role profile.'),
        ...pick(400, 401, 403, 415, 422),
      },
    }),
    async (c) => {
      const { tenant } = requireAdmin(c);
      const input = c.req.valid('json');
      const locale = c.get('locale');
      const version = await tenant.frameworks.findVersion(input.frameworkVersionId);
      if (version?.status !== 'published') {
        throw new ApiError(422, 'role_profile_invalid', {
          fields: { frameworkVersionId: fieldMessage(locale, 'framework_version_unknown') },
        });
      }
      const fields = targetFields(locale, input.targets, version.document);
      if (Object.keys(fields).length > 0) throw new ApiError(422, 'role_profile_invalid', { fields });
      const row = await tenant.frameworks.createRoleProfile(version.id, input);
      if (!row) {
        throw new ApiError(422, 'role_profile_invalid', {
          fields: { key: fieldMessage(locale, 'key_taken') },
        });
      }
      return c.json(roleProfileSchema.parse(roleProfileOf(row)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/role-profiles/{roleProfileId}',
      tags: ['Frameworks'],
      summary:
        "Change a role profile's names and targets; rounds already started keep theirs (administrators)",
      ...authenticated,
      request: { params: roleProfileParams, body: jsonBody(roleProfileUpdateSchema) },
      responses: {
        200: json(roleProfileSchema, 'Saved.'),
        ...pick(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const { tenant } = requireAdmin(c);
      const { revision, ...change } = c.req.valid('json');
      const profile = await tenant.frameworks.findRoleProfile(c.req.valid('param').roleProfileId);
      if (!profile) throw notFound();
      const version = await tenant.frameworks.findVersion(profile.frameworkVersionId);
      const fields = targetFields(c.get('locale'), change.targets, version!.document);
      if (Object.keys(fields).length > 0) throw new ApiError(422, 'role_profile_invalid', { fields });
      const saved = await tenant.frameworks.updateRoleProfile(profile.id, change, revision);
      if (!saved) throw new ApiError(409, 'conflict');
      return reply(c, roleProfileSchema, roleProfileOf(saved));
    },
  );

  return app;
}
