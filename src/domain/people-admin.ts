/** @module The administrator's rules for people and units: the last administrator, deactivation, the unit tree. */

/** Longest values accepted, by the forms and by the import alike. */
export const peopleLimits = { name: 200, title: 200, email: 254, externalId: 100, unitName: 200 } as const;

/** The roles an administrator grants. Leadership is not one of them: it follows from leading a unit. */
export const grantedRoles = ['employee', 'hr', 'admin'] as const;
export type GrantedRole = (typeof grantedRoles)[number];

/** Roles in their fixed order, each once: what is stored and compared. */
export const normalisedRoles = (roles: readonly string[]): GrantedRole[] =>
  grantedRoles.filter((role) => roles.includes(role));

export const sameRoles = (a: readonly string[], b: readonly string[]): boolean =>
  normalisedRoles(a).join() === normalisedRoles(b).join();

export interface PersonState {
  id: string;
  roles: readonly string[];
  active: boolean;
}

/**
 * Why a change of one person's roles or active state must be refused, or null. An administrator never deactivates
 * themselves or takes away their own administrator role (another administrator must), and the municipality always
 * keeps at least one active administrator.
 */
export type AdminRuleProblem = 'self_deactivation' | 'self_admin_role' | 'last_admin';

export function adminRuleProblem(
  people: readonly PersonState[],
  actorId: string,
  change: { userId: string; roles: readonly string[]; active: boolean },
): AdminRuleProblem | null {
  const before = people.find((person) => person.id === change.userId);
  if (change.userId === actorId && !change.active) return 'self_deactivation';
  if (change.userId === actorId && !change.roles.includes('admin') && before?.roles.includes('admin'))
    return 'self_admin_role';
  const wasActiveAdmin = before?.active === true && before.roles.includes('admin');
  const staysActiveAdmin = change.active && change.roles.includes('admin');
  if (!wasActiveAdmin || staysActiveAdmin) return null;
  const othersLeft = people.some(
    (person) => person.id !== change.userId && person.active && person.roles.includes('admin'),
  );
  return othersLeft ? null : 'last_admin';
}

export interface UnitState {
  id: string;
  parentId: string | null;
  active: boolean;
}

export interface MemberState {
  unitId: string | null;
  active: boolean;
}

/**
 * Why a unit cannot be deactivated, or null: it still has active people, or active units below it. Leaders are kept,
 * so the history of the unit's former people stays with someone until it is deleted on schedule.
 */
export function unitDeactivationProblem(
  unitId: string,
  units: readonly UnitState[],
  members: readonly MemberState[],
): 'unit_has_people' | 'unit_has_subunits' | null {
  if (members.some((member) => member.active && member.unitId === unitId)) return 'unit_has_people';
  if (units.some((unit) => unit.active && unit.parentId === unitId)) return 'unit_has_subunits';
  return null;
}

/**
 * Why a unit cannot be deleted, or null. Only a unit nobody has ever been placed in, with no units below it, is
 * deleted (one created by mistake); any other is deactivated, so that history keeps its place in the tree.
 */
export function unitDeletionProblem(
  unitId: string,
  units: readonly UnitState[],
  members: readonly MemberState[],
): 'unit_has_history' | 'unit_has_subunits' | null {
  if (members.some((member) => member.unitId === unitId)) return 'unit_has_history';
  if (units.some((unit) => unit.parentId === unitId)) return 'unit_has_subunits';
  return null;
}

/**
 * Why `parentId` cannot be the parent of `unitId` (null for a new unit), or null: the parent must exist, be active,
 * and not be the unit itself or a unit below it (the tree would become a loop).
 */
export function parentProblem(
  units: readonly UnitState[],
  unitId: string | null,
  parentId: string | null,
): 'unknown_unit' | 'unit_inactive' | 'unit_cycle' | null {
  if (parentId === null) return null;
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const parent = byId.get(parentId);
  if (!parent) return 'unknown_unit';
  if (unitId === null) return parent.active ? null : 'unit_inactive';
  // Walk up from the new parent: meeting the unit itself means the unit would sit below itself.
  const seen = new Set<string>();
  for (let current: UnitState | undefined = parent; current; current = byId.get(current.parentId ?? '')) {
    if (current.id === unitId) return 'unit_cycle';
    if (seen.has(current.id)) break;
    seen.add(current.id);
  }
  return parent.active ? null : 'unit_inactive';
}

/** The fields that differ between a saved record and the values to save, in the order given. */
export function changedFields<T extends object>(before: T, after: Partial<T>): (keyof T & string)[] {
  return (Object.keys(after) as (keyof T & string)[]).filter((key) => {
    const [a, b] = [before[key], after[key]];
    if (Array.isArray(a) && Array.isArray(b)) return a.join('\u0000') !== b.join('\u0000');
    return a !== b;
  });
}
