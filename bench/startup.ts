/**
 * @module Start-up benchmark: how long from `npm start` to a served page, on a first (cold) start and on warm
 * restarts of the same data directory. Target from the foundation issue: a warm restart under 3 seconds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const port = 3291;
const warmRuns = 5;

async function timeToServedPage(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (performance.now() - started > 120_000) throw new Error('the server did not answer within 120 s');
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        if (response.ok && (await response.text()).includes('<div id="root">'))
          return performance.now() - started;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    // npm starts tsx, which starts node: stop the whole group, and wait until the port is free again.
    const exited = new Promise((resolve) => child.on('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'vejviser-startup-'));
try {
  const cold = await timeToServedPage(dataDir);
  const warm: number[] = [];
  for (let run = 0; run < warmRuns; run += 1) warm.push(await timeToServedPage(dataDir));
  warm.sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)]!;
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  console.log(`first start (new database, demo seeded): ${seconds(cold)} s`);
  console.log(
    `warm restart, median of ${warmRuns}: ${seconds(median)} s (all: ${warm.map(seconds).join(', ')})`,
  );
  console.log(`warm restart / 3 s target: ${(median / 3000).toFixed(2)}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
