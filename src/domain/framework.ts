/** @module Competence frameworks: areas → competences → a behavioural description per level, versioned. */
import { z } from 'zod';
import { levelNumbers, scaleSchemaWith } from './scale.ts';
import { contentIdSchema, type LocalizedText } from './text.ts';

/** The longest text a framework holds: a level description is one or two sentences; this is far beyond. */
const maxTextLength = 2000;

/** A draft's texts may still be empty (English comes later, a description is half written); never endless. */
export const draftTextSchema = z.strictObject({
  da: z.string().trim().max(maxTextLength),
  en: z.string().trim().max(maxTextLength),
});

/** A published version's texts: written in both languages, within the same bound as a draft's. */
const publishedTextSchema = z.strictObject({
  da: z.string().trim().min(1).max(maxTextLength),
  en: z.string().trim().min(1).max(maxTextLength),
});

/**
 * The document's shape with a given text rule. A published version needs every text in both languages and at least
 * one competence per area; a draft is saved as the administrator goes, so it may lack both. Ids and levels follow
 * the same rules in both, so a draft can always be shown and edited.
 */
function documentSchemaWith(text: z.ZodType<LocalizedText, LocalizedText>, complete: boolean) {
  const level = z.strictObject({
    level: z.number().int().min(1).max(10),
    /** What a colleague would see the person do at this level, in a situation from the job. */
    behaviour: text,
  });
  const competence = z.strictObject({
    id: contentIdSchema,
    name: text,
    description: text,
    levels: z.array(level).min(2),
    /** Prompts an employee can answer with an example from their own practice ("Describe a situation where…"). */
    evidencePrompts: z.array(text).max(10).default([]),
  });
  const area = z.strictObject({
    id: contentIdSchema,
    name: text,
    description: text,
    competences: complete ? z.array(competence).min(1) : z.array(competence),
  });
  const document = z
    .strictObject({
      key: contentIdSchema,
      name: text,
      description: text,
      scale: scaleSchemaWith(text),
      areas: complete ? z.array(area).min(1) : z.array(area),
    })
    .superRefine((framework, ctx) => {
      for (const problem of frameworkProblems(framework)) {
        ctx.addIssue({
          code: 'custom',
          path: problem.path,
          message: problem.message,
          params: { kind: problem.kind },
        });
      }
    });
  return { level, competence, area, document };
}

const published = documentSchemaWith(publishedTextSchema, true);
const draft = documentSchemaWith(draftTextSchema, false);

export const levelDescriptionSchema = published.level;
export const competenceSchema = published.competence;
export const areaSchema = published.area;

/** The content of one published framework version. Once published, a version never changes. */
export const frameworkDocumentSchema = published.document;

/** A draft as it is saved: the same shape and id rules, but texts may be empty and areas may have no competences. */
export const frameworkDraftSchema = draft.document;

export type LevelDescription = z.infer<typeof levelDescriptionSchema>;
export type Competence = z.infer<typeof competenceSchema>;
export type Area = z.infer<typeof areaSchema>;
export type FrameworkDocument = z.infer<typeof frameworkDocumentSchema>;

/** Why a document cannot be saved or published; the kind is translated for the reader, the message is for logs. */
export type FrameworkProblemKind =
  | 'duplicate_id'
  | 'levels_mismatch'
  | 'key_changed'
  | 'scale_length_changed'
  | 'id_changed_kind'
  | 'unchanged';

export interface FrameworkProblem {
  path: (string | number)[];
  kind: FrameworkProblemKind;
  message: string;
}

