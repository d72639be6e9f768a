/**
 * @module Import benchmark: 100 units and 10,000 people from an HR system's CSV file into Demo Kommune, through the
 * real app (`POST /api/admin/people-import/…`, in process), on PGlite and on PostgreSQL in one run. Target from
 * issue 7: the import of 10,000 users under 10 s on PGlite. Run with `npm run bench:import`.
 */
import ExcelJS from 'exceljs';
import { type DatabaseHandle, openPglite, openPostgres } from '../src/db/client.ts';
import { createRepositories } from '../src/db/repositories/index.ts';
import { demoEmail, demoPassword, seedDemo } from '../src/db/seed/demo.ts';
import { createApp } from '../src/server/app.ts';
import { hashPassword } from '../src/server/auth/passwords.ts';
import type { ImportApplied, ImportResult } from '../src/server/contracts/people-admin.ts';
import { createLogger } from '../src/server/logger.ts';
import { machineBusyPercent } from './load.ts';
import { adminQuery } from './profile-common.ts';
import { table } from './report.ts';

const targetMs = 10_000;
const teamCount = 100;
const peopleCount = 10_000;
const engines = (process.env.BENCH_IMPORT_ENGINES ?? 'pglite,postgresql').split(',');
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratchName = `vejviser_bench_import_${process.pid}`;

const firstNames =
  'Anne Mads Fatima Kirsten Peter Louise Ahmad Susanne Henrik Sofie Nikolaj Maria Jens Emma Søren Åse'.split(
    ' ',
  );
const lastNames =
  'Hansen Pedersen Ali Jensen Nielsen Andersen Rahimi Rasmussen Larsen Christensen Ørsted Møller'.split(' ');
const team = (n: number) => `T${String(n).padStart(3, '0')}`;
const person = (n: number) => `P${String(n).padStart(5, '0')}`;

/** The HR system's view: Borgerservice (taken over by name), 100 teams below it, one leader each, 99 people each. */
function files(variant: 'first' | 'changed') {
  const units = ['eksternt_id;navn;overordnet_id;ledere', `BS;Borgerservice;;`];
  for (let t = 1; t <= teamCount; t += 1)
    units.push(`${team(t)};Team ${String(t).padStart(3, '0')};BS;${person(t)}`);
  const users = ['eksternt_id;navn;email;titel;enhed_id;roller;aktiv'];
  // The changed file: every tenth person has moved to the next team with a new title, the last 500 have left.
  const last = variant === 'first' ? peopleCount : peopleCount - 500;
  for (let n = 1; n <= last; n += 1) {
    const isLeader = n <= teamCount;
    const moved = variant === 'changed' && !isLeader && n % 10 === 0;
    const teamNumber = isLeader ? n : ((n + (moved ? 1 : 0)) % teamCount) + 1;
    const name = `${firstNames[n % firstNames.length]} ${lastNames[(n * 7) % lastNames.length]} ${n}`;
    const title = isLeader
      ? 'Teamleder'
      : moved
        ? 'Specialist i borgerbetjening'
        : 'Borgerservicemedarbejder';
    users.push(
      `${person(n)};${name};bench.${person(n).toLowerCase()}@demokommune.example;${title};${team(teamNumber)};medarbejder;ja`,
    );
  }
  return { units: `${units.join('\r\n')}\r\n`, users: `${users.join('\r\n')}\r\n` };
}

async function xlsxOf(csv: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Medarbejdere');
  for (const line of csv.trim().split('\r\n')) sheet.addRow(line.split(';'));
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function open(engine: string): Promise<DatabaseHandle> {
  if (engine === 'pglite') return openPglite();
  await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${scratchName}`);
  await adminQuery(databaseUrl, `CREATE DATABASE ${scratchName}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${scratchName}`;
  const handle = await openPostgres(url.toString());
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${scratchName} WITH (FORCE)`);
    },
  };
}

interface Step {
  engine: string;
  step: string;
  ms: number;
  outcome: string;
}

