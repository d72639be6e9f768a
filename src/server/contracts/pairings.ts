/** @module Contracts of learning from colleagues: the suggestions a leader gets, the pairings, and their tasks. */
import { z } from 'zod';
import { pairingStatuses } from '../../domain/pairings.ts';
import { idSchema } from './common.ts';
import { personRefSchema } from './people.ts';
import { namedCompetenceSchema } from './practice.ts';

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

export const pairingSuggestionsSchema = z
  .strictObject({
    unit: z.strictObject({ id: idSchema, name: z.string() }),
    /**
     * Each person of the unit with development areas in their latest profile, and for each area the colleagues
     * suggested: names and competences only, never ratings.
     */
    learners: z.array(
      z.strictObject({
        person: personRefSchema,
        /** Largest gap first. */
        needs: z.array(
          z.strictObject({
            competence: namedCompetenceSchema,
            /** Already learning it from these colleagues (an open pairing). */
            pairedWith: z.array(personRefSchema),
            /** The colleagues suggested, best first. */
            helpers: z.array(
              personRefSchema.extend({
                /** How many open pairings the colleague already helps in. */
                openPairings: z.number().int(),
              }),
            ),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'PairingSuggestions' });
export type PairingSuggestions = z.infer<typeof pairingSuggestionsSchema>;

export const pairingInputSchema = z
  .strictObject({
    learnerId: idSchema,
    helperId: idSchema,
    competenceId: z.string().min(1).max(64),
    /** Read by both colleagues. */
    note: z.string().trim().max(1000).default(''),
    dueDate: isoDate.nullable().default(null),
  })
  .meta({ id: 'PairingInput' });
export type PairingInput = z.input<typeof pairingInputSchema>;

export const pairingSchema = z
  .strictObject({
    id: idSchema,
    learner: personRefSchema,
    helper: personRefSchema,
    competence: namedCompetenceSchema,
    /** The unit the pairing was made in; its leaders follow it up. */
    unitId: idSchema,
    note: z.string(),
    dueDate: isoDate.nullable(),
    status: z.enum(pairingStatuses),
    /** Open past its due date, by the municipality's date. */
    overdue: z.boolean(),
    /** The caller's side: the one who learns, the one who helps, or their leader. */
    myRole: z.enum(['learner', 'helper', 'leader']),
    /** The learner's open goal for the competence, shown beside it; never to the helper. */
    goal: z.strictObject({ id: idSchema, title: z.string() }).nullable(),
    createdBy: personRefSchema,
    createdAt: isoDateTime,
    closedAt: isoDateTime.nullable(),
    /** Why the leader cancelled it; for the learner and the leader. */
    cancelReason: z.string().nullable(),
    canCancel: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Pairing' });
export type Pairing = z.infer<typeof pairingSchema>;

export const pairingListQuerySchema = z.strictObject({
  /** Only the pairings this person learns or helps in. */
  personId: idSchema.optional(),
});

export const pairingListSchema = z
  .strictObject({ pairings: z.array(pairingSchema) })
  .meta({ id: 'PairingList' });
export type PairingList = z.infer<typeof pairingListSchema>;

export const pairingCloseInputSchema = z
  .strictObject({
    version: z.number().int().min(1),
    /** Why it is cancelled (cancelling only). */
    reason: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'PairingCloseInput' });

export const pairingTaskSchema = z
  .strictObject({
    kind: z.enum(['learn', 'help']),
    pairingId: idSchema,
    /** The colleague to learn from, or to help. */
    colleague: personRefSchema,
    competence: namedCompetenceSchema,
    dueDate: isoDate.nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: 'PairingTask' });
export type PairingTask = z.infer<typeof pairingTaskSchema>;
