/**
 * @module The team overview: a matrix of people × competences against their targets, the team's averages, the share
 * below target, its strongest and weakest competences, and unit aggregates that never single anyone out.
 */
import { isReportable } from './aggregates.ts';
import type { FrameworkDocument } from './framework.ts';
import type { RatedLevel } from './profile.ts';

/** How far a rating is from its target, the cell's colour and its word: never colour alone. */
export const distanceBands = ['above', 'at', 'one_below', 'far_below', 'unrated'] as const;
export type DistanceBand = (typeof distanceBands)[number];

export function bandOf(level: RatedLevel | undefined, target: number | null | undefined): DistanceBand {
  if (typeof level !== 'number' || typeof target !== 'number') return 'unrated';
  const gap = level - target;
  if (gap > 0) return 'above';
  if (gap === 0) return 'at';
  return gap === -1 ? 'one_below' : 'far_below';
}

/** One decimal, as every average in Vejviser is shown. */
export const roundTo1 = (value: number): number => Math.round(value * 10) / 10;

/** One person's latest leader-rated round: the leader's levels, their own (when asked for), and their targets. */
export interface MemberRatings {
  personId: string;
  name: string;
  unitId: string | null;
  /** Null for a person the leader has not yet rated in any round. */
  round: { id: string; name: string; deadline: string } | null;
  targets: Readonly<Record<string, number>>;
  leader: Readonly<Record<string, RatedLevel>>;
  /** The person's own submitted levels in the same round; undefined when not asked for or not submitted. */
  self?: Readonly<Record<string, RatedLevel>>;
}

export interface MatrixCell {
  competenceId: string;
  /** Absent when not rated; null for "cannot assess". */
  leader: RatedLevel | undefined;
  self: RatedLevel | undefined;
  target: number | null;
  /** leader − target; null when either is missing. */
  gap: number | null;
  band: DistanceBand;
}

export interface MatrixRow {
  personId: string;
  name: string;
  unitId: string | null;
  round: MemberRatings['round'];
  cells: MatrixCell[];
  /** Competences rated below target. */
  belowCount: number;
  /** Sum of the gaps of rated competences: the row's overall distance to target, for sorting. */
  totalGap: number | null;
}

export interface CompetenceSummary {
  competenceId: string;
  areaId: string;
  /** People with a level (not "cannot assess") and a target. */
  ratedCount: number;
  average: number | null;
  averageTarget: number | null;
  /** Mean of level − target: what strongest and weakest are ranked by, as targets differ per competence. */
  averageGap: number | null;
  belowCount: number;
  /** belowCount ÷ ratedCount, 0–1; null when nobody is rated. */
  shareBelow: number | null;
}

export interface TeamMatrix {
  rows: MatrixRow[];
  summaries: CompetenceSummary[];
  /** Up to three competence ids each, best and worst first. */
  strongest: string[];
  weakest: string[];
}

export const rankedCount = 3;

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * The matrix for a team. Rows keep the given order; competences follow the framework. A competence counts for the
 * team's figures only where the leader gave a level and the person's role profile has a target.
 */
export function teamMatrix(framework: FrameworkDocument, members: readonly MemberRatings[]): TeamMatrix {
  const competences = framework.areas.flatMap((area) =>
    area.competences.map((competence) => ({ competenceId: competence.id, areaId: area.id })),
  );
  const rows = members.map((member): MatrixRow => {
    const cells = competences.map(({ competenceId }): MatrixCell => {
      const leader = member.round ? member.leader[competenceId] : undefined;
      const target = member.round ? (member.targets[competenceId] ?? null) : null;
      const gap = typeof leader === 'number' && target !== null ? leader - target : null;
      return {
        competenceId,
        leader,
        self: member.round ? member.self?.[competenceId] : undefined,
        target,
        gap,
        band: bandOf(leader, target),
      };
    });
    const gaps = cells.flatMap((cell) => (cell.gap === null ? [] : [cell.gap]));
    return {
      personId: member.personId,
      name: member.name,
      unitId: member.unitId,
      round: member.round,
      cells,
      belowCount: gaps.filter((gap) => gap < 0).length,
      totalGap: gaps.length === 0 ? null : gaps.reduce((sum, gap) => sum + gap, 0),
    };
  });
  const summaries = competences.map(({ competenceId, areaId }, index): CompetenceSummary => {
    const rated = rows.map((row) => row.cells[index]!).filter((cell) => cell.gap !== null);
    const levels = rated.map((cell) => cell.leader as number);
    const below = rated.filter((cell) => cell.gap! < 0).length;
    const average = mean(levels);
    const averageTarget = mean(rated.map((cell) => cell.target!));
    const averageGap = mean(rated.map((cell) => cell.gap!));
    return {
      competenceId,
      areaId,
      ratedCount: rated.length,
      average: average === null ? null : roundTo1(average),
      averageTarget: averageTarget === null ? null : roundTo1(averageTarget),
      averageGap: averageGap === null ? null : roundTo1(averageGap),
      belowCount: below,
      shareBelow: rated.length === 0 ? null : below / rated.length,
    };
  });
  return { rows, summaries, ...strongestAndWeakest(summaries) };
}

