import { describe, expect, it } from 'vitest';
import {
  detectDelimiter,
  type ExistingUnit,
  type ExistingUser,
  type ImportInput,
  type ImportPlan,
  isEmptyPlan,
  normaliseHeader,
  planImport,
  type RawSheet,
  readUnitSheet,
  readUserSheet,
  type UnitRecord,
  type UserRecord,
} from './people-import.ts';

const userHeader = ['eksternt_id', 'navn', 'email', 'titel', 'enhed_id', 'roller', 'aktiv'];
const sheet = (header: string[], ...rows: string[][]): RawSheet => ({
  header,
  rows: rows.map((cells, index) => ({ row: index + 2, cells })),
});
const issuesOf = (result: { issues: { row: number | null; column: string | null; code: string }[] }) =>
  result.issues.map(({ row, column, code }) => ({ row, column, code }));

describe('detectDelimiter and normaliseHeader', () => {
  it.each([
    ['eksternt_id;navn;email', ';'],
    ['eksternt_id,navn,email', ','],
    ['"navn; med semikolon",email,titel', ','],
    ['"navn, med komma";email;titel', ';'],
    ['navn', ';'],
  ])('%s → %s', (line, expected) => {
    expect(detectDelimiter(line)).toBe(expected);
  });

  it.each([
    ['\uFEFFeksternt_id', 'eksternt_id'],
    [' E-mail ', 'e_mail'],
    ['Enhed ID', 'enhed_id'],
    ['NAVN', 'navn'],
  ])('%j → %s', (header, expected) => {
    expect(normaliseHeader(header)).toBe(expected);
  });
});

