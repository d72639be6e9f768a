/** @module How long a departed person's data is kept, per kind of data, and when each kind is due for erasure. */
import { retentionDeadline } from './recruitment.ts';

/**
 * The kinds of a person's data erased on their own schedule after they leave (decision 029). Candidates have their own
 * period, counted from a position's closing (decision 018).
 */
export const personalDataTypes = ['conversations', 'ratings', 'practice'] as const;
export type PersonalDataType = (typeof personalDataTypes)[number];

/** Months after leaving: never less than one (time to hand over), never more than ten years (a typo's limit). */
export const personalRetentionMonths = { min: 1, max: 120 } as const;

/** The defaults a new municipality starts with. */
export const defaultPersonalRetention: Record<PersonalDataType, number> = {
  conversations: 24,
  ratings: 24,
  practice: 6,
};

/** What the rules need of a person who left. */
export interface Departure {
  deactivatedAt: Date;
  erasedAt: Record<PersonalDataType, Date | null>;
}

/** The instant a kind of data goes: the departure plus the period, in calendar months (as for candidates). */
export const erasureDate = (deactivatedAt: Date, months: number): Date =>
  retentionDeadline(deactivatedAt, months);

/** The kinds whose period has passed by `now` and that are not yet erased, in a fixed order. */
export function dueDataTypes(
  departure: Departure,
  periods: Record<PersonalDataType, number>,
  now: Date,
): PersonalDataType[] {
  return personalDataTypes.filter(
    (type) =>
      departure.erasedAt[type] === null &&
      erasureDate(departure.deactivatedAt, periods[type]).getTime() <= now.getTime(),
  );
}

/** Every kind erased: the person's identity can go too. */
export const everythingErased = (erasedAt: Record<PersonalDataType, Date | null>): boolean =>
  personalDataTypes.every((type) => erasedAt[type] !== null);
