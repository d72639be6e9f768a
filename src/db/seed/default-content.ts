/** @module Gives a municipality the shipped framework, published, with its role profiles. */
import { defaultFramework, defaultRoleProfiles } from '../../../content/index.ts';
import type { TenantRepositories } from '../repositories/index.ts';

export async function installDefaultContent(tenant: TenantRepositories) {
  const draft = await tenant.frameworks.createDraft(defaultFramework);
  const version = await tenant.frameworks.publish(draft.id);
  for (const profile of defaultRoleProfiles) {
    await tenant.frameworks.createRoleProfile(draft.id, profile);
  }
  return version!;
}
