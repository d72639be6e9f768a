/** @module Records what the caller (a logged-in person or an API token) did with personal data, in the audit log. */
import type { Context } from 'hono';
import type { AuditWriter } from '../db/repositories/audit.ts';
import type { AuditEvent } from '../domain/audit.ts';
import type { AppEnv } from './http/env.ts';
import { auth } from './http/middleware.ts';

/**
 * Appends one event by the caller. Reading one's own data is not recorded: the log is about other people's data.
 * Pass the transaction of a change so the change and its record commit together.
 */
export async function audit(
  c: Context<AppEnv>,
  event: Omit<AuditEvent, 'actorKind' | 'actorId'>,
  options: { tx?: AuditWriter } = {},
): Promise<void> {
  const { principal, tenant } = auth(c);
  if (event.action.endsWith('.read') && event.subjectPersonId === principal.userId) return;
  const actor = principal.tokenId
    ? ({ actorKind: 'token', actorId: principal.tokenId } as const)
    : ({ actorKind: 'user', actorId: principal.userId } as const);
  await tenant.audit.record({ ...event, ...actor }, options);
}
