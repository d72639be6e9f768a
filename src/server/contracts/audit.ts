/** @module Contracts of the audit log: the administrator's search and the person's own list of look-ups. */
import { z } from 'zod';
import { auditActorKinds, auditPurposes } from '../../domain/audit.ts';
import { idSchema } from './common.ts';

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

export const auditPurposeSchema = z.enum(auditPurposes);

export const auditQuerySchema = z.strictObject({
  /** First day, in the municipality's time zone. */
  from: isoDate.optional(),
  /** Last day (inclusive), in the municipality's time zone. */
  to: isoDate.optional(),
  actorId: idSchema.optional(),
  personId: idSchema.optional(),
  /** An action or the start of one, e.g. `profile.` or `team_matrix.exported`. */
  action: z
    .string()
    .regex(/^[a-z_.]{1,60}$/)
    .optional(),
  /** The next page: events before this instant (the previous page's `nextBefore`). */
  before: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

const namedRefSchema = z.strictObject({
  id: idSchema,
  /** Null when the person has been erased: the log keeps only their id. */
  name: z.string().nullable(),
});

export const auditEventSchema = z
  .strictObject({
    id: idSchema,
    occurredAt: isoDateTime,
    actor: z.strictObject({
      kind: z.enum(auditActorKinds),
      id: idSchema.nullable(),
      name: z.string().nullable(),
    }),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    subjectPerson: namedRefSchema.nullable(),
    purpose: auditPurposeSchema,
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventView = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z
  .strictObject({
    events: z.array(auditEventSchema),
    /** Pass as `before` for the next page; null on the last page. */
    nextBefore: isoDateTime.nullable(),
  })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof auditPageSchema>;

/** What a person is told about look-ups of their own data: when, what kind, and why — not by whom. */
export const myLookupsSchema = z
  .strictObject({
    lookups: z.array(
      z.strictObject({
        id: idSchema,
        occurredAt: isoDateTime,
        action: z.string(),
        subjectType: z.string(),
        purpose: auditPurposeSchema,
      }),
    ),
  })
  .meta({ id: 'MyLookups' });
export type MyLookups = z.infer<typeof myLookupsSchema>;
