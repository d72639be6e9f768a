/** @module Role profiles: a target level per competence for a role or position, on one framework version. */
import { z } from 'zod';
import { competencesOf, type FrameworkDocument } from './framework.ts';
import { contentIdSchema, localizedTextSchema } from './text.ts';

export const roleProfileDocumentSchema = z.strictObject({
  key: contentIdSchema,
  name: localizedTextSchema,
  description: localizedTextSchema,
  /** Competence id → target level on the framework's scale. */
  targets: z.record(contentIdSchema, z.number().int().min(1).max(10)),
});

export type RoleProfileDocument = z.infer<typeof roleProfileDocumentSchema>;

/** Problems that make a role profile unusable with a framework version: a missing, unknown or off-scale target. */
export function roleProfileProblems(profile: RoleProfileDocument, framework: FrameworkDocument): string[] {
  const problems: string[] = [];
  const known = new Set(competencesOf(framework).map((competence) => competence.id));
  const maxLevel = framework.scale.levels.length;
  for (const competenceId of known) {
    if (!Object.hasOwn(profile.targets, competenceId)) {
      problems.push(`role profile "${profile.key}" has no target for competence "${competenceId}"`);
    }
  }
  for (const [competenceId, level] of Object.entries(profile.targets)) {
    if (!known.has(competenceId)) {
      problems.push(`role profile "${profile.key}" names unknown competence "${competenceId}"`);
    } else if (level > maxLevel) {
      problems.push(
        `role profile "${profile.key}" sets "${competenceId}" to ${level}, above the scale's top ${maxLevel}`,
      );
    }
  }
  return problems;
}
