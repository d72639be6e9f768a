/**
 * @module Learning from colleagues: who in the unit could help whom with which competence, suggested so that the
 * same strong colleague is not asked by everyone, and the life of a pairing the leader confirms.
 */
import type { CompetenceProfile } from './profile.ts';

export const pairingStatuses = ['open', 'done', 'cancelled'] as const;
export type PairingStatus = (typeof pairingStatuses)[number];

/** A competence below target in the learner's latest profile; `gap` is negative. */
export interface DevelopmentNeed {
  learnerId: string;
  competenceId: string;
  gap: number;
}

/** A competence the leader rated at or above target: how far above is the `margin`. */
export interface LeaderRatedStrength {
  personId: string;
  competenceId: string;
  margin: number;
}

/** The development areas of a profile, largest gap first. */
export function developmentNeeds(
  learnerId: string,
  profile: readonly Pick<CompetenceProfile, 'competenceId' | 'gap' | 'standing'>[],
): DevelopmentNeed[] {
  return profile
    .filter((entry) => entry.standing === 'development' && entry.gap !== null)
    .map((entry) => ({ learnerId, competenceId: entry.competenceId, gap: entry.gap! }));
}

/**
 * Where a person can help: the leader's own rating is at or above target. A person's rating of themselves is never
 * enough — a colleague is sent to learn from what the leader has seen, not from what someone believes of themselves.
 */
export function leaderRatedStrengths(
  personId: string,
  profile: readonly (Pick<CompetenceProfile, 'competenceId' | 'target'> & {
    leader?: CompetenceProfile['leader'];
  })[],
): LeaderRatedStrength[] {
  return profile.flatMap((entry) =>
    typeof entry.leader === 'number' && entry.target !== null && entry.leader >= entry.target
      ? [{ personId, competenceId: entry.competenceId, margin: entry.leader - entry.target }]
      : [],
  );
}

export interface OpenPairing {
  learnerId: string;
  helperId: string;
  competenceId: string;
}

export interface SuggestionInput {
  needs: readonly DevelopmentNeed[];
  strengths: readonly LeaderRatedStrength[];
  /** Pairings not yet done or cancelled: each counts towards its helper's load, and covers its learner's need. */
  openPairings: readonly OpenPairing[];
  /** Everyone in a stable order (e.g. by name): the last tie-break, so the same data always suggests the same. */
  personOrder: readonly string[];
  /** The framework's order of competences, to take needs with the same gap in a stable order. */
  competenceOrder: readonly string[];
  /** How many colleagues to suggest per need. */
  perNeed?: number;
}

export interface SuggestedHelper {
  personId: string;
  margin: number;
  /** The helper's load when they were suggested: open pairings plus suggestions given before this one. */
  load: number;
}

export interface Suggestion extends DevelopmentNeed {
  /** Already covered by an open pairing with these helpers: nothing more is suggested. */
  pairedWith: string[];
  helpers: SuggestedHelper[];
}

/**
 * Suggests helpers for every need, fairly (decision 014):
 * 1. needs are taken largest gap first, then in the order of people, then of competences;
 * 2. for a need, the candidates are the other people with a leader-rated strength in the competence;
 * 3. they are ranked by load — open pairings as helper plus suggestions already given in this run — lowest first,
 *    then by margin above target (the stronger first), then by the order of people;
 * 4. the first `perNeed` are suggested, and each suggestion adds one to that helper's load.
 * So a colleague who is strong in everything is suggested once, then the next strong colleague gets a turn.
 * A need already covered by an open pairing gets no new suggestions.
 */
export function suggestHelpers(input: SuggestionInput): Suggestion[] {
  const perNeed = input.perNeed ?? 2;
  const personRank = new Map(input.personOrder.map((id, index) => [id, index]));
  const competenceRank = new Map(input.competenceOrder.map((id, index) => [id, index]));
  const rankOf = (ranks: Map<string, number>, id: string) => ranks.get(id) ?? Number.MAX_SAFE_INTEGER;
  const load = new Map<string, number>();
  for (const pairing of input.openPairings) load.set(pairing.helperId, (load.get(pairing.helperId) ?? 0) + 1);

  const needs = [...input.needs].sort(
    (a, b) =>
      a.gap - b.gap ||
      rankOf(personRank, a.learnerId) - rankOf(personRank, b.learnerId) ||
      rankOf(competenceRank, a.competenceId) - rankOf(competenceRank, b.competenceId),
  );
  return needs.map((need): Suggestion => {
    const pairedWith = input.openPairings
      .filter((pairing) => pairing.learnerId === need.learnerId && pairing.competenceId === need.competenceId)
      .map((pairing) => pairing.helperId);
    if (pairedWith.length > 0) return { ...need, pairedWith, helpers: [] };
    const helpers = input.strengths
      .filter(
        (strength) => strength.competenceId === need.competenceId && strength.personId !== need.learnerId,
      )
      .map((strength) => ({
        personId: strength.personId,
        margin: strength.margin,
        load: load.get(strength.personId) ?? 0,
      }))
      .sort(
        (a, b) =>
          a.load - b.load ||
          b.margin - a.margin ||
          rankOf(personRank, a.personId) - rankOf(personRank, b.personId) ||
          a.personId.localeCompare(b.personId),
      )
      .slice(0, perNeed);
    for (const helper of helpers) load.set(helper.personId, helper.load + 1);
    return { ...need, pairedWith: [], helpers };
  });
}

/** Who may do what with a pairing: the two colleagues mark it done; their leader also cancels it. */
export type PairingRole = 'learner' | 'helper' | 'leader';

export const canCancelPairing = (role: PairingRole, status: PairingStatus): boolean =>
  role === 'leader' && status === 'open';

/** Open past its due date, by the municipality's date. */
export const isPairingOverdue = (
  pairing: { status: PairingStatus; dueDate: string | null },
  today: string,
): boolean => pairing.status === 'open' && pairing.dueDate !== null && pairing.dueDate < today;
