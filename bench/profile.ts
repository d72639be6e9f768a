/**
 * @module `npm run bench:profile`: one employee's competence profile (`GET /api/profiles/:userId`) in a
 * municipality of 10,000 employees with four rounds of ratings, on PGlite and on PostgreSQL: its server time
 * (target from issue 3: p95 under 20 ms on PostgreSQL) and its throughput under 50 connections next to bare Hono.
 */
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import autocannon from 'autocannon';
import type { DatabaseKind } from '../src/db/client.ts';
import { profileSchema } from '../src/server/contracts/rounds.ts';
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
import { benchEmployeeCount, benchEmployeeEmail, benchRoundCount } from './profile-seed.ts';
import { type Measurement, ratioTable, rawTable, table } from './report.ts';

const connections = setting('BENCH_CONNECTIONS', 50, 100);
const seconds = setting('BENCH_SECONDS', 5, 60);
const warmupSeconds = setting('BENCH_WARMUP_SECONDS', 2, 60);
const employeeCount = setting('BENCH_PROFILE_EMPLOYEES', 100, 1000);
const sequentialRequests = setting('BENCH_PROFILE_REQUESTS', 400, 10_000);
const engines = enginesFrom('BENCH_PROFILE_ENGINES');
/** The target for the profile's server time on PostgreSQL. */
const targetP95Ms = 20;
/** Generous bound on one engine's whole run (seeding included): the benchmark must stop by itself. */
const engineTimeoutMs = 15 * 60_000;

type Employee = Session;

interface EngineResult {
  engine: DatabaseKind;
  ready: Ready;
  profileBytes: number;
  /** Server time of sequential requests, one at a time. */
  sequential: Percentiles;
  /** Client-observed latency of the same requests. */
  sequentialClient: Percentiles;
  /** Server time of every profile request during the measured load run. */
  underLoad: Percentiles;
  bare: Measurement;
  profile: Measurement;
}

const scratchName = `vejviser_bench_profile_${process.pid}`;

/**
 * Employees spread over the 10,000 and over the 100 teams (a stride of 97 reaches every team in 100 steps), each
 * logged in with a session of their own.
 */
async function logInEmployees(origin: string): Promise<Employee[]> {
  const employees: Employee[] = [];
  for (let index = 0; index < employeeCount; index++) {
    employees.push(await logIn(origin, benchEmployeeEmail(1 + ((index * 97) % benchEmployeeCount))));
  }
  return employees;
}

const profilePath = (employee: Employee) => `/api/profiles/${employee.id}`;

/** One profile outside the measurements: it must be the full one, or the numbers would measure something else. */
async function checkProfile(origin: string, employee: Employee): Promise<number> {
  const response = await fetch(`${origin}${profilePath(employee)}`, { headers: { cookie: employee.cookie } });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`the profile answered ${response.status}: ${body.slice(0, 200)}`);
  const profile = profileSchema.parse(JSON.parse(body));
  const complete =
    profile.rounds.length === benchRoundCount &&
    profile.rounds.every((round) => round.selfSubmitted && round.leaderSubmitted && round.leaderVisible);
  if (!complete) throw new Error('the profile does not show four rounds with self and leader ratings');
  return new TextEncoder().encode(body).byteLength;
}

/** Requests one at a time, each for the next employee; returns client-observed milliseconds. */
async function sequential(origin: string, employees: Employee[], count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < count; index++) {
    const employee = employees[index % employees.length]!;
    const started = performance.now();
    const response = await fetch(`${origin}${profilePath(employee)}`, {
      headers: { cookie: employee.cookie },
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`the profile answered ${response.status}`);
  }
  return latencies;
}

interface Target {
  name: string;
  route: string;
  url: string;
  /** For the profile: one request per employee, each connection starting at a different one. */
  requests?: autocannon.Request[];
}

