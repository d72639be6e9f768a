/**
 * @module Recruitment against the profile: a position's lifecycle, who may see and manage it, the panel's blind scoring,
 * the spread and disagreements, the consolidated score, gaps to target, candidate links and the retention period.
 */
import { hasRole, type Principal, type UnitNode, unitsLedBy } from './access.ts';

export const positionStatuses = ['draft', 'open', 'interviewing', 'decided', 'closed'] as const;
export type PositionStatus = (typeof positionStatuses)[number];

/**
 * The moves a position may make. `decided` is reached only by recording a decision (with a chosen candidate and a
 * reason), never by a bare status change; `closed` ends it from any stage, and nothing follows `closed`.
 */
const transitions: Record<PositionStatus, readonly PositionStatus[]> = {
  draft: ['open', 'closed'],
  open: ['interviewing', 'closed'],
  interviewing: ['decided', 'closed'],
  decided: ['closed'],
  closed: [],
};

export const canMovePosition = (from: PositionStatus, to: PositionStatus): boolean =>
  transitions[from].includes(to);

/** Title, target levels, focus competences, panel and guide: fixed once interviews begin, so every candidate meets the same. */
export const isSetupEditable = (status: PositionStatus): boolean => status === 'draft' || status === 'open';
export const acceptsCandidates = (status: PositionStatus): boolean =>
  status === 'draft' || status === 'open' || status === 'interviewing';
/** Self-assessment links are sent while the position is advertised or interviewing. */
export const sendsLinks = (status: PositionStatus): boolean => status === 'open' || status === 'interviewing';
/** The panel scores, and agrees consolidated scores, while interviewing. */
export const acceptsScores = (status: PositionStatus): boolean => status === 'interviewing';
/** A decision is recorded after the interviews, and may be remade while nobody has been hired (an offer declined). */
export const acceptsDecision = (status: PositionStatus): boolean =>
  status === 'interviewing' || status === 'decided';

/** Enough competences to describe the job, few enough for one interview. */
export const focusLimits = { min: 4, max: 8 } as const;
export const panelLimits = { min: 1, max: 8 } as const;

/** What the caller may do with a position; null means they may not know it exists. */
export interface PositionAccess {
  /** HR, or a leader of the position's unit (or a unit above it): edit, candidates, links, decision, hire. */
  canManage: boolean;
  /** On the panel: scores the candidates. A manager may be on the panel too. */
  onPanel: boolean;
  /** Erasing a candidate on request is HR's: the data-rights request goes through HR. */
  canErase: boolean;
}

/**
 * HR sees and manages every position of the municipality; a leader manages the positions of the units they lead;
 * a panel member sees the position to score. Everyone else, an administrator's role alone included, is told it does
 * not exist.
 */
export function positionAccess(
  principal: Principal,
  position: { unitId: string; panelIds: readonly string[] },
  units: readonly UnitNode[],
): PositionAccess | null {
  const isHr = hasRole(principal, 'hr');
  const canManage = isHr || unitsLedBy(principal, units).has(position.unitId);
  const onPanel = position.panelIds.includes(principal.userId);
  if (!canManage && !onPanel) return null;
  return { canManage, onPanel, canErase: isHr };
}

/** HR creates positions in any unit; a leader in the units they lead. */
export const canCreatePositionIn = (
  principal: Principal,
  unitId: string,
  units: readonly UnitNode[],
): boolean => hasRole(principal, 'hr') || unitsLedBy(principal, units).has(unitId);

export const mayCreatePositions = (principal: Principal): boolean =>
  hasRole(principal, 'hr') || principal.ledUnitIds.length > 0;

/** What the caller may see of the panel's scores for one candidate. */
export interface ScoreVisibility {
  /** Every member has submitted. */
  allSubmitted: boolean;
  /** Other members' submitted scores: for a member only after submitting their own; for others once all are in. */
  othersVisible: boolean;
  /** The spread per competence, disagreements and the consolidation: once the whole panel has submitted. */
  spreadVisible: boolean;
}

/**
 * Blind until submitted: a panel member sees no one else's score before their own is submitted, so nobody anchors
 * on a colleague's. A manager who is not on the panel sees scores only when all are in, so they cannot pass one on to
 * a member still scoring.
 */
export function scoreVisibility(input: {
  viewerId: string;
  panelIds: readonly string[];
  submittedIds: ReadonlySet<string>;
}): ScoreVisibility {
  const allSubmitted =
    input.panelIds.length > 0 && input.panelIds.every((memberId) => input.submittedIds.has(memberId));
  const onPanel = input.panelIds.includes(input.viewerId);
  return {
    allSubmitted,
    othersVisible: onPanel ? input.submittedIds.has(input.viewerId) : allSubmitted,
    spreadVisible: allSubmitted,
  };
}

/** More than one level apart: the panel talks it through before agreeing, as with self and leader ratings. */
export const disagreementThreshold = 1;

export interface CompetenceSpread {
  competenceId: string;
  /** The submitted levels, lowest first. */
  levels: number[];
  min: number | null;
  max: number | null;
  /** max − min; 0 for one score, null for none. */
  range: number | null;
  /** The middle level; for an even count the lower of the two middle ones, so the suggestion never flatters. */
  median: number | null;
  disagreement: boolean;
}

