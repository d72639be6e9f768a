/** @module Builds "who am I" from the session's principal. */
import type { TenantRepositories } from '../db/repositories/index.ts';
import type { Principal } from '../domain/access.ts';
import { localeSchema } from '../domain/text.ts';
import type { SessionUser } from './contracts/auth.ts';
import { ApiError } from './http/errors.ts';

export async function sessionUserFor(
  tenant: TenantRepositories,
  principal: Principal,
  csrfToken: string,
): Promise<SessionUser> {
  const [user, municipality, units] = await Promise.all([
    tenant.people.findUser(principal.userId),
    tenant.people.municipality(),
    tenant.people.listUnits(),
  ]);
  if (!user) throw new ApiError(401, 'unauthenticated');
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const unitRef = (id: string) => ({ id, name: unitName.get(id) ?? '' });
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    title: user.title,
    locale: localeSchema.catch('da').parse(user.locale),
    roles: [...principal.roles],
    municipality: { id: municipality.id, name: municipality.name },
    unit: user.unitId ? unitRef(user.unitId) : null,
    ledUnits: principal.ledUnitIds.map(unitRef).sort((a, b) => a.name.localeCompare(b.name, 'da')),
    csrfToken,
  };
}