describe('readUserSheet: one row at a time', () => {
  const row = (overrides: Partial<Record<(typeof userHeader)[number], string>> = {}) =>
    userHeader.map(
      (column) =>
        overrides[column] ??
        {
          eksternt_id: 'P-1',
          navn: 'Birthe Hansen',
          email: 'Birthe.Hansen@Kommune.dk',
          titel: 'Borgerservicemedarbejder',
          enhed_id: 'U-SK',
          roller: 'medarbejder',
          aktiv: 'ja',
        }[column]!,
    );

  it('reads a good row, with the e-mail in lower case and whitespace tidied', () => {
    const result = readUserSheet(
      sheet(userHeader, row({ navn: '  Birthe   Hansen ', roller: 'Medarbejder, HR' })),
    );
    expect(result.issues).toEqual([]);
    expect(result.records).toEqual([
      {
        row: 2,
        externalId: 'P-1',
        name: 'Birthe Hansen',
        email: 'birthe.hansen@kommune.dk',
        title: 'Borgerservicemedarbejder',
        unitExternalId: 'U-SK',
        roles: ['employee', 'hr'],
        active: true,
      },
    ]);
  });

  it.each([
    ['an empty name', { navn: '' }, 'navn', 'required'],
    ['an empty external id', { eksternt_id: ' ' }, 'eksternt_id', 'required'],
    ['a name of 201 characters', { navn: 'x'.repeat(201) }, 'navn', 'too_long'],
    ['an e-mail without a domain', { email: 'birthe@' }, 'email', 'invalid_email'],
    ['an unknown role', { roller: 'medarbejder chef' }, 'roller', 'unknown_role'],
    ['the administrator role', { roller: 'admin' }, 'roller', 'admin_role_not_imported'],
    ['an unreadable active value', { aktiv: 'måske' }, 'aktiv', 'invalid_active'],
    [
      'a CPR number in the title',
      { titel: 'Elev 010190-1234', email: 'ikke en e-mail' },
      'titel',
      'cpr_number',
    ],
    ['a CPR number as the external id', { eksternt_id: '0101901234' }, 'eksternt_id', 'cpr_number'],
  ])('refuses a row with %s, naming the column', (_case, overrides, column, code) => {
    const result = readUserSheet(sheet(userHeader, row(overrides)));
    expect(result.records).toEqual([]);
    // A row with a CPR number gets that one message only: nothing else may repeat its content.
    expect(issuesOf(result)).toEqual([{ row: 2, column, code }]);
  });

  it('never repeats any content of a row with a CPR number', () => {
    const result = readUserSheet(sheet(userHeader, row({ navn: 'Ukendt 010190-1234', roller: 'chef' })));
    expect(JSON.stringify(result.issues)).not.toMatch(/0101|1234|chef|Ukendt/);
  });

  it('finds a CPR number in a cell beyond the last column, and names the column by position', () => {
    const result = readUserSheet(sheet(userHeader, [...row(), '', '2512851234']));
    expect(issuesOf(result)).toEqual([{ row: 2, column: '#9', code: 'cpr_number' }]);
  });

  it.each([
    ['inactive', 'nej', false],
    ['active by default when empty', '', true],
    ['active as 1', '1', true],
    ['inactive as false', 'FALSE', false],
  ])('reads %s', (_case, value, active) => {
    expect(readUserSheet(sheet(userHeader, row({ aktiv: value }))).records[0]?.active).toBe(active);
  });

  it('gives an empty roles cell the employee role', () => {
    expect(readUserSheet(sheet(userHeader, row({ roller: '' }))).records[0]?.roles).toEqual(['employee']);
  });

  it('refuses a row whose values spill into extra cells, but not one with empty trailing cells', () => {
    const spilled = readUserSheet(sheet(userHeader, [...row(), 'Hansen']));
    expect(issuesOf(spilled)).toEqual([{ row: 2, column: null, code: 'too_many_cells' }]);
    expect(readUserSheet(sheet(userHeader, [...row(), '', ''])).issues).toEqual([]);
  });

  it('skips empty rows and keeps the spreadsheet’s row numbers', () => {
    const result = readUserSheet(
      sheet(
        userHeader,
        row(),
        ['', '', '', '', '', '', ''],
        row({ eksternt_id: 'P-2', email: 'b@x.dk', navn: '' }),
      ),
    );
    expect(issuesOf(result)).toEqual([{ row: 4, column: 'navn', code: 'required' }]);
  });

  it('names the second of two rows with the same external id or e-mail', () => {
    const result = readUserSheet(
      sheet(
        userHeader,
        row(),
        row({ email: 'anden@kommune.dk' }),
        row({ eksternt_id: 'P-3', email: 'BIRTHE.hansen@kommune.dk' }),
      ),
    );
    expect(result.issues).toEqual([
      { sheet: 'users', row: 3, column: 'eksternt_id', code: 'duplicate_external_id', values: { row: 2 } },
      { sheet: 'users', row: 4, column: 'email', code: 'duplicate_email', values: { row: 2 } },
    ]);
    expect(result.records.map((record) => record.row)).toEqual([2]);
  });
});

describe('readUserSheet and readUnitSheet: the header', () => {
  it.each([
    ['the English names', ['external_id', 'name', 'e-mail'], []],
    ['only the required columns', ['eksternt_id', 'navn', 'email'], []],
    ['no e-mail column', ['eksternt_id', 'navn'], [{ row: 1, column: 'email', code: 'missing_column' }]],
    [
      'an unknown column',
      ['eksternt_id', 'navn', 'email', 'Afdeling'],
      [{ row: 1, column: 'Afdeling', code: 'unknown_column' }],
    ],
    [
      'the same column twice',
      ['eksternt_id', 'navn', 'email', 'name'],
      [{ row: 1, column: 'name', code: 'duplicate_column' }],
    ],
    ['nothing at all', [''], [{ row: null, column: null, code: 'empty_file' }]],
  ])('users file with %s', (_case, header, expected) => {
    expect(issuesOf(readUserSheet(sheet(header)))).toEqual(expected);
  });

  it('reports the headers as the file writes them', () => {
    expect(readUserSheet(sheet(['External ID', 'Name', 'E-mail'])).headers).toEqual({
      externalId: 'External ID',
      name: 'Name',
      email: 'E-mail',
    });
  });

  it('reads units: several leaders in one cell, an empty parent as the top, a missing column as “leave it”', () => {
    const result = readUnitSheet(
      sheet(
        ['eksternt_id', 'navn', 'overordnet_id', 'ledere'],
        ['U-1', 'Borgerservice', '', 'P-1| P-2 ,P-3'],
      ),
    );
    expect(result.records).toEqual([
      {
        row: 2,
        externalId: 'U-1',
        name: 'Borgerservice',
        parentExternalId: null,
        leaderExternalIds: ['P-1', 'P-2', 'P-3'],
      },
    ]);
    const withoutColumns = readUnitSheet(sheet(['eksternt_id', 'navn'], ['U-1', 'Borgerservice']));
    expect(withoutColumns.records[0]).toEqual({ row: 2, externalId: 'U-1', name: 'Borgerservice' });
  });
});

