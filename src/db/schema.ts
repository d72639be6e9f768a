/** @module Drizzle schema: every tenant table carries municipality_id; migrations are generated from this file. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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
  /** May HR follow profiling rounds (status only, never ratings)? Off unless the municipality decides so. */
  hrSeesRounds: boolean('hr_sees_rounds').notNull().default(false),
  /** No aggregate (team overview, practice-log trends, cross-unit figures) covers fewer people than this. */
  minGroupSize: integer('min_group_size').notNull().default(5),
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
    /** A deactivated unit keeps its history; it has no active people and no active units below it. */
    active: boolean('active').notNull().default(true),
    /** Raised by every change, so two administrators editing the same unit cannot overwrite each other. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (table) => [
    index('units_municipality_idx').on(table.municipalityId),
    uniqueIndex('units_external_id_uq')
      .on(table.municipalityId, table.externalId)
      .where(sql`${table.externalId} is not null`),
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
    /** The role profile a new round gives this person unless the leader chooses another. */
    roleProfileKey: text('role_profile_key'),
    externalId: text('external_id'),
    /** Raised by every change an administrator or an import makes; a save based on an older version is refused. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('users_email_uq').on(sql`lower(${table.email})`),
    uniqueIndex('users_external_id_uq')
      .on(table.municipalityId, table.externalId)
      .where(sql`${table.externalId} is not null`),
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
    unique('role_profiles_id_municipality_uq').on(table.id, table.municipalityId),
    foreignKey({
      columns: [table.frameworkVersionId, table.municipalityId],
      foreignColumns: [frameworkVersions.id, frameworkVersions.municipalityId],
      name: 'role_profiles_version_fk',
    }).onDelete('cascade'),
  ],
);

export const rounds = pgTable(
  'rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    name: text('name').notNull(),
    frameworkVersionId: uuid('framework_version_id').notNull(),
    /** The last day to submit (inclusive), in the municipality's time zone. */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    hideLeaderUntilBoth: boolean('hide_leader_until_both').notNull().default(true),
    status: text('status').notNull().default('open'),
    createdById: uuid('created_by_id').notNull(),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [
    unique('rounds_id_municipality_uq').on(table.id, table.municipalityId),
    index('rounds_municipality_idx').on(table.municipalityId),
    foreignKey({
      columns: [table.frameworkVersionId, table.municipalityId],
      foreignColumns: [frameworkVersions.id, frameworkVersions.municipalityId],
      name: 'rounds_framework_version_fk',
    }),
    foreignKey({
      columns: [table.createdById, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'rounds_created_by_fk',
    }),
  ],
);

export const roundParticipants = pgTable(
  'round_participants',
  {
    municipalityId: uuid('municipality_id').notNull(),
    roundId: uuid('round_id').notNull(),
    userId: uuid('user_id').notNull(),
    roleProfileId: uuid('role_profile_id').notNull(),
    conversationHeldAt: timestamp('conversation_held_at', { withTimezone: true }),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.roundId, table.userId] }),
    index('round_participants_user_idx').on(table.userId),
    foreignKey({
      columns: [table.roundId, table.municipalityId],
      foreignColumns: [rounds.id, rounds.municipalityId],
      name: 'round_participants_round_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.userId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'round_participants_user_fk',
    }),
    foreignKey({
      columns: [table.roleProfileId, table.municipalityId],
      foreignColumns: [roleProfiles.id, roleProfiles.municipalityId],
      name: 'round_participants_role_profile_fk',
    }),
  ],
);

export interface StoredRating {
  level: number | null;
  comment?: string;
  example?: string;
}

export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    roundId: uuid('round_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** `self` or `leader`: one assessment per rater role per person per round. */
    raterRole: text('rater_role').notNull(),
    /** Who last saved it (for a leader assessment, the leader). */
    raterId: uuid('rater_id').notNull(),
    status: text('status').notNull().default('draft'),
    /** Competence id → rating. Submitted ratings are never changed in place: a reopening keeps a copy. */
    ratings: jsonb('ratings').$type<Record<string, StoredRating>>().notNull(),
    /** Raised by every save; a save based on an older version is refused. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('assessments_uq').on(table.roundId, table.subjectId, table.raterRole),
    index('assessments_subject_idx').on(table.subjectId),
    foreignKey({
      columns: [table.roundId, table.subjectId],
      foreignColumns: [roundParticipants.roundId, roundParticipants.userId],
      name: 'assessments_participant_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.raterId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'assessments_rater_fk',
    }),
  ],
);

export const assessmentReopenings = pgTable(
  'assessment_reopenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    reopenedById: uuid('reopened_by_id').notNull(),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }).notNull(),
    /** The ratings as they were submitted, kept whatever the draft becomes. */
    submittedRatings: jsonb('submitted_ratings').$type<Record<string, StoredRating>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (table) => [index('assessment_reopenings_assessment_idx').on(table.assessmentId)],
);

