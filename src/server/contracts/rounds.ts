/** @module Contracts of profiling rounds: starting, following, rating, reopening and closing them. */
import { z } from 'zod';
import { retentionMonths } from '../../domain/recruitment.ts';
import { personalRetentionMonths } from '../../domain/retention.ts';
import { localizedTextSchema } from '../../domain/text.ts';
import { idSchema } from './common.ts';
import { conversationTaskSchema } from './conversations.ts';
import { pairingTaskSchema } from './pairings.ts';
import { personRefSchema } from './people.ts';
import { interviewBaselineSchema, recruitmentTaskSchema } from './recruitment.ts';
import { themeDayTaskSchema } from './theme-days.ts';

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

export const roundInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    frameworkVersionId: idSchema,
    /** Everyone active in these units (and units below them) takes part. */
    unitIds: z.array(idSchema).max(50).default([]),
    /** And these people. */
    userIds: z.array(idSchema).max(500).default([]),
    /** Role profile per person; people not named get the profile of their role. */
    roleProfiles: z.record(idSchema, idSchema).default({}),
    /** The last day to submit, in the municipality's time zone. */
    deadline: isoDate,
    /** Keep the leader's rating from the employee until both have submitted. */
    hideLeaderUntilBoth: z.boolean().default(true),
  })
  .meta({ id: 'RoundInput' });
export type RoundInput = z.input<typeof roundInputSchema>;

export const stages = [
  'not_started',
  'in_progress',
  'self_submitted',
  'leader_submitted',
  'both_submitted',
  'conversation_held',
] as const;
export const assessmentStates = ['not_started', 'draft', 'submitted'] as const;

export const roundSummarySchema = z
  .strictObject({
    id: idSchema,
    name: z.string(),
    status: z.enum(['open', 'closed']),
    deadline: isoDate,
    frameworkVersionId: idSchema,
    hideLeaderUntilBoth: z.boolean(),
    createdBy: personRefSchema,
    createdAt: isoDateTime,
    closedAt: isoDateTime.nullable(),
    /** Only the participants the caller may follow. */
    participantCount: z.number().int(),
    bothSubmittedCount: z.number().int(),
    overdueCount: z.number().int(),
  })
  .meta({ id: 'RoundSummary' });
export type RoundSummary = z.infer<typeof roundSummarySchema>;
export const roundListSchema = z
  .strictObject({ rounds: z.array(roundSummarySchema) })
  .meta({ id: 'RoundList' });

export const participantStatusSchema = z
  .strictObject({
    person: personRefSchema,
    unit: z.strictObject({ id: idSchema, name: z.string() }).nullable(),
    roleProfile: z.strictObject({ id: idSchema, key: z.string(), name: localizedTextSchema }),
    self: z.enum(assessmentStates),
    leader: z.enum(assessmentStates),
    stage: z.enum(stages),
    overdue: z.boolean(),
    conversationHeldAt: isoDateTime.nullable(),
    lastRemindedAt: isoDateTime.nullable(),
    /** May the caller rate this person as their leader (and see their profile)? */
    canRate: z.boolean(),
  })
  .meta({ id: 'ParticipantStatus' });
export type ParticipantStatus = z.infer<typeof participantStatusSchema>;

export const roundDetailSchema = z
  .strictObject({
    round: roundSummarySchema,
    participants: z.array(participantStatusSchema),
    /** May the caller rate these people as their leader (and close the round, send reminders)? */
    canRate: z.boolean(),
    canManage: z.boolean(),
  })
  .meta({ id: 'RoundDetail' });
export type RoundDetail = z.infer<typeof roundDetailSchema>;

export const reminderInputSchema = z
  .strictObject({ userIds: z.array(idSchema).max(500).optional() })
  .meta({ id: 'ReminderInput' });
export const reminderResultSchema = z
  .strictObject({ reminded: z.array(personRefSchema) })
  .meta({ id: 'ReminderResult' });

export const ratingSchema = z.strictObject({
  /** A level on the framework's scale, or null for "cannot assess". */
  level: z.number().int().min(1).max(10).nullable(),
  comment: z.string().trim().max(2000).optional(),
  /** An example from the person's own practice. */
  example: z.string().trim().max(2000).optional(),
});
export type Rating = z.infer<typeof ratingSchema>;

export const raterSchema = z.enum(['self', 'leader']);

export const assessmentSchema = z
  .strictObject({
    roundId: idSchema,
    roundName: z.string(),
    subject: personRefSchema,
    rater: raterSchema,
    status: z.enum(assessmentStates),
    /** Send back when saving: a save based on an older version is refused with 409. */
    version: z.number().int().min(0),
    ratings: z.record(z.string(), ratingSchema),
    updatedAt: isoDateTime.nullable(),
    submittedAt: isoDateTime.nullable(),
    /** Whether the caller may change it now (own draft, round open). */
    editable: z.boolean(),
    frameworkVersionId: idSchema,
    roleProfileId: idSchema,
    deadline: isoDate,
    reopenings: z.array(z.strictObject({ reason: z.string(), at: isoDateTime, by: personRefSchema })),
  })
  .meta({ id: 'Assessment' });
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentDraftInputSchema = z
  .strictObject({
    version: z.number().int().min(0),
    ratings: z.record(z.string().max(64), ratingSchema),
  })
  .meta({ id: 'AssessmentDraftInput' });