// ——— The plan ———

const existingUnits: ExistingUnit[] = [
  { id: 'bs', externalId: null, name: 'Borgerservice', parentId: null, active: true, leaderIds: ['lars'] },
  {
    id: 'skranke',
    externalId: 'U-SK',
    name: 'Team Skranke',
    parentId: 'bs',
    active: true,
    leaderIds: ['anne'],
  },
  { id: 'hr', externalId: 'U-HR', name: 'HR og Løn', parentId: null, active: true, leaderIds: [] },
  { id: 'old', externalId: 'U-OLD', name: 'Gammel enhed', parentId: null, active: false, leaderIds: [] },
];
const person = (overrides: Partial<ExistingUser> & Pick<ExistingUser, 'id' | 'name'>): ExistingUser => ({
  externalId: null,
  email: `${overrides.id}@kommune.dk`,
  title: null,
  unitId: null,
  roles: ['employee'],
  active: true,
  ...overrides,
});
const existingUsers: ExistingUser[] = [
  person({ id: 'mette', name: 'Mette Lund', roles: ['admin'] }),
  person({ id: 'lars', name: 'Lars Holm Sørensen', externalId: 'P-LARS', unitId: 'bs' }),
  person({ id: 'anne', name: 'Anne Kristensen', externalId: 'P-ANNE', unitId: 'bs' }),
  person({
    id: 'birthe',
    name: 'Birthe Hansen',
    externalId: 'P-BIRTHE',
    unitId: 'skranke',
    title: 'Borgerservicemedarbejder',
  }),
  person({ id: 'mads', name: 'Mads Pedersen', unitId: 'skranke' }),
  person({
    id: 'camilla',
    name: 'Camilla Thomsen',
    externalId: 'P-CAM',
    unitId: 'hr',
    roles: ['employee', 'hr'],
  }),
  person({ id: 'ole', name: 'Ole Bang', externalId: 'P-OLE', unitId: 'hr', roles: ['employee', 'admin'] }),
];

const unit = (externalId: string, name: string, more: Partial<UnitRecord> = {}): UnitRecord => ({
  row: 0,
  externalId,
  name,
  ...more,
});
const user = (
  externalId: string,
  name: string,
  email: string,
  more: Partial<UserRecord> = {},
): UserRecord => ({
  row: 0,
  externalId,
  name,
  email,
  active: true,
  ...more,
});
/** Numbers the rows as a file would, from 2. */
const rows = <T extends { row: number }>(records: T[]): T[] =>
  records.map((record, index) => ({ ...record, row: index + 2 }));

/** The file that describes the existing organisation exactly (the HR system's view of it). */
const sameUnits = () =>
  rows([
    unit('U-SK', 'Team Skranke', { parentExternalId: 'U-BS', leaderExternalIds: ['P-ANNE'] }),
    unit('U-BS', 'Borgerservice', { parentExternalId: null, leaderExternalIds: ['P-LARS'] }),
    unit('U-HR', 'HR og Løn', { parentExternalId: null, leaderExternalIds: [] }),
  ]);
