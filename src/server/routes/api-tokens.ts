/** @module API tokens: administrators create (shown once), list and revoke them; every change is in the audit log. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiTokenListRow } from '../../db/repositories/api-tokens.ts';
import { hasRole } from '../../domain/access.ts';
import { audit } from '../audit.ts';
import { newApiToken } from '../auth/api-tokens.ts';
import {
  type ApiToken,
  apiTokenInputSchema,
  apiTokenListSchema,
  createdApiTokenSchema,
} from '../contracts/api-tokens.ts';
import { idSchema } from '../contracts/common.ts';
import type { AppEnv } from '../http/env.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';

const toApiToken = (row: ApiTokenListRow): ApiToken => ({
  id: row.id,
  name: row.name,
  scope: row.scope as ApiToken['scope'],
  displayPrefix: row.displayPrefix,
  createdAt: row.createdAt.toISOString(),
  createdBy: row.createdById && row.createdByName ? { id: row.createdById, name: row.createdByName } : null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/**
 * Session only (`authenticated`, never a token): a leaked token must not be able to mint a successor that outlives
 * its revocation (decision 022).
 */
export function apiTokenRoutes(now: () => Date) {
  const app = new OpenAPIHono<AppEnv>();
  const administrator = (c: Parameters<typeof auth>[0]) => {
    const caller = auth(c);
    if (!hasRole(caller.principal, 'admin')) throw forbidden();
    return caller;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/api-tokens',
      tags: ['Admin'],
      summary: "The municipality's API tokens, revoked ones included, newest first (administrators)",
      ...authenticated,
      responses: {
        200: json(apiTokenListSchema, 'The tokens, without the tokens themselves.'),
        ...pick(401, 403),
      },
    }),
    async (c) => {
      const { tenant } = administrator(c);
      return reply(c, apiTokenListSchema, { tokens: (await tenant.apiTokens.list()).map(toApiToken) });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/api-tokens',
      tags: ['Admin'],
      summary:
        'Create an API token; the answer holds the token itself, which is never shown again (administrators)',
      ...authenticated,
      request: { body: jsonBody(apiTokenInputSchema) },
      responses: {
        201: json(createdApiTokenSchema, 'Created. Copy the token now.'),
        ...pick(400, 401, 403, 415),
      },
    }),
    async (c) => {
      const { principal, tenant } = administrator(c);
      const input = c.req.valid('json');
      const created = newApiToken();
      const row = await tenant.apiTokens.create({
        name: input.name,
        scope: input.scope,
        tokenHash: created.tokenHash,
        displayPrefix: created.displayPrefix,
        createdById: principal.userId,
        createdAt: now(),
      });
      await audit(c, {
        action: 'api_token.created',
        subjectType: 'api_token',
        subjectId: row.id,
        subjectPersonId: null,
        purpose: 'administration',
        details: { scope: input.scope },
      });
      const [listed] = (await tenant.apiTokens.list()).filter((token) => token.id === row.id);
      return c.json(
        createdApiTokenSchema.parse({ apiToken: toApiToken(listed!), token: created.token }),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/admin/api-tokens/{tokenId}',
      tags: ['Admin'],
      summary:
        'Revoke an API token: it stops working at once and stays in the list as revoked (administrators)',
      ...authenticated,
      request: { params: z.strictObject({ tokenId: idSchema }) },
      responses: { 204: { description: 'Revoked (or revoked already).' }, ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const { tenant } = administrator(c);
      const { tokenId } = c.req.valid('param');
      if (!(await tenant.apiTokens.find(tokenId))) throw notFound();
      if (await tenant.apiTokens.revoke(tokenId, now())) {
        await audit(c, {
          action: 'api_token.revoked',
          subjectType: 'api_token',
          subjectId: tokenId,
          subjectPersonId: null,
          purpose: 'administration',
        });
      }
      return c.body(null, 204);
    },
  );

  return app;
}
