/** @module Pure helpers for the team overview: which columns an area filter leaves, row order, units to choose from. */
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { DistanceBand } from '../../../domain/team.ts';
import type { Locale } from '../../../domain/text.ts';
import type { TeamOverview } from '../../../server/contracts/team.ts';

// The domain's list, repeated as values so the bundle does not pull in the domain module's imports; the type keeps
// them in step.
export const bandIds = [
  'above',
  'at',
  'one_below',
  'far_below',
  'unrated',
] as const satisfies readonly DistanceBand[];

export interface Column {
  competenceId: string;
  areaId: string;
  name: string;
  /** Position of the competence in the overview's cells and summaries. */
  index: number;
}

export interface AreaGroup {
  areaId: string;
  name: string;
  columns: Column[];
}

/** The competences to show, grouped by area, for one area or all (`''`). */
export function visibleAreas(
  overview: Pick<TeamOverview, 'summaries'>,
  framework: FrameworkDocument,
  areaId: string,
  locale: Locale,
): AreaGroup[] {
  const indexOf = new Map(overview.summaries.map((summary, index) => [summary.competenceId, index]));
  return framework.areas
    .filter((area) => areaId === '' || area.id === areaId)
    .map((area) => ({
      areaId: area.id,
      name: area.name[locale],
      columns: area.competences.flatMap((competence) => {
        const index = indexOf.get(competence.id);
        return index === undefined
          ? []
          : [{ competenceId: competence.id, areaId: area.id, name: competence.name[locale], index }];
      }),
    }))
    .filter((group) => group.columns.length > 0);
}

/** `name`, `below` (most below target first) or a competence id (lowest level first). */
export type SortKey = string;

type Row = TeamOverview['rows'][number];

/** Rows in the chosen order; people without a rating go last, ties by name. */
export function sortRows(
  rows: readonly Row[],
  key: SortKey,
  competenceIndex: ReadonlyMap<string, number>,
): Row[] {
  const byName = (a: Row, b: Row) => a.person.name.localeCompare(b.person.name, 'da');
  const levelOf = (row: Row, index: number) => {
    const level = row.cells[index]?.leader;
    return typeof level === 'number' ? level : Number.POSITIVE_INFINITY;
  };
  if (key === 'below') {
    return [...rows].sort(
      (a, b) =>
        Number(a.round === null) - Number(b.round === null) ||
        b.belowCount - a.belowCount ||
        (a.totalGap ?? 0) - (b.totalGap ?? 0) ||
        byName(a, b),
    );
  }
  const index = competenceIndex.get(key);
  if (index !== undefined) {
    return [...rows].sort((a, b) => levelOf(a, index) - levelOf(b, index) || byName(a, b));
  }
  return [...rows].sort(byName);
}

export interface UnitChoice {
  id: string;
  name: string;
  /** How deep below the led unit, for indenting the option. */
  depth: number;
}

/** The units a leader can open: each led unit and every unit below it, in tree order. */
export function unitChoices(
  ledUnits: readonly { id: string; name: string }[],
  units: readonly { id: string; name: string; parentId: string | null }[],
): UnitChoice[] {
  const children = new Map<string, { id: string; name: string }[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  }
  const seen = new Set<string>();
  const result: UnitChoice[] = [];
  const visit = (unit: { id: string; name: string }, depth: number) => {
    if (seen.has(unit.id)) return;
    seen.add(unit.id);
    result.push({ id: unit.id, name: unit.name, depth });
    for (const child of [...(children.get(unit.id) ?? [])].sort((a, b) =>
      a.name.localeCompare(b.name, 'da'),
    )) {
      visit(child, depth + 1);
    }
  };
  for (const unit of [...ledUnits].sort((a, b) => a.name.localeCompare(b.name, 'da'))) visit(unit, 0);
  return result;
}

/** 0.285 → 29 (per cent, whole). */
export const percentOf = (share: number): number => Math.round(share * 100);

/** The export's link, with what the reader has chosen to see. */
export function exportHref(
  unitId: string,
  format: 'xlsx' | 'csv',
  options: { withSelf: boolean; areaId: string; locale: Locale },
): string {
  const query = new URLSearchParams({ format, lang: options.locale });
  if (options.withSelf) query.set('self', 'true');
  if (options.areaId) query.set('areaId', options.areaId);
  return `/api/units/${encodeURIComponent(unitId)}/team-overview/export?${query.toString()}`;
}
