/**
 * @module The structured interview guide of a position: which behavioural questions, in which order, for its focus
 * competences; kept as ids (and the panel's own words) so it reads in each reader's language and stays the same for
 * every candidate.
 */
import type { InterviewBank } from './interview.ts';

/** One question of the guide: from the bank by id, or the position's own, under a focus competence or general. */
export interface GuideQuestion {
  /** Stable within the guide: `q:<bank question id>` or `own:<random>`. */
  id: string;
  /** The focus competence the question is about; null for a general own question (motivation, practicalities). */
  competenceId: string | null;
  /** The bank's question, or null for an own question. */
  questionId: string | null;
  /** The own question's text, in the words it was written in; null for a bank question. */
  text: string | null;
  /** The own question's follow-up probes; a bank question brings its own. */
  probes: string[];
}

/** An interview takes about an hour: at roughly four minutes a question, about sixteen questions. */
export const guideLimits = { questions: 16, minPerCompetence: 2, items: 40 } as const;

/** With few focus competences every bank question fits; with many, the first two of each. */
export const questionsPerCompetence = (focusCount: number): number =>
  Math.max(guideLimits.minPerCompetence, Math.floor(guideLimits.questions / Math.max(1, focusCount)));

const bankEntry = (bank: InterviewBank, competenceId: string) =>
  Object.hasOwn(bank.competences, competenceId) ? bank.competences[competenceId] : undefined;

/** The focus competences in the framework's order, so the interview goes area by area whatever order they were picked. */
export function inFrameworkOrder(focusCompetenceIds: readonly string[], competenceOrder: readonly string[]) {
  const focus = new Set(focusCompetenceIds);
  return competenceOrder.filter((competenceId) => focus.has(competenceId));
}

function suggestedFor(bank: InterviewBank, competenceId: string, perCompetence: number): GuideQuestion[] {
  return (bankEntry(bank, competenceId)?.questions ?? []).slice(0, perCompetence).map((question) => ({
    id: `q:${question.id}`,
    competenceId,
    questionId: question.id,
    text: null,
    probes: [],
  }));
}

/**
 * The suggested guide: the focus competences in the framework's order, and for each the bank's questions in the
 * bank's order, as many as {@link questionsPerCompetence} allows.
 */
export function interviewGuide(input: {
  focusCompetenceIds: readonly string[];
  competenceOrder: readonly string[];
  bank: InterviewBank;
}): GuideQuestion[] {
  const ordered = inFrameworkOrder(input.focusCompetenceIds, input.competenceOrder);
  const perCompetence = questionsPerCompetence(ordered.length);
  return ordered.flatMap((competenceId) => suggestedFor(input.bank, competenceId, perCompetence));
}

/**
 * The guide after the focus competences changed: the questions of competences no longer in focus go; the rest keep
 * their order and edits; a competence new to the focus gets its suggested questions after the last question of the
 * competence before it in the framework (or first, when none comes before it).
 */
export function reconcileGuide(input: {
  stored: readonly GuideQuestion[];
  focusCompetenceIds: readonly string[];
  competenceOrder: readonly string[];
  bank: InterviewBank;
}): GuideQuestion[] {
  const ordered = inFrameworkOrder(input.focusCompetenceIds, input.competenceOrder);
  const focus = new Set(ordered);
  const items = input.stored.filter((item) => item.competenceId === null || focus.has(item.competenceId));
  const perCompetence = questionsPerCompetence(ordered.length);
  ordered.forEach((competenceId, index) => {
    if (items.some((item) => item.competenceId === competenceId)) return;
    const before = new Set(ordered.slice(0, index));
    const lastBefore = items.findLastIndex(
      (item) => item.competenceId !== null && before.has(item.competenceId),
    );
    items.splice(lastBefore + 1, 0, ...suggestedFor(input.bank, competenceId, perCompetence));
  });
  return items;
}

export type GuideProblem =
  | 'duplicate_item'
  | 'unknown_question'
  | 'not_in_focus'
  | 'own_text_required'
  | 'competence_without_question';

/**
 * What makes an edited guide unusable, by the path of the field: a bank question that does not belong to its
 * competence, a competence outside the focus, an own question without text, an item twice, and a focus competence
 * left without any question (the panel must score it from something the candidate said).
 */
export function guideProblems(
  items: readonly GuideQuestion[],
  focusCompetenceIds: readonly string[],
  bank: InterviewBank,
): Record<string, GuideProblem> {
  const problems: Record<string, GuideProblem> = {};
  const focus = new Set(focusCompetenceIds);
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const at = (field: string) => `items.${index}.${field}`;
    if (seen.has(item.id)) problems[at('id')] = 'duplicate_item';
    seen.add(item.id);
    if (item.competenceId !== null && !focus.has(item.competenceId)) {
      problems[at('competenceId')] = 'not_in_focus';
      return;
    }
    if (item.questionId !== null) {
      const known =
        item.competenceId !== null &&
        (bankEntry(bank, item.competenceId)?.questions ?? []).some(
          (question) => question.id === item.questionId,
        );
      if (!known) problems[at('questionId')] = 'unknown_question';
    } else if (!item.text?.trim()) {
      problems[at('text')] = 'own_text_required';
    }
  });
  focusCompetenceIds.forEach((competenceId, index) => {
    if (!items.some((item) => item.competenceId === competenceId)) {
      problems[`focusCompetenceIds.${index}`] = 'competence_without_question';
    }
  });
  return problems;
}

/** Consecutive questions about the same competence, as one section of the printed guide. */
export function guideSections<T extends Pick<GuideQuestion, 'competenceId'>>(
  items: readonly T[],
): { competenceId: string | null; items: T[] }[] {
  const sections: { competenceId: string | null; items: T[] }[] = [];
  for (const item of items) {
    const last = sections.at(-1);
    if (last && last.competenceId === item.competenceId) last.items.push(item);
    else sections.push({ competenceId: item.competenceId, items: [item] });
  }
  return sections;
}
