/**
 * @module Importing units and people from an HR or organisation system's file: the fixed columns, the checks of each
 * row, and the plan of what to create, change and deactivate. Pure: the server reads the file and applies the plan.
 */
import { z } from 'zod';
import { containsCprNumber } from './cpr.ts';
import { type GrantedRole, normalisedRoles, peopleLimits } from './people-admin.ts';

export const importSheets = ['units', 'users'] as const;
export type ImportSheet = (typeof importSheets)[number];

interface ColumnSpec {
  key: string;
  /** Accepted headers after normalising (see {@link normaliseHeader}): the Danish name first, then English. */
  names: readonly string[];
  required: boolean;
}

/** The documented columns (docs/import.md). Optional columns left out of a file leave that field as it is. */
export const importColumns = {
  units: [
    { key: 'externalId', names: ['eksternt_id', 'external_id'], required: true },
    { key: 'name', names: ['navn', 'name'], required: true },
    { key: 'parentExternalId', names: ['overordnet_id', 'parent_id'], required: false },
    { key: 'leaderExternalIds', names: ['ledere', 'leaders'], required: false },
  ],
  users: [
    { key: 'externalId', names: ['eksternt_id', 'external_id'], required: true },
    { key: 'name', names: ['navn', 'name'], required: true },
    { key: 'email', names: ['email', 'e_mail'], required: true },
    { key: 'title', names: ['titel', 'title'], required: false },
    { key: 'unitExternalId', names: ['enhed_id', 'unit_id'], required: false },
    { key: 'roles', names: ['roller', 'roles'], required: false },
    { key: 'active', names: ['aktiv', 'active'], required: false },
  ],
} as const satisfies Record<ImportSheet, readonly ColumnSpec[]>;

/** More rows than any municipality has staff; a bigger file is a mistake, not an organisation. */
export const maxImportRows = 20_000;

export const importIssueCodes = [
  'unreadable_file',
  'xls_not_supported',
  'csv_syntax',
  'empty_file',
  'too_many_rows',
  'missing_column',
  'unknown_column',
  'duplicate_column',
  'too_many_cells',
  'cpr_number',
  'required',
  'too_long',
  'invalid_email',
  'unknown_role',
  'admin_role_not_imported',
  'invalid_active',
  'duplicate_external_id',
  'duplicate_email',
  'email_taken',
  'unknown_unit',
  'unit_inactive',
  'unit_cycle',
  'unknown_person',
  'leader_inactive',
  'admin_not_deactivated',
  'unit_still_in_use',
] as const;
export type ImportIssueCode = (typeof importIssueCodes)[number];

/**
 * One problem, named by file, row (as a spreadsheet numbers it: the header is row 1) and column. `values` fill in the
 * message; they never hold a cell of a row refused for a CPR number.
 */
export interface ImportIssue {
  sheet: ImportSheet;
  /** Null for a problem with the whole file or with something not in it. */
  row: number | null;
  /** The column's header as written in the file, or the documented name of a missing column. */
  column: string | null;
  code: ImportIssueCode;
  values?: Record<string, string | number>;
}

export interface RawRow {
  row: number;
  cells: readonly string[];
}

/** A table as read from a CSV file or a worksheet: the header and the rows below it, every cell as text. */
export interface RawSheet {
  header: readonly string[];
  rows: readonly RawRow[];
}

/** `E-mail ` → `e_mail`: case, surrounding space, a byte-order mark, spaces and hyphens do not matter. */
export const normaliseHeader = (header: string): string =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * The delimiter of a CSV file from its first line: `;` (Danish Excel) or `,`, whichever occurs more often outside
 * quotes. A header of one column has neither; `;` is then as good as `,`.
 */
export function detectDelimiter(firstLine: string): ';' | ',' {
  let inQuotes = false;
  let semicolons = 0;
  let commas = 0;
  for (const character of firstLine) {
    if (character === '"') inQuotes = !inQuotes;
    else if (!inQuotes && character === ';') semicolons += 1;
    else if (!inQuotes && character === ',') commas += 1;
  }
  return commas > semicolons ? ',' : ';';
}

