/** @module The accessibility statement's one variable part: how to report a problem, as the municipality sets it. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Repositories } from '../../db/repositories/index.ts';
import { hasRole } from '../../domain/access.ts';
import { accessibilityContactInputSchema, accessibilityStatementSchema } from '../contracts/accessibility.ts';
import type { AppEnv } from '../http/env.ts';
import { forbidden } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';

export function accessibilityRoutes(repositories: Repositories) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/accessibility',
      tags: ['Accessibility'],
      summary:
        "How to report an accessibility problem: the caller's municipality's contact, or before login the installation's when it serves one municipality",
      responses: { 200: json(accessibilityStatementSchema, 'The contact, or null for the default text.') },
    }),
    async (c) => {
      const tenant = c.get('tenant');
      // Before login the statement cannot know whose it is, unless the installation serves a single municipality.
      const municipality = tenant
        ? await tenant.people.municipality()
        : await repositories.system
            .listMunicipalities()
            .then((all) => (all.length === 1 ? all[0] : undefined));
      return reply(c, accessibilityStatementSchema, {
        municipality: municipality?.name ?? null,
        contact: municipality?.accessibilityContact ?? null,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/admin/accessibility',
      tags: ['Accessibility'],
      summary: 'Set how to report an accessibility problem (administrators)',
      ...authenticated,
      request: { body: jsonBody(accessibilityContactInputSchema) },
      responses: { 200: json(accessibilityStatementSchema, 'Saved.'), ...pick(400, 401, 403, 415) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      if (!hasRole(principal, 'admin')) throw forbidden();
      const { contact } = c.req.valid('json');
      await tenant.people.setAccessibilityContact(contact === '' ? null : contact);
      const municipality = await tenant.people.municipality();
      return reply(c, accessibilityStatementSchema, {
        municipality: municipality.name,
        contact: municipality.accessibilityContact,
      });
    },
  );

  return app;
}
