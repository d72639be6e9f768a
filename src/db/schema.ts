/** @module Drizzle schema: every tenant table carries municipality_id; migrations are generated from this file. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FrameworkDocument } from '../domain/framework.ts';
import type { LocalizedText } from '../domain/text.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const municipalities = pgTable('municipalities', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Short, unique, URL-safe name used by the CLI, e.g. `demo-kommune`. */
  slug: text('slug').notNull().unique(),
  timeZone: text('time_zone').notNull().default('Europe/Copenhagen'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
});

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    /** Key from the municipality's HR or organisation system, for imports. */
    externalId: text('external_id'),
    createdAt: createdAt(),
  },
  (table) => [
    index('units_municipality_idx').on(table.municipalityId),
    unique('units_id_municipality_uq').on(table.id, table.municipalityId),
    // The parent must belong to the same municipality.
    foreignKey({
      columns: [table.parentId, table.municipalityId],
      foreignColumns: [table.id, table.municipalityId],
      name: 'units_parent_same_municipality_fk',
    }),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id'),
    /** Stored lower-cased; the login name, unique across the installation. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    /** Granted roles: employee, hr, admin. Leadership follows from unit_leaders. */
    roles: text('roles').array().notNull().default(sql`'{employee}'::text[]`),
    locale: text('locale').notNull().default('da'),
    passwordHash: text('password_hash'),
    /** Set for one-time passwords printed by `create-admin`: after this, the password no longer works. */
    passwordExpiresAt: timestamp('password_expires_at', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    externalId: text('external_id'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('users_email_uq').on(sql`lower(${table.email})`),
    index('users_municipality_idx').on(table.municipalityId),
    unique('users_id_municipality_uq').on(table.id, table.municipalityId),
    foreignKey({
      columns: [table.unitId, table.municipalityId],
      foreignColumns: [units.id, units.municipalityId],
      name: 'users_unit_same_municipality_fk',
    }),
  ],
);

export const unitLeaders = pgTable(
  'unit_leaders',
  {
    municipalityId: uuid('municipality_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.unitId, table.userId] }),
    index('unit_leaders_user_idx').on(table.userId),
    foreignKey({
      columns: [table.unitId, table.municipalityId],
      foreignColumns: [units.id, units.municipalityId],
      name: 'unit_leaders_unit_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.userId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'unit_leaders_user_fk',
    }).onDelete('cascade'),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** A keyed hash of the cookie's token: a database leak gives no usable session. */
    id: text('id').primaryKey(),
    municipalityId: uuid('municipality_id').notNull(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    /** How the person logged in: `password` now, `oidc` later. */
    method: text('method').notNull().default('password'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('sessions_user_idx').on(table.userId),
    foreignKey({
      columns: [table.userId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'sessions_user_fk',
    }).onDelete('cascade'),
  ],
);

export const frameworks = pgTable(
  'frameworks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('frameworks_key_uq').on(table.municipalityId, table.key),
    unique('frameworks_id_municipality_uq').on(table.id, table.municipalityId),
  ],
);

export const frameworkVersions = pgTable(
  'framework_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    frameworkId: uuid('framework_id').notNull(),
    version: integer('version').notNull(),
    /** `draft` may change; `published` never does (a trigger refuses it). */
    status: text('status').notNull().default('draft'),
    document: jsonb('document').$type<FrameworkDocument>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('framework_versions_uq').on(table.frameworkId, table.version),
    unique('framework_versions_id_municipality_uq').on(table.id, table.municipalityId),
    foreignKey({
      columns: [table.frameworkId, table.municipalityId],
      foreignColumns: [frameworks.id, frameworks.municipalityId],
      name: 'framework_versions_framework_fk',
    }).onDelete('cascade'),
  ],
);

export const roleProfiles = pgTable(
  'role_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    frameworkVersionId: uuid('framework_version_id').notNull(),
    key: text('key').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull(),
    targets: jsonb('targets').$type<Record<string, number>>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('role_profiles_key_uq').on(table.municipalityId, table.frameworkVersionId, table.key),
    foreignKey({
      columns: [table.frameworkVersionId, table.municipalityId],
      foreignColumns: [frameworkVersions.id, frameworkVersions.municipalityId],
      name: 'role_profiles_version_fk',
    }).onDelete('cascade'),
  ],
);

export const schema = {
  municipalities,
  units,
  users,
  unitLeaders,
  sessions,
  frameworks,
  frameworkVersions,
  roleProfiles,
};
