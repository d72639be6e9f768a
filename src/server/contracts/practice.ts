/** @module Contracts of the practice log: an employee's entries, their talking points, and a unit's aggregate. */
import { z } from 'zod';
import { helpLevels, maxCompetencesPerEntry, practiceChannels } from '../../domain/practice.ts';
import { idSchema } from './common.ts';
import { personRefSchema } from './people.ts';

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const practiceChannelSchema = z.enum(practiceChannels);
export const helpLevelSchema = z.enum(helpLevels);

/** A competence by id, with its name in the reader's language. */
export const namedCompetenceSchema = z.strictObject({ id: z.string(), name: z.string() });

export const practiceEntryInputSchema = z
  .strictObject({
    /** The day of the citizen contact; not in the future. */
    occurredOn: isoDate,
    channel: practiceChannelSchema,
    helpLevel: helpLevelSchema,
    /** From the municipality's newest published framework. */
    competenceIds: z.array(z.string().max(64)).min(1).max(maxCompetencesPerEntry),
    /** No citizen's personal data: a CPR number is refused with 422. */
    whatWorked: z.string().trim().min(1).max(2000),
    tryNext: z.string().trim().max(2000).default(''),
    /** One of the employee's own open goals. */
    goalId: idSchema.nullable().default(null),
    /** A theme day's follow-up task: refused until theme days are part of Vejviser. */
    themeDayTaskId: idSchema.nullable().default(null),
    /** Share with the employee's leaders. */
    shared: z.boolean().default(false),
    /** Take it up in the next conversation. */
    talkingPoint: z.boolean().default(false),
  })
  .meta({ id: 'PracticeEntryInput' });
export type PracticeEntryInput = z.input<typeof practiceEntryInputSchema>;

export const practiceEntryUpdateSchema = practiceEntryInputSchema
  .extend({ version: z.number().int().min(1) })
  .meta({ id: 'PracticeEntryUpdate' });
export type PracticeEntryUpdate = z.input<typeof practiceEntryUpdateSchema>;

export const practiceEntrySchema = z
  .strictObject({
    id: idSchema,
    author: personRefSchema,
    occurredOn: isoDate,
    channel: practiceChannelSchema,
    helpLevel: helpLevelSchema,
    competences: z.array(namedCompetenceSchema),
    whatWorked: z.string(),
    tryNext: z.string(),
    /** The goal of the author's plan it belongs to; null when none, or when the reader is not the author. */
    goal: z.strictObject({ id: idSchema, title: z.string() }).nullable(),
    themeDayTaskId: idSchema.nullable(),
    shared: z.boolean(),
    sharedAt: isoDateTime.nullable(),
    talkingPoint: z.boolean(),
    /** Send back when changing or deleting: a change based on an older version is refused with 409. */
    version: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'PracticeEntry' });
export type PracticeEntry = z.infer<typeof practiceEntrySchema>;

export const helpLevelCountsSchema = z.strictObject({
  self_service: z.number().int(),
  co_service: z.number().int(),
  full_service: z.number().int(),
});

export const practiceLogQuerySchema = z.strictObject({
  month: month.optional(),
  channel: practiceChannelSchema.optional(),
  helpLevel: helpLevelSchema.optional(),
});

export const practiceLogSchema = z
  .strictObject({
    /** Newest first, at most 200 of those matching the filter. */
    entries: z.array(practiceEntrySchema),
    /** How many match the filter in all. */
    total: z.number().int(),
    /** The last twelve months, oldest first: the author's count per help level, whatever the filter. */
    months: z.array(z.strictObject({ month, counts: helpLevelCountsSchema })),
  })
  .meta({ id: 'PracticeLog' });
export type PracticeLog = z.infer<typeof practiceLogSchema>;

export const practiceEntryListSchema = z
  .strictObject({ entries: z.array(practiceEntrySchema) })
  .meta({ id: 'PracticeEntryList' });
export type PracticeEntryList = z.infer<typeof practiceEntryListSchema>;

export const talkingPointsSchema = z
  .strictObject({
    /**
     * For the employee: their entries marked as talking points, up to the day of the conversation. For a leader:
     * only those the employee shared. Empty once the conversation is signed.
     */
    entries: z.array(practiceEntrySchema),
    open: z.boolean(),
  })
  .meta({ id: 'PracticeTalkingPoints' });
export type TalkingPoints = z.infer<typeof talkingPointsSchema>;

export const practiceSummaryQuerySchema = z.strictObject({
  /** How many months back, the current month included. */
  months: z.coerce.number().int().min(1).max(24).default(6),
});

export const practiceSummarySchema = z
  .strictObject({
    unit: z.strictObject({ id: idSchema, name: z.string() }),
    /** The municipality's minimum: a month with fewer people who logged is not shown. */
    minGroupSize: z.number().int(),
    months: z.array(
      z.discriminatedUnion('reportable', [
        z.strictObject({
          month,
          reportable: z.literal(true),
          people: z.number().int(),
          entries: z.number().int(),
          counts: helpLevelCountsSchema,
          shares: z.strictObject({
            self_service: z.number(),
            co_service: z.number(),
            full_service: z.number(),
          }),
        }),
        z.strictObject({ month, reportable: z.literal(false) }),
      ]),
    ),
    /** Most used first, over the shown months; null when no month can be shown. */
    competences: z.array(namedCompetenceSchema.extend({ entries: z.number().int() })).nullable(),
  })
  .meta({ id: 'PracticeSummary' });
export type PracticeSummaryView = z.infer<typeof practiceSummarySchema>;
