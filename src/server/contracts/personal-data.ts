/** @module The contract of a person's data download (decision 028): everything Vejviser holds about them, as JSON. */
import { z } from 'zod';
import { auditPurposes } from '../../domain/audit.ts';
import { idSchema } from './common.ts';

/**
 * Raised when a field is removed or changes meaning; adding a field keeps the number. A reader checks it before
 * trusting the shape.
 */
export const personalDataSchemaVersion = 1;

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
/** Another person, by the name the app shows; null when they have since been erased. */
const personName = z.string().nullable();
const ratingSchema = z.strictObject({
  level: z.number().int().nullable(),
  comment: z.string().optional(),
  example: z.string().optional(),
});
const ratingsSchema = z.record(z.string(), ratingSchema);
const levelsSchema = z.record(z.string(), z.number().int());

export const personalDataFormatSchema = z.enum(['json', 'pdf']);
export const personalDataQuerySchema = z.strictObject({
  lang: z.enum(['da', 'en']).optional().meta({
    description:
      'The language of the PDF and of the competence names in the JSON; the caller’s language when left out.',
  }),
});

export const personalDataSchema = z
  .strictObject({
    schemaVersion: z.literal(personalDataSchemaVersion).meta({
      description: 'The version of this document’s shape; raised when a field is removed or changes meaning.',
    }),
    generatedAt: isoDateTime,
    municipality: z.strictObject({ name: z.string() }),
    person: z.strictObject({
      id: idSchema,
      name: z.string(),
      email: z.string(),
      title: z.string().nullable(),
      roles: z.array(z.string()),
      unit: z.strictObject({ id: idSchema, name: z.string() }).nullable(),
      locale: z.string(),
      externalId: z.string().nullable(),
      roleProfileKey: z.string().nullable(),
      active: z.boolean(),
      createdAt: isoDateTime,
      updatedAt: isoDateTime,
    }),
    leaderOf: z.array(z.strictObject({ unitId: idSchema, unitName: z.string(), since: isoDateTime })),
    /** Competence id → name, in the language of the download, for every competence the document mentions. */
    competenceNames: z.record(z.string(), z.string()),
    rounds: z.array(
      z.strictObject({
        roundId: idSchema,
        name: z.string(),
        deadline: isoDate,
        status: z.string(),
        frameworkVersionId: idSchema,
        roleProfileKey: z.string(),
        targets: levelsSchema,
        conversationHeldAt: isoDateTime.nullable(),
        /** The leader has assessed the person, but the round shows it only once the person has submitted theirs. */
        leaderAssessmentHidden: z.boolean(),
        assessments: z.array(
          z.strictObject({
            raterRole: z.enum(['self', 'leader']),
            raterName: personName,
            status: z.enum(['draft', 'submitted']),
            updatedAt: isoDateTime,
            submittedAt: isoDateTime.nullable(),
            ratings: ratingsSchema,
            reopenings: z.array(
              z.strictObject({
                reason: z.string(),
                reopenedBy: personName,
                reopenedAt: isoDateTime,
                submittedRatings: ratingsSchema,
              }),
            ),
          }),
        ),
      }),
    ),
    competenceRatings: z.array(
      z.strictObject({
        roundId: idSchema,
        raterRole: z.enum(['self', 'leader']),
        competenceId: z.string(),
        unitName: z.string().nullable(),
        level: z.number().int().nullable(),
        targetLevel: z.number().int().nullable(),
        submittedAt: isoDateTime,
      }),
    ),
    interviewBaseline: z
      .strictObject({
        positionTitle: z.string(),
        frameworkVersionId: idSchema,
        targets: levelsSchema,
        levels: levelsSchema,
        interviewedAt: isoDateTime,
      })
      .nullable(),
    hiredFrom: z.array(
      z.strictObject({ positionTitle: z.string(), appliedAt: isoDateTime, hiredAt: isoDateTime.nullable() }),
    ),
    interviewPanels: z.array(
      z.strictObject({ positionTitle: z.string(), status: z.string(), createdAt: isoDateTime }),
    ),
    conversations: z.array(
      z.strictObject({
        id: idSchema,
        kind: z.string(),
        role: z.enum(['employee', 'participant']),
        leader: personName,
        scheduledAt: isoDateTime,
        durationMinutes: z.number().int(),
        place: z.string(),
        heldAt: isoDateTime.nullable(),
        signedAt: isoDateTime.nullable(),
        nextFollowUp: isoDate.nullable(),
        roundId: idSchema.nullable(),
        agenda: z.array(
          z.strictObject({
            kind: z.string(),
            competenceId: z.string().nullable(),
            theme: z.string().nullable(),
            title: z.string().nullable(),
            ownQuestions: z.array(z.string()),
          }),
        ),
        preparations: z.array(
          z.strictObject({
            author: personName,
            own: z.boolean(),
            sharedAt: isoDateTime.nullable(),
            answers: z.record(z.string(), z.string()),
            chosenCompetenceIds: z.array(z.string()),
            updatedAt: isoDateTime,
          }),
        ),
        notes: z.array(
          z.strictObject({
            author: personName,
            own: z.boolean(),
            items: z.record(z.string(), z.string()),
            updatedAt: isoDateTime,
          }),
        ),
        signatures: z.array(z.strictObject({ role: z.string(), signer: personName, signedAt: isoDateTime })),
        addenda: z.array(z.strictObject({ author: personName, text: z.string(), createdAt: isoDateTime })),
      }),
    ),
    goals: z.array(
      z.strictObject({
        id: idSchema,
        conversationId: idSchema,
        teamGoal: z.boolean(),
        title: z.string(),
        why: z.string(),
        successCriterion: z.string(),
        targetDate: isoDate,
        competenceIds: z.array(z.string()),
        status: z.string(),
        droppedReason: z.string().nullable(),
        createdAt: isoDateTime,
        actions: z.array(
          z.strictObject({
            id: idSchema,
            kind: z.string(),
            description: z.string(),
            owner: personName,
            colleague: personName,
            dueDate: isoDate,
            status: z.string(),
            droppedReason: z.string().nullable(),
          }),
        ),
        statusChanges: z.array(
          z.strictObject({
            actionId: idSchema.nullable(),
            fromStatus: z.string(),
            toStatus: z.string(),
            reason: z.string().nullable(),
            changedBy: personName,
            changedAt: isoDateTime,
          }),
        ),
      }),
    ),
    practiceEntries: z.array(
      z.strictObject({
        id: idSchema,
        occurredOn: isoDate,
        channel: z.string(),
        helpLevel: z.string(),
        frameworkVersionId: idSchema,
        competenceIds: z.array(z.string()),
        whatWorked: z.string(),
        tryNext: z.string(),
        goalId: idSchema.nullable(),
        themeDayTaskId: idSchema.nullable(),
        sharedAt: isoDateTime.nullable(),
        talkingPoint: z.boolean(),
        createdAt: isoDateTime,
        updatedAt: isoDateTime,
      }),
    ),
    pairings: z.array(
      z.strictObject({
        id: idSchema,
        role: z.enum(['learner', 'helper']),
        colleague: personName,
        madeBy: personName,
        competenceId: z.string(),
        frameworkVersionId: idSchema,
        note: z.string(),
        dueDate: isoDate.nullable(),
        status: z.string(),
        cancelReason: z.string().nullable(),
        createdAt: isoDateTime,
        closedAt: isoDateTime.nullable(),
      }),
    ),
    themeDays: z.array(
      z.strictObject({
        id: idSchema,
        title: z.string(),
        unitName: z.string(),
        date: isoDate,
        startTime: z.string(),
        place: z.string(),
        frameworkVersionId: idSchema,
        focusCompetenceIds: z.array(z.string()),
        task: z
          .strictObject({
            text: z.string(),
            dueDate: isoDate,
            doneAt: isoDateTime.nullable(),
            exerciseId: z.string().nullable(),
          })
          .nullable(),
      }),
    ),
    emails: z.array(
      z.strictObject({ subject: z.string(), createdAt: isoDateTime, sentAt: isoDateTime.nullable() }),
    ),
    lookups: z.array(
      z.strictObject({
        occurredAt: isoDateTime,
        action: z.string(),
        subjectType: z.string(),
        purpose: z.enum(auditPurposes),
      }),
    ),
  })
  .meta({ id: 'PersonalData' });
export type PersonalDataDocument = z.infer<typeof personalDataSchema>;
