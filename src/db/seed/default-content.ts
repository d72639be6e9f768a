/** @module Gives a municipality the shipped framework, published, with its role profiles; brings new ones to old installs. */
import { defaultFramework, defaultRoleProfiles } from '../../../content/index.ts';
import { carryTargets } from '../../domain/role-profile.ts';
import type { Repositories, TenantRepositories } from '../repositories/index.ts';

export async function installDefaultContent(tenant: TenantRepositories) {
  const draft = await tenant.frameworks.createDraft(defaultFramework);
  const version = await tenant.frameworks.publish(draft.id);
  for (const profile of defaultRoleProfiles) {
    await tenant.frameworks.createRoleProfile(draft.id, profile);
  }
  return version!;
}

/**
 * Role profiles shipped after a municipality was created (the guide, organiser/teacher and coordinator variants) are
 * added to the newest published version of its default framework, where that version lacks a profile with the key.
 * A municipality that adapted the framework gets them fitted to its version: targets of competences it retired are
 * left out, and its own competences get the suggested target, as when a version is published. Run at every start
 * (decision 020); a profile already there, under its key, is never touched. Returns what was added, per municipality.
 */
export async function addShippedRoleProfiles(repositories: Repositories): Promise<Record<string, string[]>> {
  const added: Record<string, string[]> = {};
  for (const municipality of await repositories.system.listMunicipalities()) {
    const tenant = repositories.forTenant(municipality.id);
    const newest = (await tenant.frameworks.versionsOfKey(defaultFramework.key)).find(
      (version) => version.status === 'published',
    );
    if (!newest) continue;
    const present = new Set((await tenant.frameworks.listRoleProfilesOf(newest.id)).map((row) => row.key));
    const missing = defaultRoleProfiles
      .filter((profile) => !present.has(profile.key))
      .map((profile) => ({
        ...profile,
        targets: carryTargets(profile.targets, defaultFramework, newest.document).targets,
      }));
    const keys = await tenant.frameworks.addMissingRoleProfiles(newest.id, missing);
    if (keys.length > 0) added[municipality.slug] = keys;
  }
  return added;
}
