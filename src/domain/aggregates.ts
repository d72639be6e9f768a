/** @module The rule every aggregate obeys: no figure covers so few people that an individual can be singled out. */

/** The municipality's choice, unless it sets another (3 to 50). */
export const defaultMinGroupSize = 5;

/** A figure over `groupSize` people may be shown only when the group reaches the municipality's minimum. */
export const isReportable = (groupSize: number, minGroupSize: number): boolean =>
  groupSize >= Math.max(minGroupSize, 1);
