/** @module Role profiles: a target level per competence for a role or position, on one framework version. */
import { z } from 'zod';
import { type Competence, competencesOf, type FrameworkDocument } from './framework.ts';
import { contentIdSchema, type LocalizedText, localizedTextSchema } from './text.ts';

export const roleProfileDocumentSchema = z.strictObject({
  key: contentIdSchema,
  name: localizedTextSchema,
  description: localizedTextSchema,
  /** Competence id → target level on the framework's scale. */
  targets: z.record(contentIdSchema, z.number().int().min(1).max(10)),
});

export type RoleProfileDocument = z.infer<typeof roleProfileDocumentSchema>;

export interface TargetProblem {
  competenceId: string;
  kind: 'target_missing' | 'unknown_competence' | 'level_off_scale';
}

/** What keeps a set of targets from fitting a framework version: a missing, unknown or off-scale target. */
export function targetProblems(
  targets: Readonly<Record<string, number>>,
  framework: FrameworkDocument,
): TargetProblem[] {
  const problems: TargetProblem[] = [];
  const known = new Set(competencesOf(framework).map((competence) => competence.id));
  const maxLevel = framework.scale.levels.length;
  for (const competenceId of known) {
    if (!Object.hasOwn(targets, competenceId)) problems.push({ competenceId, kind: 'target_missing' });
  }
  for (const [competenceId, level] of Object.entries(targets)) {
    if (!known.has(competenceId)) problems.push({ competenceId, kind: 'unknown_competence' });
    else if (!Number.isInteger(level) || level < 1 || level > maxLevel)
      problems.push({ competenceId, kind: 'level_off_scale' });
  }
  return problems;
}

/** Problems that make a role profile unusable with a framework version, in words for a content author. */
export function roleProfileProblems(profile: RoleProfileDocument, framework: FrameworkDocument): string[] {
  const maxLevel = framework.scale.levels.length;
  const words: Record<TargetProblem['kind'], (competenceId: string) => string> = {
    target_missing: (id) => `role profile "${profile.key}" has no target for competence "${id}"`,
    unknown_competence: (id) => `role profile "${profile.key}" names unknown competence "${id}"`,
    level_off_scale: (id) =>
      `role profile "${profile.key}" sets "${id}" to ${profile.targets[id]}, above the scale's top ${maxLevel}`,
  };
  return targetProblems(profile.targets, framework).map(({ competenceId, kind }) =>
    words[kind](competenceId),
  );
}

export interface TargetChange {
  competenceId: string;
  /** The competence's name in the version it comes from (the old one for a dropped target). */
  name: LocalizedText;
  level: number;
}

/** What happened to one role profile when it was carried to a new framework version. */
export interface CarriedRoleProfile {
  targets: Record<string, number>;
  /** Targets of competences the new version no longer has. */
  dropped: TargetChange[];
  /** New competences, with the target Vejviser suggests; the administrator should check them. */
  added: TargetChange[];
}

const lowerMedian = (levels: readonly number[]): number | undefined =>
  [...levels].sort((a, b) => a - b)[Math.floor((levels.length - 1) / 2)];

/**
 * Carries a role profile's targets from one framework version to the next: targets of retired competences are
 * dropped; a new competence gets the lower median of the profile's targets in its area (so it sits in line with its
 * neighbours without raising the bar), or of all its targets when the area is new too, or level 1.
 */
export function carryTargets(
  targets: Readonly<Record<string, number>>,
  from: FrameworkDocument,
  to: FrameworkDocument,
): CarriedRoleProfile {
  const maxLevel = to.scale.levels.length;
  const oldCompetences = new Map(competencesOf(from).map((competence) => [competence.id, competence]));
  const kept: Record<string, number> = {};
  const added: TargetChange[] = [];
  const newIds = new Set(competencesOf(to).map((competence) => competence.id));
  for (const competence of competencesOf(to)) {
    if (Object.hasOwn(targets, competence.id))
      kept[competence.id] = Math.min(Math.max(targets[competence.id]!, 1), maxLevel);
  }
  const suggestFor = (areaCompetences: readonly Competence[]): number => {
    const inArea = areaCompetences.flatMap((neighbour) =>
      Object.hasOwn(kept, neighbour.id) ? [kept[neighbour.id]!] : [],
    );
    return lowerMedian(inArea) ?? lowerMedian(Object.values(kept)) ?? 1;
  };
  const result: Record<string, number> = {};
  for (const area of to.areas) {
    for (const competence of area.competences) {
      if (Object.hasOwn(kept, competence.id)) {
        result[competence.id] = kept[competence.id]!;
      } else {
        const level = suggestFor(area.competences);
        result[competence.id] = level;
        added.push({ competenceId: competence.id, name: competence.name, level });
      }
    }
  }
  const dropped = Object.entries(targets)
    .filter(([competenceId]) => !newIds.has(competenceId))
    .map(([competenceId, level]) => ({
      competenceId,
      name: oldCompetences.get(competenceId)?.name ?? { da: competenceId, en: competenceId },
      level,
    }));
  return { targets: result, dropped, added };
}
