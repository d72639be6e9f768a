/** @module The command line as an operator uses it: config errors, create-admin, seed-demo, an online backup, and a clean stop. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { verifyPassword } from '../../src/server/auth/passwords.ts';
import { scratchDatabase } from '../support/postgres.ts';

const root = join(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const dataDir = mkdtempSync(join(tmpdir(), 'vejviser-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(tsx, ['src/server/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

const finish = async (args: string[], env: Record<string, string> = {}) => {
  const process = run(args, env);
  const code = await process.exited;
  return { code, output: process.output() };
};

/** A port nobody listens on now: fixed ports collide when two checkouts run their tests at once. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitFor(child: ChildProcess, output: () => string, text: string) {
  for (let waited = 0; waited < 60_000; waited += 100) {
    if (output().includes(text)) return;
    if (child.exitCode !== null) throw new Error(`exited early: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for "${text}": ${output()}`);
}

describe('vejviser CLI', () => {
  it('stops on a wrong setting and names the variable', async () => {
    const { code, output } = await finish(['migrate'], { PORT: 'tusind' });
    expect(code).toBe(2);
    expect(output).toContain('Invalid configuration');
    expect(output).toContain('PORT');
  });

  it('creates an administrator with a one-time password that works, in a new municipality', async () => {
    const usage = await finish(['create-admin', '--email', 'ikke-en-adresse']);
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('create-admin needs --email');

    const { code, output } = await finish([
      'create-admin',
      '--email',
      'it@toender.example',
      '--municipality',
      'Tønder Kommune',
      '--name',
      'Inge Toft',
    ]);
    expect(code, output).toBe(0);
    expect(output).toContain('Created the municipality "Tønder Kommune"');
    const password = output.match(/^ {2}([a-z2-9]{5}(?:-[a-z2-9]{5}){3})$/m)?.[1];
    expect(password).toBeDefined();

    const again = await finish([
      'create-admin',
      '--email',
      'IT@toender.example',
      '--municipality',
      'Tønder Kommune',
    ]);
    expect(again.code).toBe(2);
    expect(again.output).toContain('exists already');

    const handle = await openPglite({ dataDir: join(dataDir, 'pgdata') });
    try {
      const repositories = createRepositories(handle.db);
      const login = await repositories.system.findLoginByEmail('it@toender.example');
      expect(await verifyPassword(login!.passwordHash!, password!)).toBe(true);
      expect(login!.passwordExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
      // No demo data was put into a database that was only migrated.
      expect(await repositories.system.findDemoMunicipality()).toBeUndefined();
    } finally {
      await handle.close();
    }
  }, 90_000);

  it('seeds the demo once, however often it is asked', async () => {
    const first = await finish(['seed-demo']);
    expect(first.output).toContain('Demo Kommune created.');
    const second = await finish(['seed-demo']);
    expect(second.code).toBe(0);
    expect(second.output).toContain('exists already; nothing changed');
  }, 90_000);

  it('serves, refuses a second server on the same data, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const server = run(['start'], { PORT: String(port), HOST: '127.0.0.1' });
    await waitFor(server.child, server.output, `Vejviser is running at http://localhost:${port}`);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });

    // The running server makes the backup itself; nobody has to stop it.
    const backup = await finish(['backup', '--out', join(dataDir, 'while-serving.backup')]);
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain('Made by the running server, which kept serving.');
    expect((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).status).toBe(200);

    const second = await finish(['start'], { PORT: String(await freePort()) });
    expect(second.code).toBe(2);
    expect(second.output).toContain('in use by another Vejviser process');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(existsSync(join(dataDir, 'pgdata.lock'))).toBe(false);
    expect(existsSync(join(dataDir, 'control/server.sock'))).toBe(false);
  }, 120_000);
});

const postgresUrl = process.env.TEST_DATABASE_URL;

// Needs a PostgreSQL server; skipped only when TEST_DATABASE_URL is unset (CI always sets it).
describe.skipIf(!postgresUrl)('vejviser CLI on a PostgreSQL server', () => {
  const database = scratchDatabase(postgresUrl!, `vejviser_cli_${process.pid}`);
  afterAll(() => database.drop());

  it('migrates, serves without demo data, and seeds the demo only when asked', async () => {
    await database.create();
    const env = { DATABASE_URL: database.url };
    const migrated = await finish(['migrate'], env);
    expect(migrated.code, migrated.output).toBe(0);

    const port = await freePort();
    const server = run(['start'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
    await waitFor(server.child, server.output, 'Vejviser is running');
    expect(await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).toEqual({
      status: 'ok',
      database: 'postgresql',
    });
    expect(server.output()).not.toContain('Demo Kommune');
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'mette.lund@demokommune.example', password: 'vejviser-demo' }),
    });
    expect(login.status).toBe(401);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const seeded = await finish(['seed-demo'], env);
    expect(seeded.output).toContain('Demo Kommune created.');
  }, 120_000);
});
