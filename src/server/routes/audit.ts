/** @module The audit log: the administrator's search and CSV export, and each person's list of look-ups of their data. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuditRow } from '../../db/repositories/audit.ts';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import { hasRole } from '../../domain/access.ts';
import type { AuditActorKind, AuditPurpose } from '../../domain/audit.ts';
import { startOfDayInTimeZone } from '../../domain/rounds.ts';
import type { Locale } from '../../domain/text.ts';
import { audit } from '../audit.ts';
import {
  type AuditEventView,
  type AuditQuery,
  auditPageSchema,
  auditQuerySchema,
  myLookupsSchema,
} from '../contracts/audit.ts';
import { attachment, danishCsv } from '../csv.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, forbidden } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, json, pick, reply } from '../http/openapi.ts';
import { fieldMessage } from '../messages.ts';

/** The most rows one export holds; a longer period is exported in parts. */
const exportLimit = 10_000;

const nextDay = (day: string) => {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

async function searchOf(tenant: TenantRepositories, locale: Locale, query: AuditQuery, limit: number) {
  const { timeZone } = await tenant.people.municipality();
  if (query.from && query.to && query.from > query.to) {
    throw new ApiError(400, 'validation_failed', { fields: { to: fieldMessage(locale, 'period_reversed') } });
  }
  return tenant.audit.search({
    ...(query.from ? { from: startOfDayInTimeZone(query.from, timeZone) } : {}),
    ...(query.to ? { to: startOfDayInTimeZone(nextDay(query.to), timeZone) } : {}),
    ...(query.before ? { before: new Date(query.before) } : {}),
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.personId ? { subjectPersonId: query.personId } : {}),
    ...(query.action ? { actionPrefix: query.action } : {}),
    limit,
  });
}

async function viewsOf(tenant: TenantRepositories, rows: readonly AuditRow[]): Promise<AuditEventView[]> {
  const names = new Map((await tenant.people.listUsers()).map((person) => [person.id, person.name]));
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actor: {
      kind: row.actorKind as AuditActorKind,
      id: row.actorId,
      name: row.actorKind === 'user' && row.actorId ? (names.get(row.actorId) ?? null) : null,
    },
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectPerson: row.subjectPersonId
      ? { id: row.subjectPersonId, name: names.get(row.subjectPersonId) ?? null }
      : null,
    purpose: row.purpose as AuditPurpose,
    details: row.details,
  }));
}

const csvHeader: Record<Locale, string[]> = {
  da: ['Tidspunkt', 'Udført af', 'Handling', 'Post', 'Post-id', 'Hvis data', 'Formål', 'Detaljer'],
  en: ['Time', 'Done by', 'Action', 'Record', 'Record id', 'Whose data', 'Purpose', 'Details'],
};
const deletedPerson: Record<Locale, string> = { da: '(slettet person)', en: '(deleted person)' };
const actorNames: Record<Locale, Record<Exclude<AuditActorKind, 'user'>, string>> = {
  da: { system: 'Vejviser (planlagt kørsel)', token: 'API-nøgle', candidate: 'Ansøger (personligt link)' },
  en: { system: 'Vejviser (scheduled job)', token: 'API token', candidate: 'Candidate (personal link)' },
};

function requireAdmin(c: Context<AppEnv>) {
  const { principal, tenant } = auth(c);
  if (!hasRole(principal, 'admin')) throw forbidden();
  return { principal, tenant };
}

export function auditRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/audit',
      tags: ['Admin'],
      summary: 'Search the audit log, newest first (administrators)',
      ...authenticated,
      request: { query: auditQuerySchema },
      responses: { 200: json(auditPageSchema, 'One page of events.'), ...pick(400, 401, 403) },
    }),
    async (c) => {
      const { tenant } = requireAdmin(c);
      const query = c.req.valid('query');
      const limit = query.limit ?? 100;
      // One more than asked tells whether there is a next page.
      const rows = await searchOf(tenant, c.get('locale'), query, limit + 1);
      const page = rows.slice(0, limit);
      return reply(c, auditPageSchema, {
        events: await viewsOf(tenant, page),
        nextBefore: rows.length > limit ? page.at(-1)!.occurredAt.toISOString() : null,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/audit.csv',
      tags: ['Admin'],
      summary: 'Export the audit log as CSV for Danish Excel (administrators); the export is itself recorded',
      ...authenticated,
      request: { query: auditQuerySchema },
      responses: {
        200: {
          content: { 'text/csv': { schema: z.string() } },
          description: 'UTF-8 with BOM, `;`-separated.',
        },
        ...pick(400, 401, 403),
      },
    }),
    async (c) => {
      const { tenant } = requireAdmin(c);
      const locale = c.get('locale');
      const query = c.req.valid('query');
      const events = await viewsOf(tenant, await searchOf(tenant, locale, query, exportLimit));
      const name = (ref: { id: string | null; name: string | null } | null) =>
        ref?.id ? (ref.name ?? deletedPerson[locale]) : '';
      const csv = danishCsv(
        csvHeader[locale],
        events.map((event) => [
          event.occurredAt,
          event.actor.kind === 'user' ? name(event.actor) : actorNames[locale][event.actor.kind],
          event.action,
          event.subjectType,
          event.subjectId,
          name(event.subjectPerson),
          event.purpose,
          Object.entries(event.details)
            .map(([key, value]) => `${key}=${value}`)
            .join(', '),
        ]),
      );
      await audit(c, {
        action: 'audit_log.exported',
        subjectType: 'audit_log',
        subjectId: null,
        subjectPersonId: query.personId ?? null,
        purpose: 'export',
        details: {
          format: 'csv',
          rows: events.length,
          from: query.from ?? null,
          to: query.to ?? null,
          action: query.action ?? null,
        },
      });
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header(
        'Content-Disposition',
        attachment(`revisionslog-${new Date().toISOString().slice(0, 10)}.csv`),
      );
      return c.body(csv, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/lookups',
      tags: ['Me'],
      summary: "When and why others looked up, exported or changed the caller's data",
      ...authenticated,
      responses: { 200: json(myLookupsSchema, 'Newest first, at most 500.'), ...pick(401) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const rows = await tenant.audit.lookupsOf(principal.userId, 500);
      return reply(c, myLookupsSchema, {
        lookups: rows.map((row) => ({
          id: row.id,
          occurredAt: row.occurredAt.toISOString(),
          action: row.action,
          subjectType: row.subjectType,
          purpose: row.purpose as AuditPurpose,
        })),
      });
    },
  );

  return app;
}
