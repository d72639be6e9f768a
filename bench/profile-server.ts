/**
 * @module Child process of the profile benchmark: seeds Demo Kommune plus 10,000 employees with four rounds of
 * ratings, then serves the real app and a bare Hono app until told to stop. It times every request of the app
 * inside this process (around `app.fetch`) while the benchmark asks it to.
 */
import { type HttpBindings, type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { type DatabaseHandle, openPglite, openPostgres } from '../src/db/client.ts';
import { createRepositories } from '../src/db/repositories/index.ts';
import { demoPassword, seedDemo } from '../src/db/seed/demo.ts';
import { createApp } from '../src/server/app.ts';
import { hashPassword } from '../src/server/auth/passwords.ts';
import { createLogger } from '../src/server/logger.ts';
import {
  adminQuery,
  engineVariable,
  type ProfileBenchMessage,
  type ProfileServerMessage,
  scratchDatabaseVariable,
  teamMembersVariable,
} from './profile-common.ts';
import { keepActiveInFirstTeam, type SeedSteps, seedProfileBenchmark } from './profile-seed.ts';

function send(message: ProfileServerMessage) {
  process.send?.(message);
}

function listen(fetch: (request: Request, env: HttpBindings) => Response | Promise<Response>) {
  return new Promise<{ server: ServerType; port: number }>((resolve, reject) => {
    const server = serve(
      { fetch: (request, env) => fetch(request, env as HttpBindings), port: 0, hostname: '127.0.0.1' },
      (info) => resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });
}

function close(server: ServerType) {
  return new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A scratch database `name` on the server of `url`, dropped again on close. */
async function openScratchPostgres(url: string, name: string): Promise<DatabaseHandle> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a safe database name: ${name}`);
  await adminQuery(url, `DROP DATABASE IF EXISTS ${name}`);
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${name}`;
  const handle = await openPostgres(scratchUrl.toString());
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Set once shutting down: a query cut off by it is expected, not an error to report. */
let stopping = false;

async function main() {
  const engine = process.env[engineVariable];
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const scratchName = process.env[scratchDatabaseVariable];
  if (engine !== 'pglite' && engine !== 'postgresql') throw new Error(`${engineVariable} is "${engine}"`);
  if (engine === 'postgresql' && (!databaseUrl || !scratchName)) {
    throw new Error(`PostgreSQL needs BENCH_DATABASE_URL and ${scratchDatabaseVariable}`);
  }
  const handle =
    engine === 'postgresql' ? await openScratchPostgres(databaseUrl!, scratchName!) : await openPglite();
  // From here on every way out closes the handle, which also drops a scratch PostgreSQL database.
  const servers: ServerType[] = [];
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all(servers.map(close));
    await handle.close();
    // Dropping the IPC channel is the last handle keeping this process alive.
    if (process.connected) process.disconnect();
  };
  // If the benchmark dies, do not linger holding ports and a scratch database.
  process.on('disconnect', () => void stop());
  // Ctrl-C in a terminal reaches this process too; finish the shutdown so the scratch database is dropped.
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const repositories = createRepositories(handle.db);
  let demoMs: number;
  let seed: SeedSteps;
  try {
    const started = performance.now();
    await handle.migrate();
    const passwordHash = await hashPassword(demoPassword);
    const municipality = await seedDemo(repositories, passwordHash);
    demoMs = performance.now() - started;
    console.log(`  migrations and seedDemo: ${(demoMs / 1000).toFixed(1)} s`);
    seed = await seedProfileBenchmark(handle.db, repositories, municipality.id, passwordHash, console.log);
    const teamMembers = Number(process.env[teamMembersVariable]);
    if (teamMembers > 0) await keepActiveInFirstTeam(handle.db, municipality.id, teamMembers, console.log);
  } catch (error) {
    await stop();
    throw error;
  }
  if (stopping) return;

  const app = createApp({
    db: handle.db,
    databaseKind: handle.kind,
    repositories,
    sessionSecret: 'benchmark-session-secret-not-used-anywhere-else',
    logger: createLogger('silent'),
  });
  const bare = new Hono().get('/bare', (c) => c.json({ status: 'ok' }));

  // Server time: from the request handed to the app until its Response exists (the body is a finished string
  // by then); it leaves out HTTP parsing and writing to the socket, which the bare endpoint pays as well.
  let samples: number[] | undefined;
  let paths: string[] = [];
  let non200 = 0;
  const timedApp = async (request: Request, env: HttpBindings) => {
    const started = performance.now();
    const response = await app.fetch(request, env);
    if (samples) {
      samples.push(performance.now() - started);
      paths.push(new URL(request.url).pathname);
      if (response.status !== 200) non200++;
    }
    return response;
  };

  const appServer = await listen(timedApp);
  servers.push(appServer.server);
  const bareServer = await listen((request, env) => bare.fetch(request, env));
  servers.push(bareServer.server);

  process.on('message', (message: ProfileBenchMessage) => {
    if (message.type === 'cpu') send({ type: 'cpu', usage: process.cpuUsage() });
    if (message.type === 'record') {
      samples = [];
      paths = [];
      non200 = 0;
      send({ type: 'recording' });
    }
    if (message.type === 'samples') {
      send({ type: 'samples', ms: samples ?? [], paths, non200 });
      samples = undefined;
    }
    if (message.type === 'stop') void stop();
  });

  send({
    type: 'ready',
    barePort: bareServer.port,
    appPort: appServer.port,
    database: handle.kind,
    demoMs,
    seed,
  });
}

main().catch((error: unknown) => {
  if (!stopping) console.error(error);
  process.exitCode = 1;
  if (process.connected) process.disconnect();
});
