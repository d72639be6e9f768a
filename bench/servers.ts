/** @module Child process of the benchmark: serves the real app (demo data) and a bare Hono app until told to stop. */
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { type DatabaseHandle, type DatabaseKind, openPglite, openPostgres } from '../src/db/client.ts';
import { createRepositories } from '../src/db/repositories/index.ts';
import { demoPassword, seedDemo } from '../src/db/seed/demo.ts';
import { createApp } from '../src/server/app.ts';
import { hashPassword } from '../src/server/auth/passwords.ts';
import { createLogger } from '../src/server/logger.ts';

/** What the child tells the benchmark. */
export type ServerMessage =
  | { type: 'ready'; barePort: number; appPort: number; database: DatabaseKind }
  | { type: 'cpu'; usage: NodeJS.CpuUsage };

/** What the benchmark asks of the child. */
export type BenchMessage = { type: 'cpu' } | { type: 'stop' };

function send(message: ServerMessage) {
  process.send?.(message);
}

function listen(fetch: (request: Request) => Response | Promise<Response>) {
  return new Promise<{ server: ServerType; port: number }>((resolve, reject) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });
}

function close(server: ServerType) {
  return new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * A scratch database on the server named by `url`, dropped again on close, so a benchmark never touches real
 * data and two runs never share one.
 */
async function openScratchPostgres(url: string): Promise<DatabaseHandle> {
  const name = `vejviser_bench_${process.pid}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${name}`;
  const handle = await openPostgres(scratchUrl.toString());
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function main() {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const handle = databaseUrl ? await openScratchPostgres(databaseUrl) : await openPglite();
  const repositories = createRepositories(handle.db);
  try {
    await handle.migrate();
    await seedDemo(repositories, await hashPassword(demoPassword));
  } catch (error) {
    // Closing also drops a scratch PostgreSQL database, which would otherwise outlive the failed run.
    await handle.close();
    throw error;
  }

  const app = createApp({
    db: handle.db,
    databaseKind: handle.kind,
    repositories,
    sessionSecret: 'benchmark-session-secret-not-used-anywhere-else',
    logger: createLogger('silent'),
  });
  const bare = new Hono().get('/bare', (c) => c.json({ status: 'ok' }));

  const appServer = await listen(app.fetch);
  const bareServer = await listen(bare.fetch);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all([close(appServer.server), close(bareServer.server)]);
    await handle.close();
    // Dropping the IPC channel is the last handle keeping this process alive.
    if (process.connected) process.disconnect();
  };
  process.on('message', (message: BenchMessage) => {
    if (message.type === 'cpu') send({ type: 'cpu', usage: process.cpuUsage() });
    if (message.type === 'stop') void stop();
  });
  // If the benchmark dies, do not linger holding ports and a scratch database.
  process.on('disconnect', () => void stop());
  // Ctrl-C in a terminal reaches this process too; finish the shutdown so the scratch database is dropped.
  process.on('SIGINT', () => void stop());

  send({ type: 'ready', barePort: bareServer.port, appPort: appServer.port, database: handle.kind });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
