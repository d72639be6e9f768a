/**
 * @module What changed between two framework versions, grouped by area the way an administrator or leader reads it:
 * competences added, retired, renamed, moved between areas, and texts changed, each with the old and the new text.
 */
import type { Area, Competence, FrameworkDocument } from './framework.ts';
import type { LocalizedText } from './text.ts';

export interface TextChange {
  before: LocalizedText;
  after: LocalizedText;
}

export interface LevelChange {
  level: number;
  /** Null when the level is not described on that side (the scale gained or lost a level). */
  before: LocalizedText | null;
  after: LocalizedText | null;
}

export type CompetenceDiffStatus = 'added' | 'retired' | 'changed';

export interface CompetenceDiff {
  competenceId: string;
  status: CompetenceDiffStatus;
  /** The newer name; a retired competence keeps its last name. */
  name: LocalizedText;
  renamed: TextChange | null;
  /** Set when the competence now sits in this area but sat in another one before. */
  movedFrom: { areaId: string; name: LocalizedText } | null;
  description: TextChange | null;
  /** Only the levels whose description changed. */
  levels: LevelChange[];
  evidencePrompts: { before: LocalizedText[]; after: LocalizedText[] } | null;
}

export type AreaDiffStatus = 'added' | 'retired' | 'changed';

export interface AreaDiff {
  areaId: string;
  status: AreaDiffStatus;
  name: LocalizedText;
  renamed: TextChange | null;
  description: TextChange | null;
  /** Only the competences with a change, in the newer version's order; retired ones last. */
  competences: CompetenceDiff[];
}

export interface ScaleTextChange {
  /** Null on the side where the level does not exist. */
  before: LocalizedText | null;
  after: LocalizedText | null;
}

export interface ScaleLevelDiff {
  /** 0 stands for "cannot assess". */
  level: number;
  name: ScaleTextChange | null;
  meaning: ScaleTextChange | null;
}

export interface FrameworkDiff {
  name: TextChange | null;
  description: TextChange | null;
  /** Only the levels (and "cannot assess", as level 0) whose name or meaning changed. */
  scale: ScaleLevelDiff[];
  /** Only areas with a change of their own or of one of their competences. */
  areas: AreaDiff[];
  counts: {
    added: number;
    retired: number;
    renamed: number;
    moved: number;
    /** Competences with at least one changed level description. */
    levelsChanged: number;
  };
  /** The order of areas, or of competences within an area, differs (nothing else needs to). */
  reordered: boolean;
  /** Nothing differs that a reader would see. */
  unchanged: boolean;
}

const sameText = (a: LocalizedText, b: LocalizedText): boolean => a.da === b.da && a.en === b.en;

const textChange = (before: LocalizedText, after: LocalizedText): TextChange | null =>
  sameText(before, after) ? null : { before, after };

const sameTexts = (a: readonly LocalizedText[], b: readonly LocalizedText[]): boolean =>
  a.length === b.length && a.every((text, index) => sameText(text, b[index]!));

interface Placed {
  competence: Competence;
  area: Area;
}

const placements = (framework: FrameworkDocument): Map<string, Placed> =>
  new Map(
    framework.areas.flatMap((area) =>
      area.competences.map((competence) => [competence.id, { competence, area }] as const),
    ),
  );

function levelChanges(before: Competence, after: Competence): LevelChange[] {
  const levels = [...new Set([...before.levels, ...after.levels].map((entry) => entry.level))].sort(
    (a, b) => a - b,
  );
  return levels.flatMap((level) => {
    const old = before.levels.find((entry) => entry.level === level)?.behaviour ?? null;
    const now = after.levels.find((entry) => entry.level === level)?.behaviour ?? null;
    if (old && now && sameText(old, now)) return [];
    return [{ level, before: old, after: now }];
  });
}

function changedCompetence(before: Placed, after: Placed): CompetenceDiff | null {
  const moved = before.area.id !== after.area.id;
  const diff: CompetenceDiff = {
    competenceId: after.competence.id,
    status: 'changed',
    name: after.competence.name,
    renamed: textChange(before.competence.name, after.competence.name),
    movedFrom: moved ? { areaId: before.area.id, name: before.area.name } : null,
    description: textChange(before.competence.description, after.competence.description),
    levels: levelChanges(before.competence, after.competence),
    evidencePrompts: sameTexts(before.competence.evidencePrompts, after.competence.evidencePrompts)
      ? null
      : { before: before.competence.evidencePrompts, after: after.competence.evidencePrompts },
  };
  const changed =
    diff.renamed || diff.movedFrom || diff.description || diff.levels.length > 0 || diff.evidencePrompts;
  return changed ? diff : null;
}

