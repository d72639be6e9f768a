/** @module Competence frameworks: areas → competences → a behavioural description per level, versioned. */
import { z } from 'zod';
import { levelNumbers, scaleSchema } from './scale.ts';
import { contentIdSchema, localizedTextSchema } from './text.ts';

export const levelDescriptionSchema = z.strictObject({
  level: z.number().int().min(1).max(10),
  /** What a colleague would see the person do at this level, in a situation from the job. */
  behaviour: localizedTextSchema,
});

export const competenceSchema = z.strictObject({
  id: contentIdSchema,
  name: localizedTextSchema,
  description: localizedTextSchema,
  levels: z.array(levelDescriptionSchema).min(2),
  /** Prompts an employee can answer with an example from their own practice ("Describe a situation where…"). */
  evidencePrompts: z.array(localizedTextSchema).default([]),
});

export const areaSchema = z.strictObject({
  id: contentIdSchema,
  name: localizedTextSchema,
  description: localizedTextSchema,
  competences: z.array(competenceSchema).min(1),
});

/** The content of one framework version. Once published, a version never changes. */
export const frameworkDocumentSchema = z
  .strictObject({
    key: contentIdSchema,
    name: localizedTextSchema,
    description: localizedTextSchema,
    scale: scaleSchema,
    areas: z.array(areaSchema).min(1),
  })
  .superRefine((framework, ctx) => {
    for (const problem of frameworkProblems(framework)) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    }
  });

export type LevelDescription = z.infer<typeof levelDescriptionSchema>;
export type Competence = z.infer<typeof competenceSchema>;
export type Area = z.infer<typeof areaSchema>;
export type FrameworkDocument = z.infer<typeof frameworkDocumentSchema>;

export interface FrameworkProblem {
  path: (string | number)[];
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
      problems.push({ path: ['areas', areaIndex, 'id'], message: `area id "${area.id}" is used twice` });
    }
    areaIds.add(area.id);
    area.competences.forEach((competence, competenceIndex) => {
      const path = ['areas', areaIndex, 'competences', competenceIndex];
      if (competenceIds.has(competence.id) || areaIds.has(competence.id)) {
        problems.push({ path: [...path, 'id'], message: `competence id "${competence.id}" is used twice` });
      }
      competenceIds.add(competence.id);
      const described = competence.levels.map((entry) => entry.level);
      const same =
        described.length === expectedLevels.length &&
        described.every((level, index) => level === expectedLevels[index]);
      if (!same) {
        problems.push({
          path: [...path, 'levels'],
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
