/**
 * @module `npm run bench:team`: the team overview of a unit of 60 people (`GET /api/units/:unitId/team-overview`) and
 * the figures per unit across a municipality of 10,000 employees (`GET /api/team-overview/units`), on PGlite and on
 * PostgreSQL in one run: server time one request at a time and under concurrent load with employees reading their
 * profiles meanwhile, as ratios to issue 5's targets (under 100 ms on PostgreSQL, under 500 ms on PGlite).
 */
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import autocannon from 'autocannon';
import type { DatabaseKind } from '../src/db/client.ts';
import { demoEmail } from '../src/db/seed/demo.ts';
import { teamOverviewSchema, unitAggregatesSchema } from '../src/server/contracts/team.ts';
import {
  ask,
  eachEngine,
  enginesFrom,
  logIn,
  type Percentiles,
  percentilesOf,
  type Ready,
  type Session,
  startServer,
  stopServer,
  trackServer,
} from './engine-run.ts';
import { assertClean, machineBusyPercent, measuredRun, setting } from './load.ts';
import { teamMembersVariable } from './profile-common.ts';
import { benchEmployeeCount, benchEmployeeEmail, benchTeamCount } from './profile-seed.ts';
import { type Measurement, rawTable, table } from './report.ts';

const connections = setting('BENCH_CONNECTIONS', 10, 100);
const seconds = setting('BENCH_SECONDS', 10, 60);
const warmupSeconds = setting('BENCH_WARMUP_SECONDS', 2, 60);
const sequentialRequests = setting('BENCH_TEAM_REQUESTS', 300, 10_000);
const teamSize = setting('BENCH_TEAM_SIZE', 60, 100);
/** Employees reading their own profile while the leaders read the overview: the rest of the municipality's day. */
const employeeCount = setting('BENCH_TEAM_EMPLOYEES', 40, 1000);
const engines = enginesFrom('BENCH_TEAM_ENGINES');
/** Issue 5's targets for the server time of both aggregates. */
const targetMs: Record<DatabaseKind, number> = { postgresql: 100, pglite: 500 };
/** Seeding writes 1.76 M rating rows besides the profile benchmark's data: allow for a slow engine. */
const engineTimeoutMs = 30 * 60_000;
const scratchName = `vejviser_bench_team_${process.pid}`;

type Route = 'matrix' | 'units' | 'profile';
const routeNames: Record<Route, string> = {
  matrix: 'GET /api/units/:unitId/team-overview (60 people)',
  units: 'GET /api/team-overview/units (10,000 employees)',
  profile: 'GET /api/profiles/:userId (background)',
};

interface EngineResult {
  engine: DatabaseKind;
  ready: Ready;
  bodyBytes: Record<'matrix' | 'units', number>;
  unitCount: number;
  /** Server time per route, one request at a time. */
  sequential: Record<Route, Percentiles>;
  /** Server time per route during the measured mixed load. */
  underLoad: Record<Route, Percentiles>;
  load: Measurement;
}

interface Callers {
  leader: Session;
  admin: Session;
  employees: Session[];
  teamUnitId: string;
}

const routeOf = (path: string): Route | undefined =>
  path.endsWith('/team-overview')
    ? 'matrix'
    : path === '/api/team-overview/units'
      ? 'units'
      : path.startsWith('/api/profiles/')
        ? 'profile'
        : undefined;

async function logInCallers(origin: string): Promise<Callers> {
  // Team 001's leader (see bench/profile-seed.ts) and Demo Kommune's administrator, who sees every unit.
  const leader = await logIn(origin, 'bench.leader.001@demokommune.example');
  const admin = await logIn(origin, demoEmail('Mette Lund'));
  const employees: Session[] = [];
  for (let index = 0; index < employeeCount; index++) {
    employees.push(await logIn(origin, benchEmployeeEmail(1 + ((index * 97) % benchEmployeeCount))));
  }
  const me = (await (
    await fetch(`${origin}/api/auth/me`, { headers: { cookie: leader.cookie } })
  ).json()) as {
    ledUnits: { id: string }[];
  };
  return { leader, admin, employees, teamUnitId: me.ledUnits[0]!.id };
}

const matrixPath = (callers: Callers) => `/api/units/${callers.teamUnitId}/team-overview`;

