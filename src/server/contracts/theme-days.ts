/** @module Contracts of theme days: planning from the team's gaps, the agenda from the exercise bank, follow-up tasks. */
import { z } from 'zod';
import { exerciseKinds } from '../../domain/exercises.ts';
import { idSchema } from './common.ts';
import { personRefSchema } from './people.ts';

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
const required = (max: number) => z.string().trim().min(1).max(max);
const clockTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/);

export const exerciseSchema = z
  .strictObject({
    id: z.string(),
    /** The first is the competence it is picked for. */
    competenceIds: z.array(z.string()),
    kind: z.enum(exerciseKinds),
    title: z.string(),
    purpose: z.string(),
    minutes: z.number().int(),
    preparation: z.string(),
    steps: z.array(z.string()),
    followUpTask: z.string(),
  })
  .meta({ id: 'Exercise' });
export type ExerciseView = z.infer<typeof exerciseSchema>;
export const exerciseListSchema = z
  .strictObject({ exercises: z.array(exerciseSchema) })
  .meta({ id: 'ExerciseList' });

/** An agenda item as the leader saves it: an exercise from the bank, or their own item with a title. */
export const themeDayItemInputSchema = z.strictObject({
  /** Stable within the day, e.g. `exercise:spoergeteknik-rollespil-1` or `own:1`. */
  id: z.string().min(1).max(100),
  exerciseId: z.string().max(64).nullable().default(null),
  /** Required for the leader's own items, e.g. "Velkomst" or "Frokost". */
  title: z.string().trim().max(200).nullable().default(null),
  minutes: z.number().int().min(5).max(240),
});
export type ThemeDayItemInput = z.input<typeof themeDayItemInputSchema>;

const planFields = {
  title: required(120),
  date: isoDate,
  /** `HH:MM`, in the municipality's time zone. */
  startTime: clockTime,
  place: required(200),
  focusCompetenceIds: z.array(z.string().max(64)).min(1).max(5),
  participantIds: z.array(idSchema).min(1).max(200),
  agenda: z.array(themeDayItemInputSchema).max(30),
};

export const themeDayInputSchema = z
  .strictObject({ unitId: idSchema, ...planFields })
  .meta({ id: 'ThemeDayInput' });
export type ThemeDayInput = z.input<typeof themeDayInputSchema>;

export const themeDayUpdateSchema = z
  .strictObject({ version: z.number().int().min(1), ...planFields })
  .meta({ id: 'ThemeDayUpdate' });
export type ThemeDayUpdate = z.input<typeof themeDayUpdateSchema>;

export const themeDaySummarySchema = z
  .strictObject({
    id: idSchema,
    unit: z.strictObject({ id: idSchema, name: z.string() }),
    title: z.string(),
    date: isoDate,
    startTime: z.string(),
    endTime: z.string(),
    place: z.string(),
    /** `held` from the day itself on: then follow-up tasks can be given. */
    stage: z.enum(['planned', 'held']),
    focusCompetenceIds: z.array(z.string()),
    participantCount: z.number().int(),
    /** `leader` for the unit's leaders (who manage it), `participant` for those taking part. */
    myRole: z.enum(['leader', 'participant']),
  })
  .meta({ id: 'ThemeDaySummary' });
export type ThemeDaySummary = z.infer<typeof themeDaySummarySchema>;
export const themeDayListSchema = z
  .strictObject({ themeDays: z.array(themeDaySummarySchema) })
  .meta({ id: 'ThemeDayList' });

export const themeDayAgendaItemSchema = z.strictObject({
  id: z.string(),
  exerciseId: z.string().nullable(),
  /** In the reader's language: the exercise's title, or the leader's own. */
  title: z.string(),
  minutes: z.number().int(),
  start: z.string(),
  end: z.string(),
  /** The exercise, in the reader's language; null for the leader's own items (or an exercise no longer shipped). */
  exercise: exerciseSchema.nullable(),
});
export type ThemeDayAgendaItem = z.infer<typeof themeDayAgendaItemSchema>;

export const followUpTaskSchema = z.strictObject({
  id: idSchema,
  person: personRefSchema,
  exerciseId: z.string().nullable(),
  text: z.string(),
  dueDate: isoDate,
  doneAt: isoDateTime.nullable(),
});
export type FollowUpTask = z.infer<typeof followUpTaskSchema>;

export const themeDayDetailSchema = z
  .strictObject({
    themeDay: themeDaySummarySchema,
    /** Send back when changing the plan: a change based on an older version is refused with 409. */
    version: z.number().int(),
    frameworkVersionId: idSchema,
    agenda: z.array(themeDayAgendaItemSchema),
    participants: z.array(personRefSchema),
    /** May the caller change the plan and give follow-up tasks? */
    canManage: z.boolean(),
    /** For leaders every participant's task; for a participant their own. */
    tasks: z.array(followUpTaskSchema),
    /**
     * For leaders: the participants' leader ratings in the focus competences before the day and after it (the first
     * round after), averaged over those rated both times; withheld below the minimum group size. Null for others.
     */
    beforeAfter: z
      .strictObject({
        minGroupSize: z.number().int(),
        /** Participants rated by a leader since the day. */
        ratedAfterCount: z.number().int(),
        competences: z.array(
          z.strictObject({
            competenceId: z.string(),
            pairedCount: z.number().int().nullable(),
            before: z.number().nullable(),
            after: z.number().nullable(),
            change: z.number().nullable(),
          }),
        ),
      })
      .nullable(),
  })
  .meta({ id: 'ThemeDayDetail' });
export type ThemeDayDetail = z.infer<typeof themeDayDetailSchema>;

export const followUpTasksInputSchema = z
  .strictObject({
    tasks: z
      .array(
        z.strictObject({
          userId: idSchema,
          exerciseId: z.string().max(64).nullable().default(null),
          text: required(1000),
          dueDate: isoDate,
        }),
      )
      .min(1)
      .max(200),
  })
  .meta({ id: 'FollowUpTasksInput' });
export type FollowUpTasksInput = z.input<typeof followUpTasksInputSchema>;

export const taskDoneInputSchema = z.strictObject({ done: z.boolean() }).meta({ id: 'TaskDoneInput' });

/** A follow-up task in the participant's task list. */
export const themeDayTaskSchema = z
  .strictObject({
    id: idSchema,
    themeDayId: idSchema,
    themeDayTitle: z.string(),
    themeDayDate: isoDate,
    text: z.string(),
    dueDate: isoDate,
    overdue: z.boolean(),
  })
  .meta({ id: 'ThemeDayTask' });
export type ThemeDayTask = z.infer<typeof themeDayTaskSchema>;
