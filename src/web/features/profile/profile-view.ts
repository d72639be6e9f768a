/**
 * @module Pure shaping of a competence profile for the page: rows for the tables, the layers of each radar chart,
 * the conversation topics and the trend across rounds — one source, so the charts and tables always agree.
 */
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { Locale } from '../../../domain/text.ts';
import type { Profile, RoundProfile } from '../../../server/contracts/rounds.ts';

/** A level as the profile has it: a number, null for "cannot assess", undefined when not rated or not visible. */
export type LevelValue = number | null | undefined;

export const layers = ['self', 'leader', 'target'] as const;
export type Layer = (typeof layers)[number];

export interface ProfileRow {
  id: string;
  name: string;
  self: LevelValue;
  leader: LevelValue;
  target: LevelValue;
}

export interface CompetenceRow extends ProfileRow {
  areaId: string;
  areaName: string;
  /** The level the standing is judged on (the leader's when visible, else the person's own), from the server. */
  basis: number | null;
  gap: number | null;
  standing: 'strength' | 'development' | 'unrated';
  divergence: 'blind_spot' | 'hidden_strength' | null;
}

function names(framework: FrameworkDocument, locale: Locale) {
  const areas = new Map(framework.areas.map((area) => [area.id, area.name[locale]]));
  const competences = new Map(
    framework.areas.flatMap((area) =>
      area.competences.map((competence) => [competence.id, competence.name[locale]]),
    ),
  );
  return { areas, competences };
}

/** One row per competence, in the framework's order. */
export function competenceRows(
  round: RoundProfile,
  framework: FrameworkDocument,
  locale: Locale,
): CompetenceRow[] {
  const { areas, competences } = names(framework, locale);
  return round.competences.map((entry) => ({
    id: entry.competenceId,
    name: competences.get(entry.competenceId) ?? entry.competenceId,
    areaId: entry.areaId,
    areaName: areas.get(entry.areaId) ?? entry.areaId,
    self: entry.self,
    leader: round.leaderVisible ? entry.leader : undefined,
    target: entry.target,
    basis: entry.basis,
    gap: entry.gap,
    standing: entry.standing,
    divergence: entry.divergence,
  }));
}

/** One row per area: the averages over its competences. */
export function areaRows(round: RoundProfile, framework: FrameworkDocument, locale: Locale): ProfileRow[] {
  const { areas } = names(framework, locale);
  return round.areas.map((entry) => ({
    id: entry.areaId,
    name: areas.get(entry.areaId) ?? entry.areaId,
    self: entry.self,
    leader: round.leaderVisible ? entry.leader : undefined,
    target: entry.target,
  }));
}

/** The layers a chart shows: the leader's only when the reader may see it. */
export const visibleLayers = (round: Pick<RoundProfile, 'leaderVisible'>): Layer[] =>
  round.leaderVisible ? ['self', 'leader', 'target'] : ['self', 'target'];

/** A radar chart's numbers: one axis per row, one series per layer (self, leader, target; or candidates). */
export interface RadarData<K extends string> {
  axes: { id: string; name: string }[];
  /** The scale's top level; the chart's rings run from 0 to it. */
  max: number;
  series: { layer: K; values: (number | null)[] }[];
}

export type ChartData = RadarData<Layer>;

/** The chart's numbers, straight from the table rows: no level (not rated, cannot assess) is `null`. */
export function chartData(rows: readonly ProfileRow[], shown: readonly Layer[], max: number): ChartData {
  return {
    axes: rows.map((row) => ({ id: row.id, name: row.name })),
    max,
    series: shown.map((layer) => ({
      layer,
      values: rows.map((row) => {
        const value = row[layer];
        return typeof value === 'number' ? value : null;
      }),
    })),
  };
}

export interface Topic {
  competenceId: string;
  name: string;
  divergence: 'blind_spot' | 'hidden_strength';
  self: number;
  leader: number;
}

/** The conversation topics in the server's order (widest disagreement first), each with both levels. */
export function topics(round: RoundProfile, rows: readonly CompetenceRow[]): Topic[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return round.conversationTopics.flatMap((topic) => {
    const row = byId.get(topic.competenceId);
    if (!row || typeof row.self !== 'number' || typeof row.leader !== 'number') return [];
    return [
      {
        competenceId: row.id,
        name: row.name,
        divergence: topic.divergence,
        self: row.self,
        leader: row.leader,
      },
    ];
  });
}

/** Rows for a list of competence ids (strengths, development areas), in the list's order. */
export function rowsFor(ids: readonly string[], rows: readonly CompetenceRow[]): CompetenceRow[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

export interface TrendColumn {
  roundId: string;
  roundName: string;
  date: string;
}

export interface TrendRow {
  competenceId: string;
  name: string;
  /** One cell per column: the level the round's profile is based on; undefined when the round lacks it. */
  levels: (number | null | undefined)[];
}

/**
 * The development over time: one column per round with something submitted (oldest first), one row per competence
 * of the framework. A level is null when the round has none for it (not rated, or "cannot assess").
 */
export function trendTable(
  profile: Profile,
  framework: FrameworkDocument,
  locale: Locale,
): { columns: TrendColumn[]; rows: TrendRow[] } {
  const columns = profile.rounds
    .filter((round) => round.selfSubmitted || round.leaderSubmitted)
    .sort((a, b) => a.deadline.localeCompare(b.deadline))
    .map((round) => ({ roundId: round.roundId, roundName: round.roundName, date: round.deadline }));
  const rows = framework.areas.flatMap((area) =>
    area.competences.map((competence) => {
      const points = profile.trends[competence.id] ?? [];
      return {
        competenceId: competence.id,
        name: competence.name[locale],
        levels: columns.map((column) => {
          const point = points.find((entry) => entry.roundId === column.roundId);
          return point ? point.level : undefined;
        }),
      };
    }),
  );
  return { columns, rows };
}

/** Splits a long axis name over lines of about `width` characters, at spaces. */
export function wrapLabel(text: string, width = 16): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** Points of a sparkline in a `width` × `height` box for levels 1..max; gaps where a round has no level. */
export function sparklinePoints(
  levels: readonly (number | null | undefined)[],
  max: number,
  width: number,
  height: number,
): { x: number; y: number }[] {
  const step = levels.length > 1 ? width / (levels.length - 1) : 0;
  return levels.flatMap((level, index) =>
    typeof level === 'number'
      ? [
          {
            x: Math.round(index * step * 10) / 10,
            y: Math.round((height - ((level - 1) / Math.max(1, max - 1)) * height) * 10) / 10,
          },
        ]
      : [],
  );
}
