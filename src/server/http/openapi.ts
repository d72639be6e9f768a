/** @module Helpers that keep route declarations short: JSON bodies, error responses and checked output. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { errorBodySchema } from '../contracts/common.ts';
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
  401: errorResponse('Not logged in.'),
  403: errorResponse('Not allowed, or the CSRF token is missing.'),
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

/**
 * Responds with data checked against its output schema: a mismatch is our bug, and fails loudly as a 500 instead
 * of sending something the contract does not promise.
 */
export function reply<T extends z.ZodType>(c: Context, schema: T, data: z.input<T>) {
  return c.json(schema.parse(data) as z.output<T>, 200);
}
