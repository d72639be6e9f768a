/**
 * @module Group MUS (GRUS): who takes part, the guide a leader gets from the team's profiles (in numbers that never
 * single anyone out), and which team goals an individual follow-up starts from.
 */
import { type Principal, type UnitNode, unitsLedBy } from './access.ts';
import type { CoachingBank } from './coaching.ts';
import {
  type GuideItem,
  goalItem,
  growQuestionIds,
  isOpen,
  openingThemes,
  type PlanStatus,
  type TeamCount,
  themeItem,
} from './conversations.ts';
import type { CompetenceProfile } from './profile.ts';

/**
 * A team number is shown only when at least this many participants have a rating for the competence: with fewer,
 * "1 of 2 below target" tells each of the two where the other stands.
 */
export const minimumForTeamNumbers = 3;

/** A group conversation has at least two participants (one would be an individual conversation) and at most 60. */
export const groupSize = { min: 2, max: 60 } as const;

/** Enough to talk about in a team meeting: two shared strengths to acknowledge, four shared gaps to work on. */
export const groupGuideLimits = { strengths: 2, gaps: 4 } as const;

/** A gap is the team's when at least this many participants share it; one person's gap is for their own MUS. */
export const sharedGapMinimum = 2;

export type GroupRole = 'leader' | 'participant';

/**
 * The caller's side of a group conversation: a current leader of its unit (or a unit above it), or a participant.
 * A participant stays one after moving to another unit: it is the record of a meeting they took part in. Everyone
 * else, administrators included, has no side.
 */
export function groupConversationRole(
  principal: Principal,
  group: { unitId: string; participantIds: readonly string[] },
  units: readonly UnitNode[],
): GroupRole | null {
  if (unitsLedBy(principal, units).has(group.unitId)) return 'leader';
  if (group.participantIds.includes(principal.userId)) return 'participant';
  return null;
}

export interface TeamCompetenceCount extends TeamCount {
  competenceId: string;
  /** Participants at or above target. */
  atOrAbove: number;
}

/**
 * Per competence, in the given order, how many participants have a level to compare with the target and how many
 * of them are below it. Only counts leave this function; a competence rated by fewer than
 * {@link minimumForTeamNumbers} participants is left out altogether.
 */
export function teamCounts(
  participantProfiles: readonly (readonly Pick<CompetenceProfile, 'competenceId' | 'gap'>[])[],
  competenceIds: readonly string[],
): TeamCompetenceCount[] {
  return competenceIds.flatMap((competenceId) => {
    const gaps = participantProfiles.flatMap((profiles) => {
      const gap = profiles.find((profile) => profile.competenceId === competenceId)?.gap;
      return typeof gap === 'number' ? [gap] : [];
    });
    if (gaps.length < minimumForTeamNumbers) return [];
    const below = gaps.filter((gap) => gap < 0).length;
    return [{ competenceId, rated: gaps.length, below, atOrAbove: gaps.length - below }];
  });
}

export interface GroupGuideInput {
  /** Each participant's latest profile, as their leader sees it; empty for someone without one. */
  participantProfiles: readonly (readonly Pick<CompetenceProfile, 'competenceId' | 'gap'>[])[];
  /** The framework's competences, in its order. */
  competenceIds: readonly string[];
  /** Team goals from the unit's earlier group conversations that are still open, oldest first. */
  openTeamGoals: readonly { id: string; competenceIds: readonly string[] }[];
  bank: CoachingBank;
}

/**
 * The guide for a group conversation, in the order the meeting takes it:
 * 1. the team's look back, tasks and collaboration, and well-being (the MUS themes, asked of the group);
 * 2. open team goals from the unit's earlier group conversations;
 * 3. shared strengths: competences where every rated participant is at or above target, at most two;
 * 4. shared gaps: competences where at least two participants are below target, the largest share first (then the
 *    most people, then the framework's order), at most four, each with one GROW question per phase;
 * 5. the team's development wishes, which lead into the team goals.
 * Items from the profiles carry only counts, and only where {@link minimumForTeamNumbers} participants are rated.
 */
export function groupGuide(input: GroupGuideInput): GuideItem[] {
  const counts = teamCounts(input.participantProfiles, input.competenceIds);
  const order = new Map(input.competenceIds.map((id, index) => [id, index]));
  const teamItem = (kind: 'team_strength' | 'team_gap', count: TeamCompetenceCount): GuideItem => ({
    id: `${kind === 'team_gap' ? 'team-gap' : 'team-strength'}:${count.competenceId}`,
    kind,
    competenceId: count.competenceId,
    theme: null,
    goalId: null,
    divergence: null,
    gap: null,
    team: { below: count.below, rated: count.rated },
    questionIds: kind === 'team_gap' ? growQuestionIds(input.bank, count.competenceId) : [],
  });
  const strengths = counts
    .filter((count) => count.below === 0)
    .slice(0, groupGuideLimits.strengths)
    .map((count) => teamItem('team_strength', count));
  const gaps = counts
    .filter((count) => count.below >= sharedGapMinimum)
    .sort(
      (a, b) =>
        b.below / b.rated - a.below / a.rated ||
        b.below - a.below ||
        order.get(a.competenceId)! - order.get(b.competenceId)!,
    )
    .slice(0, groupGuideLimits.gaps)
    .map((count) => teamItem('team_gap', count));
  return [
    ...openingThemes.map(themeItem),
    ...input.openTeamGoals.map((goal) => goalItem('open_goal', goal)),
    ...strengths,
    ...gaps,
    themeItem('development_wishes'),
  ];
}

export interface TeamGoalForFollowUp {
  id: string;
  competenceIds: readonly string[];
  status: PlanStatus;
  /** Who owns the goal's actions. */
  actionOwnerIds: readonly string[];
}

/**
 * The open team goals an employee's individual follow-up starts from: those with an action the employee owns, then
 * those about a competence where the employee is below target; in the team's order within each.
 */
export function teamGoalsFor(
  employeeId: string,
  teamGoals: readonly TeamGoalForFollowUp[],
  developmentCompetenceIds: ReadonlySet<string>,
): TeamGoalForFollowUp[] {
  const open = teamGoals.filter((goal) => isOpen(goal.status));
  const owns = open.filter((goal) => goal.actionOwnerIds.includes(employeeId));
  const concerns = open.filter(
    (goal) => !owns.includes(goal) && goal.competenceIds.some((id) => developmentCompetenceIds.has(id)),
  );
  return [...owns, ...concerns];
}

/**
 * Who may move a team goal or action on: its leaders always; a participant only an action they own themselves — a
 * team goal belongs to the whole team, so the leader follows it up on the team's behalf.
 */
export function mayFollowUpTeamItem(
  role: GroupRole,
  callerId: string,
  action: { ownerId: string } | undefined,
): boolean {
  return role === 'leader' || (action !== undefined && action.ownerId === callerId);
}
