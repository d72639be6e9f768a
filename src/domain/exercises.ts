/** @module The theme-day exercise bank: dilemmas, role plays and counter cases that train the framework's competences. */
import { z } from 'zod';
import { contentIdSchema, localizedTextSchema } from './text.ts';

/** A dilemma to discuss, a role play with a citizen and an observer, or a case from the counter to solve together. */
export const exerciseKinds = ['dilemma', 'role_play', 'counter_case'] as const;
export type ExerciseKind = (typeof exerciseKinds)[number];

export const exerciseSchema = z.strictObject({
  /** Stable, e.g. `spoergeteknik-rollespil-1`: a theme-day plan keeps the id, so a reworded exercise stays the same. */
  id: contentIdSchema,
  /** The competences it trains; the first is the main one, the one a theme day picks it for. */
  competenceIds: z.array(contentIdSchema).min(1),
  kind: z.enum(exerciseKinds),
  title: localizedTextSchema,
  /** Which competence it trains and why, in one or two sentences. */
  purpose: localizedTextSchema,
  /** Time needed in the meeting room, including the follow-up talk. */
  minutes: z.number().int().min(5).max(120),
  /** What the facilitator prepares: printed cases, a tablet, roles on cards. */
  preparation: localizedTextSchema,
  /** How to run it, in order. */
  steps: z.array(localizedTextSchema).min(2),
  /** What each participant tries at the counter or on the phone afterwards and notes in the practice log. */
  followUpTask: localizedTextSchema,
});
export type Exercise = z.infer<typeof exerciseSchema>;

export const exerciseBankSchema = z.strictObject({ exercises: z.array(exerciseSchema) });
export type ExerciseBank = z.infer<typeof exerciseBankSchema>;

/** The exercises a theme day can pick for a competence: those where it is the main (first) competence. */
export const exercisesFor = (bank: ExerciseBank, competenceId: string): Exercise[] =>
  bank.exercises.filter((exercise) => exercise.competenceIds[0] === competenceId);

/**
 * Problems that make a bank unusable with a framework: a competence with fewer than two exercises of its own or
 * only one kind of them, an unknown competence, an id used twice, a kind missing from the whole bank.
 */
export function exerciseBankProblems(bank: ExerciseBank, competenceIds: readonly string[]): string[] {
  const problems: string[] = [];
  for (const competenceId of competenceIds) {
    const own = exercisesFor(bank, competenceId);
    const kinds = new Set(own.map((exercise) => exercise.kind));
    if (own.length < 2) {
      problems.push(`competence "${competenceId}" is the main competence of ${own.length} exercises, not 2`);
    } else if (kinds.size < 2) {
      problems.push(`competence "${competenceId}" has only "${[...kinds][0]}" exercises`);
    }
  }
  for (const exercise of bank.exercises) {
    for (const competenceId of new Set(exercise.competenceIds)) {
      if (!competenceIds.includes(competenceId)) {
        problems.push(`exercise "${exercise.id}" names unknown competence "${competenceId}"`);
      }
    }
    if (new Set(exercise.competenceIds).size < exercise.competenceIds.length) {
      problems.push(`exercise "${exercise.id}" names a competence twice`);
    }
  }
  const ids = bank.exercises.map((exercise) => exercise.id);
  for (const id of new Set(ids.filter((id, index) => ids.indexOf(id) !== index))) {
    problems.push(`exercise id "${id}" is used twice`);
  }
  for (const kind of exerciseKinds) {
    if (!bank.exercises.some((exercise) => exercise.kind === kind)) {
      problems.push(`the bank has no "${kind}" exercise`);
    }
  }
  return problems;
}
