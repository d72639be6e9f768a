/** @module The shipped theme-day exercise bank, validated on load against the schema and the default framework. */
import { z } from 'zod';
import { type ExerciseBank, exerciseBankProblems, exerciseBankSchema } from '../src/domain/exercises.ts';
import { competencesOf, type FrameworkDocument } from '../src/domain/framework.ts';
import { defaultFramework } from './index.ts';
import exercisesJson from './theme-day-exercises.json' with { type: 'json' };

/**
 * Validates raw exercise content against the schema and against the framework's competences.
 * Throws one Error that names every problem found, so a broken content file fails loudly and legibly.
 */
export function parseExerciseBank(rawBank: unknown, framework: FrameworkDocument): ExerciseBank {
  const bank = exerciseBankSchema.safeParse(rawBank);
  if (!bank.success) {
    throw new Error(`The theme-day exercise content is invalid:\n${z.prettifyError(bank.error)}`);
  }
  const competenceIds = competencesOf(framework).map((competence) => competence.id);
  const problems = exerciseBankProblems(bank.data, competenceIds);
  if (problems.length > 0) {
    throw new Error(
      `The theme-day exercises do not fit framework "${framework.key}":\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
  }
  return bank.data;
}

export const defaultExerciseBank: ExerciseBank = parseExerciseBank(exercisesJson, defaultFramework);