/** Per competence, in the order given: the spread of the panel's submitted levels. */
export function competenceSpreads(
  competenceIds: readonly string[],
  scores: readonly { ratings: Readonly<Record<string, { level: number }>> }[],
): CompetenceSpread[] {
  return competenceIds.map((competenceId) => {
    const levels = scores
      .map((score) =>
        Object.hasOwn(score.ratings, competenceId) ? score.ratings[competenceId]!.level : null,
      )
      .filter((level): level is number => typeof level === 'number')
      .sort((a, b) => a - b);
    if (levels.length === 0) {
      return { competenceId, levels, min: null, max: null, range: null, median: null, disagreement: false };
    }
    const min = levels[0]!;
    const max = levels.at(-1)!;
    return {
      competenceId,
      levels,
      min,
      max,
      range: max - min,
      median: levels[Math.floor((levels.length - 1) / 2)]!,
      disagreement: max - min > disagreementThreshold,
    };
  });
}

export type ConsolidationProblem =
  | 'consolidation_missing'
  | 'level_off_scale'
  | 'consolidation_note_required';

/**
 * What stops a consolidation from being saved, per competence: every focus competence needs an agreed level on the
 * scale, and a note saying why whenever the panel disagreed by more than a level or the agreed level lies outside
 * what any member scored.
 */
export function consolidationProblems(
  spreads: readonly CompetenceSpread[],
  input: Readonly<Record<string, { level: number; note: string }>>,
  scaleMax: number,
): Record<string, ConsolidationProblem> {
  const problems: Record<string, ConsolidationProblem> = {};
  for (const spread of spreads) {
    const agreed = Object.hasOwn(input, spread.competenceId) ? input[spread.competenceId] : undefined;
    if (!agreed) {
      problems[spread.competenceId] = 'consolidation_missing';
      continue;
    }
    if (!Number.isInteger(agreed.level) || agreed.level < 1 || agreed.level > scaleMax) {
      problems[spread.competenceId] = 'level_off_scale';
      continue;
    }
    const outside =
      spread.min !== null && spread.max !== null && (agreed.level < spread.min || agreed.level > spread.max);
    if ((spread.disagreement || outside) && agreed.note.trim() === '') {
      problems[spread.competenceId] = 'consolidation_note_required';
    }
  }
  return problems;
}

export interface CandidateStanding {
  /** Per focus competence: consolidated level − target; null until agreed. */
  gaps: Record<string, number | null>;
  /** How many focus competences are below target. */
  belowTarget: number;
  /** The levels missing to reach every target: the sum of the shortfalls, 0 when all are met. */
  shortfall: number;
  /** The sum of the agreed levels, for sorting; null until every focus competence is agreed. */
  total: number | null;
  complete: boolean;
}

/** How one candidate's consolidated scores stand against the position's targets. */
export function candidateStanding(
  focusCompetenceIds: readonly string[],
  targets: Readonly<Record<string, number>>,
  consolidated: Readonly<Record<string, number>>,
): CandidateStanding {
  const gaps: Record<string, number | null> = {};
  let belowTarget = 0;
  let shortfall = 0;
  let total = 0;
  let complete = focusCompetenceIds.length > 0;
  for (const competenceId of focusCompetenceIds) {
    const level = Object.hasOwn(consolidated, competenceId) ? consolidated[competenceId] : undefined;
    const target = Object.hasOwn(targets, competenceId) ? targets[competenceId] : undefined;
    if (level === undefined) {
      gaps[competenceId] = null;
      complete = false;
      continue;
    }
    total += level;
    if (target === undefined) {
      gaps[competenceId] = null;
      continue;
    }
    gaps[competenceId] = level - target;
    if (level < target) {
      belowTarget += 1;
      shortfall += target - level;
    }
  }
  return { gaps, belowTarget, shortfall, total: complete ? total : null, complete };
}

/** A candidate's personal link: unguessable, single-use for submitting, and short-lived. */
export const candidateLinkDays = { default: 14, min: 1, max: 30 } as const;

export type LinkState = 'none' | 'active' | 'used' | 'expired';

export function linkState(link: { expiresAt: Date; usedAt: Date | null } | undefined, now: Date): LinkState {
  if (!link) return 'none';
  if (link.usedAt) return 'used';
  return link.expiresAt.getTime() > now.getTime() ? 'active' : 'expired';
}

/**
 * How long candidate data of a closed position is kept: 6 months unless the municipality sets otherwise, never less
 * than a month (time for a complaint) and never more than two years.
 */
export const retentionMonths = { default: 6, min: 1, max: 24 } as const;

/** `months` calendar months after `closedAt`, at the same time of day; the 31st becomes the month's last day. */
export function retentionDeadline(closedAt: Date, months: number): Date {
  const year = closedAt.getUTCFullYear();
  const month = closedAt.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const deadline = new Date(closedAt.getTime());
  deadline.setUTCDate(1);
  deadline.setUTCFullYear(year, month, Math.min(closedAt.getUTCDate(), lastDay));
  return deadline;
}

export const isDueForDeletion = (closedAt: Date, months: number, now: Date): boolean =>
  retentionDeadline(closedAt, months).getTime() <= now.getTime();