const sameUsers = () =>
  rows([
    user('P-LARS', 'Lars Holm Sørensen', 'lars@kommune.dk', { unitExternalId: 'U-BS', title: null }),
    user('P-ANNE', 'Anne Kristensen', 'anne@kommune.dk', { unitExternalId: 'U-BS' }),
    user('P-BIRTHE', 'Birthe Hansen', 'birthe@kommune.dk', { title: 'Borgerservicemedarbejder' }),
    user('P-CAM', 'Camilla Thomsen', 'camilla@kommune.dk', { roles: ['employee', 'hr'] }),
  ]);

const plan = (input: Partial<ImportInput>): ImportPlan =>
  planImport({
    existingUnits,
    existingUsers,
    emailsElsewhere: new Set(),
    deactivateMissing: false,
    ...input,
  });
const codes = (result: ImportPlan) => result.issues.map(({ sheet, row, code }) => `${sheet}:${row}:${code}`);

describe('planImport', () => {
  it('creates a new unit under an existing one, and a new person in it', () => {
    const result = plan({
      units: rows([unit('U-NAT', 'Team Aften', { parentExternalId: 'U-SK', leaderExternalIds: ['P-NY'] })]),
      users: rows([user('P-NY', 'Nanna Ny', 'nanna@kommune.dk', { unitExternalId: 'U-NAT' })]),
    });
    expect(result.issues).toEqual([]);
    expect(result.units.create).toMatchObject([
      {
        externalId: 'U-NAT',
        parent: { kind: 'existing', id: 'skranke' },
        leaders: [{ kind: 'new', externalId: 'P-NY' }],
      },
    ]);
    expect(result.users.create).toMatchObject([
      { externalId: 'P-NY', unit: { kind: 'new', externalId: 'U-NAT' }, roles: ['employee'], active: true },
    ]);
  });

  it('changes nothing when the files describe what is already there', () => {
    // Borgerservice is taken over by name the first time; after that it has the external id.
    const first = plan({ units: sameUnits(), users: sameUsers() });
    expect(first.units.change.map((change) => change.changes)).toEqual([
      [{ field: 'externalId', from: null, to: 'U-BS' }],
    ]);
    const withKey = existingUnits.map((existing) =>
      existing.id === 'bs' ? { ...existing, externalId: 'U-BS' } : existing,
    );
    const second = plan({ units: sameUnits(), users: sameUsers(), existingUnits: withKey });
    expect(second.issues).toEqual([]);
    expect(isEmptyPlan(second)).toBe(true);
  });

  it.each([
    [
      'a move to another unit and a new title',
      user('P-BIRTHE', 'Birthe Hansen', 'birthe@kommune.dk', { unitExternalId: 'U-HR', title: 'Specialist' }),
      [
        { field: 'title', from: 'Borgerservicemedarbejder', to: 'Specialist' },
        { field: 'unit', from: 'Team Skranke', to: 'HR og Løn' },
      ],
    ],
    [
      'a new e-mail and the HR role',
      user('P-BIRTHE', 'Birthe Hansen', 'birthe.h@kommune.dk', { roles: ['employee', 'hr'] }),
      [
        { field: 'email', from: 'birthe@kommune.dk', to: 'birthe.h@kommune.dk' },
        { field: 'roles', from: ['employee'], to: ['employee', 'hr'] },
      ],
    ],
    [
      'a person made in Vejviser, taken over by e-mail',
      user('P-MADS', 'Mads Pedersen', 'mads@kommune.dk'),
      [{ field: 'externalId', from: null, to: 'P-MADS' }],
    ],
    [
      'a deactivation by the active column',
      user('P-BIRTHE', 'Birthe Hansen', 'birthe@kommune.dk', { active: false }),
      [{ field: 'active', from: true, to: false }],
    ],
    [
      'an administrator’s roles from the file, keeping the administrator role',
      user('P-OLE', 'Ole Bang', 'ole@kommune.dk', { roles: ['employee', 'hr'] }),
      [{ field: 'roles', from: ['employee', 'admin'], to: ['employee', 'hr', 'admin'] }],
    ],
  ])('plans %s', (_case, record, changes) => {
    const result = plan({ users: rows([record]) });
    expect(result.issues).toEqual([]);
    expect(result.users.change).toHaveLength(1);
    expect(result.users.change[0]!.changes).toEqual(changes);
  });

  it.each([
    [
      'an e-mail used in another municipality',
      {
        users: rows([user('P-NY', 'Ny', 'rikke@andenkommune.dk')]),
        emailsElsewhere: new Set(['rikke@andenkommune.dk']),
      },
      ['users:2:email_taken'],
    ],
    [
      'an e-mail of another person here',
      { users: rows([user('P-NY', 'Ny', 'birthe@kommune.dk')]) },
      ['users:2:email_taken'],
    ],
    [
      'an unknown unit',
      { users: rows([user('P-NY', 'Ny', 'ny@kommune.dk', { unitExternalId: 'U-?' })]) },
      ['users:2:unknown_unit'],
    ],
    [
      'an inactive unit',
      { users: rows([user('P-NY', 'Ny', 'ny@kommune.dk', { unitExternalId: 'U-OLD' })]) },
      ['users:2:unit_inactive'],
    ],
    [
      'an administrator marked inactive',
      { users: rows([user('P-OLE', 'Ole Bang', 'ole@kommune.dk', { active: false })]) },
      ['users:2:admin_not_deactivated'],
    ],
    [
      'two units that would sit below each other',
      {
        units: rows([
          unit('U-SK', 'Team Skranke', { parentExternalId: 'U-NY' }),
          unit('U-NY', 'Ny', { parentExternalId: 'U-SK' }),
        ]),
      },
      ['units:2:unit_cycle', 'units:3:unit_cycle'],
    ],
    [
      'a unit that is its own parent',
      { units: rows([unit('U-NY', 'Ny', { parentExternalId: 'U-NY' })]) },
      ['units:2:unit_cycle'],
    ],
    [
      'an unknown parent',
      { units: rows([unit('U-NY', 'Ny', { parentExternalId: 'U-?' })]) },
      ['units:2:unknown_unit'],
    ],
    [
      'an unknown leader',
      { units: rows([unit('U-NY', 'Ny', { leaderExternalIds: ['P-?'] })]) },
      ['units:2:unknown_person'],
    ],
    [
      'a leader the same import deactivates',
      {
        units: rows([unit('U-NY', 'Ny', { leaderExternalIds: ['P-BIRTHE'] })]),
        users: rows([user('P-BIRTHE', 'Birthe Hansen', 'birthe@kommune.dk', { active: false })]),
      },
      ['units:2:leader_inactive'],
    ],
  ])('refuses %s', (_case, input, expected) => {
    expect(codes(plan(input))).toEqual(expected);
  });

  it('does not report a reference to a row that is itself refused', () => {
    const result = plan({
      units: rows([unit('U-NY', 'Ny', { parentExternalId: 'U-?' })]),
      users: rows([user('P-NY', 'Ny', 'ny@kommune.dk', { unitExternalId: 'U-NY' })]),
    });
    expect(codes(result)).toEqual(['units:2:unknown_unit']);
  });

  it('neither repeats a refused row’s problem where it is referred to, nor deactivates what it names', () => {
    // U-SK's and P-BIRTHE's rows were refused while reading (say, for a CPR number); the files still name them.
    const result = plan({
      units: rows([
        unit('U-NY', 'Ny', { parentExternalId: 'U-NAT', leaderExternalIds: ['P-NY'] }),
        unit('U-HR', 'HR og Løn'),
      ]),
      users: rows([
        user('P-LARS', 'Lars Holm Sørensen', 'lars@kommune.dk', { unitExternalId: 'U-NAT' }),
        user('P-ANNE', 'Anne Kristensen', 'anne@kommune.dk'),
      ]),
      listedExternalIds: { units: new Set(['U-NAT', 'U-SK', 'U-NY']), users: new Set(['P-NY', 'P-BIRTHE']) },
      deactivateMissing: true,
    });
    expect(result.issues).toEqual([]);
    expect(result.units.create).toEqual([]);
    expect(result.users.change).toEqual([]);
    // U-SK would be deactivated as missing, were it not named by its refused row.
    expect(result.units.deactivate).toEqual([]);
    expect(result.users.deactivate.map((deactivated) => deactivated.externalId)).toEqual(['P-CAM']);
  });

  it('names the column as the file writes it', () => {
    const result = plan({
      users: rows([user('P-NY', 'Ny', 'ny@kommune.dk', { unitExternalId: 'U-?' })]),
      headers: { users: { unitExternalId: 'Unit ID' } },
    });
    expect(result.issues[0]).toMatchObject({ column: 'Unit ID', values: { value: 'U-?' } });
  });

  it('ignores a former employee Vejviser never knew', () => {
    const result = plan({
      users: rows([user('P-GAMMEL', 'Tidligere', 'gammel@kommune.dk', { active: false })]),
    });
    expect(result.issues).toEqual([]);
    expect(isEmptyPlan(result)).toBe(true);
  });

  it('deactivates what the files leave out only when asked, and never an administrator or someone without an external id', () => {
    const users = rows([
      user('P-LARS', 'Lars Holm Sørensen', 'lars@kommune.dk'),
      user('P-ANNE', 'Anne Kristensen', 'anne@kommune.dk'),
    ]);
    expect(plan({ users }).users.deactivate).toEqual([]);
    const result = plan({ users, deactivateMissing: true });
    expect(result.users.deactivate.map((deactivated) => deactivated.name)).toEqual([
      'Birthe Hansen',
      'Camilla Thomsen',
    ]);
  });

  it('deactivates a unit the file leaves out only when nobody active is left in it', () => {
    const units = rows([
      unit('U-SK', 'Team Skranke', { parentExternalId: null }),
      unit('U-BS', 'Borgerservice', { parentExternalId: null }),
    ]);
    expect(codes(plan({ units, deactivateMissing: true }))).toEqual(['units:null:unit_still_in_use']);
    // Camilla and Ole move out of HR og Løn in the same import: then it can go.
    const result = plan({
      units,
      users: rows([
        user('P-CAM', 'Camilla Thomsen', 'camilla@kommune.dk', {
          unitExternalId: 'U-SK',
          roles: ['employee', 'hr'],
        }),
        user('P-OLE', 'Ole Bang', 'ole@kommune.dk', { unitExternalId: null }),
        user('P-LARS', 'Lars Holm Sørensen', 'lars@kommune.dk', { unitExternalId: 'U-BS' }),
        user('P-ANNE', 'Anne Kristensen', 'anne@kommune.dk', { unitExternalId: 'U-BS' }),
        user('P-BIRTHE', 'Birthe Hansen', 'birthe@kommune.dk', { title: 'Borgerservicemedarbejder' }),
      ]),
      deactivateMissing: true,
    });
    expect(result.issues).toEqual([]);
    expect(result.units.deactivate).toEqual([{ id: 'hr', externalId: 'U-HR', name: 'HR og Løn' }]);
  });

  it('reactivates a unit the file lists, and shows changed leaders by name', () => {
    const result = plan({
      units: rows([
        unit('U-OLD', 'Gammel enhed', { parentExternalId: null }),
        unit('U-SK', 'Team Skranke', { leaderExternalIds: ['P-ANNE', 'P-BIRTHE'] }),
      ]),
    });
    expect(result.issues).toEqual([]);
    expect(result.units.change.map((change) => change.changes)).toEqual([
      [{ field: 'active', from: false, to: true }],
      [{ field: 'leaders', from: ['Anne Kristensen'], to: ['Anne Kristensen', 'Birthe Hansen'] }],
    ]);
  });

  it('shows a unit moved below a unit renamed in the same file by its new name', () => {
    const result = plan({
      units: rows([unit('U-HR', 'HR', { parentExternalId: 'U-SK' }), unit('U-SK', 'Skranken')]),
    });
    expect(result.units.change.map((change) => change.changes)).toEqual([
      [
        { field: 'name', from: 'HR og Løn', to: 'HR' },
        { field: 'parent', from: null, to: 'Skranken' },
      ],
      [{ field: 'name', from: 'Team Skranke', to: 'Skranken' }],
    ]);
  });
});
