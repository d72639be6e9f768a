/** @module Who may see whom: the unit tree, leadership and roles, as pure rules the routes share. */

export type Role = 'employee' | 'leader' | 'hr' | 'admin';

export interface Principal {
  userId: string;
  municipalityId: string;
  roles: readonly Role[];
  /** Units the person leads directly; leadership reaches every unit below them. */
  ledUnitIds: readonly string[];
  /** Set when an API token acts, not a person: `userId` is then the token's id, which is nobody's. */
  tokenId?: string;
}

export interface UnitNode {
  id: string;
  parentId: string | null;
}

/** The given units and every unit below them. Safe against cycles in imported data. */
export function subtreeUnitIds(units: readonly UnitNode[], rootIds: readonly string[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    const siblings = children.get(unit.parentId) ?? [];
    siblings.push(unit.id);
    children.set(unit.parentId, siblings);
  }
  const reached = new Set<string>();
  const queue = [...rootIds];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  return reached;
}

export const hasRole = (principal: Principal, role: Role): boolean => principal.roles.includes(role);

export const isLeader = (principal: Principal): boolean => principal.ledUnitIds.length > 0;

/** The units whose people this leader may see. Empty for someone who leads nothing. */
export const unitsLedBy = (principal: Principal, units: readonly UnitNode[]): Set<string> =>
  subtreeUnitIds(units, principal.ledUnitIds);

/**
 * May the principal see this person's record? Yes for oneself, for an administrator of the same municipality,
 * and for a leader of the person's unit or a unit above it. Everyone else is told the person does not exist.
 */
export function canSeePerson(
  principal: Principal,
  person: { id: string; municipalityId: string; unitId: string | null },
  units: readonly UnitNode[],
): boolean {
  if (person.municipalityId !== principal.municipalityId) return false;
  if (person.id === principal.userId) return true;
  if (hasRole(principal, 'admin')) return true;
  return person.unitId !== null && unitsLedBy(principal, units).has(person.unitId);
}

/** Roles as shown to the person: granted roles plus `leader` when they lead a unit, in a fixed order. */
export function effectiveRoles(grantedRoles: readonly string[], leadsUnits: boolean): Role[] {
  const order: Role[] = ['employee', 'leader', 'hr', 'admin'];
  return order.filter((role) => (role === 'leader' ? leadsUnits : grantedRoles.includes(role)));
}

/** What a caller may do in a profiling round, given the participants' units. */
export interface RoundScope {
  /** Participants whose progress the caller may follow. */
  visibleUserIds: Set<string>;
  /** Participants the caller may rate as their leader. */
  rateableUserIds: Set<string>;
  /** May close the round and send reminders. */
  canManage: boolean;
}

/**
 * Leaders follow and rate the participants in the units they lead (never themselves); administrators follow and
 * manage every round but rate only where they also lead; HR follows rounds only when the municipality allows it.
 */
export function roundScope(
  principal: Principal,
  participants: readonly { userId: string; unitId: string | null }[],
  units: readonly UnitNode[],
  options: { hrSeesRounds: boolean; createdById: string },
): RoundScope {
  const led = unitsLedBy(principal, units);
  const rateable = participants
    .filter((participant) => participant.userId !== principal.userId)
    .filter((participant) => participant.unitId !== null && led.has(participant.unitId))
    .map((participant) => participant.userId);
  const seesAll = hasRole(principal, 'admin') || (hasRole(principal, 'hr') && options.hrSeesRounds);
  const visible = seesAll ? participants.map((participant) => participant.userId) : rateable;
  return {
    visibleUserIds: new Set(visible),
    rateableUserIds: new Set(rateable),
    canManage:
      hasRole(principal, 'admin') ||
      (isLeader(principal) && (rateable.length > 0 || options.createdById === principal.userId)),
  };
}
