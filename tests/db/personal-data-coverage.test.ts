/**
 * @module Keeps a person's data download complete as features grow: every column the database knows to point at a
 * person (a foreign key to `users`) must be either collected or excluded with a reason in `personalDataCoverage`.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { personalDataCoverage } from '../../src/db/repositories/personal-data.ts';
import { engineMissing, engines, openTestDatabase } from '../support/database.ts';

describe.each(engines)('the personal data download’s coverage on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await openTestDatabase(kind);
    });
    afterAll(() => handle?.close());

    it('decides for every column that refers to a person whether the download includes it', async () => {
      // Each foreign key to users, with its columns other than the municipality (which every tenant key carries).
      const result = (await handle.db.execute(sql`
        select rel.relname as "table", att.attname as "column"
          from pg_constraint con
          join pg_class rel on rel.oid = con.conrelid
          join pg_namespace ns on ns.oid = rel.relnamespace
          join lateral unnest(con.conkey) as key(attnum) on true
          join pg_attribute att on att.attrelid = con.conrelid and att.attnum = key.attnum
         where con.contype = 'f'
           and con.confrelid = 'public.users'::regclass
           and ns.nspname = 'public'
           and att.attname <> 'municipality_id'
         order by 1, 2`)) as unknown as { rows: { table: string; column: string }[] };
      const referring = [...new Set(result.rows.map((row) => `${row.table}.${row.column}`))];
      expect(referring.length).toBeGreaterThan(20);
      const undecided = referring.filter((column) => !(column in personalDataCoverage));
      expect(undecided, 'add these to personalDataCoverage in src/db/repositories/personal-data.ts').toEqual(
        [],
      );
      // And nothing listed that the database no longer has, so the list stays true.
      const columns = (await handle.db.execute(sql`
        select table_name || '.' || column_name as "name" from information_schema.columns
         where table_schema = 'public'`)) as unknown as { rows: { name: string }[] };
      const existing = new Set(columns.rows.map((row) => row.name));
      expect(Object.keys(personalDataCoverage).filter((column) => !existing.has(column))).toEqual([]);
      for (const [column, decision] of Object.entries(personalDataCoverage)) {
        if (!decision.included) expect(decision.why.length, column).toBeGreaterThan(20);
      }
    });
  });
});
