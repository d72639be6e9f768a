/**
 * @module Conversations and development plans: the guide a leader gets from the profile, who takes part, when a
 * record is signed, and when a goal or action is overdue.
 */
import { type Principal, type UnitNode, unitsLedBy } from './access.ts';
import type { CoachingBank, GrowPhase, MusTheme } from './coaching.ts';
import { growPhases, questionsFor } from './coaching.ts';
import type { CompetenceProfile, Divergence } from './profile.ts';
import { summarise } from './profile.ts';

export const conversationKinds = ['profiling', 'mus', 'follow_up'] as const;
export type ConversationKind = (typeof conversationKinds)[number];

export const planStatuses = ['not_started', 'in_progress', 'done', 'dropped'] as const;
export type PlanStatus = (typeof planStatuses)[number];

/** How many strengths to acknowledge and how many gaps to work on: enough to talk about, few enough for an hour. */
export const guideLimits = { strengths: 3, gaps: 3 } as const;

export type GuideItemKind =
  | 'mus_theme'
  | 'strength'
  | 'divergence'
  | 'gap'
  | 'chosen'
  | 'open_goal'
  | 'team_goal'
  | 'team_strength'
  | 'team_gap';

/** How many of a group's participants with a rating are below target: never who. */
export interface TeamCount {
  below: number;
  rated: number;
}

export interface GuideItem {
  id: string;
  kind: GuideItemKind;
  competenceId: string | null;
  theme: MusTheme | null;
  goalId: string | null;
  divergence: Divergence | null;
  gap: number | null;
  /** For a group conversation's profile items: the team's numbers. */
  team: TeamCount | null;
  /** GROW questions from the bank, one per phase in GROW order, for the competences to develop. */
  questionIds: string[];
}

export interface GuideInput {
  kind: ConversationKind;
  /** The profile of the round the conversation is prepared from; empty when there is none. */
  profiles: readonly CompetenceProfile[];
  /** What the employee (first) and the leader chose to talk about, in their order. */
  chosenCompetenceIds: readonly string[];
  /** Goals from earlier plans that are neither done nor dropped, oldest first. */
  openGoals: readonly { id: string; competenceIds: readonly string[] }[];
  /** For a follow-up of a group conversation: the team goals that concern the employee, first of all. */
  teamGoals?: readonly { id: string; competenceIds: readonly string[] }[];
  bank: CoachingBank;
}

/** The first question of each GROW phase the bank has for the competence. */
export function growQuestionIds(bank: CoachingBank, competenceId: string): string[] {
  const questions = questionsFor(bank, competenceId);
  return growPhases.flatMap((phase: GrowPhase) => {
    const first = questions.find((question) => question.phase === phase);
    return first ? [first.id] : [];
  });
}

/** An item without a competence's numbers: a MUS theme, or a goal to follow up. */
const plainItem = (
  kind: 'mus_theme' | 'open_goal' | 'team_goal',
  fields: { id: string; competenceId?: string | null; theme?: MusTheme; goalId?: string },
): GuideItem => ({
  id: fields.id,
  kind,
  competenceId: fields.competenceId ?? null,
  theme: fields.theme ?? null,
  goalId: fields.goalId ?? null,
  divergence: null,
  gap: null,
  team: null,
  questionIds: [],
});

export const themeItem = (theme: MusTheme): GuideItem =>
  plainItem('mus_theme', { id: `theme:${theme}`, theme });

/** A goal from an earlier plan, an individual one or the team's, to follow up. */
export const goalItem = (
  kind: 'open_goal' | 'team_goal',
  goal: { id: string; competenceIds: readonly string[] },
): GuideItem =>
  plainItem(kind, {
    id: `${kind === 'team_goal' ? 'team-goal' : 'goal'}:${goal.id}`,
    goalId: goal.id,
    competenceId: goal.competenceIds[0] ?? null,
  });

/** The MUS themes a conversation opens with, before the profile; the development wishes close it. */
export const openingThemes = ['looking_back', 'tasks_collaboration', 'wellbeing_motivation'] as const;

/**
 * The conversation guide, in the order the conversation takes it:
 * 0. for a follow-up of a group conversation, the team goals that concern the employee;
 * 1. for a MUS, the employee's first three preparation themes (looking back, tasks, well-being);
 * 2. open goals from earlier plans (a follow-up starts with them);
 * 3. strengths to acknowledge, furthest above target first (a divergence is not acknowledged, but discussed);
 * 4. every blind spot and hidden strength, widest first;
 * 5. the largest gaps to target, largest first, unless already listed as a divergence;
 * 6. the competences the employee and the leader chose, unless already listed;
 * 7. for a MUS, the development wishes, which lead into the plan.
 * A competence appears once. Items about a competence to develop carry one GROW question per phase.
 */