const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();
const emailSchema = z.email();

const activeWords = new Map<string, boolean>([
  ['', true],
  ['ja', true],
  ['j', true],
  ['yes', true],
  ['y', true],
  ['1', true],
  ['true', true],
  ['sand', true],
  ['aktiv', true],
  ['active', true],
  ['nej', false],
  ['n', false],
  ['no', false],
  ['0', false],
  ['false', false],
  ['falsk', false],
  ['inaktiv', false],
  ['inactive', false],
]);

const roleWords = new Map<string, GrantedRole>([
  ['medarbejder', 'employee'],
  ['employee', 'employee'],
  ['hr', 'hr'],
]);

export interface UnitRecord {
  row: number;
  externalId: string;
  name: string;
  /** Undefined when the file has no such column: the parent is then left as it is. Null: at the top. */
  parentExternalId?: string | null;
  /** Undefined when the file has no such column: the leaders are then left as they are. */
  leaderExternalIds?: string[];
}

export interface UserRecord {
  row: number;
  externalId: string;
  name: string;
  /** Lower-case. */
  email: string;
  title?: string | null;
  unitExternalId?: string | null;
  roles?: GrantedRole[];
  active: boolean;
}

interface Columns {
  /** Column key → index in the row. */
  index: Map<string, number>;
  /** Index → the header as written, for messages. */
  headers: readonly string[];
}

function mapColumns(sheet: ImportSheet, header: readonly string[], issues: ImportIssue[]): Columns | null {
  const specs: readonly ColumnSpec[] = importColumns[sheet];
  const index = new Map<string, number>();
  header.forEach((text, position) => {
    const name = normaliseHeader(text);
    if (name === '') return;
    const spec = specs.find((candidate) => candidate.names.includes(name));
    const column = text.trim();
    if (!spec) issues.push({ sheet, row: 1, column, code: 'unknown_column' });
    else if (index.has(spec.key)) issues.push({ sheet, row: 1, column, code: 'duplicate_column' });
    else index.set(spec.key, position);
  });
  const missing = specs.filter((spec) => spec.required && !index.has(spec.key));
  for (const spec of missing) {
    issues.push({ sheet, row: 1, column: spec.names[0]!, code: 'missing_column' });
  }
  return missing.length > 0 ? null : { index, headers: header.map((text) => text.trim()) };
}

/** One row's cells by column key, and the checks every kind of row shares. */
class RowReader {
  readonly issues: ImportIssue[] = [];
  constructor(
    readonly sheet: ImportSheet,
    readonly columns: Columns,
    readonly raw: RawRow,
  ) {}

  has(key: string): boolean {
    return this.columns.index.has(key);
  }

  header(key: string): string {
    return this.columns.headers[this.columns.index.get(key)!] ?? key;
  }

  cell(key: string): string {
    const position = this.columns.index.get(key);
    return position === undefined ? '' : collapse(this.raw.cells[position] ?? '');
  }

  problem(key: string | null, code: ImportIssueCode, values?: Record<string, string | number>): void {
    this.issues.push({
      sheet: this.sheet,
      row: this.raw.row,
      column: key === null ? null : this.header(key),
      code,
      ...(values ? { values } : {}),
    });
  }

  text(key: string, maximum: number, required: boolean): string {
    const value = this.cell(key);
    if (required && value === '') this.problem(key, 'required');
    else if (value.length > maximum) this.problem(key, 'too_long', { maximum });
    return value;
  }

  /** A column that may be left out of the file (undefined) or left empty in a row (null). */
  optional(key: string, maximum: number): string | null | undefined {
    if (!this.has(key)) return undefined;
    const value = this.text(key, maximum, false);
    return value === '' ? null : value;
  }
}

/** A file's rows as records, the problems found, and each column's header as the file writes it. */
export interface SheetRecords<T> {
  records: T[];
  issues: ImportIssue[];
  headers: Record<string, string>;
  /** Every external id the file names, rows with problems included: none of them is "missing from the file". */
  externalIds: Set<string>;
}

