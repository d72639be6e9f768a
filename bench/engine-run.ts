/**
 * @module What the benchmarks that seed a large municipality share (`bench/profile.ts`, `bench/team.ts`): the server
 * process per engine and its IPC, the scratch PostgreSQL database, logging in, the per-engine time limit and Ctrl-C.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DatabaseKind } from '../src/db/client.ts';
import { demoPassword } from '../src/db/seed/demo.ts';
import { sessionCookieName } from '../src/server/auth/tokens.ts';
import { sessionUserSchema } from '../src/server/contracts/auth.ts';
import {
  adminQuery,
  engineVariable,
  type ProfileBenchMessage,
  type ProfileServerMessage,
  scratchDatabaseVariable,
} from './profile-common.ts';
import { percentile } from './report.ts';

export type Ready = Extract<ProfileServerMessage, { type: 'ready' }>;

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentilesOf(values: number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** The engines named in an environment variable (default both), or the benchmark stops. */
export function enginesFrom(variable: string): DatabaseKind[] {
  const engines = (process.env[variable] || 'pglite,postgresql').split(',') as DatabaseKind[];
  if (engines.length === 0 || engines.some((engine) => engine !== 'pglite' && engine !== 'postgresql')) {
    console.error(`${variable} must list pglite and/or postgresql, not "${engines.join(',')}".`);
    process.exit(2);
  }
  return engines;
}

export const benchDatabaseUrl =
  process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Asks the child something over IPC and waits for the answer of type `type`. */
export function ask<T extends ProfileServerMessage['type']>(
  child: ChildProcess,
  question: ProfileBenchMessage,
  type: T,
): Promise<Extract<ProfileServerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    if (!child.connected) return reject(new Error('the server process has gone'));
    const onExit = () => reject(new Error('the server process exited during the benchmark'));
    const onMessage = (message: ProfileServerMessage) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as Extract<ProfileServerMessage, { type: T }>);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(question);
  });
}

/**
 * Server (and database) in a child process, so that the load generator and the server each get a core of their
 * own, as in `bench/http.ts`. `env` adds settings for the seed (e.g. the size of the measured team).
 */
export async function startServer(
  engine: DatabaseKind,
  scratchName: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(fileURLToPath(new URL('./profile-server.ts', import.meta.url)), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // BENCH_CPU_PROFILE=<dir> writes the server's V8 CPU profile there when it exits (open it in Chrome's DevTools).
    execArgv: process.env.BENCH_CPU_PROFILE
      ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
      : process.execArgv,
    env: {
      ...process.env,
      ...env,
      [engineVariable]: engine,
      [scratchDatabaseVariable]: scratchName,
      BENCH_DATABASE_URL: benchDatabaseUrl,
    },
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.on('message', (message: ProfileServerMessage) => {
      if (message.type === 'ready') resolve(message);
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`the server process exited (code ${code}) before it was ready`)),
    );
  });
  return { child, ready };
}

export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send({ type: 'stop' } satisfies ProfileBenchMessage);
  else child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(force);
}

/** The child drops its scratch database itself; this catches the case where it could not (it was killed). */
export async function dropScratchDatabase(scratchName: string) {
  try {
    await adminQuery(benchDatabaseUrl, `DROP DATABASE IF EXISTS ${scratchName} WITH (FORCE)`);
  } catch (error) {
    console.error(`Could not drop ${scratchName}: ${(error as Error).message}`);
  }
}

export interface Session {
  id: string;
  cookie: string;
}

export async function logIn(origin: string, email: string): Promise<Session> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (response.status !== 200) throw new Error(`logging in as ${email} answered ${response.status}`);
  const user = sessionUserSchema.parse(await response.json());
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => pair.startsWith(`${sessionCookieName}=`));
  if (!cookie) throw new Error(`logging in set no ${sessionCookieName} cookie`);
  return { id: user.id, cookie };
}

/** The server process of the engine being measured, for the signal handlers. */
let currentChild: ChildProcess | undefined;

/** Remembers the running server process, so Ctrl-C can stop it. */
export const trackServer = (child: ChildProcess | undefined) => {
  currentChild = child;
};

/**
 * Runs `runEngine` for each engine in turn, each within `timeoutMs`, dropping the scratch PostgreSQL database after
 * it; Ctrl-C stops the server process and drops the database too.
 */
export async function eachEngine<R>(
  engines: readonly DatabaseKind[],
  scratchName: string,
  timeoutMs: number,
  runEngine: (engine: DatabaseKind) => Promise<R>,
): Promise<R[]> {
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      if (interrupted) return;
      interrupted = true;
      console.error(`\n${signal}: stopping …`);
      if (currentChild) await stopServer(currentChild);
      if (engines.includes('postgresql')) await dropScratchDatabase(scratchName);
      process.exit(130);
    });
  }
  const results: R[] = [];
  for (const engine of engines) {
    const timeout = setTimeout(() => {
      console.error(`\n${engine} took longer than ${timeoutMs / 60_000} minutes; giving up.`);
      process.kill(process.pid, 'SIGTERM');
    }, timeoutMs);
    try {
      results.push(await runEngine(engine));
    } finally {
      clearTimeout(timeout);
      if (engine === 'postgresql') await dropScratchDatabase(scratchName);
    }
  }
  return results;
}
