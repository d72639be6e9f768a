/** @module An empty database of its own on the test PostgreSQL server, for tests that start from nothing. */
import pg from 'pg';
import { databaseUrlWith } from '../setup/global-setup.ts';

export function scratchDatabase(serverUrl: string, name: string) {
  const onServer = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return {
    // Read lazily: a skipped suite still builds this while collecting, without a server URL.
    get url() {
      return databaseUrlWith(serverUrl, name);
    },
    /** Drops what a previous run left, and creates the database empty. */
    async create() {
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await onServer(`CREATE DATABASE ${name}`);
    },
    drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