/**
 * The rows a file's table holds, checked one by one. A row with a CPR number in any cell is refused as a whole and
 * nothing else is said about it, so that no message repeats any of its content; empty rows are skipped.
 */
function readRows<T extends { row: number; externalId: string }>(
  sheet: ImportSheet,
  table: RawSheet,
  read: (row: RowReader) => T,
): SheetRecords<T> {
  const issues: ImportIssue[] = [];
  if (table.header.every((cell) => cell.trim() === '')) {
    issues.push({ sheet, row: null, column: null, code: 'empty_file' });
    return { records: [], issues, headers: {}, externalIds: new Set() };
  }
  const columns = mapColumns(sheet, table.header, issues);
  if (!columns) return { records: [], issues, headers: {}, externalIds: new Set() };
  const headers = Object.fromEntries(
    [...columns.index].map(([key, position]) => [key, columns.headers[position] ?? key]),
  );
  const rows = table.rows.filter((raw) => raw.cells.some((cell) => cell.trim() !== ''));
  if (rows.length > maxImportRows) {
    issues.push({
      sheet,
      row: null,
      column: null,
      code: 'too_many_rows',
      values: { maximum: maxImportRows },
    });
    return { records: [], issues, headers, externalIds: new Set() };
  }
  const records: T[] = [];
  const externalIds = new Set<string>();
  const externalIdColumn = columns.index.get('externalId')!;
  const firstRowOf = new Map<string, number>();
  for (const raw of rows) {
    const externalId = collapse(raw.cells[externalIdColumn] ?? '');
    if (externalId !== '' && !containsCprNumber(externalId)) externalIds.add(externalId);
    const withCpr = raw.cells.findIndex((cell) => containsCprNumber(cell));
    if (withCpr >= 0) {
      const column = columns.headers[withCpr] || `#${withCpr + 1}`;
      issues.push({ sheet, row: raw.row, column, code: 'cpr_number' });
      continue;
    }
    const reader = new RowReader(sheet, columns, raw);
    // Trailing empty cells are how some programs end a line; a filled one means a value spilled over a delimiter.
    if (raw.cells.slice(table.header.length).some((cell) => cell.trim() !== '')) {
      reader.problem(null, 'too_many_cells', { expected: table.header.length, found: raw.cells.length });
    }
    const record = read(reader);
    const first = firstRowOf.get(record.externalId);
    if (record.externalId && first !== undefined) {
      reader.problem('externalId', 'duplicate_external_id', { row: first });
    } else if (record.externalId) firstRowOf.set(record.externalId, raw.row);
    issues.push(...reader.issues);
    if (reader.issues.length === 0) records.push(record);
  }
  return { records, issues, headers, externalIds };
}

/** Several external ids in one cell, separated by `|`, `,` or `;` (the last two inside quotes in a CSV file). */
const idList = (value: string): string[] =>
  value
    .split(/[|,;\n]/)
    .map((id) => id.trim())
    .filter((id) => id !== '');

export function readUnitSheet(table: RawSheet): SheetRecords<UnitRecord> {
  return readRows('units', table, (row) => {
    const record: UnitRecord = {
      row: row.raw.row,
      externalId: row.text('externalId', peopleLimits.externalId, true),
      name: row.text('name', peopleLimits.unitName, true),
    };
    const parent = row.optional('parentExternalId', peopleLimits.externalId);
    if (parent !== undefined) record.parentExternalId = parent;
    if (row.has('leaderExternalIds')) {
      record.leaderExternalIds = [...new Set(idList(row.cell('leaderExternalIds')))];
    }
    return record;
  });
}

