import { describe, expect, it } from 'vitest';
import { defaultMinGroupSize } from './aggregates.ts';
import {
  type HelpLevelCounts,
  helpLevelsByMonth,
  type PracticeMonthTally,
  practiceSummary,
  recentMonths,
} from './practice.ts';

describe('recentMonths', () => {
  it.each([
    ['2026-05-12', 3, ['2026-03', '2026-04', '2026-05']],
    ['2026-02-01', 4, ['2025-11', '2025-12', '2026-01', '2026-02']],
    ['2026-01-31', 1, ['2026-01']],
    [
      '2026-12-31',
      13,
      ['2025-12', ...Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)],
    ],
  ])('the %i months to %s', (today, count, expected) => {
    expect(recentMonths(today, count)).toEqual(expected);
  });
});

describe('helpLevelsByMonth', () => {
  it('counts each help level per month, with empty months and without entries outside them', () => {
    const counts = helpLevelsByMonth(
      [
        { occurredOn: '2026-03-02', helpLevel: 'co_service' },
        { occurredOn: '2026-03-31', helpLevel: 'co_service' },
        { occurredOn: '2026-03-15', helpLevel: 'full_service' },
        { occurredOn: '2026-05-01', helpLevel: 'self_service' },
        { occurredOn: '2026-01-10', helpLevel: 'self_service' },
      ],
      ['2026-03', '2026-04', '2026-05'],
    );
    expect(counts).toEqual([
      { month: '2026-03', counts: { self_service: 0, co_service: 2, full_service: 1 } },
      { month: '2026-04', counts: { self_service: 0, co_service: 0, full_service: 0 } },
      { month: '2026-05', counts: { self_service: 1, co_service: 0, full_service: 0 } },
    ]);
  });
});

const counts = (self: number, co: number, full: number): HelpLevelCounts => ({
  self_service: self,
  co_service: co,
  full_service: full,
});
const month = (
  name: string,
  people: number,
  help: HelpLevelCounts,
  competences: Record<string, number> = {},
): PracticeMonthTally => ({ month: name, people, counts: help, competences });
const order = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('practiceSummary and the minimum group size', () => {
  it.each([
    { people: 4, minimum: defaultMinGroupSize, shown: false },
    { people: 5, minimum: defaultMinGroupSize, shown: true },
    { people: 6, minimum: defaultMinGroupSize, shown: true },
    { people: 2, minimum: 3, shown: false },
    { people: 3, minimum: 3, shown: true },
  ])(
    'a month with $people people and a minimum of $minimum is shown: $shown',
    ({ people, minimum, shown }) => {
      const summary = practiceSummary({
        months: [month('2026-04', people, counts(2, 6, 2), { a: 3 })],
        minGroupSize: minimum,
        competenceOrder: order,
      });
      expect(summary.months[0]!.reportable).toBe(shown);
      expect(summary.competences).toEqual(shown ? [{ competenceId: 'a', entries: 3 }] : null);
    },
  );

  it('gives a group of 5 its counts and shares, and a group of 4 nothing but "too few"', () => {
    const summary = practiceSummary({
      months: [month('2026-03', 4, counts(1, 2, 1)), month('2026-04', 5, counts(2, 6, 2))],
      minGroupSize: 5,
      competenceOrder: order,
    });
    expect(summary.months).toEqual([
      { month: '2026-03', reportable: false },
      {
        month: '2026-04',
        reportable: true,
        people: 5,
        entries: 10,
        counts: counts(2, 6, 2),
        shares: { self_service: 0.2, co_service: 0.6, full_service: 0.2 },
      },
    ]);
    // Nothing of the hidden month is left in what is shown, not even its size.
    expect(JSON.stringify(summary.months[0])).not.toMatch(/people|entries/);
  });

  it('ranks competences over the shown months only, so a hidden month cannot be worked out by difference', () => {
    const hidden = month('2026-03', 4, counts(0, 4, 0), { f: 40 });
    const shown = month('2026-04', 5, counts(1, 3, 1), { b: 2, a: 2, c: 5, d: 1 });
    const both = practiceSummary({
      months: [hidden, shown],
      minGroupSize: 5,
      competenceOrder: order,
      top: 3,
    });
    const alone = practiceSummary({ months: [shown], minGroupSize: 5, competenceOrder: order, top: 3 });
    expect(both.competences).toEqual([
      { competenceId: 'c', entries: 5 },
      // A tie goes by the framework's order.
      { competenceId: 'a', entries: 2 },
      { competenceId: 'b', entries: 2 },
    ]);
    expect(both.competences).toEqual(alone.competences);
  });

  it('adds the shown months up for the ranking', () => {
    const summary = practiceSummary({
      months: [
        month('2026-03', 5, counts(1, 1, 1), { a: 1, b: 3 }),
        month('2026-04', 6, counts(1, 1, 1), { a: 3 }),
      ],
      minGroupSize: 5,
      competenceOrder: order,
    });
    expect(summary.competences).toEqual([
      { competenceId: 'a', entries: 4 },
      { competenceId: 'b', entries: 3 },
    ]);
  });

  it('shows a month with no entries as "too few", whatever the minimum', () => {
    const summary = practiceSummary({
      months: [month('2026-04', 0, counts(0, 0, 0))],
      minGroupSize: 3,
      competenceOrder: order,
    });
    expect(summary).toEqual({ months: [{ month: '2026-04', reportable: false }], competences: null });
  });
});