const whole = (status: 'added' | 'retired', competence: Competence): CompetenceDiff => ({
  competenceId: competence.id,
  status,
  name: competence.name,
  renamed: null,
  movedFrom: null,
  description: null,
  levels: [],
  evidencePrompts: null,
});

/** The changes from `before` to `after`. Competences and areas are matched by their stable ids. */
export function diffFrameworks(before: FrameworkDocument, after: FrameworkDocument): FrameworkDiff {
  const oldPlaces = placements(before);
  const newPlaces = placements(after);
  const oldAreas = new Map(before.areas.map((area) => [area.id, area]));
  const newAreaIds = new Set(after.areas.map((area) => area.id));
  const areas: AreaDiff[] = [];

  for (const area of after.areas) {
    const old = oldAreas.get(area.id);
    const competences: CompetenceDiff[] = [];
    for (const competence of area.competences) {
      const was = oldPlaces.get(competence.id);
      if (!was) competences.push(whole('added', competence));
      else {
        const change = changedCompetence(was, { competence, area });
        if (change) competences.push(change);
      }
    }
    // Retired from this area: gone from every area of the newer version (a move is listed where it went).
    for (const competence of old?.competences ?? []) {
      if (!newPlaces.has(competence.id)) competences.push(whole('retired', competence));
    }
    const renamed = old ? textChange(old.name, area.name) : null;
    const description = old ? textChange(old.description, area.description) : null;
    if (!old || renamed || description || competences.length > 0) {
      areas.push({
        areaId: area.id,
        status: old ? 'changed' : 'added',
        name: area.name,
        renamed,
        description,
        competences,
      });
    }
  }
  for (const area of before.areas) {
    if (newAreaIds.has(area.id)) continue;
    areas.push({
      areaId: area.id,
      status: 'retired',
      name: area.name,
      renamed: null,
      description: null,
      competences: area.competences
        .filter((competence) => !newPlaces.has(competence.id))
        .map((competence) => whole('retired', competence)),
    });
  }

  const scale = scaleChanges(before, after);
  const order = reordered(before, after);
  const all = areas.flatMap((area) => area.competences);
  const counts = {
    added: all.filter((competence) => competence.status === 'added').length,
    retired: all.filter((competence) => competence.status === 'retired').length,
    renamed: all.filter((competence) => competence.renamed).length,
    moved: all.filter((competence) => competence.movedFrom).length,
    levelsChanged: all.filter((competence) => competence.levels.length > 0).length,
  };
  const name = textChange(before.name, after.name);
  const description = textChange(before.description, after.description);
  return {
    name,
    description,
    scale,
    areas,
    counts,
    reordered: order,
    unchanged: !name && !description && scale.length === 0 && areas.length === 0 && !order,
  };
}

function scaleChanges(before: FrameworkDocument, after: FrameworkDocument): ScaleLevelDiff[] {
  const change = (old: LocalizedText | undefined, now: LocalizedText | undefined): ScaleTextChange | null =>
    old && now && sameText(old, now) ? null : { before: old ?? null, after: now ?? null };
  const levels = [...new Set([...before.scale.levels, ...after.scale.levels].map((entry) => entry.level))];
  const entries = levels
    .sort((a, b) => a - b)
    .map((level) => {
      const old = before.scale.levels.find((entry) => entry.level === level);
      const now = after.scale.levels.find((entry) => entry.level === level);
      return { level, name: change(old?.name, now?.name), meaning: change(old?.meaning, now?.meaning) };
    });
  entries.push({
    level: 0,
    name: change(before.scale.cannotAssess.name, after.scale.cannotAssess.name),
    meaning: change(before.scale.cannotAssess.meaning, after.scale.cannotAssess.meaning),
  });
  return entries.filter((entry) => entry.name || entry.meaning);
}

/** Compares the order of the ids both versions share, so an addition or retirement alone is no reordering. */
function reordered(before: FrameworkDocument, after: FrameworkDocument): boolean {
  const shared = (ids: string[], others: Set<string>) => ids.filter((id) => others.has(id)).join();
  const areaIds = (framework: FrameworkDocument) => framework.areas.map((area) => area.id);
  if (shared(areaIds(before), new Set(areaIds(after))) !== shared(areaIds(after), new Set(areaIds(before))))
    return true;
  return after.areas.some((area) => {
    const old = before.areas.find((candidate) => candidate.id === area.id);
    if (!old) return false;
    const oldIds = old.competences.map((competence) => competence.id);
    const newIds = area.competences.map((competence) => competence.id);
    return shared(oldIds, new Set(newIds)) !== shared(newIds, new Set(oldIds));
  });
}
