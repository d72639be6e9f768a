/** @module The people import through the API: dry run, apply, idempotence, bad rows, CPR numbers, encodings, XLSX. */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/server/contracts/audit.ts';
import type { Person } from '../../src/server/contracts/people.ts';
import type { AdminUnit, ImportApplied, ImportResult } from '../../src/server/contracts/people-admin.ts';
import { createLogger } from '../../src/server/logger.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { engineMissing, engines } from '../support/database.ts';
import {
  csv,
  demoUnitRows,
  demoUserRows,
  type ImportFiles,
  unitHeader,
  uploadImport,
  userHeader,
} from '../support/people-import.ts';
import { people } from '../support/world.ts';

const demoFiles: ImportFiles = { units: csv(unitHeader, demoUnitRows), users: csv(userHeader, demoUserRows) };

async function dryRun(t: TestApp, as: Caller, files: ImportFiles, fields: Record<string, string> = {}) {
  const response = await uploadImport(t, as, 'dry-run', files, fields);
  expect(response.status).toBe(200);
  return (await response.json()) as ImportResult;
}

async function apply(t: TestApp, as: Caller, files: ImportFiles, fields: Record<string, string> = {}) {
  const response = await uploadImport(t, as, 'apply', files, fields);
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  return (await response.json()) as ImportApplied;
}

const usersOf = async (t: TestApp, as: Caller) =>
  ((await (await t.call('GET', '/api/users', { as })).json()) as { users: Person[] }).users;
const unitsOf = async (t: TestApp, as: Caller) =>
  ((await (await t.call('GET', '/api/admin/units', { as })).json()) as { units: AdminUnit[] }).units;

describe.each(engines)('people import on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let t: TestApp;
    let admin: Caller;
    const logLines: string[] = [];
    beforeAll(async () => {
      t = await startTestApp(kind, {
        logger: createLogger('info', { write: (line) => logLines.push(line) }),
      });
    });
    beforeEach(async () => {
      admin = await t.login('admin');
    });
    afterAll(() => t?.close());

    it('shows in a dry run what would be created and changed, and changes nothing', async () => {
      const before = await usersOf(t, admin);
      const result = await dryRun(t, admin, demoFiles);
      expect(result.canApply).toBe(true);
      expect(result.nothingToChange).toBe(false);
      expect(result.counts).toEqual({
        unitsCreated: 1,
        unitsChanged: 3,
        unitsDeactivated: 0,
        usersCreated: 2,
        usersChanged: 4,
        usersDeactivated: 0,
        issues: 0,
      });
      expect(result.units.create).toEqual([
        { row: 5, externalId: 'AFT', name: 'Team Aften', parent: 'Borgerservice', leaders: ['Nora Nyborg'] },
      ]);
      expect(result.users.create[1]).toEqual({
        row: 7,
        externalId: 'P-IB',
        name: 'Ib Ørsted',
        email: 'ib.orsted@demokommune.example',
        title: 'Borgerservicemedarbejder',
        unit: 'Team Aften',
        roles: ['employee', 'hr'],
      });
      expect(result.users.change[0]).toEqual({
        row: 2,
        externalId: 'P-LARS',
        name: 'Lars Holm Sørensen',
        changes: [{ field: 'externalId', from: null, to: 'P-LARS' }],
      });
      expect(await usersOf(t, admin)).toEqual(before);
    });

    it('applies the file in one go, and a second time changes nothing', async () => {
      const first = await dryRun(t, admin, demoFiles);
      const applied = await apply(t, admin, demoFiles, { expectedPlan: first.fingerprint });
      expect(applied).toEqual({
        counts: {
          unitsCreated: 1,
          unitsChanged: 3,
          unitsDeactivated: 0,
          usersCreated: 2,
          usersChanged: 4,
          usersDeactivated: 0,
          sessionsEnded: 0,
        },
        nothingChanged: false,
      });
      const aften = (await unitsOf(t, admin)).find((unit) => unit.externalId === 'AFT')!;
      expect(aften).toMatchObject({ name: 'Team Aften', memberCount: 2, leaders: [{ name: 'Nora Nyborg' }] });
      const ib = (await usersOf(t, admin)).find((user) => user.name === 'Ib Ørsted')!;
      expect(ib).toMatchObject({ roles: ['employee', 'hr'], unit: { name: 'Team Aften' }, active: true });

      const second = await dryRun(t, admin, demoFiles);
      expect(second.nothingToChange).toBe(true);
      expect(second.counts).toMatchObject({
        unitsCreated: 0,
        unitsChanged: 0,
        usersCreated: 0,
        usersChanged: 0,
      });
      const again = await apply(t, admin, demoFiles, { expectedPlan: second.fingerprint });
      expect(again.nothingChanged).toBe(true);

      const { events } = (await (
        await t.call('GET', '/api/admin/audit?action=import.people_applied', { as: admin })
      ).json()) as AuditPage;
      expect(events.map((event) => event.details.usersCreated)).toEqual([0, 2]);
      // Counts only: nobody's name, e-mail or external id.
      expect(JSON.stringify(events)).not.toMatch(/Nora|Ørsted|P-IB|demokommune/);
    });

    it('changes nothing when the database fails half-way through', async () => {
      await t.handle.db.execute(sql`
        create function refuse_test_person() returns trigger as $$
        begin
          if new.name = 'Fejl Fejlsen' then raise exception 'simulated failure'; end if;
          return new;
        end; $$ language plpgsql`);
      await t.handle.db.execute(sql`
        create trigger refuse_test_person before insert on users
        for each row execute function refuse_test_person()`);
      const files = {
        units: csv(unitHeader, ['NYE;Nye Team;;']),
        users: csv(userHeader, [
          'P-OK;Okay Olsen;okay.olsen@demokommune.example;;NYE;;ja',
          'P-FEJL;Fejl Fejlsen;fejl.fejlsen@demokommune.example;;NYE;;ja',
        ]),
      };
      const unitsBefore = await unitsOf(t, admin);
      const usersBefore = await usersOf(t, admin);
      const response = await uploadImport(t, admin, 'apply', files);
      expect(response.status).toBe(500);
      expect(await unitsOf(t, admin)).toEqual(unitsBefore);
      expect(await usersOf(t, admin)).toEqual(usersBefore);
      // The log says what failed, without the file's names and e-mails that the failed statement carried.
      const logged = logLines.join('\n');
      expect(logged).toContain('simulated failure');
      expect(logged).not.toMatch(/Okay Olsen|okay\.olsen|fejl\.fejlsen/);
      await t.handle.db.execute(sql`drop trigger refuse_test_person on users`);
    });

    it('leaves another municipality alone, even deactivating everyone missing from the file', async () => {
      const ole = await t.login('otherAdmin');
      const otherBefore = await usersOf(t, ole);
      const result = await dryRun(
        t,
        admin,
        {
          users: csv(userHeader, [
            ...demoUserRows.slice(0, 4),
            `P-X;Rikke Dahl;${people.otherEmployee};;;;ja`,
          ]),
        },
        { deactivateMissing: 'true' },
      );
      expect(result.issues.map((issue) => [issue.row, issue.column, issue.code])).toEqual([
        [6, 'email', 'email_taken'],
      ]);
      const applied = await apply(
        t,
        admin,
        { users: csv(userHeader, demoUserRows.slice(0, 4)) },
        {
          deactivateMissing: 'true',
        },
      );
      expect(applied.counts.usersDeactivated).toBe(2);
      expect(await usersOf(t, ole)).toEqual(otherBefore);
    });
  });
});

