/**
 * @module The people import (administrators): a dry run that shows what a file would create, change and deactivate,
 * with every bad row explained, and applying it in one transaction. Both are in the audit log, with counts only.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { takenFieldOf } from '../../db/repositories/people.ts';
import type { SystemRepository } from '../../db/repositories/system.ts';
import { audit } from '../audit.ts';
import {
  type ImportUpload,
  importAppliedSchema,
  importResultSchema,
  importUploadSchema,
} from '../contracts/people-admin.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';
import { authenticated, json, pick, reply } from '../http/openapi.ts';
import { fieldMessage } from '../messages.ts';
import {
  emailsTakenElsewhere,
  importCounts,
  importResultView,
  prepareImport,
  readFiles,
} from '../people-import.ts';
import { requireAdmin } from './people-admin.ts';

/** The routes that take a file upload: the app gives them their own body limit. */
export const importPaths = ['/api/admin/people-import/dry-run', '/api/admin/people-import/apply'];

const upload = {
  body: {
    content: { 'multipart/form-data': { schema: importUploadSchema } },
    required: true,
  },
};

/**
 * The upload, read and checked row by row, with the e-mails other municipalities use (asked before any transaction:
 * on the embedded database a query outside an open transaction would wait for it). At least one file is needed.
 */
async function uploadOf(c: Context<AppEnv>, system: SystemRepository, form: ImportUpload) {
  const { tenant } = requireAdmin(c);
  if (!form.units && !form.users) {
    const message = fieldMessage(c.get('locale'), 'import_file_required');
    throw new ApiError(400, 'validation_failed', { fields: { units: message, users: message } });
  }
  const files = await readFiles({
    ...(form.units ? { units: form.units } : {}),
    ...(form.users ? { users: form.users } : {}),
  });
  return {
    tenant,
    files,
    options: {
      deactivateMissing: form.deactivateMissing === 'true',
      emailsElsewhere: await emailsTakenElsewhere(system, tenant.municipalityId, files),
    },
  };
}

/** The innermost database error's code and message, without the statement, its parameters or the row's values. */
function databaseReason(error: unknown): string {
  let reason = 'unknown error';
  for (let current = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined; current; ) {
    if (typeof current.code === 'string') reason = `${current.code} ${String(current.message ?? '')}`;
    current = current.cause as typeof current;
  }
  return reason;
}

export function peopleImportRoutes(system: SystemRepository) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/people-import/dry-run',
      tags: ['Admin'],
      summary:
        'Dry run of an import of units and people (CSV or XLSX, docs/import.md): what would be created, changed and deactivated, and every bad row (administrators)',
      ...authenticated,
      request: upload,
      responses: {
        200: json(importResultSchema, 'The plan; nothing is changed.'),
        ...pick(400, 401, 403, 415),
      },
    }),
    async (c) => {
      const { tenant, files, options } = await uploadOf(c, system, c.req.valid('form'));
      const prepared = await prepareImport(tenant, files, options);
      await audit(c, {
        action: 'import.people_dry_run',
        subjectType: 'people_import',
        subjectId: null,
        subjectPersonId: null,
        purpose: 'administration',
        details: {
          ...importCounts(prepared),
          formats: files.formats.join(','),
          deactivateMissing: options.deactivateMissing,
        },
      });
      return reply(c, importResultSchema, importResultView(c.get('locale'), prepared));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/people-import/apply',
      tags: ['Admin'],
      summary:
        'Apply an import of units and people in one transaction (administrators). Refused as a whole if any row is bad; applying the same file again changes nothing',
      ...authenticated,
      request: upload,
      responses: {
        200: json(importAppliedSchema, 'Applied.'),
        ...pick(400, 401, 403, 409, 415, 422),
      },
    }),
    async (c) => {
      const form = c.req.valid('form');
      const { tenant, files, options } = await uploadOf(c, system, form);
      // Planned again inside the transaction, so what is applied matches the data as it is at that moment.
      const counts = await tenant
        .transaction(async (inTransaction, tx) => {
          const prepared = await prepareImport(inTransaction, files, options);
          if (prepared.issues.length > 0) throw new ApiError(422, 'import_has_errors');
          if (form.expectedPlan && form.expectedPlan !== prepared.fingerprint) {
            throw new ApiError(409, 'import_outdated');
          }
          const applied = await inTransaction.peopleImport.apply(prepared.plan);
          await audit(
            c,
            {
              action: 'import.people_applied',
              subjectType: 'people_import',
              subjectId: null,
              subjectPersonId: null,
              purpose: 'administration',
              details: {
                ...applied,
                formats: files.formats.join(','),
                deactivateMissing: options.deactivateMissing,
              },
            },
            { tx },
          );
          return applied;
        })
        .catch((error: unknown) => {
          if (error instanceof ApiError) throw error;
          // Someone took an e-mail or external id between the plan and the insert: the plan is out of date.
          if (takenFieldOf(error)) throw new ApiError(409, 'import_outdated');
          // The driver's error carries the statement and its parameters — every name and e-mail of the file. The log
          // gets what the database said, not what it was sent.
          throw new Error(`people import failed: ${databaseReason(error)}`);
        });
      const { sessionsEnded: _, ...changes } = counts;
      return reply(c, importAppliedSchema, {
        counts,
        nothingChanged: Object.values(changes).every((count) => count === 0),
      });
    },
  );

  return app;
}
