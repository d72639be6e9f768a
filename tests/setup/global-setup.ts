/**
 * @module Builds one migrated, seeded database per engine per test run; each test file starts from a copy
 * (PGlite: a dumped data directory, ~0.5 s instead of initdb's 2–3 s; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/db/client.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { seedWorld } from '../support/world.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    /** Undefined when TEST_DATABASE_URL is not set: the PostgreSQL half of the suites is then skipped. */
    postgresTemplate: { url: string; database: string; prefix: string } | undefined;
  }
}

export const databaseUrlWith = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

export default async function setup(project: TestProject) {
  const directory = join(process.cwd(), '.tmp', `vitest-${process.pid}`);
  mkdirSync(directory, { recursive: true });
  const pglite = await openPglite();
  await pglite.migrate();
  await seedWorld(createRepositories(pglite.db));
  const templatePath = join(directory, 'pglite-template.tar.gz');
  writeFileSync(templatePath, Buffer.from(await (await pglite.dump!()).arrayBuffer()));
  await pglite.close();
  project.provide('pgliteTemplatePath', templatePath);

  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide('postgresTemplate', undefined);
    return async () => {};
  }
  const prefix = `vejviser_t${process.pid}`;
  const database = `${prefix}_template`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database}`);
  await admin.query(`CREATE DATABASE ${database}`);
  const postgres = await openPostgres(databaseUrlWith(url, database), { max: 2 });
  await postgres.migrate();
  await seedWorld(createRepositories(postgres.db));
  await postgres.close();
  project.provide('postgresTemplate', { url, database, prefix });

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}\\_%`],
    );
    for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    await admin.end();
  };
}