/** E-mails waiting to be sent, and a record of those sent; administrators can read it. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [index('outbox_municipality_idx').on(table.municipalityId, table.createdAt)],
);

/** A conversation between an employee and a leader: scheduled, prepared, held, and signed by both. */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    /** `profiling`, `mus` or `follow_up`. */
    kind: text('kind').notNull(),
    employeeId: uuid('employee_id').notNull(),
    /** Who scheduled it. Any current leader of the employee may hold it; access follows the unit, not this. */
    leaderId: uuid('leader_id').notNull(),
    /** The round whose profile the guide is built from, when the employee has one. */
    roundId: uuid('round_id'),
    followUpOf: uuid('follow_up_of'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    place: text('place').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }),
    nextFollowUp: date('next_follow_up', { mode: 'string' }),
    /** The leader's agenda: items by id, rendered in the reader's language. */
    agenda: jsonb('agenda').$type<StoredAgendaItem[]>().notNull(),
    agendaVersion: integer('agenda_version').notNull().default(1),
    /** Raised by every change of the scheduling fields and the follow-up date. */
    version: integer('version').notNull().default(1),
    /** Raised by every change of notes, goals and actions; a signature is for one content version. */
    contentVersion: integer('content_version').notNull().default(1),
    /** Set when both have signed the current content; from then on the record is read-only (a trigger). */
    signedAt: timestamp('signed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    unique('conversations_id_municipality_uq').on(table.id, table.municipalityId),
    index('conversations_employee_idx').on(table.employeeId, table.scheduledAt),
    foreignKey({
      columns: [table.employeeId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'conversations_employee_fk',
    }),
    foreignKey({
      columns: [table.leaderId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'conversations_leader_fk',
    }),
    foreignKey({
      columns: [table.roundId, table.municipalityId],
      foreignColumns: [rounds.id, rounds.municipalityId],
      name: 'conversations_round_fk',
    }),
    foreignKey({
      columns: [table.followUpOf, table.municipalityId],
      foreignColumns: [table.id, table.municipalityId],
      name: 'conversations_follow_up_fk',
    }),
  ],
);

export interface StoredAgendaItem {
  id: string;
  kind: 'mus_theme' | 'strength' | 'divergence' | 'gap' | 'chosen' | 'open_goal' | 'custom';
  competenceId: string | null;
  theme: string | null;
  goalId: string | null;
  title: string | null;
  questionIds: string[];
  ownQuestions: string[];
}

/** Each party's own preparation: private to its author until they share it. */
export const conversationPreparations = pgTable(
  'conversation_preparations',
  {
    municipalityId: uuid('municipality_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    authorId: uuid('author_id').notNull(),
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    chosenCompetenceIds: text('chosen_competence_ids').array().notNull(),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.conversationId, table.authorId] }),
    foreignKey({
      columns: [table.conversationId, table.municipalityId],
      foreignColumns: [conversations.id, conversations.municipalityId],
      name: 'conversation_preparations_conversation_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.authorId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'conversation_preparations_author_fk',
    }),
  ],
);

/** Each party's notes per agenda item: two rows, so neither can overwrite the other's text. */
export const conversationNotes = pgTable(
  'conversation_notes',
  {
    municipalityId: uuid('municipality_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    authorId: uuid('author_id').notNull(),
    items: jsonb('items').$type<Record<string, string>>().notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.conversationId, table.authorId] }),
    foreignKey({
      columns: [table.conversationId, table.municipalityId],
      foreignColumns: [conversations.id, conversations.municipalityId],
      name: 'conversation_notes_conversation_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.authorId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'conversation_notes_author_fk',
    }),
  ],
);

