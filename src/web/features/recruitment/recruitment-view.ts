/**
 * @module Pure helpers for the recruitment pages: the position's next steps, the guide draft, the comparison's sorting
 * and radar overlay, and what a score or self-assessment still lacks before it can be sent.
 */
import type { PositionStatus } from '../../../domain/recruitment.ts';
import type {
  Comparison,
  GuideQuestion,
  GuideQuestionInput,
  MyScoreRatings,
} from '../../../server/contracts/recruitment.ts';
import type { RadarData } from '../profile/profile-view.ts';
import type { LayerLook } from '../profile/radar-option.ts';

// The domain's list, repeated as a value: importing it would bring zod into the bundle. The type keeps them in step.
export const positionStatusIds = [
  'draft',
  'open',
  'interviewing',
  'decided',
  'closed',
] as const satisfies readonly PositionStatus[];

/** The moves a manager is offered, in the order the buttons show: forward first, closing last. */
export function nextStatuses(status: PositionStatus): ('open' | 'interviewing' | 'closed')[] {
  switch (status) {
    case 'draft':
      return ['open', 'closed'];
    case 'open':
      return ['interviewing', 'closed'];
    case 'interviewing':
    case 'decided':
      return ['closed'];
    case 'closed':
      return [];
  }
}

/** At most this many focus competences and panel members, as the server allows. */
export const focusRange = { min: 4, max: 8 } as const;
export const panelMax = 8;

/** What the server stores of a guide question: a bank question by id, an own question with its words. */
export const toGuideInput = (item: GuideQuestion): GuideQuestionInput => ({
  id: item.id,
  competenceId: item.competenceId,
  questionId: item.questionId,
  text: item.own ? item.text : null,
  probes: item.own ? item.probes : [],
});

/** The probes of an own question, one per line; blank lines dropped, at most four. */
export const probesFromText = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 4);

/** An own question, shown in the draft as the server will render it. */
export function ownQuestion(
  id: string,
  competenceId: string | null,
  text: string,
  probesText: string,
): GuideQuestion {
  return {
    id: `own:${id}`,
    competenceId,
    questionId: null,
    own: true,
    text: text.trim(),
    probes: probesFromText(probesText),
  };
}

/** Focus competences left without any question in a draft guide: the server would refuse it. */
export function competencesWithoutQuestion(
  items: readonly Pick<GuideQuestion, 'competenceId'>[],
  focusIds: readonly string[],
): string[] {
  return focusIds.filter((id) => !items.some((item) => item.competenceId === id));
}

export type ComparisonRow = Comparison['candidates'][number];
export type SortKey = 'name' | 'total' | 'belowTarget' | 'shortfall' | `level:${string}`;
export interface SortOrder {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

/**
 * The comparison's rows in the order asked for. A candidate without a value (not yet consolidated) always comes last,
 * whichever the direction; ties keep the name order.
 */
export function sortComparison(rows: readonly ComparisonRow[], order: SortOrder): ComparisonRow[] {
  const sortValue = (row: ComparisonRow): number | string | null => {
    if (order.key === 'name') return row.name;
    if (order.key === 'total') return row.total;
    if (order.key === 'belowTarget') return row.complete ? row.belowTarget : null;
    if (order.key === 'shortfall') return row.complete ? row.shortfall : null;
    return row.levels[order.key.slice('level:'.length)] ?? null;
  };
  const sign = order.direction === 'ascending' ? 1 : -1;
  const byName = (a: ComparisonRow, b: ComparisonRow) => a.name.localeCompare(b.name, 'da');
  return [...rows].sort((a, b) => {
    const left = sortValue(a);
    const right = sortValue(b);
    if (left === null && right === null) return byName(a, b);
    if (left === null) return 1;
    if (right === null) return -1;
    const compared =
      typeof left === 'string' && typeof right === 'string'
        ? left.localeCompare(right, 'da')
        : (left as number) - (right as number);
    return compared * sign || byName(a, b);
  });
}

/** The radar overlay takes at most four candidates: more lines than that cannot be told apart. */
export const maxRadarCandidates = 4;

/**
 * Up to four candidates and the target: each candidate differs from the others by line style and marker as well as
 * colour, so the chart reads without colour; every colour has at least 3:1 contrast to white.
 */
export const candidateLooks: readonly LayerLook[] = [
  { color: '#0059b3', dash: [], marker: 'circle', markerSize: 8, fill: false },
  { color: '#a33b00', dash: [8, 4], marker: 'triangle', markerSize: 10, fill: false },
  { color: '#2f6f31', dash: [12, 3, 2, 3], marker: 'diamond', markerSize: 10, fill: false },
  { color: '#6a1b9a', dash: [3, 3], marker: 'emptyCircle', markerSize: 8, fill: false },
];
export const targetLook: LayerLook = {
  color: '#1a1a1a',
  dash: [2, 3],
  marker: 'rect',
  markerSize: 7,
  fill: false,
};

/** The overlay of the chosen candidates (in the table's order) against the target, one axis per focus competence. */
export function comparisonRadar(
  comparison: Pick<Comparison, 'competences' | 'candidates' | 'scaleMax'>,
  chosenIds: readonly string[],
): { data: RadarData<string>; looks: Record<string, LayerLook>; labels: Record<string, string> } {
  const chosen = comparison.candidates
    .filter((row) => chosenIds.includes(row.id))
    .slice(0, maxRadarCandidates);
  const looks: Record<string, LayerLook> = { target: targetLook };
  const labels: Record<string, string> = {};
  chosen.forEach((row, index) => {
    looks[row.id] = candidateLooks[index]!;
    labels[row.id] = row.name;
  });
  return {
    data: {
      axes: comparison.competences.map((competence) => ({ id: competence.id, name: competence.name })),
      max: comparison.scaleMax,
      series: [
        ...chosen.map((row) => ({
          layer: row.id,
          values: comparison.competences.map((competence) => row.levels[competence.id] ?? null),
        })),
        { layer: 'target', values: comparison.competences.map((competence) => competence.target) },
      ],
    },
    looks,
    labels,
  };
}

/** What a panel member's score lacks before it can be submitted: a level and a justification per focus competence. */
export interface ScoreGap {
  competenceId: string;
  missing: 'level' | 'justification';
}

export function scoreGaps(focusIds: readonly string[], ratings: MyScoreRatings): ScoreGap[] {
  return focusIds.flatMap((competenceId): ScoreGap[] => {
    const rating = ratings[competenceId];
    if (typeof rating?.level !== 'number') return [{ competenceId, missing: 'level' }];
    if (!rating.justification.trim()) return [{ competenceId, missing: 'justification' }];
    return [];
  });
}

/** A plausible e-mail address, checked before sending; the server has the last word. */
export const looksLikeEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

/** The token of the candidate's link: what follows `#` in the address, never sent to the server in the URL. */
export const tokenFromHash = (hash: string): string | null => {
  const token = hash.replace(/^#/, '').trim();
  return /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
};