describe('people import: what it refuses and explains', () => {
  let t: TestApp;
  let admin: Caller;
  const logLines: string[] = [];
  beforeAll(async () => {
    t = await startTestApp('pglite', {
      logger: createLogger('debug', { write: (line) => logLines.push(line) }),
    });
  });
  beforeEach(async () => {
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const twoBadRows = csv(userHeader, [
    'P-1;Nora Nyborg;nora.nyborg@demokommune.example;Teamleder;;medarbejder;ja',
    'P-2;Ib Ørsted;ib.orsted@;;;medarbejder;ja',
    'P-3;Åse Holm;aase.holm@demokommune.example;;U-FINDES-IKKE;medarbejder;ja',
  ]);

  it.each([
    [
      'da',
      [
        {
          file: 'users',
          row: 3,
          column: 'email',
          code: 'invalid_email',
          message: 'Ikke en gyldig e-mailadresse.',
        },
        {
          file: 'users',
          row: 4,
          column: 'enhed_id',
          code: 'unknown_unit',
          message: 'Enheden "U-FINDES-IKKE" findes hverken i filen eller i Vejviser.',
        },
      ],
    ],
    [
      'en',
      [
        {
          file: 'users',
          row: 3,
          column: 'email',
          code: 'invalid_email',
          message: 'Not a valid e-mail address.',
        },
        {
          file: 'users',
          row: 4,
          column: 'enhed_id',
          code: 'unknown_unit',
          message: 'The unit "U-FINDES-IKKE" is neither in the file nor in Vejviser.',
        },
      ],
    ],
  ])('names and explains every bad row (%s), and will not apply', async (locale, issues) => {
    const response = await uploadImport(
      t,
      admin,
      'dry-run',
      { users: twoBadRows },
      {},
      { 'accept-language': locale },
    );
    const result = (await response.json()) as ImportResult;
    expect(result.canApply).toBe(false);
    expect(result.issues).toEqual(issues);
    expect(result.users.create.map((user) => user.name)).toEqual(['Nora Nyborg']);

    const before = await usersOf(t, admin);
    const refused = await uploadImport(t, admin, 'apply', { users: twoBadRows });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.code).toBe('import_has_errors');
    expect(await usersOf(t, admin)).toEqual(before);
  });

  it('refuses a row with a CPR number without ever repeating or logging the number', async () => {
    const file = csv(userHeader, [
      'P-1;Nora Nyborg;nora.nyborg@demokommune.example;Teamleder;;medarbejder;ja',
      'P-2;Ib Ørsted;ib.orsted@demokommune.example;Elev, cpr 120385-1234;;medarbejder;ja',
    ]);
    logLines.length = 0;
    const response = await uploadImport(t, admin, 'dry-run', { users: file });
    const body = await response.text();
    const result = JSON.parse(body) as ImportResult;
    expect(result.issues).toEqual([
      {
        file: 'users',
        row: 3,
        column: 'titel',
        code: 'cpr_number',
        message: expect.stringContaining('CPR-nummer'),
      },
    ]);
    const applied = await uploadImport(t, admin, 'apply', { users: file });
    expect(applied.status).toBe(422);
    const audit = await (await t.call('GET', '/api/admin/audit?action=import.', { as: admin })).text();
    for (const text of [body, await applied.text(), audit, logLines.join('\n')]) {
      expect(text).not.toMatch(/120385|1234|Ørsted/);
    }
  });

  it.each([
    [
      'UTF-8 with a byte-order mark and commas',
      new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(commaFile(), 'utf8')]),
    ],
    [
      'Windows-1252',
      new Uint8Array(
        Buffer.from(
          csv(userHeader, ['P-ÅSE;Åse Ærø;aase.aero@demokommune.example;Søgemedarbejder;;;ja']),
          'latin1',
        ),
      ),
    ],
  ])('reads %s, with Danish letters intact', async (_case, bytes) => {
    const result = await dryRun(t, admin, { users: bytes });
    expect(result.issues).toEqual([]);
    expect(result.users.create[0]).toMatchObject({ name: 'Åse Ærø', title: 'Søgemedarbejder' });
  });

  it('reads an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Medarbejdere');
    sheet.addRow(['Eksternt ID', 'Navn', 'E-mail', 'Titel']);
    sheet.addRow([4711, 'Åse Ærø', 'aase.aero@demokommune.example', 'Elev']);
    const result = await dryRun(t, admin, { users: new Uint8Array(await workbook.xlsx.writeBuffer()) });
    expect(result.issues).toEqual([]);
    expect(result.users.create[0]).toMatchObject({ externalId: '4711', name: 'Åse Ærø', title: 'Elev' });
  });

  it('deactivates people missing from the file only when asked, and ends their sessions', async () => {
    // First give Birthe and Mads external ids, then leave Mads out.
    const both = csv(userHeader, [
      `P-BIRTHE;Birthe Hansen;${people.employee};Borgerservicemedarbejder;;;ja`,
      `P-MADS;Mads Pedersen;${people.colleague};Borgerservicemedarbejder;;;ja`,
    ]);
    await apply(t, admin, { users: both });
    const onlyBirthe = csv(userHeader, [
      `P-BIRTHE;Birthe Hansen;${people.employee};Borgerservicemedarbejder;;;ja`,
    ]);
    expect((await dryRun(t, admin, { users: onlyBirthe })).nothingToChange).toBe(true);
    const mads = await t.login('colleague');
    const result = await dryRun(t, admin, { users: onlyBirthe }, { deactivateMissing: 'true' });
    expect(result.users.deactivate).toEqual([{ externalId: 'P-MADS', name: 'Mads Pedersen' }]);
    const applied = await apply(t, admin, { users: onlyBirthe }, { deactivateMissing: 'true' });
    expect(applied.counts).toMatchObject({ usersDeactivated: 1, sessionsEnded: 1 });
    expect((await t.call('GET', '/api/auth/me', { as: mads })).status).toBe(401);
  });

  it('refuses to apply a plan that changed since the dry run (409)', async () => {
    const file = csv(userHeader, ['P-NY;Ny Nielsen;ny.nielsen@demokommune.example;;;;ja']);
    const shown = await dryRun(t, admin, { users: file });
    await apply(t, admin, {
      users: csv(userHeader, ['P-NY;Ny Nielsen;ny.nielsen@demokommune.example;Elev;;;ja']),
    });
    const response = await uploadImport(
      t,
      admin,
      'apply',
      { users: file },
      { expectedPlan: shown.fingerprint },
    );
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe('import_outdated');
  });

  it.each([
    ['no file at all', {}, 400, 'validation_failed'],
    ['a file over 5 MB', { users: 'x'.repeat(5 * 1024 * 1024 + 1) }, 413, 'file_too_large'],
  ])('answers %s with status %s', async (_case, files, status, code) => {
    const response = await uploadImport(t, admin, 'dry-run', files as ImportFiles);
    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe(code);
  });

  it('reports a file it cannot read as such, with the CSV line', async () => {
    const result = await dryRun(t, admin, { users: `${userHeader}\r\n"P-1;Åben;citat@x.dk;;;;ja\r\n` });
    expect(result.issues).toEqual([
      expect.objectContaining({
        file: 'users',
        row: null,
        code: 'csv_syntax',
        message: expect.stringMatching(/linje 2/),
      }),
    ]);
  });
});

function commaFile() {
  return csv(userHeader.replaceAll(';', ','), [
    'P-ÅSE,Åse Ærø,aase.aero@demokommune.example,Søgemedarbejder,,,ja',
  ]);
}
