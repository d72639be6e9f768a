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
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FrameworkDocument } from '../domain/framework.ts';
import type { PublishReport } from '../domain/framework-publishing.ts';
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
  /** How to report an accessibility problem, shown in the accessibility statement; null gives the default text. */
  accessibilityContact: text('accessibility_contact'),
  /** Months after a position closes before its candidates' data is deleted (1–24; see decision 018). */
  candidateRetentionMonths: integer('candidate_retention_months').notNull().default(6),
  /** Months after a person leaves before their conversations and plans are erased (1–120; decision 029). */
  conversationRetentionMonths: integer('conversation_retention_months').notNull().default(24),
  /** Months after a person leaves before their ratings (rounds, assessments, profile) are erased (1–120). */
  ratingRetentionMonths: integer('rating_retention_months').notNull().default(24),
  /** Months after a person leaves before their practice log, pairings and theme-day tasks are erased (1–120). */
  practiceRetentionMonths: integer('practice_retention_months').notNull().default(6),
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
    /**
     * When the person left: set by a trigger when `active` turns false, cleared when it turns true again (decision
     * 029). Retention periods count from here.
     */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    /** Set when the person's identity was replaced by a neutral label; such a person is never reactivated. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    /** When each kind of the person's data was erased after they left; cleared again if they come back. */
    conversationsErasedAt: timestamp('conversations_erased_at', { withTimezone: true }),
    ratingsErasedAt: timestamp('ratings_erased_at', { withTimezone: true }),
    practiceErasedAt: timestamp('practice_erased_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('users_email_uq').on(sql`lower(${table.email})`),
    uniqueIndex('users_external_id_uq')
      .on(table.municipalityId, table.externalId)
      .where(sql`${table.externalId} is not null`),
    index('users_municipality_idx').on(table.municipalityId),
    index('users_departed_idx')
      .on(table.municipalityId, table.deactivatedAt)
      .where(sql`${table.deactivatedAt} is not null`),
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
    /** A draft's texts may still be empty; a published document passes every rule (src/domain/framework.ts). */
    document: jsonb('document').$type<FrameworkDocument>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Raised by every save of a draft, so two administrators cannot overwrite each other unknowingly. */
    revision: integer('revision').notNull().default(1),
    /** The version a draft was copied from; null for the first version and for an imported one. */
    basedOnVersionId: uuid('based_on_version_id'),
    /** What publishing did to the role profiles, kept with the version so it can be read again. */
    publishReport: jsonb('publish_report').$type<PublishReport>(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('framework_versions_uq').on(table.frameworkId, table.version),
    unique('framework_versions_id_municipality_uq').on(table.id, table.municipalityId),
    // One draft per framework at a time: two drafts would each publish over the other's changes.
    uniqueIndex('framework_versions_one_draft_uq')
      .on(table.frameworkId)
      .where(sql`${table.status} = 'draft'`),
    foreignKey({
      columns: [table.frameworkId, table.municipalityId],
      foreignColumns: [frameworks.id, frameworks.municipalityId],
      name: 'framework_versions_framework_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.basedOnVersionId, table.municipalityId],
      foreignColumns: [table.id, table.municipalityId],
      name: 'framework_versions_based_on_fk',
    }),
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
    /** Raised by every change, so two administrators cannot overwrite each other unknowingly. */
    revision: integer('revision').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
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
    /** The role profile's targets when the round started: a later change of the profile does not rewrite history. */
    targets: jsonb('targets').$type<Record<string, number>>().notNull(),
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
    /**
     * A server sending this message has claimed it until then; another server leaves it alone. A claim that runs out
     * (the sender died mid-way) makes the message free to send again.
     */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  },
  (table) => [
    index('outbox_municipality_idx').on(table.municipalityId, table.createdAt),
    index('outbox_unsent_idx').on(table.createdAt).where(sql`${table.sentAt} is null`),
  ],
);