function fire(target: Target, duration: number, onLatency?: (ms: number) => void) {
  let nextClient = 0;
  const requests = target.requests;
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections,
        duration,
        ...(requests && {
          requests,
          setupClient: (client: autocannon.Client) => {
            const offset = (nextClient++ * 7) % requests.length;
            client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
          },
        }),
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

/** Warm-up, then the measured run; with `serverTimes`, the child times every app request of the measured run. */
async function measure(
  child: ChildProcess,
  target: Target,
  bodyBytes: number,
  serverTimes?: (ms: number[]) => void,
): Promise<Measurement> {
  process.stdout.write(`  ${target.name}: ${warmupSeconds} s warm-up, ${seconds} s measured …`);
  assertClean(target, await fire(target, warmupSeconds));

  if (serverTimes) await ask(child, { type: 'record' }, 'recording');
  const measurement = await measuredRun(
    target,
    bodyBytes,
    (onLatency) => fire(target, seconds, onLatency),
    async () => (await ask(child, { type: 'cpu' }, 'cpu')).usage,
  );
  if (serverTimes) serverTimes((await ask(child, { type: 'samples' }, 'samples')).ms);
  process.stdout.write(' done\n');
  return measurement;
}

const engineName = (engine: DatabaseKind) =>
  engine === 'pglite' ? 'PGlite in memory' : 'PostgreSQL (scratch database)';
const seconds1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms2 = (value: number) => value.toFixed(2);
const whole = (value: number) => Math.round(value).toLocaleString('en-US');

async function runEngine(engine: DatabaseKind): Promise<EngineResult> {
  console.log(`\n== ${engineName(engine)} ==\nSeeding …`);
  const seedStarted = performance.now();
  const { child, ready } = await startServer(engine, scratchName);
  trackServer(child);
  try {
    const { counts } = ready.seed;
    console.log(
      `Seeded in ${seconds1(performance.now() - seedStarted)} (child start, migrations and seedDemo included): ` +
        `${whole(counts.employees)} employees, ${counts.rounds} rounds, ${whole(counts.assessments)} assessments, ` +
        `${whole(counts.ratings)} ratings`,
    );
    const origin = `http://127.0.0.1:${ready.appPort}`;

    // Logged in just before measuring: a session older than a minute is touched (written) on its next request.
    const loginStarted = performance.now();
    const employees = await logInEmployees(origin);
    console.log(`Logged in ${employees.length} employees in ${seconds1(performance.now() - loginStarted)}`);
    const profileBytes = await checkProfile(origin, employees[0]!);

    // Server time, one request at a time: a pass over every employee to warm up, then the recorded requests.
    process.stdout.write(
      `  profile one at a time: ${employees.length} warm-up, ${sequentialRequests} measured …`,
    );
    await sequential(origin, employees, employees.length);
    await ask(child, { type: 'record' }, 'recording');
    const clientTimes = await sequential(origin, employees, sequentialRequests);
    const serverSamples = await ask(child, { type: 'samples' }, 'samples');
    if (serverSamples.non200 > 0) throw new Error(`${serverSamples.non200} profile requests were not 200`);
    process.stdout.write(' done\n');

    const bare: Target = { name: 'bare', route: 'GET /bare', url: `http://127.0.0.1:${ready.barePort}/bare` };
    const profile: Target = {
      name: 'profile',
      route: 'GET /api/profiles/:userId',
      url: `${origin}${profilePath(employees[0]!)}`,
      requests: employees.map((employee) => ({
        method: 'GET',
        path: profilePath(employee),
        headers: { cookie: employee.cookie },
      })),
    };
    const bareMeasurement = await measure(child, bare, 15);
    let underLoad: number[] = [];
    const profileMeasurement = await measure(child, profile, profileBytes, (ms) => {
      underLoad = ms;
    });
    return {
      engine,
      ready,
      profileBytes,
      sequential: percentilesOf(serverSamples.ms),
      sequentialClient: percentilesOf(clientTimes),
      underLoad: percentilesOf(underLoad),
      bare: bareMeasurement,
      profile: profileMeasurement,
    };
  } finally {
    await stopServer(child);
    trackServer(undefined);
  }
}

function report(results: EngineResult[]) {
  const first = results[0]!;
  const { counts } = first.ready.seed;
  console.log(
    `\nSeeded per engine: ${whole(counts.users)} users (${whole(counts.employees)} employees, ` +
      `${counts.leaders} unit leaderships), ${counts.units} units, ${counts.rounds} rounds, ` +
      `${whole(counts.participants)} participants, ${whole(counts.assessments)} submitted assessments ` +
      `(self + leader), ${whole(counts.ratings)} competence ratings (${whole(counts.cannotAssess)} "cannot assess"). ` +
      `Profile body: ${whole(first.profileBytes)} bytes.\n`,
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
        [
          'total',
          ...results.map((result) =>
            seconds1(result.ready.demoMs + result.ready.seed.steps.reduce((sum, step) => sum + step.ms, 0)),
          ),
        ],
      ],
    ),
  );

  console.log(
    `\nServer time of GET /api/profiles/:userId (inside app.fetch), ms; one at a time over ${employeeCount} ` +
      `employees, and under ${connections} connections:\n`,
  );
  console.log(
    table(
      [
        'engine',
        'requests',
        'p50',
        'p95',
        'p99',
        'max',
        'client p50',
        'client p95',
        `p95 < ${targetP95Ms} ms`,
      ],
      results.flatMap((result) => [
        [
          `${result.engine}, one at a time`,
          whole(result.sequential.count),
          ms2(result.sequential.p50),
          ms2(result.sequential.p95),
          ms2(result.sequential.p99),
          ms2(result.sequential.max),
          ms2(result.sequentialClient.p50),
          ms2(result.sequentialClient.p95),
          result.sequential.p95 < targetP95Ms ? 'yes' : 'NO',
        ],
        [
          `${result.engine}, ${connections} connections`,
          whole(result.underLoad.count),
          ms2(result.underLoad.p50),
          ms2(result.underLoad.p95),
          ms2(result.underLoad.p99),
          ms2(result.underLoad.max),
          '',
          '',
          '',
        ],
      ]),
    ),
  );

  for (const result of results) {
    console.log(`\n${engineName(result.engine)}: raw numbers (latency from every 200 response):\n`);
    console.log(rawTable([result.bare, result.profile]));
    console.log(`\nRatio to bare Hono in the same run:\n`);
    console.log(ratioTable(result.bare, [result.profile]));
  }
}

async function main() {
  const cpus = os.cpus();
  console.log(`Vejviser profile benchmark, ${new Date().toISOString()}`);
  console.log(
    `Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${os.platform()}`,
  );
  console.log(
    `${employeeCount} logged-in employees; ${sequentialRequests} sequential profile requests; ` +
      `${connections} connections, ${warmupSeconds} s warm-up + ${seconds} s measured per target`,
  );
  const busy = await machineBusyPercent();
  console.log(`CPU busy just before the run: ${busy.toFixed(0)} % of ${cpus.length} cores`);
  if (busy > 20) console.log('Warning: something else is using the CPU; expect noisy numbers.');

  const results = await eachEngine(engines, scratchName, engineTimeoutMs, runEngine);
  report(results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