async function run(engine: string, passwordHash: string): Promise<Step[]> {
  const handle = await open(engine);
  try {
    await handle.migrate();
    const repositories = createRepositories(handle.db);
    await seedDemo(repositories, passwordHash);
    const app = createApp({
      db: handle.db,
      databaseKind: handle.kind,
      repositories,
      sessionSecret: 'bench-secret-that-is-long-enough-for-hmac',
      logger: createLogger('silent'),
    });
    const login = await app.request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demoEmail('Mette Lund'), password: demoPassword }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    const post = async <T>(
      step: 'dry-run' | 'apply',
      upload: Record<string, string | Uint8Array<ArrayBuffer>>,
      deactivate = false,
    ) => {
      const form = new FormData();
      for (const [name, content] of Object.entries(upload))
        form.set(name, new Blob([content]), `${name}.csv`);
      form.set('deactivateMissing', String(deactivate));
      const started = performance.now();
      const response = await app.request(`http://localhost/api/admin/people-import/${step}`, {
        method: 'POST',
        body: form,
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
      const body = (await response.json()) as T;
      const ms = performance.now() - started;
      if (response.status !== 200)
        throw new Error(`${step}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      return { ms, body };
    };
    const steps: Step[] = [];
    const record = (step: string, ms: number, outcome: string) => {
      steps.push({ engine, step, ms, outcome });
      console.log(`  ${engine}: ${step}: ${(ms / 1000).toFixed(2)} s (${outcome})`);
    };
    const describe = (result: ImportResult) =>
      result.issues.length > 0
        ? `${result.counts.issues} issues`
        : `create ${result.counts.usersCreated}, change ${result.counts.usersChanged}, deactivate ${result.counts.usersDeactivated} people`;
    const applied = (result: ImportApplied) =>
      `created ${result.counts.usersCreated}, changed ${result.counts.usersChanged}, deactivated ${result.counts.usersDeactivated} people`;

    const first = files('first');
    const dry = await post<ImportResult>('dry-run', first);
    if (!dry.body.canApply || dry.body.counts.usersCreated !== peopleCount)
      throw new Error(describe(dry.body));
    record('dry run, 10,000 new people (CSV)', dry.ms, describe(dry.body));
    const xlsx = await post<ImportResult>('dry-run', {
      units: first.units,
      users: await xlsxOf(first.users),
    });
    record('dry run, 10,000 new people (XLSX)', xlsx.ms, describe(xlsx.body));
    const apply = await post<ImportApplied>('apply', first);
    if (apply.body.counts.usersCreated !== peopleCount) throw new Error(applied(apply.body));
    record('apply, 10,000 new people', apply.ms, applied(apply.body));
    const again = await post<ImportResult>('dry-run', first);
    if (!again.body.nothingToChange) throw new Error(`not idempotent: ${describe(again.body)}`);
    record('dry run of the same file', again.ms, 'nothing to change');
    const reapply = await post<ImportApplied>('apply', first);
    if (!reapply.body.nothingChanged) throw new Error(`not idempotent: ${applied(reapply.body)}`);
    record('apply the same file again', reapply.ms, 'nothing changed');
    const changed = await post<ImportApplied>('apply', files('changed'), true);
    record('apply 940 moves, 500 leavers', changed.ms, applied(changed.body));
    return steps;
  } finally {
    await handle.close();
  }
}

const busy = await machineBusyPercent();
console.log(
  `People import benchmark: ${teamCount} units and ${peopleCount.toLocaleString('en-US')} people; CPU ${busy.toFixed(0)} % busy before the run${busy > 20 ? ' (WARNING: results unreliable)' : ''}.`,
);
const passwordHash = await hashPassword(demoPassword);
const results: Step[] = [];
for (const engine of engines) {
  if (engine !== 'pglite' && engine !== 'postgresql') throw new Error(`unknown engine "${engine}"`);
  console.log(
    `${engine === 'pglite' ? 'PGlite in memory' : `PostgreSQL (scratch database ${scratchName})`}:`,
  );
  results.push(...(await run(engine, passwordHash)));
}
console.log();
console.log(
  table(
    ['engine', 'step', 'seconds', 'of the 10 s target'],
    results.map((step) => [
      step.engine,
      step.step,
      (step.ms / 1000).toFixed(2),
      step.step.startsWith('apply, 10,000') ? (step.ms / targetMs).toFixed(3) : '',
    ]),
  ),
);
