/** @module `npm run bench`: req/s and p99 latency of the health check and a framework read, next to bare Hono. */
import { type ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { demoEmail, demoPassword } from '../src/db/seed/demo.ts';
import { sessionCookieName } from '../src/server/auth/tokens.ts';
import { frameworkListSchema } from '../src/server/contracts/frameworks.ts';
import { assertClean, machineBusyPercent, measuredRun, setting } from './load.ts';
import { type Measurement, ratioTable, rawTable } from './report.ts';
import type { BenchMessage, ServerMessage } from './servers.ts';

const connections = setting('BENCH_CONNECTIONS', 10, 100);
const seconds = setting('BENCH_SECONDS', 5, 60);
const warmupSeconds = setting('BENCH_WARMUP_SECONDS', 2, 60);

interface Target {
  name: string;
  route: string;
  url: string;
  headers?: Record<string, string>;
}

type Ready = Extract<ServerMessage, { type: 'ready' }>;

/**
 * The servers run in a child process so that the load generator and the server under test each get a core of
 * their own; in one process they would share an event loop and every ratio would be blurred by the client's cost.
 */
async function startServers(): Promise<{ child: ChildProcess; ready: Ready }> {
  // fork() reuses this process's execArgv, which carries tsx's loader, so the child can run TypeScript too.
  const child = fork(fileURLToPath(new URL('./servers.ts', import.meta.url)), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.on('message', (message: ServerMessage) => {
      if (message.type === 'ready') resolve(message);
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`the server process exited (code ${code}) before it was ready`)),
    );
  });
  return { child, ready };
}

async function stopServers(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send({ type: 'stop' } satisfies BenchMessage);
  const force = setTimeout(() => child.kill(), 10_000);
  await exited;
  clearTimeout(force);
}

function serverCpu(child: ChildProcess): Promise<NodeJS.CpuUsage> {
  return new Promise((resolve, reject) => {
    if (!child.connected) return reject(new Error('the server process has gone'));
    const onExit = () => reject(new Error('the server process exited during the benchmark'));
    const onMessage = (message: ServerMessage) => {
      if (message.type !== 'cpu') return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message.usage);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send({ type: 'cpu' } satisfies BenchMessage);
  });
}

/** One request outside the benchmark: proves the target answers 200 (a 401 would be fast and meaningless). */
async function bodyBytesOf(target: Target): Promise<number> {
  const response = await fetch(target.url, { headers: target.headers });
  const body = await response.arrayBuffer();
  if (response.status !== 200) {
    throw new Error(
      `${target.route} answered ${response.status}: ${new TextDecoder().decode(body).slice(0, 200)}`,
    );
  }
  return body.byteLength;
}

async function logIn(origin: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoEmail('Birthe Hansen'), password: demoPassword }),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`logging in answered ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => pair.startsWith(`${sessionCookieName}=`));
  if (!cookie) throw new Error(`logging in set no ${sessionCookieName} cookie`);
  return cookie;
}

async function publishedFrameworkId(origin: string, cookie: string): Promise<string> {
  const response = await fetch(`${origin}/api/frameworks`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`GET /api/frameworks answered ${response.status}`);
  const { frameworks } = frameworkListSchema.parse(await response.json());
  const published = frameworks.find((framework) => framework.status === 'published');
  if (!published) throw new Error('the demo municipality has no published framework');
  return published.id;
}

function fire(target: Target, duration: number, onLatency?: (ms: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: target.url, connections, duration, headers: target.headers },
      (error: unknown, result) => (error ? reject(error) : resolve(result)),
    );
    // autocannon's own histogram has 1 ms resolution, too coarse for sub-millisecond answers; keep every sample.
    if (onLatency) {
      instance.on('response', (_client, statusCode, _bytes, ms) => {
        if (statusCode === 200) onLatency(ms);
      });
    }
  });
}

async function measure(child: ChildProcess, target: Target): Promise<Measurement> {
  const bodyBytes = await bodyBytesOf(target);
  process.stdout.write(`  ${target.name}: ${warmupSeconds} s warm-up, ${seconds} s measured …`);
  assertClean(target, await fire(target, warmupSeconds));

  const measurement = await measuredRun(
    target,
    bodyBytes,
    (onLatency) => fire(target, seconds, onLatency),
    () => serverCpu(child),
  );
  process.stdout.write(' done\n');
  return measurement;
}

async function main() {
  const cpus = os.cpus();
  console.log(`Vejviser HTTP benchmark, ${new Date().toISOString()}`);
  console.log(
    `Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${os.platform()}`,
  );
  console.log(
    `${connections} connections, ${warmupSeconds} s warm-up + ${seconds} s measured per target, in turn`,
  );
  const busy = await machineBusyPercent();
  console.log(`CPU busy just before the run: ${busy.toFixed(0)} % of ${cpus.length} cores`);
  // Both processes share the cores with whatever else runs; on a busy machine the numbers are mostly noise.
  if (busy > 20) console.log('Warning: something else is using the CPU; expect noisy numbers.');

  const { child, ready } = await startServers();
  try {
    const origin = `http://127.0.0.1:${ready.appPort}`;
    console.log(
      `Database: ${ready.database === 'pglite' ? 'PGlite in memory' : 'PostgreSQL (scratch database)'}\n`,
    );

    const bare: Target = { name: 'bare', route: 'GET /bare', url: `http://127.0.0.1:${ready.barePort}/bare` };
    const health: Target = { name: 'health', route: 'GET /api/health', url: `${origin}/api/health` };
    const measurements = [await measure(child, bare), await measure(child, health)];

    // Logged in just before its run: a session older than a minute is touched (written) on the next request.
    const cookie = await logIn(origin);
    const versionId = await publishedFrameworkId(origin, cookie);
    const framework: Target = {
      name: 'framework',
      route: 'GET /api/frameworks/:versionId',
      url: `${origin}/api/frameworks/${versionId}`,
      headers: { cookie },
    };
    measurements.push(await measure(child, framework));

    const [baseline, ...others] = measurements;
    console.log(`\nRaw numbers (latency from every 200 response of the measured seconds):\n`);
    console.log(rawTable(measurements));
    console.log(`\nRatios to bare Hono on @hono/node-server:\n`);
    console.log(ratioTable(baseline!, others));
  } finally {
    await stopServers(child);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