/**
 * A conversation between an employee and a leader (scheduled, prepared, held, and signed by both), or a group MUS
 * between a leader and a team (kind `group`: no employee, a unit and participants, closed by the leader).
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    /** `profiling`, `mus`, `follow_up` or `group`. */
    kind: text('kind').notNull(),
    /** The employee; null for a group conversation (a check constraint). */
    employeeId: uuid('employee_id'),
    /** The unit a group conversation is held with; null for a conversation with one employee. */
    unitId: uuid('unit_id'),
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
    index('conversations_unit_idx').on(table.unitId),
    foreignKey({
      columns: [table.unitId, table.municipalityId],
      foreignColumns: [units.id, units.municipalityId],
      name: 'conversations_unit_fk',
    }),
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
  kind:
    | 'mus_theme'
    | 'strength'
    | 'divergence'
    | 'gap'
    | 'chosen'
    | 'open_goal'
    | 'team_goal'
    | 'team_strength'
    | 'team_gap'
    | 'custom';
  competenceId: string | null;
  theme: string | null;
  goalId: string | null;
  title: string | null;
  questionIds: string[];
  ownQuestions: string[];
  /** A group conversation's profile items: the team's counts when the guide was made (never who). */
  team?: { below: number; rated: number } | null;
}

/** Who takes part in a group conversation; fixed once it is closed (a trigger). */
export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    municipalityId: uuid('municipality_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.conversationId, table.userId] }),
    index('conversation_participants_user_idx').on(table.userId),
    foreignKey({
      columns: [table.conversationId, table.municipalityId],
      foreignColumns: [conversations.id, conversations.municipalityId],
      name: 'conversation_participants_conversation_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.userId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'conversation_participants_user_fk',
    }),
  ],
);

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
    /** The employee whose plan it is; null for a team goal of a group conversation. */
    employeeId: uuid('employee_id'),
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

/**
 * An employee's note on a real citizen contact: channel, help level, the competences used and a reflection. Never a
 * citizen's personal data (the route refuses CPR numbers). Private to the employee unless they share it with their
 * leaders; a unit's leaders otherwise see only aggregates (decision 015).
 */
export const practiceEntries = pgTable(
  'practice_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    /** The unit the employee worked in when the entry was made: the unit's aggregates count it there. */
    unitId: uuid('unit_id'),
    /** The framework the competence ids belong to. */
    frameworkVersionId: uuid('framework_version_id').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    /** `counter`, `phone`, `digital` or `video`. */
    channel: text('channel').notNull(),
    /** `self_service`, `co_service` or `full_service`. */
    helpLevel: text('help_level').notNull(),
    competenceIds: text('competence_ids').array().notNull(),
    whatWorked: text('what_worked').notNull(),
    tryNext: text('try_next').notNull().default(''),
    /** One of the employee's own goals; set to null if the goal is removed from an unsigned plan. */
    goalId: uuid('goal_id'),
    /** A theme day's follow-up task of the employee's; cleared if the task is removed. */
    themeDayTaskId: uuid('theme_day_task_id').references(() => themeDayTasks.id, { onDelete: 'set null' }),
    /** Shared with the employee's current leaders from this time; null while private. */
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    /** To be taken up in the employee's next conversation. */
    talkingPoint: boolean('talking_point').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('practice_entries_employee_idx').on(table.municipalityId, table.employeeId, table.occurredOn),
    index('practice_entries_unit_idx').on(table.municipalityId, table.unitId, table.occurredOn),
    foreignKey({
      columns: [table.employeeId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'practice_entries_employee_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.unitId, table.municipalityId],
      foreignColumns: [units.id, units.municipalityId],
      name: 'practice_entries_unit_fk',
    }),
    foreignKey({
      columns: [table.frameworkVersionId, table.municipalityId],
      foreignColumns: [frameworkVersions.id, frameworkVersions.municipalityId],
      name: 'practice_entries_framework_version_fk',
    }),
  ],
);

/**
 * A leader's pairing of two colleagues in a unit: the learner learns one competence from the helper. Shown beside
 * both people's plans and in their task lists, never written into a plan (decision 014).
 */
