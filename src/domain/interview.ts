/** @module The interview content a recruitment guide is built from: behavioural questions, probes and answer anchors per competence. */
import { z } from 'zod';
import { contentIdSchema, localizedTextSchema } from './text.ts';

export const interviewQuestionSchema = z.strictObject({
  /** Stable, e.g. `spoergeteknik-interview-1`: a guide and the panel's notes keep the id when the wording changes. */
  id: contentIdSchema,
  /** A question about past behaviour, the same for every candidate: "Fortæl om en gang, hvor…". */
  text: localizedTextSchema,
  /** Follow-up probes in the order an interviewer asks them: the situation, what the candidate did, what came of it. */
  probes: z.array(localizedTextSchema).min(2).max(4),
});
export type InterviewQuestion = z.infer<typeof interviewQuestionSchema>;

export const interviewCompetenceSchema = z.strictObject({
  questions: z.array(interviewQuestionSchema).min(2).max(3),
  /**
   * What an answer sounds like at each level of the framework's scale, lowest first (`anchors[0]` is level 1).
   * They describe the behaviour a candidate tells about, so the panel places the answer rather than grades it.
   */
  anchors: z.array(localizedTextSchema).min(1),
});
export type InterviewCompetence = z.infer<typeof interviewCompetenceSchema>;

export const interviewBankSchema = z.strictObject({
  /** Competence id → its questions and answer anchors. */
  competences: z.record(contentIdSchema, interviewCompetenceSchema),
});
export type InterviewBank = z.infer<typeof interviewBankSchema>;

/**
 * Problems that make a bank unusable with a framework: a competence without questions, questions for a competence
 * the framework lacks, anchors that do not match the scale's levels, or a question id used twice.
 */
export function interviewBankProblems(
  bank: InterviewBank,
  competenceIds: readonly string[],
  levelCount: number,
): string[] {
  const problems: string[] = [];
  for (const competenceId of competenceIds) {
    // Own keys only: a competence id such as "constructor" must not find Object.prototype's member.
    if (!Object.hasOwn(bank.competences, competenceId))
      problems.push(`competence "${competenceId}" has no interview questions`);
  }
  for (const [competenceId, competence] of Object.entries(bank.competences)) {
    if (!competenceIds.includes(competenceId))
      problems.push(`interview questions for unknown competence "${competenceId}"`);
    if (competence.anchors.length !== levelCount)
      problems.push(
        `competence "${competenceId}" has ${competence.anchors.length} answer anchors; the scale has ${levelCount} levels`,
      );
  }
  const ids = Object.values(bank.competences).flatMap((competence) =>
    competence.questions.map((question) => question.id),
  );
  for (const id of new Set(ids.filter((id, index) => ids.indexOf(id) !== index))) {
    problems.push(`interview question id "${id}" is used twice`);
  }
  return problems;
}
