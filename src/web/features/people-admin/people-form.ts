/** @module Pure helpers for the administrator's forms: units as an indented tree to choose from. */

export interface UnitChoice {
  id: string;
  name: string;
  parentId: string | null;
  active: boolean;
}

export interface UnitOption {
  id: string;
  /** The name indented by its depth in the tree, so a flat list of options reads as the organisation chart. */
  label: string;
  depth: number;
}

/**
 * The units in tree order (parents before children, siblings by name), indented by depth. Inactive units are left
 * out, except `keepId` (the current choice); `withoutBranchOf` leaves out a unit and everything below it (a unit
 * cannot be placed below itself).
 */
export function unitOptions(
  units: readonly UnitChoice[],
  options: { keepId?: string | null; withoutBranchOf?: string } = {},
): UnitOption[] {
  const known = new Set(units.map((unit) => unit.id));
  const children = new Map<string | null, UnitChoice[]>();
  for (const unit of units) {
    const parent = unit.parentId && known.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const result: UnitOption[] = [];
  const visit = (parentId: string | null, depth: number, seen: Set<string>) => {
    const siblings = [...(children.get(parentId) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'da'));
    for (const unit of siblings) {
      if (seen.has(unit.id) || unit.id === options.withoutBranchOf) continue;
      seen.add(unit.id);
      if (unit.active || unit.id === options.keepId) {
        result.push({ id: unit.id, label: `${'\u2003'.repeat(depth)}${unit.name}`, depth });
      }
      visit(unit.id, depth + 1, seen);
    }
  };
  visit(null, 0, new Set());
  return result;
}
