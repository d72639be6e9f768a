/** @module The audit log inside one municipality: append events, search them, and list the look-ups of one person. */
import { and, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import { type AuditEvent, isAuditAction } from '../../domain/audit.ts';
import type { Database } from '../client.ts';
import { auditEvents } from '../schema.ts';

export type AuditRow = typeof auditEvents.$inferSelect;

export interface AuditSearch {
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  actorId?: string;
  subjectPersonId?: string;
  /** An action or the start of one: `candidate.` finds every candidate event. */
  actionPrefix?: string;
  /** Newest first; the page after `before` (an occurredAt of the previous page's last row). */
  before?: Date;
  limit?: number;
}

/** The `Pick` a caller needs to append inside its own transaction (a deletion and its record commit together). */
export type AuditWriter = Pick<Database, 'insert'>;

export function auditRepository(db: Database, municipalityId: string) {
  const inTenant = eq(auditEvents.municipalityId, municipalityId);
  return {
    /** Appends events; pass a transaction to commit them with the change they describe. */
    async record(events: AuditEvent | readonly AuditEvent[], options: { tx?: AuditWriter; at?: Date } = {}) {
      const list = Array.isArray(events) ? events : [events as AuditEvent];
      if (list.length === 0) return;
      const malformed = list.find((event) => !isAuditAction(event.action));
      if (malformed) throw new Error(`audit action "${malformed.action}" is not dotted lower-case`);
      await (options.tx ?? db).insert(auditEvents).values(
        list.map((event) => ({
          municipalityId,
          ...(options.at ? { occurredAt: options.at } : {}),
          actorKind: event.actorKind,
          actorId: event.actorId,
          action: event.action,
          subjectType: event.subjectType,
          subjectId: event.subjectId,
          subjectPersonId: event.subjectPersonId,
          purpose: event.purpose,
          details: event.details ?? {},
        })),
      );
    },

    async search(filter: AuditSearch = {}): Promise<AuditRow[]> {
      const conditions: SQL[] = [inTenant];
      if (filter.from) conditions.push(gte(auditEvents.occurredAt, filter.from));
      if (filter.to) conditions.push(lt(auditEvents.occurredAt, filter.to));
      if (filter.before) conditions.push(lt(auditEvents.occurredAt, filter.before));
      if (filter.actorId) conditions.push(eq(auditEvents.actorId, filter.actorId));
      if (filter.subjectPersonId) conditions.push(eq(auditEvents.subjectPersonId, filter.subjectPersonId));
      if (filter.actionPrefix) {
        const escaped = filter.actionPrefix.replace(/[\\%_]/g, (character) => `\\${character}`);
        conditions.push(like(auditEvents.action, `${escaped}%`));
      }
      return db
        .select()
        .from(auditEvents)
        .where(and(...conditions))
        .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
        .limit(filter.limit ?? 200);
    },
  };
}
