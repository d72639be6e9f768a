/** @module Pure helpers for the framework browser: which version to show, and the role-profile targets per competence. */

import type { Locale } from '../../../domain/text.ts';
import type { FrameworkVersionSummary, RoleProfile } from '../../../server/contracts/frameworks.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id can never name a version; answer "not found" without asking the server. */
export const isVersionId = (value: string): boolean => uuidPattern.test(value);

/** The newest published version: the latest publication date, then the highest version number. */
export function newestPublished(
  versions: readonly FrameworkVersionSummary[],
): FrameworkVersionSummary | undefined {
  return versions
    .filter((version) => version.status === 'published')
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.version - a.version)[0];
}

/** Versions grouped by framework, newest first, for the version list. */
export function sortVersions(versions: readonly FrameworkVersionSummary[]): FrameworkVersionSummary[] {
  return [...versions].sort((a, b) => a.key.localeCompare(b.key) || b.version - a.version);
}

export interface CompetenceTarget {
  roleProfileId: string;
  roleProfileName: string;
  level: number;
}

/** The target each role profile for this version sets for one competence, in the role profiles' order. */
export function targetsFor(
  competenceId: string,
  roleProfiles: readonly RoleProfile[],
  versionId: string,
  locale: Locale,
): CompetenceTarget[] {
  return roleProfiles.flatMap((profile) => {
    const level = profile.frameworkVersionId === versionId ? profile.targets[competenceId] : undefined;
    return level === undefined
      ? []
      : [{ roleProfileId: profile.id, roleProfileName: profile.name[locale], level }];
  });
}
