/** @module Shapes shared by every route: the error body, ids and the health check. */
import { z } from 'zod';

export const errorCodes = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_attempts',
  'wrong_password',
  'weak_password',
  'incomplete_assessment',
  'not_editable',
  'round_closed',
  'invalid_round',
  'invalid_conversation',
  'conversation_signed',
  'conversation_not_started',
  'conversation_not_signed',
  'conversation_held',
  'invalid_person',
  'invalid_unit',
  'file_too_large',
  'import_has_errors',
  'import_outdated',
  'internal_error',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorBodySchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(errorCodes),
      /** In the caller's language (Danish unless English was chosen). */
      message: z.string(),
      /** Per-field messages for `validation_failed`, keyed by the field's path, e.g. `email`. */
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const idSchema = z.uuid();
export const idParamSchema = (name: string) => z.strictObject({ [name]: idSchema });

export const healthSchema = z
  .strictObject({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof healthSchema>;
