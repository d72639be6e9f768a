/** @module Contracts of conversations (profiling conversation, MUS, follow-up) and the development plans made in them. */
import { z } from 'zod';
import { growPhases, musThemes } from '../../domain/coaching.ts';
import { conversationKinds, planStatuses } from '../../domain/conversations.ts';
import { idSchema } from './common.ts';
import { personRefSchema } from './people.ts';

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
/** Free text a person writes: trimmed, and bounded so one field cannot fill the 64 KiB body. */
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

export const conversationKindSchema = z.enum(conversationKinds);
export const planStatusSchema = z.enum(planStatuses);
export const actionKindSchema = z.enum(['theory', 'practice', 'colleague', 'other']);
export const musThemeSchema = z.enum(musThemes);
export const stageSchema = z.enum(['scheduled', 'held', 'signed']);
export const preparationStateSchema = z.enum(['not_started', 'draft', 'shared']);

export const conversationInputSchema = z
  .strictObject({
    kind: conversationKindSchema,
    employeeId: idSchema,
    /** With offset, e.g. `2026-12-10T09:30:00+01:00`. */
    scheduledAt: isoDateTime,
    durationMinutes: z.number().int().min(15).max(480).default(60),
    place: required(200),
    /** For a follow-up: the conversation whose plan it follows up. */
    followUpOf: idSchema.optional(),
  })
  .meta({ id: 'ConversationInput' });
export type ConversationInput = z.input<typeof conversationInputSchema>;

/** Rescheduling (before the conversation is held) and the next follow-up date (until it is signed). */
export const conversationUpdateSchema = z
  .strictObject({
    version: z.number().int().min(1),
    scheduledAt: isoDateTime.optional(),
    durationMinutes: z.number().int().min(15).max(480).optional(),
    place: required(200).optional(),
    nextFollowUp: isoDate.nullable().optional(),
  })
  .meta({ id: 'ConversationUpdate' });
export type ConversationUpdate = z.infer<typeof conversationUpdateSchema>;

