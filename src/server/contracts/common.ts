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
  'draft_exists',
  'framework_invalid',
  'framework_published',
  'role_profile_invalid',
  'citizen_personal_data',
  'invalid_practice_entry',
  'invalid_pairing',
  'pairing_closed',
  'group_conversation_closed',
  'group_conversation_not_closed',
  'invalid_token',
  'token_not_allowed',
  'password_login_disabled',
  'invalid_sso_settings',
  'sso_set_by_environment',
  'invalid_theme_day',
  'theme_day_not_held',
  'invalid_person',
  'invalid_unit',
  'file_too_large',
  'import_has_errors',
  'import_outdated',
  'internal_error',
  'invalid_position',
  'position_locked',
  'position_transition',
  'position_stage',
  'score_submitted',
  'incomplete_score',
  'panel_not_done',
  'invalid_consolidation',
  'self_assessment_submitted',
  'candidate_not_chosen',
  'already_hired',
  'invalid_hire',
  'candidate_link_invalid',
  'candidate_link_expired',
  'candidate_link_used',
  'too_many_requests',
  'candidate_link_closed',
  'person_active',
  'erasure_of_self',
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

export const readinessSchema = z
  .strictObject({
    /** `ready`: send traffic here. `not_ready`: answered with 503, so a load balancer leaves this server out. */
    status: z.enum(['ready', 'not_ready']),
    database: z.enum(['pglite', 'postgresql']),
    checks: z.strictObject({
      /** Did a query come back? */
      database: z.enum(['ok', 'unavailable']),
      /**
       * `current`: every migration of this build has run. `pending`: some have not. `newer`: a newer Vejviser has
       * migrated further, as in the middle of a rolling upgrade (still ready). `unknown`: the database did not answer.
       */
      migrations: z.enum(['current', 'pending', 'newer', 'unknown']),
    }),
    migrations: z.strictObject({
      /** Migrations recorded as run in the database; null when it did not answer. */
      applied: z.number().int().nullable(),
      /** Migrations this build of Vejviser ships. */
      known: z.number().int(),
    }),
  })
  .meta({ id: 'Readiness' });
export type Readiness = z.infer<typeof readinessSchema>;
