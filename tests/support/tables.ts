/**
 * @module A fingerprint of every table in the public schema (row count and a hash of the rows in key order), found
 * from the catalogue, so a comparison covers tables that later features add without naming them.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';

export interface TableFingerprint {
  rows: number;
  /** md5 of every row as text, ordered by the primary key (by the whole row where a table has none). */
  hash: string;
}

type Rows<T> = { rows: T[] };

export async function fingerprintTables(db: Database): Promise<Record<string, TableFingerprint>> {
  const tables = (await db.execute(sql`
    select quote_ident(t.table_name) as "table",
      (select string_agg(quote_ident(k.column_name), ', ' order by k.ordinal_position)
         from information_schema.table_constraints c
         join information_schema.key_column_usage k
           on k.constraint_schema = c.constraint_schema and k.constraint_name = c.constraint_name
        where c.table_schema = 'public' and c.table_name = t.table_name and c.constraint_type = 'PRIMARY KEY'
      ) as "key"
    from information_schema.tables t
    where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by t.table_name`)) as unknown as Rows<{ table: string; key: string | null }>;
  const fingerprints: Record<string, TableFingerprint> = {};
  for (const { table, key } of tables.rows) {
    // Both names come from the catalogue, quoted by the database itself.
    const result = (await db.execute(
      sql.raw(
        `select count(*)::int as "rows", md5(coalesce(string_agg(row_text, E'\\n' order by ${key ?? 'row_text'}), '')) as "hash"
           from (select t.*, t::text as row_text from public.${table} t) t`,
      ),
    )) as unknown as Rows<{ rows: number; hash: string }>;
    fingerprints[table] = { rows: Number(result.rows[0]!.rows), hash: result.rows[0]!.hash };
  }
  return fingerprints;
}

/**
 * Every `table.column` of the public schema, found from the catalogue, whose text holds one of `needles` (case
 * insensitive): text, character, uuid, json/jsonb and array columns alike, so a column a later feature adds is
 * searched without being named. Sorted, without repeats.
 */
export async function columnsContaining(db: Database, needles: readonly string[]): Promise<string[]> {
  const columns = (await db.execute(sql`
    select c.table_name as "table", c.column_name as "column"
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and (c.data_type in ('text', 'character varying', 'character', 'uuid', 'json', 'jsonb', 'ARRAY'))
    order by c.table_name, c.column_name`)) as unknown as Rows<{ table: string; column: string }>;
  const found = new Set<string>();
  for (const { table, column } of columns.rows) {
    // Table and column names come from the catalogue; the needles are bound parameters.
    const text = sql`lower(${sql.identifier(column)}::text)`;
    const anyNeedle = sql.join(
      needles.map((needle) => sql`strpos(${text}, lower(${needle})) > 0`),
      sql` or `,
    );
    const hit = (await db.execute(
      sql`select exists (select 1 from ${sql.identifier(table)} where ${anyNeedle}) as "hit"`,
    )) as unknown as Rows<{ hit: boolean }>;
    if (hit.rows[0]?.hit) found.add(`${table}.${column}`);
  }
  return [...found].sort();
}