/** Both answers outside the measurements: they must be the full ones, or the numbers would measure something else. */
async function check(origin: string, callers: Callers) {
  const matrixResponse = await fetch(`${origin}${matrixPath(callers)}`, {
    headers: { cookie: callers.leader.cookie },
  });
  const matrixBody = await matrixResponse.text();
  if (matrixResponse.status !== 200)
    throw new Error(`the matrix answered ${matrixResponse.status}: ${matrixBody.slice(0, 200)}`);
  const matrix = teamOverviewSchema.parse(JSON.parse(matrixBody));
  if (matrix.rows.length !== teamSize || matrix.rows.some((row) => row.round === null)) {
    throw new Error(`the matrix has ${matrix.rows.length} rows, not ${teamSize} rated people`);
  }
  const unitsResponse = await fetch(`${origin}/api/team-overview/units`, {
    headers: { cookie: callers.admin.cookie },
  });
  const unitsBody = await unitsResponse.text();
  if (unitsResponse.status !== 200)
    throw new Error(`the figures answered ${unitsResponse.status}: ${unitsBody.slice(0, 200)}`);
  const figures = unitAggregatesSchema.parse(JSON.parse(unitsBody));
  const benchUnits = figures.units.filter((entry) => entry.unit.name.startsWith('Team ') && entry.reportable);
  if (benchUnits.length < benchTeamCount) {
    throw new Error(`the figures show ${benchUnits.length} reportable bench teams, not ${benchTeamCount}`);
  }
  const bytes = (text: string) => new TextEncoder().encode(text).byteLength;
  return {
    bodyBytes: { matrix: bytes(matrixBody), units: bytes(unitsBody) },
    unitCount: figures.units.length,
  };
}

/**
 * One request at a time: matrix, figures and an employee's profile in turn. The profile is the yardstick: its server
 * time on an idle machine is in the profile benchmark's results, so it shows how busy the machine was in this run.
 */
async function sequential(origin: string, callers: Callers, count: number) {
  for (let index = 0; index < count; index++) {
    const employee = callers.employees[index % callers.employees.length]!;
    const turns: [string, string][] = [
      [matrixPath(callers), callers.leader.cookie],
      ['/api/team-overview/units', callers.admin.cookie],
      [`/api/profiles/${employee.id}`, employee.cookie],
    ];
    const [path, cookie] = turns[index % turns.length]!;
    const response = await fetch(`${origin}${path}`, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  }
}

/** The mixed load: per leader's matrix and administrator's figures, four employees open their profile. */
function mixedRequests(callers: Callers): autocannon.Request[] {
  const requests: autocannon.Request[] = [];
  for (let index = 0; index < callers.employees.length; index += 4) {
    requests.push({ method: 'GET', path: matrixPath(callers), headers: { cookie: callers.leader.cookie } });
    requests.push({
      method: 'GET',
      path: '/api/team-overview/units',
      headers: { cookie: callers.admin.cookie },
    });
    for (const employee of callers.employees.slice(index, index + 4)) {
      requests.push({
        method: 'GET',
        path: `/api/profiles/${employee.id}`,
        headers: { cookie: employee.cookie },
      });
    }
  }
  return requests;
}

function fire(
  url: string,
  requests: autocannon.Request[],
  duration: number,
  onLatency?: (ms: number) => void,
) {
  let nextClient = 0;
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        requests,
        setupClient: (client: autocannon.Client) => {
          const offset = (nextClient++ * 5) % requests.length;
          client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
        },
      },
      (error: unknown, result) => (error ? reject(error) : resolve(result)),
    );
    if (onLatency) {
      instance.on('response', (_client, statusCode, _bytes, ms) => {
        if (statusCode === 200) onLatency(ms);
      });
    }
  });
}

/** Server times of the recorded requests, per route. */
function byRoute(samples: { ms: number[]; paths: string[] }): Record<Route, number[]> {
  const result: Record<Route, number[]> = { matrix: [], units: [], profile: [] };
  samples.paths.forEach((path, index) => {
    const route = routeOf(path);
    if (route) result[route].push(samples.ms[index]!);
  });
  return result;
}

const engineName = (engine: DatabaseKind) =>
  engine === 'pglite' ? 'PGlite in memory' : 'PostgreSQL (scratch database)';
const seconds1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms1 = (value: number) => value.toFixed(1);
const ratio = (value: number, target: number) => (value / target).toFixed(2);
const whole = (value: number) => Math.round(value).toLocaleString('en-US');

