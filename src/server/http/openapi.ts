/** @module Helpers that keep route declarations short: JSON bodies, error responses and checked output. */
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { ApiTokenScope } from '../../domain/api-tokens.ts';
import { audit } from '../audit.ts';
import { errorBodySchema } from '../contracts/common.ts';
import type { AppEnv } from './env.ts';
import { ApiError } from './errors.ts';
import { requireAuth } from './middleware.ts';

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

const errorResponse = (description: string) => json(errorBodySchema, description);

export const errors = {
  400: errorResponse('The input is not valid; `fields` says where.'),
  401: errorResponse('Not logged in, or the API token is not valid.'),
  403: errorResponse(
    'Not allowed (also: an API token whose scope does not open the route), or the CSRF token is missing.',
  ),
  404: errorResponse('Not found, or not visible to the caller.'),
  409: errorResponse('Changed by someone else in the meantime.'),
  410: errorResponse('No longer available: a personal link that has been used or has expired.'),
  415: errorResponse('The body is not JSON.'),
  422: errorResponse('Understood, but refused.'),
  429: errorResponse('Too many attempts.'),
} as const;

export const pick = <K extends keyof typeof errors>(...statuses: K[]) =>
  Object.fromEntries(statuses.map((status) => [status, errors[status]])) as Pick<typeof errors, K>;

/** Spread into a route: it needs a logged-in person, and the OpenAPI document says so. */
export const authenticated = { security: [{ sessionCookie: [] }], middleware: requireAuth };

export interface TokenAccessOptions {
  /**
   * The route reads personal data: each successful call by a token is recorded in the audit log under this action
   * (purpose `administration`), with the `userId` path parameter as the person when there is one.
   */
  audit?: string;
}

/**
 * Spread into a route instead of {@link authenticated} to open it to API tokens of the given scopes as well as to
 * logged-in people: `...authenticatedOrToken('aggregates')`. The handler then sees the token's principal (see
 * src/domain/api-tokens.ts). A token of another scope is refused with 403; a route without this refuses every token.
 */
export function authenticatedOrToken(
  scopes: ApiTokenScope | readonly ApiTokenScope[],
  options: TokenAccessOptions = {},
) {
  const allowed: readonly ApiTokenScope[] = typeof scopes === 'string' ? [scopes] : scopes;
  const gate: MiddlewareHandler<AppEnv> = async (c, next) => {
    const token = c.get('apiToken');
    if (!token) return requireAuth(c, next);
    if (!allowed.includes(token.scope)) throw new ApiError(403, 'token_not_allowed');
    await next();
    if (options.audit && c.res.ok) {
      const personId = c.req.param('userId') ?? null;
      await audit(c, {
        action: options.audit,
        subjectType: 'user',
        subjectId: personId,
        subjectPersonId: personId,
        purpose: 'administration',
        details: { route: `${c.req.method} ${c.req.routePath}` },
      });
    }
  };
  return {
    // Either a session or a token of one of these scopes (OpenAPI 3.1 lets any scheme list the roles it needs).
    security: [{ sessionCookie: [] }, { apiToken: [...allowed] }] as Record<string, string[]>[],
    middleware: gate,
  };
}

/**
 * Responds with data checked against its output schema: a mismatch is our bug, and fails loudly as a 500 instead
 * of sending something the contract does not promise.
 */
export function reply<T extends z.ZodType>(c: Context, schema: T, data: z.input<T>) {
  return c.json(schema.parse(data) as z.output<T>, 200);
}