export const colleaguePairings = pgTable(
  'colleague_pairings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    /** The learner's unit when the pairing was made. */
    unitId: uuid('unit_id').notNull(),
    learnerId: uuid('learner_id').notNull(),
    helperId: uuid('helper_id').notNull(),
    competenceId: text('competence_id').notNull(),
    frameworkVersionId: uuid('framework_version_id').notNull(),
    /** The leader's note to both, e.g. what to watch for; the helper reads it too. */
    note: text('note').notNull().default(''),
    dueDate: date('due_date', { mode: 'string' }),
    /** `open`, `done` or `cancelled`. */
    status: text('status').notNull().default('open'),
    createdById: uuid('created_by_id').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedById: uuid('closed_by_id'),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('colleague_pairings_learner_idx').on(table.municipalityId, table.learnerId),
    index('colleague_pairings_helper_idx').on(table.municipalityId, table.helperId),
    index('colleague_pairings_unit_idx').on(table.municipalityId, table.unitId, table.status),
    uniqueIndex('colleague_pairings_open_uq')
      .on(table.learnerId, table.helperId, table.competenceId)
      .where(sql`${table.status} = 'open'`),
    foreignKey({
      columns: [table.unitId, table.municipalityId],
      foreignColumns: [units.id, units.municipalityId],
      name: 'colleague_pairings_unit_fk',
    }),
    foreignKey({
      columns: [table.learnerId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'colleague_pairings_learner_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.helperId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'colleague_pairings_helper_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.createdById, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'colleague_pairings_created_by_fk',
    }),
    foreignKey({
      columns: [table.closedById, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'colleague_pairings_closed_by_fk',
    }),
    foreignKey({
      columns: [table.frameworkVersionId, table.municipalityId],
      foreignColumns: [frameworkVersions.id, frameworkVersions.municipalityId],
      name: 'colleague_pairings_framework_version_fk',
    }),
  ],
);

/**
 * A municipality's single sign-on through its identity provider (OpenID Connect). The client secret is stored
 * encrypted with a key derived from the session secret, and never leaves the server.
 */
export const ssoConfigurations = pgTable(
  'sso_configurations',
  {
    municipalityId: uuid('municipality_id')
      .primaryKey()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    enabled: boolean('enabled').notNull().default(false),
    /** The provider's issuer URL; its discovery document is read from `<issuer>/.well-known/openid-configuration`. */
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /** AES-256-GCM, `v1.<iv>.<tag>.<ciphertext>` in base64url (src/server/auth/secret-box.ts). */
    clientSecretEncrypted: text('client_secret_encrypted'),
    /** `email` (users.email) or `external_id` (users.external_id, an employee number from the HR system). */
    matchBy: text('match_by').notNull().default('email'),
    /** The ID token claim that holds the value matched, e.g. `email`, `preferred_username` or `employee_id`. */
    claim: text('claim').notNull().default('email'),
    /** Create a person on their first login, in `default_unit_id`, when no one matches. */
    createUsers: boolean('create_users').notNull().default(false),
    defaultUnitId: uuid('default_unit_id'),
    /** Off: only administrators may still log in with a password (the documented break-glass). */
    passwordLogin: boolean('password_login').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    foreignKey({
      columns: [table.defaultUnitId, table.municipalityId],
      foreignColumns: [units.id, units.municipalityId],
      name: 'sso_configurations_default_unit_fk',
    }),
  ],
);

/**
 * A single sign-on login under way: PKCE verifier and nonce, keyed by a hash of the `state` the browser carries.
 * In the database rather than in memory so that any server instance can finish the login; deleted on first use.
 */
export const ssoLoginStates = pgTable(
  'sso_login_states',
  {
    id: text('id').primaryKey(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    codeVerifier: text('code_verifier').notNull(),
    nonce: text('nonce').notNull(),
    /** Where in Vejviser to go after logging in (an in-app path). */
    returnTo: text('return_to').notNull().default('/'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sso_login_states_expires_idx').on(table.expiresAt)],
);

/** Bearer tokens for integrations: only a hash is stored; the token itself is shown once, when it is created. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** `organisation`, `aggregates` or `admin` (src/domain/api-tokens.ts). */
    scope: text('scope').notNull(),
    /** SHA-256 of the whole token, hex. */
    tokenHash: text('token_hash').notNull(),
    /** The token's first characters (`vvt_` and six more), so an administrator can tell tokens apart. */
    displayPrefix: text('display_prefix').notNull(),
    /** No foreign key: the record of who made a token outlives that person's erasure. */
    createdById: uuid('created_by_id'),
    createdAt: createdAt(),
    /** Updated at most once a minute. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('api_tokens_hash_uq').on(table.tokenHash),
    index('api_tokens_municipality_idx').on(table.municipalityId, table.createdAt),
  ],
);

/**
 * Counters for rate limits (failed logins, and any other limit), shared by every server instance: one row per key,
 * counting within a window that starts with the first hit. The columns are the ones rate-limiter-flexible's Drizzle
 * store reads and writes (src/server/rate-limit.ts).
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').primaryKey(),
    points: integer('points').notNull(),
    /** When the window ends; null for a count that never expires (not used). */
    expire: timestamp('expire', { withTimezone: true }),
  },
  (table) => [index('rate_limit_counters_expire_idx').on(table.expire)],
);

/** A position recruited against a role profile: its targets, focus competences, interview guide, panel and decision. */
export const positions = pgTable(
  'positions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    title: text('title').notNull(),
    /** The unit the new colleague will join; its leaders manage the position with HR. */
    unitId: uuid('unit_id').notNull(),
    roleProfileId: uuid('role_profile_id').notNull(),
    frameworkVersionId: uuid('framework_version_id').notNull(),
    /** Competence id → target level: the role profile's, as adjusted for this position. */
    targets: jsonb('targets').$type<Record<string, number>>().notNull(),
    focusCompetenceIds: text('focus_competence_ids').array().notNull(),
    /** The interview guide by ids and own words, rendered in the reader's language. */
    guide: jsonb('guide').$type<StoredGuideQuestion[]>().notNull(),
    guideVersion: integer('guide_version').notNull().default(1),
    /** `draft`, `open`, `interviewing`, `decided` or `closed`. */
    status: text('status').notNull().default('draft'),
    /** Raised by every change of the position itself (title, targets, focus, panel, status, decision). */
    version: integer('version').notNull().default(1),
    chosenCandidateId: uuid('chosen_candidate_id'),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedById: uuid('decided_by_id'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When the retention job deleted the candidates' data (all but the person hired). */
    candidatesDeletedAt: timestamp('candidates_deleted_at', { withTimezone: true }),
    createdById: uuid('created_by_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    unique('positions_id_municipality_uq').on(table.id, table.municipalityId),
    index('positions_municipality_idx').on(table.municipalityId, table.status),
    foreignKey({
      columns: [table.unitId, table.municipalityId],
      foreignColumns: [units.id, units.municipalityId],
      name: 'positions_unit_fk',
    }),
    foreignKey({
      columns: [table.roleProfileId, table.municipalityId],
      foreignColumns: [roleProfiles.id, roleProfiles.municipalityId],
      name: 'positions_role_profile_fk',
    }),
    foreignKey({
      columns: [table.frameworkVersionId, table.municipalityId],
      foreignColumns: [frameworkVersions.id, frameworkVersions.municipalityId],
      name: 'positions_framework_version_fk',
    }),
    foreignKey({
      columns: [table.createdById, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'positions_created_by_fk',
    }),
    foreignKey({
      columns: [table.decidedById, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'positions_decided_by_fk',
    }),
  ],
);

export interface StoredGuideQuestion {
  id: string;
  competenceId: string | null;
  questionId: string | null;
  text: string | null;
  probes: string[];
}

/** Who scores the candidates of a position. */
export const positionPanel = pgTable(
  'position_panel',
  {
    municipalityId: uuid('municipality_id').notNull(),
    positionId: uuid('position_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.positionId, table.userId] }),
    index('position_panel_user_idx').on(table.userId),
    foreignKey({
      columns: [table.positionId, table.municipalityId],
      foreignColumns: [positions.id, positions.municipalityId],
      name: 'position_panel_position_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.userId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'position_panel_user_fk',
    }),
  ],
);

/**
 * A candidate for a position. Everything about a candidate hangs off this row and goes with it: scores,
 * consolidation, self-assessment and links are deleted in cascade (decision 018).
 */
export const candidates = pgTable(
  'candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    positionId: uuid('position_id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** The language of the candidate's e-mail and self-assessment page. */
    locale: text('locale').notNull().default('da'),
    /** A link to the candidate in the municipality's recruitment system; documents stay there. */
    externalUrl: text('external_url'),
    createdById: uuid('created_by_id').notNull(),
    createdAt: createdAt(),
    hiredUserId: uuid('hired_user_id'),
    hiredAt: timestamp('hired_at', { withTimezone: true }),
    /** Who confirmed that the candidate agreed to their interview scores becoming their employee record, and when. */
    consentConfirmedById: uuid('consent_confirmed_by_id'),
    consentConfirmedAt: timestamp('consent_confirmed_at', { withTimezone: true }),
  },
  (table) => [
    unique('candidates_id_municipality_uq').on(table.id, table.municipalityId),
    index('candidates_position_idx').on(table.positionId),
    foreignKey({
      columns: [table.positionId, table.municipalityId],
      foreignColumns: [positions.id, positions.municipalityId],
      name: 'candidates_position_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.createdById, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'candidates_created_by_fk',
    }),
    foreignKey({
      columns: [table.hiredUserId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'candidates_hired_user_fk',
    }),
  ],
);

/** A personal link to the self-assessment. Only a hash of the token is kept; the token itself is shown once. */
export const candidateLinks = pgTable(
  'candidate_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** The e-mail that carried the link, so it can be redacted when the link is used or replaced. */
    outboxId: uuid('outbox_id').references(() => outbox.id, { onDelete: 'set null' }),
    createdById: uuid('created_by_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('candidate_links_token_uq').on(table.tokenHash),
    index('candidate_links_candidate_idx').on(table.candidateId),
    foreignKey({
      columns: [table.candidateId, table.municipalityId],
      foreignColumns: [candidates.id, candidates.municipalityId],
      name: 'candidate_links_candidate_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.createdById, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'candidate_links_created_by_fk',
    }),
  ],
);

/** The candidate's own view of the focus competences, submitted once through the link. */
export const candidateSelfAssessments = pgTable(
  'candidate_self_assessments',
  {
    municipalityId: uuid('municipality_id').notNull(),
    candidateId: uuid('candidate_id').primaryKey(),
    /** Competence id → level, or null for "cannot assess". */
    ratings: jsonb('ratings').$type<Record<string, number | null>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    foreignKey({
      columns: [table.candidateId, table.municipalityId],
      foreignColumns: [candidates.id, candidates.municipalityId],
      name: 'candidate_self_assessments_candidate_fk',
    }).onDelete('cascade'),
  ],
);

export interface StoredPanelRating {
  level: number | null;
  justification: string;
}

/** One panel member's scores of one candidate: a private draft until submitted, then never changed. */
export const panelScores = pgTable(
  'panel_scores',
  {
    municipalityId: uuid('municipality_id').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    panelMemberId: uuid('panel_member_id').notNull(),
    ratings: jsonb('ratings').$type<Record<string, StoredPanelRating>>().notNull(),
    /** `draft` or `submitted`. */
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.candidateId, table.panelMemberId] }),
    foreignKey({
      columns: [table.candidateId, table.municipalityId],
      foreignColumns: [candidates.id, candidates.municipalityId],
      name: 'panel_scores_candidate_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.panelMemberId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'panel_scores_member_fk',
    }),
  ],
);

/** The level the panel agreed per focus competence after talking the spread through, with its notes. */
export const candidateConsolidations = pgTable(
  'candidate_consolidations',
  {
    municipalityId: uuid('municipality_id').notNull(),
    candidateId: uuid('candidate_id').primaryKey(),
    scores: jsonb('scores').$type<Record<string, { level: number; note: string }>>().notNull(),
    version: integer('version').notNull().default(1),
    updatedById: uuid('updated_by_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    foreignKey({
      columns: [table.candidateId, table.municipalityId],
      foreignColumns: [candidates.id, candidates.municipalityId],
      name: 'candidate_consolidations_candidate_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.updatedById, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'candidate_consolidations_updated_by_fk',
    }),
  ],
);

/**
 * A new employee's starting point from the hiring interview: the panel's consolidated levels, shown in the profile
 * beside (never as) the ratings of a round, until the first profiling conversation (decision 016).
 */
export const interviewBaselines = pgTable(
  'interview_baselines',
  {
    municipalityId: uuid('municipality_id').notNull(),
    userId: uuid('user_id').primaryKey(),
    positionTitle: text('position_title').notNull(),
    frameworkVersionId: uuid('framework_version_id').notNull(),
    /** Competence id → target level of the position. */
    targets: jsonb('targets').$type<Record<string, number>>().notNull(),
    /** Competence id → the consolidated level. */
    levels: jsonb('levels').$type<Record<string, number>>().notNull(),
    interviewedAt: timestamp('interviewed_at', { withTimezone: true }).notNull(),
    createdById: uuid('created_by_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    foreignKey({
      columns: [table.userId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'interview_baselines_user_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.frameworkVersionId, table.municipalityId],
      foreignColumns: [frameworkVersions.id, frameworkVersions.municipalityId],
      name: 'interview_baselines_framework_version_fk',
    }),
  ],
);

/** When each scheduled job last ran, across every server process on the database (decision 018). */
export const scheduledJobRuns = pgTable('scheduled_job_runs', {
  name: text('name').primaryKey(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }).notNull(),
});

/**
 * One row per submitted assessment and competence: the ratings of `assessments.ratings`, flattened with what an
 * aggregate groups by (the person's unit when it was submitted, the round, the rater's role) and the target of the
 * person's role profile. Written and removed with the assessment's submit and reopening, in the same transaction
 * (decision 012), so the team overview and the figures across units read an index instead of every jsonb document.
 */
export const competenceRatings = pgTable(
  'competence_ratings',
  {
    municipalityId: uuid('municipality_id').notNull(),
    roundId: uuid('round_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** `self` or `leader`. */
    raterRole: text('rater_role').notNull(),
    competenceId: text('competence_id').notNull(),
    /** The person's unit when the assessment was submitted: a round's figures stay where they were measured. */
    unitId: uuid('unit_id'),
    /** Null for "cannot assess". */
    level: smallint('level'),
    /** From the role profile the person was rated against in this round; null when it sets none. */
    targetLevel: smallint('target_level'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    // The team matrix and a theme day's before and after read one assessment's rows at a time: the key serves both.
    primaryKey({ columns: [table.roundId, table.subjectId, table.raterRole, table.competenceId] }),
    foreignKey({
      columns: [table.roundId, table.subjectId, table.raterRole],
      foreignColumns: [assessments.roundId, assessments.subjectId, assessments.raterRole],
      name: 'competence_ratings_assessment_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.unitId, table.municipalityId],
      foreignColumns: [units.id, units.municipalityId],
      name: 'competence_ratings_unit_fk',
    }),
  ],
);

/**
 * Sums of the leader ratings per round, unit and competence, kept up to date with every submit and reopening of a
 * leader assessment (in the same transaction as its rating rows): the figures across units read a few thousand rows
 * instead of adding up every rating of a large municipality (decision 012).
 */
export const unitCompetenceTotals = pgTable(
  'unit_competence_totals',
  {
    municipalityId: uuid('municipality_id').notNull(),
    roundId: uuid('round_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    competenceId: text('competence_id').notNull(),
    /** Submitted leader assessments of people in the unit: the group's size. */
    assessedCount: integer('assessed_count').notNull(),
    /** Of those, with a level (not "cannot assess") and a target. */
    ratedCount: integer('rated_count').notNull(),
    levelSum: integer('level_sum').notNull(),
    targetSum: integer('target_sum').notNull(),
    belowCount: integer('below_count').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.municipalityId, table.roundId, table.unitId, table.competenceId] }),
    foreignKey({
      columns: [table.roundId, table.municipalityId],
      foreignColumns: [rounds.id, rounds.municipalityId],
      name: 'unit_competence_totals_round_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.unitId, table.municipalityId],
      foreignColumns: [units.id, units.municipalityId],
      name: 'unit_competence_totals_unit_fk',
    }),
  ],
);

/** One agenda item of a theme day: an exercise from the bank by id, or the leader's own item (welcome, lunch). */
export interface StoredThemeDayItem {
  /** Stable within the theme day: `exercise:<exerciseId>` or `own:<n>`. */
  id: string;
  exerciseId: string | null;
  /** The leader's own title; null for an exercise, whose title comes from the bank in the reader's language. */
  title: string | null;
  minutes: number;
}

/** A shared learning day for a unit, planned from the team's gaps. */
export const themeDays = pgTable(
  'theme_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    /** Its leaders (and those of the units above) plan and follow it up. */
    unitId: uuid('unit_id').notNull(),
    title: text('title').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** `HH:MM` in the municipality's time zone; the agenda's times count from it. */
    startTime: text('start_time').notNull(),
    place: text('place').notNull(),
    /** The framework whose competences the focus names. */
    frameworkVersionId: uuid('framework_version_id').notNull(),
    focusCompetenceIds: text('focus_competence_ids').array().notNull(),
    agenda: jsonb('agenda').$type<StoredThemeDayItem[]>().notNull(),
    createdById: uuid('created_by_id').notNull(),
    /** Raised by every change; a change based on an older version is refused. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('theme_days_id_municipality_uq').on(table.id, table.municipalityId),
    index('theme_days_unit_idx').on(table.municipalityId, table.unitId, table.date),
    foreignKey({
      columns: [table.unitId, table.municipalityId],
      foreignColumns: [units.id, units.municipalityId],
      name: 'theme_days_unit_fk',
    }),
    foreignKey({
      columns: [table.frameworkVersionId, table.municipalityId],
      foreignColumns: [frameworkVersions.id, frameworkVersions.municipalityId],
      name: 'theme_days_framework_version_fk',
    }),
    foreignKey({
      columns: [table.createdById, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'theme_days_created_by_fk',
    }),
  ],
);

export const themeDayParticipants = pgTable(
  'theme_day_participants',
  {
    municipalityId: uuid('municipality_id').notNull(),
    themeDayId: uuid('theme_day_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.themeDayId, table.userId] }),
    index('theme_day_participants_user_idx').on(table.userId),
    foreignKey({
      columns: [table.themeDayId, table.municipalityId],
      foreignColumns: [themeDays.id, themeDays.municipalityId],
      name: 'theme_day_participants_theme_day_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.userId, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'theme_day_participants_user_fk',
    }),
  ],
);

/** After the day: what one participant tries in practice. It leaves with the participant if they are taken off. */
export const themeDayTasks = pgTable(
  'theme_day_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    themeDayId: uuid('theme_day_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** The exercise whose follow-up the task started from, if any. */
    exerciseId: text('exercise_id'),
    text: text('text').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdById: uuid('created_by_id').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('theme_day_tasks_participant_uq').on(table.themeDayId, table.userId),
    index('theme_day_tasks_user_idx').on(table.municipalityId, table.userId),
    foreignKey({
      columns: [table.themeDayId, table.userId],
      foreignColumns: [themeDayParticipants.themeDayId, themeDayParticipants.userId],
      name: 'theme_day_tasks_participant_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.createdById, table.municipalityId],
      foreignColumns: [users.id, users.municipalityId],
      name: 'theme_day_tasks_created_by_fk',
    }),
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
  conversationParticipants,
  conversationPreparations,
  conversationNotes,
  goals,
  goalActions,
  planStatusChanges,
  conversationSignatures,
  conversationAddenda,
  auditEvents,
  practiceEntries,
  colleaguePairings,
  ssoConfigurations,
  ssoLoginStates,
  apiTokens,
  rateLimitCounters,
  positions,
  positionPanel,
  candidates,
  candidateLinks,
  candidateSelfAssessments,
  panelScores,
  candidateConsolidations,
  interviewBaselines,
  scheduledJobRuns,
  competenceRatings,
  unitCompetenceTotals,
  themeDays,
  themeDayParticipants,
  themeDayTasks,
};
