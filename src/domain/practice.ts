/**
 * @module The practice log: channels and help levels of a citizen contact, the employee's own count per month, and
 * the unit's aggregate that a leader sees, in which no month covers fewer people than the municipality's minimum.
 */
import { isReportable } from './aggregates.ts';

/** Where the contact took place. */
export const practiceChannels = ['counter', 'phone', 'digital', 'video'] as const;
export type PracticeChannel = (typeof practiceChannels)[number];

/** How much of the task the employee did for the citizen: none, alongside them (medbetjening), or all of it. */
export const helpLevels = ['self_service', 'co_service', 'full_service'] as const;
export type HelpLevel = (typeof helpLevels)[number];

export type HelpLevelCounts = Record<HelpLevel, number>;

/** At most this many competences per entry: a contact is about a few things, and the picker stays quick. */
export const maxCompetencesPerEntry = 5;

export const emptyCounts = (): HelpLevelCounts => ({ self_service: 0, co_service: 0, full_service: 0 });

/** `2026-05-12` → `2026-05`. */
export const monthOf = (isoDate: string): string => isoDate.slice(0, 7);

/** The `count` months that end with the month of `today`, oldest first, as `YYYY-MM`. */
export function recentMonths(today: string, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return Array.from({ length: count }, (_, index) => {
    const offset = month - 1 - (count - 1 - index);
    const y = year + Math.floor(offset / 12);
    const m = ((offset % 12) + 12) % 12;
    return `${y}-${String(m + 1).padStart(2, '0')}`;
  });
}

/** The employee's own count per help level per month, for the given months in their order (zero where none). */
export function helpLevelsByMonth(
  entries: readonly { occurredOn: string; helpLevel: HelpLevel }[],
  months: readonly string[],
): { month: string; counts: HelpLevelCounts }[] {
  const byMonth = new Map(months.map((month) => [month, emptyCounts()]));
  for (const entry of entries) {
    const counts = byMonth.get(monthOf(entry.occurredOn));
    if (counts) counts[entry.helpLevel] += 1;
  }
  return months.map((month) => ({ month, counts: byMonth.get(month)! }));
}

/** What the database counted for one month of one unit: how many people logged, per help level and competence. */
export interface PracticeMonthTally {
  month: string;
  /** Distinct employees with at least one entry that month. */
  people: number;
  counts: HelpLevelCounts;
  /** Competence id → the number of entries that named it. */
  competences: Readonly<Record<string, number>>;
}

export type MonthFigures =
  | {
      month: string;
      reportable: true;
      people: number;
      entries: number;
      counts: HelpLevelCounts;
      /** Each help level's share of the month's entries, 0–1, to three decimals. */
      shares: Record<HelpLevel, number>;
    }
  | { month: string; reportable: false };

export interface PracticeSummary {
  months: MonthFigures[];
  /** The most used competences over the reportable months, most entries first; null when no month is reportable. */
  competences: { competenceId: string; entries: number }[] | null;
}

const share = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;

/**
 * A unit's practice in figures that never single anyone out. A month is shown only when at least `minGroupSize`
 * people logged in it; otherwise it says only that there were too few. The competence ranking adds up the shown
 * months alone, so a month that is hidden cannot be found by comparing two periods.
 */
export function practiceSummary(input: {
  months: readonly PracticeMonthTally[];
  minGroupSize: number;
  /** The framework's order, which breaks ties in the ranking. */
  competenceOrder: readonly string[];
  top?: number;
}): PracticeSummary {
  const order = new Map(input.competenceOrder.map((id, index) => [id, index]));
  const totals = new Map<string, number>();
  let anyReportable = false;
  const months = input.months.map((tally): MonthFigures => {
    if (!isReportable(tally.people, input.minGroupSize)) return { month: tally.month, reportable: false };
    anyReportable = true;
    for (const [competenceId, count] of Object.entries(tally.competences)) {
      totals.set(competenceId, (totals.get(competenceId) ?? 0) + count);
    }
    const entries = tally.counts.self_service + tally.counts.co_service + tally.counts.full_service;
    return {
      month: tally.month,
      reportable: true,
      people: tally.people,
      entries,
      counts: { ...tally.counts },
      shares: {
        self_service: share(tally.counts.self_service, entries),
        co_service: share(tally.counts.co_service, entries),
        full_service: share(tally.counts.full_service, entries),
      },
    };
  });
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const competences = anyReportable
    ? [...totals]
        .filter(([, entries]) => entries > 0)
        .sort(([a, x], [b, y]) => y - x || rank(a) - rank(b) || a.localeCompare(b))
        .slice(0, input.top ?? 5)
        .map(([competenceId, entries]) => ({ competenceId, entries }))
    : null;
  return { months, competences };
}