export const conversationSummarySchema = z
  .strictObject({
    id: idSchema,
    kind: conversationKindSchema,
    employee: personRefSchema,
    /** The leader who scheduled it. Any current leader of the employee's unit may hold it. */
    leader: personRefSchema,
    scheduledAt: isoDateTime,
    durationMinutes: z.number().int(),
    place: z.string(),
    stage: stageSchema,
    heldAt: isoDateTime.nullable(),
    signedAt: isoDateTime.nullable(),
    nextFollowUp: isoDate.nullable(),
    followUpOf: idSchema.nullable(),
    /** The caller's own preparation. */
    myPreparation: preparationStateSchema,
    /** Has the other party shared their preparation with the caller? */
    otherPreparationShared: z.boolean(),
    /** The caller's side: the employee, or a leader of the employee. */
    myRole: z.enum(['employee', 'leader']),
  })
  .meta({ id: 'ConversationSummary' });
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const preparationSchema = z
  .strictObject({
    author: personRefSchema,
    /** Per MUS theme, the answer; absent when not answered. */
    answers: z.partialRecord(musThemeSchema, z.string()),
    /** The competences the author most wants to talk about, in their order. */
    chosenCompetenceIds: z.array(z.string()),
    state: preparationStateSchema,
    sharedAt: isoDateTime.nullable(),
    /** 0 before the first save. A save based on an older version is refused with 409. */
    version: z.number().int().min(0),
    updatedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Preparation' });
export type Preparation = z.infer<typeof preparationSchema>;

export const preparationInputSchema = z
  .strictObject({
    version: z.number().int().min(0),
    answers: z.partialRecord(musThemeSchema, text(4000)),
    chosenCompetenceIds: z.array(z.string().max(64)).max(5),
  })
  .meta({ id: 'PreparationInput' });
export type PreparationInput = z.infer<typeof preparationInputSchema>;

export const versionInputSchema = z
  .strictObject({ version: z.number().int().min(0) })
  .meta({ id: 'VersionInput' });

export const agendaItemKinds = [
  'mus_theme',
  'strength',
  'divergence',
  'gap',
  'chosen',
  'open_goal',
  'team_goal',
  'team_strength',
  'team_gap',
  'custom',
] as const;

/** An agenda item as the leader saves it: which suggestion it is, or their own title and questions. */
export const agendaItemInputSchema = z.strictObject({
  /** Stable within the conversation: `gap:spoergeteknik`, `theme:looking_back`, `custom:…`. */
  id: z.string().min(1).max(100),
  kind: z.enum(agendaItemKinds),
  competenceId: z.string().max(64).nullable().default(null),
  theme: musThemeSchema.nullable().default(null),
  goalId: idSchema.nullable().default(null),
  /** The leader's own title; required for `custom` items. */
  title: text(200).nullable().default(null),
  /** Questions from the bank, by id, in the leader's order. */
  questionIds: z.array(z.string().max(64)).max(12).default([]),
  /** The leader's own questions. */
  ownQuestions: z.array(required(300)).max(12).default([]),
});
export type AgendaItemInput = z.input<typeof agendaItemInputSchema>;

export const agendaInputSchema = z
  .strictObject({ version: z.number().int().min(1), items: z.array(agendaItemInputSchema).max(60) })
  .meta({ id: 'AgendaInput' });

export const agendaItemSchema = z
  .strictObject({
    id: z.string(),
    kind: z.enum(agendaItemKinds),
    competenceId: z.string().nullable(),
    theme: musThemeSchema.nullable(),
    goalId: idSchema.nullable(),
    /** In the caller's language: the competence, theme or goal, or the leader's own title. */
    title: z.string(),
    /** Why it is on the agenda, in the caller's language, e.g. "Leder 2, mål 3". */
    reason: z.string().nullable(),
    divergence: z.enum(['blind_spot', 'hidden_strength']).nullable(),
    gap: z.number().nullable(),
    /** A group conversation's shared strength or gap: how many participants are rated and how many are below target. */
    team: z.strictObject({ below: z.number().int(), rated: z.number().int() }).nullable(),
    /** Opening prompts for the item (acknowledge a strength, open a blind spot, follow up a goal). */
    prompts: z.array(z.string()),
    questions: z.array(
      z.strictObject({ id: z.string().nullable(), phase: z.enum(growPhases).nullable(), text: z.string() }),
    ),
  })
  .meta({ id: 'AgendaItem' });
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const agendaSchema = z
  .strictObject({
    /** For the leader: the saved agenda. For the employee: the same, once the conversation has started. */
    items: z.array(agendaItemSchema),
    version: z.number().int(),
    /** The round the guide's profile came from, if any. */
    round: z.strictObject({ id: idSchema, name: z.string() }).nullable(),
  })
  .meta({ id: 'Agenda' });
export type Agenda = z.infer<typeof agendaSchema>;

/** The guide Vejviser suggests from the profile right now; the leader may take it into the agenda. */
export const guideSchema = agendaSchema.meta({ id: 'Guide' });

export const notesInputSchema = z
  .strictObject({
    version: z.number().int().min(0),
    /** Agenda item id → the caller's notes on it. */
    items: z.record(z.string().max(100), text(5000)),
  })
  .meta({ id: 'NotesInput' });

export const notesSchema = z
  .strictObject({
    author: personRefSchema,
    items: z.record(z.string(), z.string()),
    version: z.number().int().min(0),
    updatedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Notes' });
export type Notes = z.infer<typeof notesSchema>;

export const actionInputSchema = z
  .strictObject({
    kind: actionKindSchema,
    description: required(500),
    /** The employee or a leader in the conversation. */
    ownerId: idSchema,
    /** For "learn from a colleague": the colleague, in the employee's unit. */
    colleagueId: idSchema.nullable().default(null),
    dueDate: isoDate,
  })
  .meta({ id: 'ActionInput' });
export type ActionInput = z.input<typeof actionInputSchema>;
export const actionUpdateSchema = actionInputSchema
  .extend({ version: z.number().int().min(1) })
  .meta({ id: 'ActionUpdate' });

export const goalInputSchema = z
  .strictObject({
    title: required(200),
    why: text(1000).default(''),
    successCriterion: required(500),
    targetDate: isoDate,
    competenceIds: z.array(z.string().max(64)).min(1).max(8),
  })
  .meta({ id: 'GoalInput' });
export type GoalInput = z.input<typeof goalInputSchema>;
export const goalUpdateSchema = goalInputSchema
  .extend({ version: z.number().int().min(1) })
  .meta({ id: 'GoalUpdate' });

export const statusInputSchema = z
  .strictObject({
    version: z.number().int().min(1),
    status: planStatusSchema,
    /** Required when dropping. */
    reason: text(500).optional(),
  })
  .meta({ id: 'StatusInput' });
export type StatusInput = z.infer<typeof statusInputSchema>;

export const statusChangeSchema = z.strictObject({
  from: planStatusSchema,
  to: planStatusSchema,
  reason: z.string().nullable(),
  by: personRefSchema,
  at: isoDateTime,
});

export const actionSchema = z
  .strictObject({
    id: idSchema,
    goalId: idSchema,
    kind: actionKindSchema,
    description: z.string(),
    owner: personRefSchema,
    colleague: personRefSchema.nullable(),
    dueDate: isoDate,
    status: planStatusSchema,
    droppedReason: z.string().nullable(),
    /** Past due and neither done nor dropped, by the municipality's date. */
    overdue: z.boolean(),
    version: z.number().int(),
    history: z.array(statusChangeSchema),
  })
  .meta({ id: 'Action' });
export type Action = z.infer<typeof actionSchema>;

export const goalSchema = z
  .strictObject({
    id: idSchema,
    conversationId: idSchema,
    title: z.string(),
    why: z.string(),
    successCriterion: z.string(),
    targetDate: isoDate,
    competenceIds: z.array(z.string()),
    status: planStatusSchema,
    droppedReason: z.string().nullable(),
    overdue: z.boolean(),
    version: z.number().int(),
    actions: z.array(actionSchema),
    history: z.array(statusChangeSchema),
  })
  .meta({ id: 'Goal' });
export type Goal = z.infer<typeof goalSchema>;

export const signatureSchema = z.strictObject({
  role: z.enum(['employee', 'leader']),
  person: personRefSchema,
  signedAt: isoDateTime,
  /** False when the record changed after this signature: the person must sign again. */
  valid: z.boolean(),
});

export const addendumSchema = z.strictObject({
  id: idSchema,
  author: personRefSchema,
  at: isoDateTime,
  text: z.string(),
});

export type Addendum = z.infer<typeof addendumSchema>;

export const addendumInputSchema = z.strictObject({ text: required(4000) }).meta({ id: 'AddendumInput' });

export const signInputSchema = z
  .strictObject({
    /** The content version the signer read: a sign on an older version is refused with 409. */
    contentVersion: z.number().int().min(1),
  })
  .meta({ id: 'SignInput' });

export const conversationDetailSchema = z
  .strictObject({
    conversation: conversationSummarySchema,
    /** Raised by every change of the scheduling fields or the follow-up date. */
    version: z.number().int(),
    /** Raised by every change of notes, goals and actions: signatures are given for one content version. */
    contentVersion: z.number().int(),
    frameworkVersionId: idSchema.nullable(),
    /** The group conversation (GRUS) this one follows up, if any: its team goals open the agenda. */
    groupConversation: z.strictObject({ id: idSchema, unitName: z.string() }).nullable(),
    /** May the caller schedule, edit the agenda and start the conversation? */
    canLead: z.boolean(),
    /** May the caller write notes and the plan now (held, not signed)? */
    canEdit: z.boolean(),
    /** The agenda, or null when the caller may not see it yet (an employee before the conversation starts). */
    agenda: agendaSchema.nullable(),
    /** Both parties' notes, once the conversation has started; the caller's own first. */
    notes: z.array(notesSchema),
    /** Preparations the caller may read: their own, and the other party's once shared. */
    preparations: z.array(preparationSchema),
    goals: z.array(goalSchema),
    signatures: z.array(signatureSchema),
    addenda: z.array(addendumSchema),
    /** The people who may own an action or be learnt from: the employee, the leaders, colleagues in the unit. */
    people: z.strictObject({
      employee: personRefSchema,
      leaders: z.array(personRefSchema),
      colleagues: z.array(personRefSchema),
    }),
  })
  .meta({ id: 'ConversationDetail' });
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;

export const planSchema = z
  .strictObject({
    person: personRefSchema,
    /** Open goals first (earliest target date first), then done and dropped ones, newest first. */
    goals: z.array(
      goalSchema.extend({
        conversation: z.strictObject({
          id: idSchema,
          kind: conversationKindSchema,
          scheduledAt: isoDateTime,
          signedAt: isoDateTime.nullable(),
        }),
      }),
    ),
  })
  .meta({ id: 'Plan' });
export type Plan = z.infer<typeof planSchema>;

export const conversationTaskSchema = z
  .strictObject({
    kind: z.enum(['prepare', 'sign', 'overdue_goal', 'overdue_action']),
    conversationId: idSchema,
    conversationKind: conversationKindSchema,
    /** The employee the task is about (the caller themselves, or one of their people). */
    subject: personRefSchema,
    scheduledAt: isoDateTime,
    /** For goals and actions: their title or description. */
    title: z.string().nullable(),
    dueDate: isoDate.nullable(),
  })
  .meta({ id: 'ConversationTask' });
export type ConversationTask = z.infer<typeof conversationTaskSchema>;

export const groupConversationInputSchema = z
  .strictObject({
    /** A unit the leader leads; participants come from it and the units below it. */
    unitId: idSchema,
    participantIds: z.array(idSchema).min(2).max(60),
    scheduledAt: isoDateTime,
    durationMinutes: z.number().int().min(15).max(480).default(90),
    place: required(200),
  })
  .meta({ id: 'GroupConversationInput' });
export type GroupConversationInput = z.input<typeof groupConversationInputSchema>;

/** Before the start: time, place and who takes part; until it is closed: the next follow-up date. */
export const groupConversationUpdateSchema = conversationUpdateSchema
  .extend({ participantIds: z.array(idSchema).min(2).max(60).optional() })
  .meta({ id: 'GroupConversationUpdate' });
export type GroupConversationUpdate = z.infer<typeof groupConversationUpdateSchema>;

export const groupConversationSummarySchema = z
  .strictObject({
    id: idSchema,
    unit: z.strictObject({ id: idSchema, name: z.string() }),
    /** The leader who scheduled it. Any current leader of the unit may hold it. */
    leader: personRefSchema,
    scheduledAt: isoDateTime,
    durationMinutes: z.number().int(),
    place: z.string(),
    /** `signed` means closed by a leader: read-only from then on. */
    stage: stageSchema,
    heldAt: isoDateTime.nullable(),
    closedAt: isoDateTime.nullable(),
    nextFollowUp: isoDate.nullable(),
    participantCount: z.number().int(),
    myRole: z.enum(['leader', 'participant']),
  })
  .meta({ id: 'GroupConversationSummary' });
export type GroupConversationSummary = z.infer<typeof groupConversationSummarySchema>;

export const conversationListSchema = z
  .strictObject({
    conversations: z.array(conversationSummarySchema),
    /** Group conversations (GRUS) the caller takes part in or leads. */
    groups: z.array(groupConversationSummarySchema),
  })
  .meta({ id: 'ConversationList' });

export const groupConversationDetailSchema = z
  .strictObject({
    conversation: groupConversationSummarySchema,
    /** Raised by every change of time, place, participants or the follow-up date. */
    version: z.number().int(),
    /** Raised by every change of notes, team goals and actions: the leader closes one content version. */
    contentVersion: z.number().int(),
    frameworkVersionId: idSchema.nullable(),
    /** May the caller reschedule, edit the agenda, start and close it (a leader, until it is closed)? */
    canLead: z.boolean(),
    /** May the caller write notes and team goals now (a leader, held, not closed)? */
    canEdit: z.boolean(),
    participants: z.array(personRefSchema),
    /** The unit's leaders: with the participants, the people who may own a team action. */
    leaders: z.array(personRefSchema),
    /** A shared strength or gap is shown only where at least this many participants are rated. */
    teamNumbersFrom: z.number().int(),
    /** For a leader: the saved agenda. For a participant: the same, once the meeting has started. */
    agenda: agendaSchema.nullable(),
    /** The leaders' notes per agenda item, once the meeting has started. */
    notes: z.array(notesSchema),
    /** The team goals and their actions. */
    goals: z.array(goalSchema),
    /** Who closed it, and when. */
    closedBy: z.strictObject({ person: personRefSchema, at: isoDateTime }).nullable(),
    addenda: z.array(addendumSchema),
    /**
     * Each participant's individual follow-up: for a leader, everyone's; for a participant, only their own (another
     * participant's individual plan is theirs alone).
     */
    followUps: z.array(
      z.strictObject({
        employee: personRefSchema,
        conversation: z
          .strictObject({
            id: idSchema,
            kind: conversationKindSchema,
            scheduledAt: isoDateTime,
            stage: stageSchema,
          })
          .nullable(),
      }),
    ),
  })
  .meta({ id: 'GroupConversationDetail' });
export type GroupConversationDetail = z.infer<typeof groupConversationDetailSchema>;

export const closeInputSchema = signInputSchema.meta({ id: 'CloseInput' });
