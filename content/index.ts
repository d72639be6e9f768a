/**
 * @module The shipped default content (the "Specialist i borgerbetjening" framework, its role profiles and the
 * coaching questions), validated on load.
 */
import { z } from 'zod';
import { type CoachingBank, coachingBankProblems, coachingBankSchema } from '../src/domain/coaching.ts';
import { competencesOf, type FrameworkDocument, frameworkDocumentSchema } from '../src/domain/framework.ts';
import {
  type RoleProfileDocument,
  roleProfileDocumentSchema,
  roleProfileProblems,
} from '../src/domain/role-profile.ts';
import coachingJson from './coaching-questions.json' with { type: 'json' };
import frameworkJson from './frameworks/specialist-i-borgerbetjening.json' with { type: 'json' };
import roleProfilesJson from './role-profiles.json' with { type: 'json' };

export interface Content {
  framework: FrameworkDocument;
  roleProfiles: RoleProfileDocument[];
}

/**
 * Validates raw framework and role-profile data against the domain schemas.
 * Throws one Error that names every problem found, so a broken content file fails loudly and legibly.
 */
export function parseContent(rawFramework: unknown, rawRoleProfiles: unknown): Content {
  const framework = frameworkDocumentSchema.safeParse(rawFramework);
  if (!framework.success) {
    throw new Error(`The framework content is invalid:\n${z.prettifyError(framework.error)}`);
  }
  const roleProfiles = roleProfileDocumentSchema.array().safeParse(rawRoleProfiles);
  if (!roleProfiles.success) {
    throw new Error(`The role-profile content is invalid:\n${z.prettifyError(roleProfiles.error)}`);
  }
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const profile of roleProfiles.data) {
    if (keys.has(profile.key)) problems.push(`role profile key "${profile.key}" is used twice`);
    keys.add(profile.key);
    problems.push(...roleProfileProblems(profile, framework.data));
  }
  if (problems.length > 0) {
    throw new Error(
      `The role profiles do not fit framework "${framework.data.key}":\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
  }
  return { framework: framework.data, roleProfiles: roleProfiles.data };
}

const content = parseContent(frameworkJson, roleProfilesJson);

export const defaultFramework: FrameworkDocument = content.framework;
export const defaultRoleProfiles: RoleProfileDocument[] = content.roleProfiles;

/**
 * Validates raw coaching content against the schema and against the framework's competences.
 * Throws one Error that names every problem found, like {@link parseContent}.
 */
export function parseCoachingBank(rawBank: unknown, framework: FrameworkDocument): CoachingBank {
  const bank = coachingBankSchema.safeParse(rawBank);
  if (!bank.success) {
    throw new Error(`The coaching content is invalid:\n${z.prettifyError(bank.error)}`);
  }
  const competenceIds = competencesOf(framework).map((competence) => competence.id);
  const problems = coachingBankProblems(bank.data, competenceIds);
  if (problems.length > 0) {
    throw new Error(
      `The coaching questions do not fit framework "${framework.key}":\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
  }
  return bank.data;
}

export const defaultCoachingBank: CoachingBank = parseCoachingBank(coachingJson, defaultFramework);
