/**
 * @module The people import from upload to answer: read the files, check their rows, plan against the municipality,
 * and show the plan in the reader's language. The route applies it; the plan itself is pure domain code.
 */
import { createHash } from 'node:crypto';
import type { TenantRepositories } from '../db/repositories/index.ts';
import type { SystemRepository } from '../db/repositories/system.ts';
import {
  type ImportIssue,
  type ImportPlan,
  type ImportSheet,
  isEmptyPlan,
  planImport,
  readUnitSheet,
  readUserSheet,
  type SheetRecords,
  type UnitRecord,
  type UserRecord,
} from '../domain/people-import.ts';
import type { Locale } from '../domain/text.ts';
import type { ImportResult } from './contracts/people-admin.ts';
import { type ImportFormat, readImportFile } from './import-file.ts';
import { importIssueMessage } from './import-messages.ts';

/** The largest upload the import routes take, both files together; every other route keeps the 64 KiB JSON limit. */
export const importMaxBytes = 5 * 1024 * 1024;

/** The most entries of each list a dry run answers with; the counts are always complete. */
export const importListLimit = 500;

export interface ReadFiles {
  units?: SheetRecords<UnitRecord>;
  users?: SheetRecords<UserRecord>;
  issues: ImportIssue[];
  formats: ImportFormat[];
}

/** Problems that leave nothing to plan from: the file's rows say nothing about what is missing from it. */
const unusable = new Set([
  'unreadable_file',
  'xls_not_supported',
  'csv_syntax',
  'empty_file',
  'missing_column',
  'too_many_rows',
]);

/** Reads and checks each uploaded file, row by row; a file that cannot be used is left out of the plan. */
export async function readFiles(files: Partial<Record<ImportSheet, Blob>>): Promise<ReadFiles> {
  const result: ReadFiles = { issues: [], formats: [] };
  for (const sheet of ['units', 'users'] as const) {
    const file = files[sheet];
    if (!file) continue;
    const read = await readImportFile(new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) {
      result.issues.push({
        sheet,
        row: null,
        column: null,
        code: read.reason,
        ...(read.reason === 'csv_syntax' ? { values: { line: read.line } } : {}),
      });
      continue;
    }
    result.formats.push(read.format);
    const records = sheet === 'units' ? readUnitSheet(read.sheet) : readUserSheet(read.sheet);
    result.issues.push(...records.issues);
    if (records.issues.some((issue) => unusable.has(issue.code))) continue;
    if (sheet === 'units') result.units = records as SheetRecords<UnitRecord>;
    else result.users = records as SheetRecords<UserRecord>;
  }
  return result;
}

export interface PreparedImport {
  plan: ImportPlan;
  /** The files' problems and the plan's, in file and row order. */
  issues: ImportIssue[];
  /** Identifies what the plan does, so an apply can check it is still the plan the administrator saw. */
  fingerprint: string;
}

/**
 * The files' e-mails that other municipalities' people log in with. Asked before a transaction starts: on the
 * embedded database a query outside an open transaction would wait for it to end.
 */
export async function emailsTakenElsewhere(
  system: SystemRepository,
  municipalityId: string,
  files: ReadFiles,
): Promise<Set<string>> {
  if (!files.users) return new Set();
  return system.emailsUsedElsewhere(
    municipalityId,
    files.users.records.map((record) => record.email),
  );
}

/** Plans the files against the municipality as it is now (pass a transaction's repositories to apply the plan). */
export async function prepareImport(
  tenant: TenantRepositories,
  files: ReadFiles,
  options: { deactivateMissing: boolean; emailsElsewhere: ReadonlySet<string> },
): Promise<PreparedImport> {
  const { deactivateMissing, emailsElsewhere } = options;
  const existing = await tenant.peopleImport.snapshot();
  const plan = planImport({
    ...(files.units ? { units: files.units.records } : {}),
    ...(files.users ? { users: files.users.records } : {}),
    existingUnits: existing.units,
    existingUsers: existing.users,
    emailsElsewhere,
    deactivateMissing,
    listedExternalIds: {
      ...(files.units ? { units: files.units.externalIds } : {}),
      ...(files.users ? { users: files.users.externalIds } : {}),
    },
    headers: {
      ...(files.units ? { units: files.units.headers } : {}),
      ...(files.users ? { users: files.users.headers } : {}),
    },
  });
  const issues = [...files.issues, ...plan.issues].sort(
    (a, b) =>
      (a.sheet === b.sheet ? 0 : a.sheet === 'units' ? -1 : 1) ||
      (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER),
  );
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ units: plan.units, users: plan.users }))
    .digest('hex')
    .slice(0, 32);
  return { plan, issues, fingerprint };
}

/** Counts only, for the audit log: never who was created, changed or deactivated. */
export function importCounts(prepared: PreparedImport) {
  const { units, users } = prepared.plan;
  return {
    unitsCreated: units.create.length,
    unitsChanged: units.change.length,
    unitsDeactivated: units.deactivate.length,
    usersCreated: users.create.length,
    usersChanged: users.change.length,
    usersDeactivated: users.deactivate.length,
    issues: prepared.issues.length,
  };
}

/** What the dry run shows: the plan's lists with units and people by name, and every problem explained. */
export function importResultView(locale: Locale, prepared: PreparedImport): ImportResult {
  const { plan, issues } = prepared;
  const first = <T>(items: readonly T[]) => items.slice(0, importListLimit);
  return {
    counts: importCounts(prepared),
    nothingToChange: issues.length === 0 && isEmptyPlan(plan),
    canApply: issues.length === 0,
    fingerprint: prepared.fingerprint,
    listLimit: importListLimit,
    units: {
      create: first(plan.units.create).map((unit) => ({
        row: unit.row,
        externalId: unit.externalId,
        name: unit.name,
        parent: unit.parentName,
        leaders: unit.leaderNames,
      })),
      change: first(plan.units.change).map((unit) => ({
        row: unit.row,
        externalId: unit.externalId,
        name: unit.name,
        changes: unit.changes,
      })),
      deactivate: first(plan.units.deactivate).map(({ externalId, name }) => ({ externalId, name })),
    },
    users: {
      create: first(plan.users.create).map((user) => ({
        row: user.row,
        externalId: user.externalId,
        name: user.name,
        email: user.email,
        title: user.title,
        unit: user.unitName,
        roles: user.roles,
      })),
      change: first(plan.users.change).map((user) => ({
        row: user.row,
        externalId: user.externalId,
        name: user.name,
        changes: user.changes,
      })),
      deactivate: first(plan.users.deactivate).map(({ externalId, name }) => ({ externalId, name })),
    },
    issues: first(issues).map((issue) => ({
      file: issue.sheet,
      row: issue.row,
      column: issue.column,
      code: issue.code,
      message: importIssueMessage(locale, issue.code, issue.values),
    })),
  };
}
