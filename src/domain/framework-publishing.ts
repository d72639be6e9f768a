/**
 * @module Publishing a framework draft: which role profiles the new version gets, and the report that tells the
 * administrator what changed for them. Kept with the version, so it can be read again later.
 */

import type { FrameworkDocument } from './framework.ts';
import { diffFrameworks, type FrameworkDiff } from './framework-diff.ts';
import { carryTargets, type TargetChange } from './role-profile.ts';
import type { LocalizedText } from './text.ts';

export interface RoleProfileCarried {
  key: string;
  name: LocalizedText;
  /** Targets of retired competences, no longer part of the profile. */
  dropped: TargetChange[];
  /** New competences and the target they were given; to be checked by the administrator. */
  added: TargetChange[];
}

export interface PublishReport {
  /** The published version this one replaces; null for a framework's first version. */
  previous: { versionId: string; version: number } | null;
  counts: FrameworkDiff['counts'];
  roleProfiles: RoleProfileCarried[];
}

export interface RoleProfileSource {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  targets: Record<string, number>;
}

export interface Publication {
  report: PublishReport;
  /** The role profiles to create on the new version: every profile of the replaced version, carried over. */
  roleProfiles: RoleProfileSource[];
}

/**
 * Plans the publication of `draft` as the successor of `previous` (the framework's newest published version), whose
 * role profiles are carried over so new rounds can start at once. Rounds already started keep their own version and
 * role profiles untouched.
 */
export function planPublication(
  draft: FrameworkDocument,
  previous: {
    versionId: string;
    version: number;
    document: FrameworkDocument;
    roleProfiles: readonly RoleProfileSource[];
  } | null,
): Publication {
  if (!previous) {
    const counts = { added: 0, retired: 0, renamed: 0, moved: 0, levelsChanged: 0 };
    return { report: { previous: null, counts, roleProfiles: [] }, roleProfiles: [] };
  }
  const carried = previous.roleProfiles.map((profile) => ({
    profile,
    change: carryTargets(profile.targets, previous.document, draft),
  }));
  return {
    report: {
      previous: { versionId: previous.versionId, version: previous.version },
      counts: diffFrameworks(previous.document, draft).counts,
      roleProfiles: carried.map(({ profile, change }) => ({
        key: profile.key,
        name: profile.name,
        dropped: change.dropped,
        added: change.added,
      })),
    },
    roleProfiles: carried.map(({ profile, change }) => ({ ...profile, targets: change.targets })),
  };
}