/**
 * The three strongest and three weakest competences by the mean distance to target (unrounded ties broken by the
 * share below target, then the framework's order). A competence is on at most one list, so a team with few rated
 * competences does not see the same one called strong and weak.
 */
export function strongestAndWeakest(
  summaries: readonly CompetenceSummary[],
  count = rankedCount,
): { strongest: string[]; weakest: string[] } {
  const order = new Map(summaries.map((summary, index) => [summary.competenceId, index]));
  const rated = summaries.filter((summary) => summary.averageGap !== null);
  const byOrder = (a: CompetenceSummary, b: CompetenceSummary) =>
    order.get(a.competenceId)! - order.get(b.competenceId)!;
  const weakest = [...rated]
    .sort(
      (a, b) => a.averageGap! - b.averageGap! || (b.shareBelow ?? 0) - (a.shareBelow ?? 0) || byOrder(a, b),
    )
    .slice(0, count);
  const weakIds = new Set(weakest.map((summary) => summary.competenceId));
  const strongest = [...rated]
    .filter((summary) => !weakIds.has(summary.competenceId))
    .sort(
      (a, b) => b.averageGap! - a.averageGap! || (a.shareBelow ?? 0) - (b.shareBelow ?? 0) || byOrder(a, b),
    )
    .slice(0, count);
  return {
    strongest: strongest.map((summary) => summary.competenceId),
    weakest: weakest.map((summary) => summary.competenceId),
  };
}

/** Sums for one group (a unit, a theme day's participants) and competence, as the database adds them up. */
export interface CompetenceTotals {
  competenceId: string;
  /** Ratings with a level and a target. */
  ratedCount: number;
  levelSum: number;
  targetSum: number;
  belowCount: number;
}

export interface GroupAggregate {
  /** People in the group: with a submitted leader assessment in the round. */
  peopleCount: number;
  /** False when the group is smaller than the minimum: then no figure of it is shown. */
  reportable: boolean;
  competences: {
    competenceId: string;
    /** Null when fewer than the minimum have a level here ("cannot assess" shrinks the group). */
    ratedCount: number | null;
    average: number | null;
    averageTarget: number | null;
    shareBelow: number | null;
  }[];
}

/**
 * A group's figures, or nothing of them when the group, or the people rated in one competence, are fewer than the
 * municipality's minimum: an average over four people is not shown, even as a count.
 */
export function groupAggregate(
  peopleCount: number,
  totals: readonly CompetenceTotals[],
  competenceIds: readonly string[],
  minGroupSize: number,
): GroupAggregate {
  const reportable = isReportable(peopleCount, minGroupSize);
  const byId = new Map(totals.map((entry) => [entry.competenceId, entry]));
  return {
    peopleCount: reportable ? peopleCount : 0,
    reportable,
    competences: competenceIds.map((competenceId) => {
      const entry = byId.get(competenceId);
      const shown = reportable && entry !== undefined && isReportable(entry.ratedCount, minGroupSize);
      return {
        competenceId,
        ratedCount: shown ? entry.ratedCount : null,
        average: shown ? roundTo1(entry.levelSum / entry.ratedCount) : null,
        averageTarget: shown ? roundTo1(entry.targetSum / entry.ratedCount) : null,
        shareBelow: shown ? entry.belowCount / entry.ratedCount : null,
      };
    }),
  };
}

/** One participant's level in a competence before and after a theme day; undefined when not rated then. */
export interface BeforeAfterLevels {
  personId: string;
  before: Readonly<Record<string, RatedLevel>> | undefined;
  after: Readonly<Record<string, RatedLevel>> | undefined;
}

export interface BeforeAfter {
  competenceId: string;
  /** Participants with a level both before and after; null when withheld. */
  pairedCount: number | null;
  before: number | null;
  after: number | null;
  change: number | null;
}

/**
 * Before and after a theme day for its focus competences: the mean over the participants rated both times (the same
 * people on both sides, so a change is theirs and not a change of who was rated), withheld below the minimum.
 */
export function beforeAndAfter(
  participants: readonly BeforeAfterLevels[],
  competenceIds: readonly string[],
  minGroupSize: number,
): BeforeAfter[] {
  return competenceIds.map((competenceId) => {
    const pairs = participants.flatMap((participant) => {
      const before = participant.before?.[competenceId];
      const after = participant.after?.[competenceId];
      return typeof before === 'number' && typeof after === 'number' ? [{ before, after }] : [];
    });
    if (!isReportable(pairs.length, minGroupSize)) {
      return { competenceId, pairedCount: null, before: null, after: null, change: null };
    }
    const before = mean(pairs.map((pair) => pair.before))!;
    const after = mean(pairs.map((pair) => pair.after))!;
    return {
      competenceId,
      pairedCount: pairs.length,
      before: roundTo1(before),
      after: roundTo1(after),
      change: roundTo1(after - before),
    };
  });
}
