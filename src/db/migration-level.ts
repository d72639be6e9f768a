/** @module How far a database is migrated, compared with the migrations this build of Vejviser ships. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { migrationsFolder } from './client.ts';

export interface KnownMigration {
  tag: string;
  /** Drizzle's key for a migration: the journal's `when`, stored as `created_at` when it has run. */
  createdAt: number;
}

export interface AppliedMigrations {
  count: number;
  /** `created_at` of the newest migration that has run; null when none has. */
  latestCreatedAt: number | null;
}

/**
 * `current`: everything this build knows has run. `pending`: some has not (the code expects tables that are not
 * there yet). `newer`: a newer Vejviser has migrated the database further, as during a rolling upgrade.
 */
export type MigrationState = 'current' | 'pending' | 'newer';

let known: KnownMigration[] | undefined;

/** The migrations committed with this build, oldest first. */
export function knownMigrations(): KnownMigration[] {
  known ??= (
    JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
      entries: { tag: string; when: number }[];
    }
  ).entries.map((entry) => ({ tag: entry.tag, createdAt: entry.when }));
  return known;
}

export const latestKnownMigration = (): KnownMigration => knownMigrations().at(-1)!;

/** The tag of a migration this build knows, or null for one it does not (made by another build). */
export const migrationTag = (createdAt: number): string | null =>
  knownMigrations().find((migration) => migration.createdAt === createdAt)?.tag ?? null;

/** Reads Drizzle's record of what has run; a database never migrated has none. */
export async function appliedMigrations(db: Database): Promise<AppliedMigrations> {
  const exists = (await db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "exists"`,
  )) as unknown as { rows: { exists: boolean }[] };
  if (!exists.rows[0]?.exists) return { count: 0, latestCreatedAt: null };
  // Both drivers answer `execute` with `{ rows }`; bigint is read as text so neither driver rounds it.
  const result = (await db.execute(
    sql`select count(*)::int as "count", max(created_at)::text as "latest" from drizzle.__drizzle_migrations`,
  )) as unknown as { rows: { count: number; latest: string | null }[] };
  const row = result.rows[0]!;
  return { count: Number(row.count), latestCreatedAt: row.latest === null ? null : Number(row.latest) };
}

/** Where a database stands, judged as Drizzle's migrator does: by the newest migration that has run. */
export function migrationState(latestCreatedAt: number | null): MigrationState {
  const latest = latestKnownMigration().createdAt;
  if (latestCreatedAt === null || latestCreatedAt < latest) return 'pending';
  return latestCreatedAt > latest ? 'newer' : 'current';
}