export function conversationGuide(input: GuideInput): GuideItem[] {
  const items: GuideItem[] = [];
  const listed = new Set<string>();
  const known = new Set(input.profiles.map((profile) => profile.competenceId));
  const competenceItem = (
    kind: 'strength' | 'divergence' | 'gap' | 'chosen',
    profile: Pick<CompetenceProfile, 'competenceId' | 'gap' | 'divergence'> | undefined,
    competenceId: string,
  ): void => {
    listed.add(competenceId);
    items.push({
      id: `${kind}:${competenceId}`,
      kind,
      competenceId,
      theme: null,
      goalId: null,
      divergence: profile?.divergence ?? null,
      gap: profile?.gap ?? null,
      team: null,
      questionIds: kind === 'strength' ? [] : growQuestionIds(input.bank, competenceId),
    });
  };

  for (const goal of input.teamGoals ?? []) items.push(goalItem('team_goal', goal));
  if (input.kind === 'mus') items.push(...openingThemes.map(themeItem));
  for (const goal of input.openGoals) items.push(goalItem('open_goal', goal));

  const summary = summarise(input.profiles);
  const order = new Map(input.profiles.map((profile, index) => [profile.competenceId, index]));
  // A divergence is always discussed as one, so it is never only acknowledged as a strength.
  const strengths = summary.strengths
    .filter((profile) => profile.divergence === null)
    .sort((a, b) => b.gap! - a.gap! || order.get(a.competenceId)! - order.get(b.competenceId)!)
    .slice(0, guideLimits.strengths);
  for (const profile of strengths) competenceItem('strength', profile, profile.competenceId);
  for (const profile of summary.conversationTopics) {
    if (!listed.has(profile.competenceId)) competenceItem('divergence', profile, profile.competenceId);
  }
  for (const profile of summary.developmentAreas.slice(0, guideLimits.gaps)) {
    if (!listed.has(profile.competenceId)) competenceItem('gap', profile, profile.competenceId);
  }
  const byId = new Map(input.profiles.map((profile) => [profile.competenceId, profile]));
  for (const competenceId of input.chosenCompetenceIds) {
    if (listed.has(competenceId)) continue;
    // Without a profile, any competence of the bank may be chosen; with one, only the framework's.
    if (known.size > 0 ? !known.has(competenceId) : !Object.hasOwn(input.bank.competences, competenceId))
      continue;
    competenceItem('chosen', byId.get(competenceId), competenceId);
  }
  if (input.kind === 'mus') items.push(themeItem('development_wishes'));
  return items;
}

export type ConversationRole = 'employee' | 'leader';

/**
 * The caller's side of a conversation: the employee, or a leader of the employee's unit (or a unit above it) as it
 * is today, so a new leader takes over the plans and sees the history, and a former leader no longer does. An
 * administrator's role alone gives no access: conversations are between the employee and their leaders.
 */
export function conversationRole(
  principal: Principal,
  employee: { id: string; unitId: string | null },
  units: readonly UnitNode[],
): ConversationRole | null {
  if (employee.id === principal.userId) return 'employee';
  if (employee.unitId !== null && unitsLedBy(principal, units).has(employee.unitId)) return 'leader';
  return null;
}

export type ConversationStage = 'scheduled' | 'held' | 'signed';

export const stageOfConversation = (conversation: {
  heldAt: Date | null;
  signedAt: Date | null;
}): ConversationStage => (conversation.signedAt ? 'signed' : conversation.heldAt ? 'held' : 'scheduled');

export interface SignatureState {
  role: ConversationRole;
  contentVersion: number;
}

/** Signed when the employee and a leader have both approved the content as it is now. */
export function isFullySigned(signatures: readonly SignatureState[], contentVersion: number): boolean {
  const current = (role: ConversationRole) =>
    signatures.some((signature) => signature.role === role && signature.contentVersion === contentVersion);
  return current('employee') && current('leader');
}

export const isOpen = (status: PlanStatus): boolean => status === 'not_started' || status === 'in_progress';

/** Past its date and still open, by the municipality's calendar date (YYYY-MM-DD; the due day itself is not late). */
export const isPlanItemOverdue = (item: { status: PlanStatus; dueDate: string }, today: string): boolean =>
  isOpen(item.status) && item.dueDate < today;

/** Dropping needs a reason, so the follow-up knows why; every other change does not. */
export const needsReason = (status: PlanStatus): boolean => status === 'dropped';
