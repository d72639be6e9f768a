/** @module What every benchmark script shares: its settings, CPU accounting, and the check that a run was clean. */
import os from 'node:os';
import type autocannon from 'autocannon';
import { type Measurement, percentile } from './report.ts';

/** A whole-number setting from the environment, within 1..max; a wrong value stops the benchmark. */
export function setting(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    console.error(`${name} must be a whole number from 1 to ${max}, not "${raw}".`);
    process.exit(2);
  }
  return value;
}

export const cpuMicros = (usage: NodeJS.CpuUsage) => usage.user + usage.system;

/** Milliseconds every core together has spent busy since boot. */
export function machineBusyMs(): number {
  return os.cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);
}

/** Share of all cores busy over one second; the load average would still remember minutes-old work. */
export async function machineBusyPercent(): Promise<number> {
  const before = machineBusyMs();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return ((machineBusyMs() - before) / ((performance.now() - started) * os.cpus().length)) * 100;
}

/** Errors, time-outs or non-2xx answers make a run meaningless: a fast 401 is not a result. */
export function assertClean(target: { route: string }, result: autocannon.Result) {
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${target.route}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`,
    );
  }
}

/**
 * One measured autocannon run: latencies of every 200 answer, and the CPU the server, this client and the rest of
 * the machine spent meanwhile. `run` starts the load and reports each latency; `serverCpu` asks the server process.
 */
export async function measuredRun(
  target: { name: string; route: string },
  bodyBytes: number,
  run: (onLatency: (ms: number) => void) => Promise<autocannon.Result>,
  serverCpu: () => Promise<NodeJS.CpuUsage>,
): Promise<Measurement> {
  const latencies: number[] = [];
  const serverBefore = await serverCpu();
  const clientBefore = process.cpuUsage();
  const machineBefore = machineBusyMs();
  const started = performance.now();
  const result = await run((ms) => latencies.push(ms));
  const wallMicros = (performance.now() - started) * 1000;
  const clientMicros = cpuMicros(process.cpuUsage(clientBefore));
  const machineMicros = (machineBusyMs() - machineBefore) * 1000;
  const serverMicros = cpuMicros(await serverCpu()) - cpuMicros(serverBefore);
  assertClean(target, result);

  const sorted = Float64Array.from(latencies).sort();
  return {
    name: target.name,
    route: target.route,
    requestsPerSecond: result.requests.average,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.at(-1) ?? Number.NaN,
    requests: result.requests.total,
    bodyBytes,
    serverCpuPercent: (serverMicros / wallMicros) * 100,
    clientCpuPercent: (clientMicros / wallMicros) * 100,
    // Everything else the machine did: other work that skews these numbers, or the PostgreSQL server when used.
    otherCpuPercent: Math.max(0, ((machineMicros - serverMicros - clientMicros) / wallMicros) * 100),
  };
}