export function readUserSheet(table: RawSheet): SheetRecords<UserRecord> {
  const firstRowOfEmail = new Map<string, number>();
  return readRows('users', table, (row) => {
    const email = row.text('email', peopleLimits.email, true).toLowerCase();
    if (email !== '' && !emailSchema.safeParse(email).success) row.problem('email', 'invalid_email');
    else if (email !== '') {
      const first = firstRowOfEmail.get(email);
      if (first !== undefined) row.problem('email', 'duplicate_email', { row: first });
      else firstRowOfEmail.set(email, row.raw.row);
    }
    const record: UserRecord = {
      row: row.raw.row,
      externalId: row.text('externalId', peopleLimits.externalId, true),
      name: row.text('name', peopleLimits.name, true),
      email,
      active: true,
    };
    const title = row.optional('title', peopleLimits.title);
    if (title !== undefined) record.title = title;
    const unit = row.optional('unitExternalId', peopleLimits.externalId);
    if (unit !== undefined) record.unitExternalId = unit;
    if (row.has('roles')) {
      const words = row
        .cell('roles')
        .toLowerCase()
        .split(/[\s,;|+]+/)
        .filter((word) => word !== '');
      const roles: GrantedRole[] = [];
      for (const word of words) {
        const role = roleWords.get(word);
        if (role) roles.push(role);
        else if (word === 'admin' || word === 'administrator')
          row.problem('roles', 'admin_role_not_imported');
        else row.problem('roles', 'unknown_role', { value: word });
      }
      record.roles = normalisedRoles(roles.length > 0 ? roles : ['employee']);
    }
    if (row.has('active')) {
      const word = row.cell('active').toLowerCase();
      const active = activeWords.get(word);
      if (active === undefined) row.problem('active', 'invalid_active', { value: word });
      else record.active = active;
    }
    return record;
  });
}

// ——— The plan ———

export interface ExistingUnit {
  id: string;
  externalId: string | null;
  name: string;
  parentId: string | null;
  active: boolean;
  leaderIds: readonly string[];
}

export interface ExistingUser {
  id: string;
  externalId: string | null;
  name: string;
  email: string;
  title: string | null;
  unitId: string | null;
  roles: readonly string[];
  active: boolean;
}

export interface ImportInput {
  /** Undefined when no units file was given: units are then left as they are. */
  units?: readonly UnitRecord[];
  users?: readonly UserRecord[];
  existingUnits: readonly ExistingUnit[];
  existingUsers: readonly ExistingUser[];
  /** Lower-case e-mails that people of other municipalities log in with (logins are unique everywhere). */
  emailsElsewhere: ReadonlySet<string>;
  /** Deactivate the units and people with an external id that the given files leave out. */
  deactivateMissing: boolean;
  /**
   * Every external id each file names, rows with problems included. A unit or person named by a refused row is
   * neither deactivated as missing nor reported again where another row refers to it.
   */
  listedExternalIds?: Partial<Record<ImportSheet, ReadonlySet<string>>>;
  /** Column key → the header as written in each file, so messages name columns as the file does. */
  headers?: Partial<Record<ImportSheet, Record<string, string>>>;
}

/** A unit or person the plan refers to: one that exists, or one the same import creates. */
export type Ref = { kind: 'existing'; id: string } | { kind: 'new'; externalId: string };

export type FieldValue = string | boolean | string[] | null;
/** What changes, for the dry run to show: units and people by name, roles by code. */
export interface FieldChange {
  field: 'externalId' | 'name' | 'parent' | 'leaders' | 'active' | 'email' | 'title' | 'unit' | 'roles';
  from: FieldValue;
  to: FieldValue;
}

export interface PlannedUnit {
  row: number;
  /** Null for a unit to create. */
  id: string | null;
  externalId: string;
  name: string;
  parent: Ref | null;
  /** Undefined: the leaders stay as they are. */
  leaders?: Ref[];
  /** For the dry run: the parent's and the leaders' names after the import. */
  parentName: string | null;
  leaderNames: string[];
  changes: FieldChange[];
}

export interface PlannedUser {
  row: number;
  id: string | null;
  externalId: string;
  name: string;
  email: string;
  title: string | null;
  unit: Ref | null;
  roles: GrantedRole[];
  active: boolean;
  /** For the dry run: the unit's name after the import. */
  unitName: string | null;
  changes: FieldChange[];
}

export interface Deactivation {
  id: string;
  externalId: string;
  name: string;
}

export interface ImportPlan {
  units: { create: PlannedUnit[]; change: PlannedUnit[]; deactivate: Deactivation[] };
  users: { create: PlannedUser[]; change: PlannedUser[]; deactivate: Deactivation[] };
  issues: ImportIssue[];
}

