/** @module The logged-in person's own settings: password and language. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Repositories } from '../../db/repositories/index.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { passwordChangeInputSchema, preferencesInputSchema, preferencesSchema } from '../contracts/auth.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';
import { auth, sessionOf } from '../http/middleware.ts';
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';

export function meRoutes(repositories: Repositories) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'put',
      path: '/password',
      tags: ['Me'],
      summary: 'Change own password; ends the person’s other sessions',
      ...authenticated,
      request: { body: jsonBody(passwordChangeInputSchema) },
      responses: { 204: { description: 'Changed.' }, ...pick(400, 401, 403, 415, 422) },
    }),
    async (c) => {
      const { principal, tenant, session } = sessionOf(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      const user = await tenant.people.findUser(principal.userId);
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new ApiError(422, 'wrong_password');
      }
      if (newPassword === currentPassword) throw new ApiError(422, 'weak_password');
      await tenant.people.setPasswordHash(user.id, await hashPassword(newPassword));
      await repositories.system.deleteOtherSessions(user.id, session.id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/preferences',
      tags: ['Me'],
      summary: 'Save the chosen language',
      ...authenticated,
      request: { body: jsonBody(preferencesInputSchema) },
      responses: { 200: json(preferencesSchema, 'Saved.'), ...pick(400, 401, 403, 415) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const { locale } = c.req.valid('json');
      await tenant.people.setLocale(principal.userId, locale);
      return reply(c, preferencesSchema, { locale });
    },
  );

  return app;
}
