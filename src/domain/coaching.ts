/** @module The coaching content a conversation guide is built from: GROW questions per competence and MUS themes. */
import { z } from 'zod';
import { contentIdSchema, localizedTextSchema } from './text.ts';

/** GROW: goal, reality, options, way forward. Every competence has at least one question per phase. */
export const growPhases = ['goal', 'reality', 'options', 'way_forward'] as const;
export type GrowPhase = (typeof growPhases)[number];

/** The four themes of the employee's MUS preparation, in the order the conversation takes them. */
export const musThemes = [
  'looking_back',
  'tasks_collaboration',
  'wellbeing_motivation',
  'development_wishes',
] as const;
export type MusTheme = (typeof musThemes)[number];

export const coachingQuestionSchema = z.strictObject({
  /** Stable, e.g. `spoergeteknik-goal-1`: a guide keeps the id, so a reworded question stays the same item. */
  id: contentIdSchema,
  phase: z.enum(growPhases),
  text: localizedTextSchema,
});
export type CoachingQuestion = z.infer<typeof coachingQuestionSchema>;

export const coachingBankSchema = z.strictObject({
  /** Competence id → its questions, in the order a leader would ask them within each phase. */
  competences: z.record(contentIdSchema, z.array(coachingQuestionSchema).min(3)),
  /** The employee's preparation: per MUS theme, a title and the prompts they answer. */
  musThemes: z
    .array(
      z.strictObject({
        id: z.enum(musThemes),
        title: localizedTextSchema,
        prompts: z.array(localizedTextSchema).min(1),
      }),
    )
    .length(musThemes.length),
  /** How to acknowledge a strength: open prompts, used for every strength item. */
  strengthPrompts: z.array(localizedTextSchema).min(1),
  /** How to open a competence where self and leader differ by more than one level. */
  divergencePrompts: z.strictObject({
    blind_spot: z.array(localizedTextSchema).min(1),
    hidden_strength: z.array(localizedTextSchema).min(1),
  }),
  /** How to follow up a goal from an earlier plan that is still open. */
  openGoalPrompts: z.array(localizedTextSchema).min(1),
  /** A group MUS (GRUS): per MUS theme, the prompts asked of the whole team ("we", "you all"). */
  groupThemes: z
    .array(z.strictObject({ id: z.enum(musThemes), prompts: z.array(localizedTextSchema).min(1) }))
    .length(musThemes.length),
  /** How to acknowledge a strength the whole team shares. */
  teamStrengthPrompts: z.array(localizedTextSchema).min(1),
  /** How to open a gap several share, without pointing at anyone. */
  teamGapPrompts: z.array(localizedTextSchema).min(1),
  /** How the team follows up a team goal from an earlier group conversation. */
  teamGoalPrompts: z.array(localizedTextSchema).min(1),
});
export type CoachingBank = z.infer<typeof coachingBankSchema>;

/**
 * The bank's questions for a competence; none for a competence the bank does not know, such as one a municipality
 * added to its own framework. Own keys only: a competence id such as "constructor" must not find Object.prototype's.
 */
export const questionsFor = (bank: CoachingBank, competenceId: string): CoachingQuestion[] =>
  Object.hasOwn(bank.competences, competenceId) ? bank.competences[competenceId]! : [];

/** Problems that make a bank unusable with a framework: a competence without a question in every GROW phase. */
export function coachingBankProblems(bank: CoachingBank, competenceIds: readonly string[]): string[] {
  const problems: string[] = [];
  for (const competenceId of competenceIds) {
    // Own keys only: a competence id such as "constructor" must not find Object.prototype's member.
    const questions = Object.hasOwn(bank.competences, competenceId)
      ? bank.competences[competenceId]
      : undefined;
    if (!questions) {
      problems.push(`competence "${competenceId}" has no coaching questions`);
      continue;
    }
    for (const phase of growPhases) {
      if (!questions.some((question) => question.phase === phase)) {
        problems.push(`competence "${competenceId}" has no "${phase}" question`);
      }
    }
  }
  for (const competenceId of Object.keys(bank.competences)) {
    if (!competenceIds.includes(competenceId))
      problems.push(`questions for unknown competence "${competenceId}"`);
  }
  const ids = Object.values(bank.competences).flatMap((questions) =>
    questions.map((question) => question.id),
  );
  for (const id of new Set(ids.filter((id, index) => ids.indexOf(id) !== index))) {
    problems.push(`question id "${id}" is used twice`);
  }
  const themeIds = bank.musThemes.map((theme) => theme.id);
  const groupThemeIds = bank.groupThemes.map((theme) => theme.id);
  for (const theme of musThemes) {
    if (!themeIds.includes(theme)) problems.push(`MUS theme "${theme}" is missing`);
    if (!groupThemeIds.includes(theme)) problems.push(`group theme "${theme}" is missing`);
  }
  return problems;
}