export type AssessmentDraftInput = z.infer<typeof assessmentDraftInputSchema>;

export const assessmentSubmitInputSchema = z
  .strictObject({ version: z.number().int().min(0) })
  .meta({ id: 'AssessmentSubmitInput' });

export const reopenInputSchema = z
  .strictObject({ reason: z.string().trim().min(3).max(500) })
  .meta({ id: 'ReopenInput' });

export const taskSchema = z
  .strictObject({
    kind: z.enum(['self_assessment', 'leader_assessment']),
    roundId: idSchema,
    roundName: z.string(),
    deadline: isoDate,
    overdue: z.boolean(),
    subject: personRefSchema,
    state: z.enum(assessmentStates),
    remindedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof taskSchema>;
export const taskListSchema = z
  .strictObject({
    tasks: z.array(taskSchema),
    /** Conversations to prepare or sign, and overdue goals and actions. */
    conversations: z.array(conversationTaskSchema),
    /** Open pairings: a colleague to learn from, or to help. */
    pairings: z.array(pairingTaskSchema),
    /** Candidates the caller still has to score as a panel member. */
    recruitment: z.array(recruitmentTaskSchema),
    /** Follow-up tasks from theme days the caller took part in, not yet done. */
    themeDays: z.array(themeDayTaskSchema),
  })
  .meta({ id: 'TaskList' });

const levelOrNull = z.number().nullable();

export const competenceProfileSchema = z.strictObject({
  competenceId: z.string(),
  areaId: z.string(),
  target: levelOrNull,
  /** Absent when not rated (or not visible); null means "cannot assess". */
  self: levelOrNull.optional(),
  leader: levelOrNull.optional(),
  basis: levelOrNull,
  gap: levelOrNull,
  standing: z.enum(['strength', 'development', 'unrated']),
  divergence: z.enum(['blind_spot', 'hidden_strength']).nullable(),
});

export const roundProfileSchema = z.strictObject({
  roundId: idSchema,
  roundName: z.string(),
  deadline: isoDate,
  status: z.enum(['open', 'closed']),
  frameworkVersionId: idSchema,
  roleProfile: z.strictObject({ id: idSchema, key: z.string(), name: localizedTextSchema }),
  selfSubmitted: z.boolean(),
  leaderSubmitted: z.boolean(),
  /** False while the leader's rating is held back from the employee. */
  leaderVisible: z.boolean(),
  competences: z.array(competenceProfileSchema),
  areas: z.array(
    z.strictObject({ areaId: z.string(), self: levelOrNull, leader: levelOrNull, target: levelOrNull }),
  ),
  strengths: z.array(z.string()),
  developmentAreas: z.array(z.string()),
  conversationTopics: z.array(
    z.strictObject({ competenceId: z.string(), divergence: z.enum(['blind_spot', 'hidden_strength']) }),
  ),
});
export type RoundProfile = z.infer<typeof roundProfileSchema>;

export const profileSchema = z
  .strictObject({
    person: personRefSchema,
    /** Newest round first. */
    rounds: z.array(roundProfileSchema),
    /** Per competence id, oldest round first: the level each round's profile is based on. */
    trends: z.record(
      z.string(),
      z.array(z.strictObject({ roundId: idSchema, date: isoDate, level: levelOrNull })),
    ),
    /** For someone hired through Vejviser: the panel's consolidated interview levels, a starting point only. */
    interviewBaseline: interviewBaselineSchema.nullable(),
  })
  .meta({ id: 'Profile' });
export type Profile = z.infer<typeof profileSchema>;

export const outboxMessageSchema = z
  .strictObject({
    id: idSchema,
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    createdAt: isoDateTime,
    sentAt: isoDateTime.nullable(),
  })
  .meta({ id: 'OutboxMessage' });
export const outboxSchema = z.strictObject({ messages: z.array(outboxMessageSchema) }).meta({ id: 'Outbox' });

const personalMonths = z.number().int().min(personalRetentionMonths.min).max(personalRetentionMonths.max);

export const settingsSchema = z
  .strictObject({
    hrSeesRounds: z.boolean(),
    timeZone: z.string(),
    /** Months after a position closes before its candidates' data is deleted. */
    candidateRetentionMonths: z.number().int(),
    /** No aggregate (team overview across units, theme-day before and after) covers fewer people than this. */
    minGroupSize: z.number().int(),
    /** Months after a person leaves before their conversations and plans are erased (decision 029). */
    conversationRetentionMonths: z.number().int(),
    /** Months after a person leaves before their ratings are erased. */
    ratingRetentionMonths: z.number().int(),
    /** Months after a person leaves before their practice log is erased. */
    practiceRetentionMonths: z.number().int(),
  })
  .meta({ id: 'MunicipalitySettings' });
/** Each setting is changed only when sent. */
export const settingsInputSchema = z
  .strictObject({
    hrSeesRounds: z.boolean().optional(),
    candidateRetentionMonths: z.number().int().min(retentionMonths.min).max(retentionMonths.max).optional(),
    minGroupSize: z.number().int().min(3).max(50).optional(),
    conversationRetentionMonths: personalMonths.optional(),
    ratingRetentionMonths: personalMonths.optional(),
    practiceRetentionMonths: personalMonths.optional(),
  })
  .meta({ id: 'SettingsInput' });
export type SettingsInput = z.infer<typeof settingsInputSchema>;
