/** @module Moving one item of a list to another place, for the lists a person reorders by keyboard. */

/** The list with the item at `from` moved to `to`; the same list when either is out of range. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length || from === to) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1) as [T];
  next.splice(to, 0, moved);
  return next;
}
