/**
 * @module Pure helpers for the draft editor: new ids, changing one area or competence in the document, taking a
 * competence out and back, and saying in words where a problem the server found is.
 */
import type { Area, Competence, FrameworkDocument } from '../../../domain/framework.ts';
import type { Scale } from '../../../domain/scale.ts';
import type { Locale, LocalizedText } from '../../../domain/text.ts';

const maxIdLength = 64;

/** A stable id from a Danish name, as the content uses: "Overblik over kommunen" → `overblik-over-kommunen`. */
export function idFromName(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxIdLength)
    .replace(/-+$/, '');
}

export const isContentId = (id: string): boolean =>
  id.length <= maxIdLength && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id);

/** Every id of the document: areas and competences share one namespace. */
export const idsOf = (document: FrameworkDocument): Set<string> =>
  new Set(
    document.areas.flatMap((area) => [area.id, ...area.competences.map((competence) => competence.id)]),
  );

/** `base`, or `base-2`, `base-3`… when it is taken. */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base.slice(0, maxIdLength - String(suffix).length - 1)}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const blank = (): LocalizedText => ({ da: '', en: '' });

/** A new competence with a place for every level of the scale. */
export const emptyCompetence = (id: string, scale: Scale): Competence => ({
  id,
  name: blank(),
  description: blank(),
  levels: scale.levels.map((entry) => ({ level: entry.level, behaviour: blank() })),
  evidencePrompts: [],
});

export function findCompetence(
  document: FrameworkDocument,
  competenceId: string,
): { area: Area; competence: Competence } | undefined {
  for (const area of document.areas) {
    const competence = area.competences.find((entry) => entry.id === competenceId);
    if (competence) return { area, competence };
  }
  return undefined;
}

/**
 * The document with one competence saved into area `areaId`: in its place when it stays in its area, last in the
 * new area when it moves (or is new). `originalId` is the id it had before, for a competence being edited.
 */
export function withCompetence(
  document: FrameworkDocument,
  areaId: string,
  competence: Competence,
  originalId?: string,
): FrameworkDocument {
  const current = originalId ? findCompetence(document, originalId) : undefined;
  return {
    ...document,
    areas: document.areas.map((area) => {
      if (current && area.id === current.area.id && area.id === areaId) {
        return {
          ...area,
          competences: area.competences.map((entry) => (entry.id === originalId ? competence : entry)),
        };
      }
      const kept = area.competences.filter((entry) => entry.id !== originalId);
      return { ...area, competences: area.id === areaId ? [...kept, competence] : kept };
    }),
  };
}

/** The document without a competence: it is retired when the draft is published. */
export const withoutCompetence = (document: FrameworkDocument, competenceId: string): FrameworkDocument => ({
  ...document,
  areas: document.areas.map((area) => ({
    ...area,
    competences: area.competences.filter((entry) => entry.id !== competenceId),
  })),
});

/** The document with an area's names saved; a new area goes last, with no competences yet. */
export function withArea(
  document: FrameworkDocument,
  area: Omit<Area, 'competences'>,
  originalId?: string,
): FrameworkDocument {
  if (!originalId) return { ...document, areas: [...document.areas, { ...area, competences: [] }] };
  return {
    ...document,
    areas: document.areas.map((entry) => (entry.id === originalId ? { ...entry, ...area } : entry)),
  };
}

/** Competences of the version the draft came from that the draft no longer has, each with the area it sat in. */
export function retiredSince(
  base: FrameworkDocument,
  draft: FrameworkDocument,
): { competence: Competence; areaId: string; areaName: LocalizedText }[] {
  const present = idsOf(draft);
  return base.areas.flatMap((area) =>
    area.competences
      .filter((competence) => !present.has(competence.id))
      .map((competence) => ({ competence, areaId: area.id, areaName: area.name })),
  );
}

/**
 * Puts a retired competence back as it was in the base version: into its old area when the draft still has it (at its
 * old position as far as the neighbours allow), otherwise into the first area.
 */
export function restoreCompetence(
  draft: FrameworkDocument,
  base: FrameworkDocument,
  competenceId: string,
): FrameworkDocument {
  const old = findCompetence(base, competenceId);
  if (!old || findCompetence(draft, competenceId) || draft.areas.length === 0) return draft;
  const target = draft.areas.find((area) => area.id === old.area.id) ?? draft.areas[0]!;
  const position = old.area.competences.findIndex((entry) => entry.id === competenceId);
  return {
    ...draft,
    areas: draft.areas.map((area) => {
      if (area !== target) return area;
      const competences = [...area.competences];
      competences.splice(Math.min(position, competences.length), 0, old.competence);
      return { ...area, competences };
    }),
  };
}

