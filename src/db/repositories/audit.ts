/** @module The audit log inside one municipality: append events, search them, and list the look-ups of one person. */
import { and, desc, eq, gte, isNull, like, lt, ne, or, type SQL, sql } from 'drizzle-orm';
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
export type AuditWriter = Pick<Database, 'execute'>;

export function auditRepository(db: Database, municipalityId: string) {
  const inTenant = eq(auditEvents.municipalityId, municipalityId);
  return {
    /** Appends events; pass a transaction to commit them with the change they describe. */
    async record(events: AuditEvent | readonly AuditEvent[], options: { tx?: AuditWriter; at?: Date } = {}) {
      const list = Array.isArray(events) ? events : [events as AuditEvent];
      if (list.length === 0) return;
      const malformed = list.find((event) => !isAuditAction(event.action));
      if (malformed) throw new Error(`audit action "${malformed.action}" is not dotted lower-case`);
      // One statement with one parameter, however many events: a team overview records one per person shown, and
      // sixty rows of ten parameters each cost more to build and send than the query that found them.
      const rows = list.map((event) => ({
        actor_kind: event.actorKind,
        actor_id: event.actorId,
        action: event.action,
        subject_type: event.subjectType,
        subject_id: event.subjectId,
        subject_person_id: event.subjectPersonId,
        purpose: event.purpose,
        details: event.details ?? {},
      }));
      await (options.tx ?? db).execute(sql`
        insert into audit_events (municipality_id, occurred_at, actor_kind, actor_id, action, subject_type, subject_id,
          subject_person_id, purpose, details)
        select ${municipalityId}::uuid, coalesce(${options.at?.toISOString() ?? null}::timestamptz, now()),
          e.actor_kind, e.actor_id, e.action, e.subject_type, e.subject_id, e.subject_person_id, e.purpose, e.details
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as e(actor_kind text, actor_id uuid, action text,
          subject_type text, subject_id text, subject_person_id uuid, purpose text, details jsonb)`);
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

    /**
     * What others did with one person's data, newest first: the person's own actions are left out, as their page and
     * their download tell them only about the look-ups of others. All of them unless `limit` is given.
     */
    async lookupsOf(personId: string, limit?: number): Promise<AuditRow[]> {
      const query = db
        .select()
        .from(auditEvents)
        .where(
          and(
            inTenant,
            eq(auditEvents.subjectPersonId, personId),
            or(isNull(auditEvents.actorId), ne(auditEvents.actorId, personId)),
          ),
        )
        .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
        .$dynamic();
      return limit === undefined ? query : query.limit(limit);
    },
  };
}