export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    title: text('title').notNull(),
    why: text('why').notNull(),
    successCriterion: text('success_criterion').notNull(),
    targetDate: date('target_date', { mode: 'string' }).notNull(),
    competenceIds: text('competence_ids').array().notNull(),
    status: text('status').notNull().default('not_started'),
    droppedReason: text('dropped_reason'),
    position: integer('position').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('goals_id_municipality_uq').on(table.id, table.municipalityId),
    index('goals_employee_idx').on(table.employeeId),
    index('goals_conversation_idx').on(table.conversationId),
    foreignKey({
      columns: [table.conversationId, table.municipalityId],
      foreignColumns: [conversations.id, conversations.municipalityId],
      name: 'goals_conversation_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.employeeId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'goals_employee_fk',
    }),
  ],
);

export const goalActions = pgTable(
  'goal_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    goalId: uuid('goal_id').notNull(),
    /** `theory`, `practice`, `colleague` or `other`. */
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    ownerId: uuid('owner_id').notNull(),
    colleagueId: uuid('colleague_id'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('not_started'),
    droppedReason: text('dropped_reason'),
    position: integer('position').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('goal_actions_goal_idx').on(table.goalId),
    index('goal_actions_owner_idx').on(table.ownerId),
    foreignKey({
      columns: [table.goalId, table.municipalityId],
      foreignColumns: [goals.id, goals.municipalityId],
      name: 'goal_actions_goal_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.ownerId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'goal_actions_owner_fk',
    }),
    foreignKey({
      columns: [table.colleagueId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'goal_actions_colleague_fk',
    }),
  ],
);

/** Every status change of a goal or action: the follow-up's history, never rewritten. */
export const planStatusChanges = pgTable(
  'plan_status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    goalId: uuid('goal_id').notNull(),
    /** Null for a change of the goal itself. */
    actionId: uuid('action_id'),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    changedById: uuid('changed_by_id').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('plan_status_changes_goal_idx').on(table.goalId),
    foreignKey({
      columns: [table.goalId, table.municipalityId],
      foreignColumns: [goals.id, goals.municipalityId],
      name: 'plan_status_changes_goal_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.changedById, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'plan_status_changes_by_fk',
    }),
  ],
);

/** One signature per side; it approves one content version. */
export const conversationSignatures = pgTable(
  'conversation_signatures',
  {
    municipalityId: uuid('municipality_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    /** `employee` or `leader`. */
    role: text('role').notNull(),
    signerId: uuid('signer_id').notNull(),
    contentVersion: integer('content_version').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.conversationId, table.role] }),
    foreignKey({
      columns: [table.conversationId, table.municipalityId],
      foreignColumns: [conversations.id, conversations.municipalityId],
      name: 'conversation_signatures_conversation_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.signerId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'conversation_signatures_signer_fk',
    }),
  ],
);

/** Dated additions to a signed record, by either party; never changed or removed (a trigger). */
export const conversationAddenda = pgTable(
  'conversation_addenda',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    authorId: uuid('author_id').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('conversation_addenda_conversation_idx').on(table.conversationId),
    foreignKey({
      columns: [table.conversationId, table.municipalityId],
      foreignColumns: [conversations.id, conversations.municipalityId],
      name: 'conversation_addenda_conversation_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.authorId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'conversation_addenda_author_fk',
    }),
  ],
);

/**
 * Who read, changed, exported or deleted whose personal data, when and why. Append-only (a trigger), and never holding
 * the data itself. No foreign keys to people: the record outlives a person who is erased.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    /** `user`, `system`, `token` or `candidate` (see src/domain/audit.ts). */
    actorKind: text('actor_kind').notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    subjectPersonId: uuid('subject_person_id'),
    purpose: text('purpose').notNull(),
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
  },
  (table) => [
    index('audit_events_time_idx').on(table.municipalityId, table.occurredAt),
    index('audit_events_subject_person_idx').on(
      table.municipalityId,
      table.subjectPersonId,
      table.occurredAt,
    ),
    index('audit_events_actor_idx').on(table.municipalityId, table.actorId, table.occurredAt),
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
  rounds,
  roundParticipants,
  assessments,
  assessmentReopenings,
  outbox,
  conversations,
  conversationPreparations,
  conversationNotes,
  goals,
  goalActions,
  planStatusChanges,
  conversationSignatures,
  conversationAddenda,
  auditEvents,
};