export const isEmptyPlan = (plan: Pick<ImportPlan, 'units' | 'users'>): boolean =>
  [plan.units, plan.users].every(
    (part) => part.create.length === 0 && part.change.length === 0 && part.deactivate.length === 0,
  );

const keyOf = (ref: Ref): string => (ref.kind === 'existing' ? ref.id : `new:${ref.externalId}`);
const sameList = (a: readonly string[], b: readonly string[]) =>
  [...a].sort().join() === [...b].sort().join();

/** The documented (Danish) name of a column, for a message about a column the file may have named otherwise. */
const documentedName = (sheet: ImportSheet, key: string): string =>
  (importColumns[sheet] as readonly ColumnSpec[]).find((spec) => spec.key === key)?.names[0] ?? key;

/**
 * What importing the records would do to the municipality's units and people. Units and people are matched by
 * external id; one made in Vejviser without an external id is taken over by a row with its e-mail (people) or, when
 * the name is unique, its name (units). Every row that cannot be applied is an issue; the plan can only be applied
 * when there are none.
 */
export function planImport(input: ImportInput): ImportPlan {
  const issues: ImportIssue[] = [];
  const badRows = new Set<string>();
  const problem = (
    sheet: ImportSheet,
    row: number | null,
    key: string | null,
    code: ImportIssueCode,
    values?: Record<string, string | number>,
  ) => {
    const column = key === null ? null : (input.headers?.[sheet]?.[key] ?? documentedName(sheet, key));
    issues.push({ sheet, row, column, code, ...(values ? { values } : {}) });
    badRows.add(`${sheet}:${row}`);
  };
  const isBad = (sheet: ImportSheet, row: number) => badRows.has(`${sheet}:${row}`);
  /** A reference to a row refused already: the row is left out of the plan without a second message. */
  const refusedElsewhere = (from: ImportSheet, row: number, to: ImportSheet, externalId: string) => {
    if (!input.listedExternalIds?.[to]?.has(externalId)) return false;
    badRows.add(`${from}:${row}`);
    return true;
  };

  // ——— Units: who is who ———
  const existingUnitById = new Map(input.existingUnits.map((unit) => [unit.id, unit]));
  const existingUnitByExternalId = new Map(
    input.existingUnits.filter((unit) => unit.externalId).map((unit) => [unit.externalId!, unit]),
  );
  const unitsWithoutKeyByName = new Map<string, ExistingUnit[]>();
  for (const unit of input.existingUnits.filter((candidate) => !candidate.externalId)) {
    unitsWithoutKeyByName.set(unit.name, [...(unitsWithoutKeyByName.get(unit.name) ?? []), unit]);
  }
  const unitMatch = new Map<UnitRecord, ExistingUnit | undefined>();
  const adoptedUnits = new Set<string>();
  for (const record of input.units ?? []) {
    let match = existingUnitByExternalId.get(record.externalId);
    const sameName = unitsWithoutKeyByName.get(record.name) ?? [];
    if (!match && sameName.length === 1 && !adoptedUnits.has(sameName[0]!.id)) {
      match = sameName[0]!;
      adoptedUnits.add(match.id);
    }
    unitMatch.set(record, match);
  }
  const unitRecordByExternalId = new Map((input.units ?? []).map((record) => [record.externalId, record]));
  const unitRef = (externalId: string): Ref | undefined => {
    const record = unitRecordByExternalId.get(externalId);
    if (record) {
      const match = unitMatch.get(record);
      return match ? { kind: 'existing', id: match.id } : { kind: 'new', externalId };
    }
    const existing = existingUnitByExternalId.get(externalId);
    return existing ? { kind: 'existing', id: existing.id } : undefined;
  };
  /** A unit's name after the import: a renamed unit is shown by its new name. */
  const unitNameOf = (ref: Ref | null): string | null => {
    if (ref === null) return null;
    if (ref.kind === 'new') return unitRecordByExternalId.get(ref.externalId)?.name ?? ref.externalId;
    const existing = existingUnitById.get(ref.id)!;
    const record = existing.externalId ? unitRecordByExternalId.get(existing.externalId) : undefined;
    return record && unitMatch.get(record) === existing ? record.name : existing.name;
  };

  // The tree after the import, by key (an id, or `new:` and the external id), to find loops and inactive parents.
  const finalUnits = new Map<string, { parent: string | null; active: boolean }>();
  for (const unit of input.existingUnits)
    finalUnits.set(unit.id, { parent: unit.parentId, active: unit.active });
  const unitParents = new Map<UnitRecord, Ref | null>();
  for (const record of input.units ?? []) {
    const match = unitMatch.get(record);
    let parent: Ref | null = match?.parentId ? { kind: 'existing', id: match.parentId } : null;
    if (record.parentExternalId === null) parent = null;
    else if (record.parentExternalId !== undefined) {
      const ref = unitRef(record.parentExternalId);
      if (!ref) {
        if (!refusedElsewhere('units', record.row, 'units', record.parentExternalId))
          problem('units', record.row, 'parentExternalId', 'unknown_unit', {
            value: record.parentExternalId,
          });
        continue;
      }
      parent = ref;
    }
    unitParents.set(record, parent);
    finalUnits.set(match ? match.id : `new:${record.externalId}`, {
      parent: parent ? keyOf(parent) : null,
      active: true,
    });
  }
  const listedUnitIds = new Set([...unitMatch.values()].flatMap((unit) => (unit ? [unit.id] : [])));
  const unitDeactivations =
    input.units && input.deactivateMissing
      ? input.existingUnits.filter(
          (unit) =>
            unit.externalId &&
            unit.active &&
            !listedUnitIds.has(unit.id) &&
            !input.listedExternalIds?.units?.has(unit.externalId),
        )
      : [];
  for (const unit of unitDeactivations) finalUnits.get(unit.id)!.active = false;

  for (const [record, parent] of unitParents) {
    const key = unitMatch.get(record)?.id ?? `new:${record.externalId}`;
    // Walk up from the unit: meeting it again means it would sit below itself.
    const seen = new Set<string>();
    let cycle = false;
    let current = finalUnits.get(key)?.parent ?? null;
    while (current !== null && !seen.has(current)) {
      if (current === key) {
        cycle = true;
        break;
      }
      seen.add(current);
      current = finalUnits.get(current)?.parent ?? null;
    }
    if (cycle) problem('units', record.row, 'parentExternalId', 'unit_cycle');
    else if (parent && finalUnits.get(keyOf(parent))?.active === false)
      problem('units', record.row, 'parentExternalId', 'unit_inactive', {
        value: record.parentExternalId ?? '',
      });
  }

  // ——— People ———
  const existingUserById = new Map(input.existingUsers.map((user) => [user.id, user]));
  const existingUserByExternalId = new Map(
    input.existingUsers.filter((user) => user.externalId).map((user) => [user.externalId!, user]),
  );
  const existingUserByEmail = new Map(input.existingUsers.map((user) => [user.email.toLowerCase(), user]));
  const userMatch = new Map<UserRecord, ExistingUser | undefined>();
  for (const record of input.users ?? []) {
    const byEmail = existingUserByEmail.get(record.email);
    const match =
      existingUserByExternalId.get(record.externalId) ??
      (byEmail && !byEmail.externalId ? byEmail : undefined);
    userMatch.set(record, match);
  }
  const userRecordByExternalId = new Map((input.users ?? []).map((record) => [record.externalId, record]));
  const finalUserActive = new Map(input.existingUsers.map((user) => [user.id, user.active]));
  const finalUserUnit = new Map(input.existingUsers.map((user) => [user.id, user.unitId]));
  const plannedUsers: PlannedUser[] = [];

  for (const record of input.users ?? []) {
    const match = userMatch.get(record);
    // A former employee Vejviser never knew: nobody to deactivate, and no reason to create them.
    if (!match && !record.active) continue;
    const holder = existingUserByEmail.get(record.email);
    if (input.emailsElsewhere.has(record.email) || (holder && holder !== match)) {
      problem('users', record.row, 'email', 'email_taken');
    }
    let unit: Ref | null = match?.unitId ? { kind: 'existing', id: match.unitId } : null;
    if (record.unitExternalId === null) unit = null;
    else if (record.unitExternalId !== undefined) {
      const ref = unitRef(record.unitExternalId);
      if (!ref) {
        if (!refusedElsewhere('users', record.row, 'units', record.unitExternalId)) {
          problem('users', record.row, 'unitExternalId', 'unknown_unit', { value: record.unitExternalId });
        }
      } else if (record.active && finalUnits.get(keyOf(ref))?.active === false) {
        problem('users', record.row, 'unitExternalId', 'unit_inactive', { value: record.unitExternalId });
      } else unit = ref;
    }
    const isAdmin = match?.roles.includes('admin') ?? false;
    if (isAdmin && !record.active) problem('users', record.row, 'active', 'admin_not_deactivated');
    if (isBad('users', record.row)) continue;
    const key = match?.id ?? `new:${record.externalId}`;
    finalUserActive.set(key, record.active);
    finalUserUnit.set(key, unit ? keyOf(unit) : null);
    plannedUsers.push({
      row: record.row,
      id: match?.id ?? null,
      externalId: record.externalId,
      name: record.name,
      email: record.email,
      title: record.title === undefined ? (match?.title ?? null) : record.title,
      unit,
      // The import never grants or takes away the administrator role: that is done in Vejviser.
      roles: record.roles
        ? normalisedRoles([...record.roles, ...(isAdmin ? ['admin'] : [])])
        : normalisedRoles(match?.roles ?? ['employee']),
      active: record.active,
      unitName: null,
      changes: [],
    });
  }
  const listedUserIds = new Set([...userMatch.values()].flatMap((user) => (user ? [user.id] : [])));
  const userDeactivations =
    input.users && input.deactivateMissing
      ? input.existingUsers.filter(
          (user) =>
            user.externalId &&
            user.active &&
            !listedUserIds.has(user.id) &&
            !input.listedExternalIds?.users?.has(user.externalId) &&
            !user.roles.includes('admin'),
        )
      : [];
  for (const user of userDeactivations) finalUserActive.set(user.id, false);

  const userRef = (externalId: string): Ref | undefined => {
    const record = userRecordByExternalId.get(externalId);
    if (record) {
      const match = userMatch.get(record);
      return match ? { kind: 'existing', id: match.id } : { kind: 'new', externalId };
    }
    const existing = existingUserByExternalId.get(externalId);
    return existing ? { kind: 'existing', id: existing.id } : undefined;
  };
  const userNameOf = (ref: Ref): string => {
    if (ref.kind === 'new') return userRecordByExternalId.get(ref.externalId)?.name ?? ref.externalId;
    const existing = existingUserById.get(ref.id)!;
    const record = existing.externalId ? userRecordByExternalId.get(existing.externalId) : undefined;
    return record && userMatch.get(record) === existing ? record.name : existing.name;
  };

  // ——— Units, now that the people are known: their leaders ———
  const plannedUnits: PlannedUnit[] = [];
  for (const [record, parent] of unitParents) {
    let leaders: Ref[] | undefined;
    if (record.leaderExternalIds) {
      leaders = [];
      for (const externalId of record.leaderExternalIds) {
        const ref = userRef(externalId);
        if (!ref) {
          if (!refusedElsewhere('units', record.row, 'users', externalId))
            problem('units', record.row, 'leaderExternalIds', 'unknown_person', { value: externalId });
        } else if (finalUserActive.get(keyOf(ref)) === false)
          problem('units', record.row, 'leaderExternalIds', 'leader_inactive', { value: externalId });
        else leaders.push(ref);
      }
    }
    if (isBad('units', record.row)) continue;
    plannedUnits.push({
      row: record.row,
      id: unitMatch.get(record)?.id ?? null,
      externalId: record.externalId,
      name: record.name,
      parent,
      ...(leaders ? { leaders } : {}),
      parentName: null,
      leaderNames: [],
      changes: [],
    });
  }
  const unitsWithActiveMembers = new Set(
    [...finalUserActive].flatMap(([key, active]) => (active ? [finalUserUnit.get(key)] : [])),
  );
  const unitsWithActiveChildren = new Set(
    [...finalUnits.values()].flatMap((unit) => (unit.active ? [unit.parent] : [])),
  );
  for (const unit of unitDeactivations) {
    if (unitsWithActiveMembers.has(unit.id) || unitsWithActiveChildren.has(unit.id))
      problem('units', null, null, 'unit_still_in_use', { name: unit.name });
  }

  // ——— What each row changes, for the dry run ———
  for (const planned of plannedUnits) {
    planned.parentName = unitNameOf(planned.parent);
    const existing = planned.id ? existingUnitById.get(planned.id) : undefined;
    planned.leaderNames = (
      planned.leaders ??
      existing?.leaderIds.map((id): Ref => ({ kind: 'existing', id })) ??
      []
    ).map(userNameOf);
    if (!existing) continue;
    const changes: FieldChange[] = [];
    if (existing.externalId !== planned.externalId)
      changes.push({ field: 'externalId', from: existing.externalId, to: planned.externalId });
    if (existing.name !== planned.name)
      changes.push({ field: 'name', from: existing.name, to: planned.name });
    if ((planned.parent ? keyOf(planned.parent) : null) !== existing.parentId) {
      changes.push({
        field: 'parent',
        from: unitNameOf(existing.parentId ? { kind: 'existing', id: existing.parentId } : null),
        to: unitNameOf(planned.parent),
      });
    }
    if (!existing.active) changes.push({ field: 'active', from: false, to: true });
    if (planned.leaders && !sameList(planned.leaders.map(keyOf), existing.leaderIds)) {
      changes.push({
        field: 'leaders',
        from: existing.leaderIds.map((id) => userNameOf({ kind: 'existing', id })),
        to: planned.leaders.map(userNameOf),
      });
    }
    planned.changes = changes;
  }
  for (const planned of plannedUsers) {
    planned.unitName = unitNameOf(planned.unit);
    const existing = planned.id ? existingUserById.get(planned.id) : undefined;
    if (!existing) continue;
    const changes: FieldChange[] = [];
    const compare = (field: FieldChange['field'], from: FieldValue, to: FieldValue) => {
      const differs = Array.isArray(from) && Array.isArray(to) ? !sameList(from, to) : from !== to;
      if (differs) changes.push({ field, from, to });
    };
    compare('externalId', existing.externalId, planned.externalId);
    compare('name', existing.name, planned.name);
    compare('email', existing.email.toLowerCase(), planned.email);
    compare('title', existing.title, planned.title);
    if ((planned.unit ? keyOf(planned.unit) : null) !== existing.unitId) {
      changes.push({
        field: 'unit',
        from: unitNameOf(existing.unitId ? { kind: 'existing', id: existing.unitId } : null),
        to: unitNameOf(planned.unit),
      });
    }
    compare('roles', normalisedRoles(existing.roles), planned.roles);
    compare('active', existing.active, planned.active);
    planned.changes = changes;
  }

  const byRow = <T extends { row: number }>(a: T, b: T) => a.row - b.row;
  const deactivation = (item: { id: string; externalId: string | null; name: string }): Deactivation => ({
    id: item.id,
    externalId: item.externalId ?? '',
    name: item.name,
  });
  return {
    units: {
      create: plannedUnits.filter((unit) => unit.id === null).sort(byRow),
      change: plannedUnits.filter((unit) => unit.id !== null && unit.changes.length > 0).sort(byRow),
      deactivate: unitDeactivations.map(deactivation),
    },
    users: {
      create: plannedUsers.filter((user) => user.id === null).sort(byRow),
      change: plannedUsers.filter((user) => user.id !== null && user.changes.length > 0).sort(byRow),
      deactivate: userDeactivations.map(deactivation),
    },
    issues: issues.sort(
      (a, b) =>
        importSheets.indexOf(a.sheet) - importSheets.indexOf(b.sheet) ||
        (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER),
    ),
  };
}