async function runEngine(engine: DatabaseKind): Promise<EngineResult> {
  console.log(`\n== ${engineName(engine)} ==\nSeeding …`);
  const seedStarted = performance.now();
  const { child, ready } = await startServer(engine, scratchName, {
    [teamMembersVariable]: String(teamSize),
  });
  trackServer(child);
  try {
    console.log(
      `Seeded in ${seconds1(performance.now() - seedStarted)} (child start, migrations and seedDemo included)`,
    );
    const origin = `http://127.0.0.1:${ready.appPort}`;
    // Logged in just before measuring: a session older than a minute is touched (written) on its next request.
    const callers = await logInCallers(origin);
    const checked = await check(origin, callers);

    process.stdout.write(`  one at a time: 30 warm-up, ${sequentialRequests} measured …`);
    await sequential(origin, callers, 30);
    await ask(child, { type: 'record' }, 'recording');
    await sequential(origin, callers, sequentialRequests);
    const sequentialSamples = await ask(child, { type: 'samples' }, 'samples');
    if (sequentialSamples.non200 > 0) throw new Error(`${sequentialSamples.non200} requests were not 200`);
    const sequentialTimes = byRoute(sequentialSamples);
    process.stdout.write(' done\n');

    process.stdout.write(
      `  mixed load, ${connections} connections: ${warmupSeconds} s warm-up, ${seconds} s measured …`,
    );
    const requests = mixedRequests(callers);
    const target = { name: 'mixed', route: 'team overview, figures across units and profiles' };
    assertClean(target, await fire(origin, requests, warmupSeconds));
    await ask(child, { type: 'record' }, 'recording');
    const load = await measuredRun(
      target,
      0,
      (onLatency) => fire(origin, requests, seconds, onLatency),
      async () => (await ask(child, { type: 'cpu' }, 'cpu')).usage,
    );
    const loadSamples = await ask(child, { type: 'samples' }, 'samples');
    if (loadSamples.non200 > 0) throw new Error(`${loadSamples.non200} requests under load were not 200`);
    const loadTimes = byRoute(loadSamples);
    process.stdout.write(' done\n');
    return {
      engine,
      ready,
      ...checked,
      sequential: {
        matrix: percentilesOf(sequentialTimes.matrix),
        units: percentilesOf(sequentialTimes.units),
        profile: percentilesOf(sequentialTimes.profile),
      },
      underLoad: {
        matrix: percentilesOf(loadTimes.matrix),
        units: percentilesOf(loadTimes.units),
        profile: percentilesOf(loadTimes.profile),
      },
      load,
    };
  } finally {
    await stopServer(child as ChildProcess);
    trackServer(undefined);
  }
}

function report(results: EngineResult[]) {
  const first = results[0]!;
  const { counts } = first.ready.seed;
  console.log(
    `\nSeeded per engine: ${whole(counts.employees)} employees in ${benchTeamCount} teams (${teamSize} of Team 001 ` +
      `active), ${counts.rounds} rounds, ${whole(counts.assessments)} submitted assessments, ${whole(counts.ratings)} ` +
      `rating rows. Bodies: matrix ${whole(first.bodyBytes.matrix)} B, figures ${whole(first.bodyBytes.units)} B ` +
      `(${first.unitCount} units).\n`,
  );
  const stepNames = first.ready.seed.steps.map((step) => step.name);
  console.log(
    table(
      ['seeding step', ...results.map((result) => result.engine)],
      [
        ['migrations + seedDemo', ...results.map((result) => seconds1(result.ready.demoMs))],
        ...stepNames.map((name, index) => [
          name,
          ...results.map((result) => seconds1(result.ready.seed.steps[index]!.ms)),
        ]),
      ],
    ),
  );
  console.log(
    `\nServer time (inside app.fetch), ms, and the p95 as a ratio to the target (PostgreSQL ${targetMs.postgresql} ms, PGlite ${targetMs.pglite} ms):\n`,
  );
  const row = (label: string, values: Percentiles, target: number) => [
    label,
    whole(values.count),
    ms1(values.p50),
    ms1(values.p95),
    ms1(values.p99),
    ms1(values.max),
    ratio(values.p50, target),
    ratio(values.p95, target),
  ];
  console.log(
    table(
      ['engine, route, mode', 'requests', 'p50', 'p95', 'p99', 'max', 'p50 ÷ target', 'p95 ÷ target'],
      results.flatMap((result) => {
        const target = targetMs[result.engine];
        return [
          row(`${result.engine}, matrix, one at a time`, result.sequential.matrix, target),
          row(`${result.engine}, figures, one at a time`, result.sequential.units, target),
          row(`${result.engine}, profile, one at a time`, result.sequential.profile, target),
          row(`${result.engine}, matrix, ${connections} connections`, result.underLoad.matrix, target),
          row(`${result.engine}, figures, ${connections} connections`, result.underLoad.units, target),
          row(`${result.engine}, profile, ${connections} connections`, result.underLoad.profile, target),
        ];
      }),
    ),
  );
  for (const result of results) {
    console.log(
      `\n${engineName(result.engine)}: the mixed load as the client saw it (every 200 response):\n`,
    );
    console.log(rawTable([result.load]));
  }
  console.log(`\nRoutes: ${Object.values(routeNames).join('; ')}.`);
}

async function main() {
  const cpus = os.cpus();
  console.log(`Vejviser team overview benchmark, ${new Date().toISOString()}`);
  console.log(
    `Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${os.platform()}`,
  );
  console.log(
    `Team of ${teamSize}; ${sequentialRequests} sequential requests; mixed load of ${connections} connections ` +
      `(${employeeCount} employees' profiles beside the overview), ${warmupSeconds} s warm-up + ${seconds} s measured`,
  );
  const busy = await machineBusyPercent();
  console.log(`CPU busy just before the run: ${busy.toFixed(0)} % of ${cpus.length} cores`);
  if (busy > 20) console.log('Warning: something else is using the CPU; expect noisy numbers.');
  report(await eachEngine(engines, scratchName, engineTimeoutMs, runEngine));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