/** How many texts of a competence are still empty, in either language. */
export function missingTexts(competence: Competence): number {
  const texts = [
    competence.name,
    competence.description,
    ...competence.levels.map((entry) => entry.behaviour),
    ...competence.evidencePrompts,
  ];
  return texts.reduce((count, text) => count + (text.da.trim() ? 0 : 1) + (text.en.trim() ? 0 : 1), 0);
}

/** Where in the document a problem is, as the editor's pages know it. */
export type ProblemPlace =
  | { page: 'framework'; field: string }
  | { page: 'area'; areaId: string; field: string }
  | { page: 'competence'; areaId: string; competenceId: string; field: string };

/**
 * Turns a field path of the server (`document.areas.1.competences.0.levels.2.behaviour.en`, or `framework.…` in an
 * imported file) into the page that edits it and the field's path there (`levels.2.behaviour.en`).
 */
export function placeOfPath(document: FrameworkDocument, path: string): ProblemPlace {
  const parts = path.split('.').slice(1);
  if (parts[0] !== 'areas' || parts.length < 2) return { page: 'framework', field: parts.join('.') };
  const area = document.areas[Number(parts[1])];
  if (!area) return { page: 'framework', field: parts.join('.') };
  if (parts[2] !== 'competences' || parts.length < 4) {
    return { page: 'area', areaId: area.id, field: parts.slice(2).join('.') };
  }
  const competence = area.competences[Number(parts[3])];
  if (!competence) return { page: 'area', areaId: area.id, field: parts.slice(2).join('.') };
  return {
    page: 'competence',
    areaId: area.id,
    competenceId: competence.id,
    field: parts.slice(4).join('.'),
  };
}

export interface FieldWords {
  name: string;
  description: string;
  id: string;
  levels: string;
  level: (level: number) => string;
  prompt: (position: number) => string;
  scale: string;
  scaleLevel: (level: number) => string;
  cannotAssess: string;
  meaning: string;
  key: string;
  language: Record<Locale, string>;
  whole: string;
}

/** A field path of one page in words: `levels.1.behaviour.en` → "Niveau 2, engelsk". */
export function fieldInWords(
  field: string,
  words: FieldWords,
  levels: readonly { level: number }[] = [],
): string {
  const parts = field.split('.').filter(Boolean);
  const language =
    parts.at(-1) === 'da' || parts.at(-1) === 'en' ? words.language[parts.at(-1) as Locale] : null;
  const withLanguage = (label: string) => (language ? `${label}, ${language}` : label);
  switch (parts[0]) {
    case undefined:
      return words.whole;
    case 'name':
      return withLanguage(words.name);
    case 'description':
      return withLanguage(words.description);
    case 'id':
      return words.id;
    case 'key':
      return words.key;
    case 'levels':
      return parts[1] === undefined
        ? words.levels
        : withLanguage(words.level(levels[Number(parts[1])]?.level ?? Number(parts[1]) + 1));
    case 'evidencePrompts':
      return withLanguage(words.prompt(Number(parts[1] ?? 0) + 1));
    case 'scale': {
      if (parts[1] === 'cannotAssess') return withLanguage(words.cannotAssess);
      if (parts[2] === undefined) return words.scale;
      const label = words.scaleLevel(Number(parts[2]) + 1);
      return withLanguage(parts[3] === 'meaning' ? `${label}, ${words.meaning}` : label);
    }
    default:
      return withLanguage(parts.join('.'));
  }
}

/** The id of a competence form's field for a field path of the competence, e.g. `levels.1.behaviour.en`. */
export function competenceFieldId(field: string, levels: readonly { level: number }[]): string {
  const parts = field.split('.');
  const language = parts.at(-1) === 'en' ? 'en' : 'da';
  switch (parts[0]) {
    case 'id':
      return 'competence-id';
    case 'name':
    case 'description':
      return `competence-${parts[0]}-${language}`;
    case 'levels': {
      const level = levels[Number(parts[1] ?? 0)]?.level ?? 1;
      return `competence-level-${level}-${language}`;
    }
    case 'evidencePrompts':
      return `competence-prompt-${Number(parts[1] ?? 0)}-${language}`;
    default:
      return 'competence-name-da';
  }
}
