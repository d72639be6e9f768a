/** @module Errors as `{ error: { code, message, fields? } }`, translated, with the status that means them. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { Locale } from '../../domain/text.ts';
import type { ErrorBody, ErrorCode } from '../contracts/common.ts';
import { fieldMessage, message } from '../messages.ts';

/** Thrown anywhere in a request; the app's error handler turns it into the error body. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly options: {
      values?: Record<string, string | number>;
      fields?: Record<string, string>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code);
  }
}

export const notFound = () => new ApiError(404, 'not_found');
export const forbidden = () => new ApiError(403, 'forbidden');

export function errorBody(locale: Locale, error: ApiError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: message(locale, error.code, error.options.values),
      ...(error.options.fields ? { fields: error.options.fields } : {}),
    },
  };
}

export function sendError(c: Context, error: ApiError): Response {
  const locale = (c.get('locale') as Locale | undefined) ?? 'da';
  for (const [name, value] of Object.entries(error.options.headers ?? {})) c.header(name, value);
  return c.json(errorBody(locale, error), error.status);
}

/** Turns zod's issues into one translated message per field path. */
export function fieldErrors(locale: Locale, issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        fields[[...issue.path, key].join('.')] = fieldMessage(locale, 'unrecognized');
      continue;
    }
    const path = issue.path.join('.') || '_';
    if (fields[path]) continue;
    fields[path] = fieldMessage(locale, issueKind(issue), issueValues(issue));
  }
  return fields;
}

function issueKind(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'whole_number';
      return issue.input === undefined || issue.input === null || issue.input === '' ? 'required' : 'invalid';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid_email' : 'invalid';
    case 'too_small':
      if (issue.origin === 'number') return 'number_too_small';
      return issue.origin === 'string' ? (Number(issue.minimum) <= 1 ? 'required' : 'too_short') : 'invalid';
    case 'too_big':
      if (issue.origin === 'number') return 'number_too_big';
      return issue.origin === 'string' ? 'too_long' : 'invalid';
    case 'custom':
      // A rule of the domain names its kind, e.g. `duplicate_id` (see src/domain/framework.ts).
      return typeof issue.params?.kind === 'string' ? issue.params.kind : 'invalid';
    default:
      return 'invalid';
  }
}

function issueValues(issue: z.core.$ZodIssue): Record<string, string | number> {
  if (issue.code === 'too_small') return { minimum: Number(issue.minimum) };
  if (issue.code === 'too_big') return { maximum: Number(issue.maximum) };
  return {};
}