/** Rules a schema cannot express alone: unique ids, and every level of the scale described once. */
export function frameworkProblems(framework: FrameworkDocument): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const expectedLevels = levelNumbers(framework.scale);
  const areaIds = new Set<string>();
  const competenceIds = new Set<string>();
  const allCompetenceIds = new Set(framework.areas.flatMap((area) => area.competences.map((c) => c.id)));
  framework.areas.forEach((area, areaIndex) => {
    if (areaIds.has(area.id) || allCompetenceIds.has(area.id)) {
      problems.push({
        path: ['areas', areaIndex, 'id'],
        kind: 'duplicate_id',
        message: `area id "${area.id}" is used twice`,
      });
    }
    areaIds.add(area.id);
    area.competences.forEach((competence, competenceIndex) => {
      const path = ['areas', areaIndex, 'competences', competenceIndex];
      if (competenceIds.has(competence.id) || areaIds.has(competence.id)) {
        problems.push({
          path: [...path, 'id'],
          kind: 'duplicate_id',
          message: `competence id "${competence.id}" is used twice`,
        });
      }
      competenceIds.add(competence.id);
      const described = competence.levels.map((entry) => entry.level);
      const same =
        described.length === expectedLevels.length &&
        described.every((level, index) => level === expectedLevels[index]);
      if (!same) {
        problems.push({
          path: [...path, 'levels'],
          kind: 'levels_mismatch',
          message: `competence "${competence.id}" must describe levels ${expectedLevels.join(', ')} in order; found ${described.join(', ')}`,
        });
      }
    });
  });
  return problems;
}

export const competencesOf = (framework: FrameworkDocument): Competence[] =>
  framework.areas.flatMap((area) => area.competences);

export const findCompetence = (framework: FrameworkDocument, competenceId: string): Competence | undefined =>
  competencesOf(framework).find((competence) => competence.id === competenceId);

/** A framework version's lifecycle: a draft may change; a published version is immutable. */
export const frameworkVersionStatuses = ['draft', 'published'] as const;
export type FrameworkVersionStatus = (typeof frameworkVersionStatuses)[number];

export const canEditVersion = (status: FrameworkVersionStatus): boolean => status === 'draft';

/**
 * Rules between versions of one framework, checked when a draft is saved (key) and published (all):
 * - the key names the framework, so a draft keeps it;
 * - the scale keeps its number of levels, or trends across rounds would compare levels of different scales;
 * - an id keeps its kind: an area's id never becomes a competence's, and the other way round, because saved ratings,
 *   role profiles and plans refer to competences by id;
 * - a version that changes nothing is not published (it would only add a version to choose between).
 * `earlier` are the framework's published versions, newest first.
 */
export function versionProblems(
  document: FrameworkDocument,
  earlier: readonly FrameworkDocument[],
  options: { publishing: boolean },
): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const [newest] = earlier;
  if (!newest) return problems;
  if (document.key !== newest.key) {
    problems.push({
      path: ['key'],
      kind: 'key_changed',
      message: `the key of framework "${newest.key}" cannot change`,
    });
  }
  if (!options.publishing) return problems;
  if (document.scale.levels.length !== newest.scale.levels.length) {
    problems.push({
      path: ['scale', 'levels'],
      kind: 'scale_length_changed',
      message: `the scale must keep its ${newest.scale.levels.length} levels`,
    });
  }
  const earlierAreaIds = new Set(earlier.flatMap((version) => version.areas.map((area) => area.id)));
  const earlierCompetenceIds = new Set(earlier.flatMap((version) => competencesOf(version).map((c) => c.id)));
  document.areas.forEach((area, areaIndex) => {
    if (earlierCompetenceIds.has(area.id)) {
      problems.push({
        path: ['areas', areaIndex, 'id'],
        kind: 'id_changed_kind',
        message: `"${area.id}" was a competence in an earlier version and cannot become an area`,
      });
    }
    area.competences.forEach((competence, competenceIndex) => {
      if (earlierAreaIds.has(competence.id)) {
        problems.push({
          path: ['areas', areaIndex, 'competences', competenceIndex, 'id'],
          kind: 'id_changed_kind',
          message: `"${competence.id}" was an area in an earlier version and cannot become a competence`,
        });
      }
    });
  });
  if (sameDocument(document, newest)) {
    problems.push({
      path: [],
      kind: 'unchanged',
      message: 'the draft is the same as the newest published version',
    });
  }
  return problems;
}

/** Two documents with the same content, whatever the order of keys in their JSON. */
export function sameDocument(a: FrameworkDocument, b: FrameworkDocument): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
