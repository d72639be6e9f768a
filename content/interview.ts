/** @module The shipped interview question bank for recruitment against a role profile, validated on load. */
import { z } from 'zod';
import { competencesOf, type FrameworkDocument } from '../src/domain/framework.ts';
import { type InterviewBank, interviewBankProblems, interviewBankSchema } from '../src/domain/interview.ts';
import { defaultFramework } from './index.ts';
import interviewJson from './interview-questions.json' with { type: 'json' };

/**
 * Validates raw interview content against the schema, the framework's competences and its scale.
 * Throws one Error that names every problem found, like `parseCoachingBank` in ./index.ts.
 */
export function parseInterviewBank(rawBank: unknown, framework: FrameworkDocument): InterviewBank {
  const bank = interviewBankSchema.safeParse(rawBank);
  if (!bank.success) {
    throw new Error(`The interview content is invalid:\n${z.prettifyError(bank.error)}`);
  }
  const competenceIds = competencesOf(framework).map((competence) => competence.id);
  const problems = interviewBankProblems(bank.data, competenceIds, framework.scale.levels.length);
  if (problems.length > 0) {
    throw new Error(
      `The interview questions do not fit framework "${framework.key}":\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
  }
  return bank.data;
}

export const defaultInterviewBank: InterviewBank = parseInterviewBank(interviewJson, defaultFramework);
