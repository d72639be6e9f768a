import { describe, expect, it } from 'vitest';
import {
  bandOf,
  beforeAndAfter,
  type CompetenceSummary,
  groupAggregate,
  type MemberRatings,
  strongestAndWeakest,
  teamMatrix,
} from './team.ts';
import { testFramework } from './test-framework.ts';

const framework = testFramework({ a: ['a1', 'a2'], b: ['b1', 'b2'] });
const round = { id: 'r1', name: 'Forår', deadline: '2026-04-30' };
const targets = { a1: 3, a2: 2, b1: 3, b2: 4 };
const member = (
  personId: string,
  leader: MemberRatings['leader'],
  extra: Partial<MemberRatings> = {},
): MemberRatings => ({
  personId,
  name: personId,
  unitId: 'u',
  round,
  targets,
  leader,
  ...extra,
});

describe('bandOf', () => {
  it.each([
    [4, 3, 'above'],
    [3, 3, 'at'],
    [2, 3, 'one_below'],
    [1, 3, 'far_below'],
    [1, 4, 'far_below'],
    [null, 3, 'unrated'],
    [undefined, 3, 'unrated'],
    [3, null, 'unrated'],
  ] as const)('level %s against target %s → %s', (level, target, expected) => {
    expect(bandOf(level, target)).toBe(expected);
  });
});

describe('teamMatrix', () => {
  const matrix = teamMatrix(framework, [
    member('anna', { a1: 3, a2: 3, b1: 1, b2: 4 }, { self: { a1: 4, a2: 3, b1: 2, b2: null } }),
    member('bo', { a1: 2, a2: 2, b1: 2, b2: null }),
    member('cia', { a1: 4, a2: 1, b1: 2, b2: 3 }),
    { ...member('dan', {}), round: null },
  ]);

  it('gives every person a cell per competence, in the framework order, with the distance as a word', () => {
    const anna = matrix.rows[0]!;
    expect(
      anna.cells.map((cell) => [cell.competenceId, cell.leader, cell.self, cell.gap, cell.band]),
    ).toEqual([
      ['a1', 3, 4, 0, 'at'],
      ['a2', 3, 3, 1, 'above'],
      ['b1', 1, 2, -2, 'far_below'],
      ['b2', 4, null, 0, 'at'],
    ]);
    expect(anna.belowCount).toBe(1);
    expect(anna.totalGap).toBe(-1);
  });

  it('keeps a person never rated as a row of unrated cells, without figures', () => {
    const dan = matrix.rows[3]!;
    expect(dan.cells.every((cell) => cell.band === 'unrated' && cell.target === null)).toBe(true);
    expect(dan.totalGap).toBeNull();
  });

  it.each([
    // competence, rated, average, average gap, below, share below
    ['a1', 3, 3, 0, 1, 1 / 3],
    ['a2', 3, 2, 0, 1, 1 / 3],
    ['b1', 3, 1.7, -1.3, 3, 1],
    // "cannot assess" (bo) is left out, not counted as zero.
    ['b2', 2, 3.5, -0.5, 1, 1 / 2],
  ])('sums up %s: %i rated, average %s, gap %s, %i below (%s)', (id, rated, average, gap, below, share) => {
    const summary = matrix.summaries.find((entry) => entry.competenceId === id)!;
    expect(summary).toMatchObject({ ratedCount: rated, average, averageGap: gap, belowCount: below });
    expect(summary.shareBelow).toBeCloseTo(share);
  });

  it('ranks weakest by the mean distance to target, and never calls one competence both', () => {
    expect(matrix.weakest).toEqual(['b1', 'b2', 'a1']);
    expect(matrix.strongest).toEqual(['a2']);
  });
});

describe('strongestAndWeakest', () => {
  const summary = (competenceId: string, averageGap: number | null, shareBelow = 0): CompetenceSummary => ({
    competenceId,
    areaId: 'a',
    ratedCount: averageGap === null ? 0 : 5,
    average: null,
    averageTarget: null,
    averageGap,
    belowCount: 0,
    shareBelow,
  });
  it.each([
    {
      name: 'plain order',
      summaries: [summary('c1', 1), summary('c2', -1), summary('c3', 0), summary('c4', 2), summary('c5', -2)],
      strongest: ['c4', 'c1'],
      weakest: ['c5', 'c2', 'c3'],
    },
    {
      name: 'ties broken by the share below target, then the framework order',
      summaries: [
        summary('c1', -1, 0.2),
        summary('c2', -1, 0.6),
        summary('c3', -1, 0.2),
        summary('c4', 1),
        summary('c5', 1),
      ],
      strongest: ['c4', 'c5'],
      weakest: ['c2', 'c1', 'c3'],
    },
    {
      name: 'unrated competences left out',
      summaries: [summary('c1', null), summary('c2', 0)],
      strongest: [],
      weakest: ['c2'],
    },
  ])('$name', ({ summaries, strongest, weakest }) => {
    const ranked = strongestAndWeakest(summaries);
    expect(ranked.weakest).toEqual(weakest);
    expect(ranked.strongest).toEqual(strongest);
  });
});

describe('groupAggregate with the minimum group size', () => {
  const totals = (ratedCount: number) => [
    {
      competenceId: 'a1',
      ratedCount,
      levelSum: ratedCount * 2 + 1,
      targetSum: ratedCount * 3,
      belowCount: 2,
    },
  ];
  it.each([
    { people: 4, rated: 4, minimum: 5, shown: false },
    { people: 5, rated: 5, minimum: 5, shown: true },
    { people: 5, rated: 4, minimum: 5, shown: false },
    { people: 4, rated: 4, minimum: 3, shown: true },
    { people: 6, rated: 6, minimum: 8, shown: false },
  ])(
    '$people people, $rated rated, minimum $minimum → shown: $shown',
    ({ people, rated, minimum, shown }) => {
      const aggregate = groupAggregate(people, totals(rated), ['a1', 'b1'], minimum);
      const [a1, b1] = aggregate.competences;
      expect(aggregate.reportable).toBe(people >= minimum);
      expect(aggregate.peopleCount).toBe(people >= minimum ? people : 0);
      if (shown) {
        expect(a1).toEqual({
          competenceId: 'a1',
          ratedCount: rated,
          average: Math.round(((rated * 2 + 1) / rated) * 10) / 10,
          averageTarget: 3,
          shareBelow: 2 / rated,
        });
      } else {
        expect(a1).toEqual({
          competenceId: 'a1',
          ratedCount: null,
          average: null,
          averageTarget: null,
          shareBelow: null,
        });
      }
      // A competence nobody has a level in has no figures either way.
      expect(b1!.average).toBeNull();
    },
  );
});

describe('beforeAndAfter', () => {
  const person = (id: string, before: number | null | undefined, after: number | null | undefined) => ({
    personId: id,
    before: before === undefined ? undefined : { a1: before },
    after: after === undefined ? undefined : { a1: after },
  });
  it.each([
    {
      name: 'a group of 5 rated before and after',
      people: [person('1', 1, 2), person('2', 2, 3), person('3', 2, 2), person('4', 3, 3), person('5', 1, 3)],
      expected: { pairedCount: 5, before: 1.8, after: 2.6, change: 0.8 },
    },
    {
      name: 'a group of 4 is withheld',
      people: [person('1', 1, 2), person('2', 2, 3), person('3', 2, 2), person('4', 3, 3)],
      expected: { pairedCount: null, before: null, after: null, change: null },
    },
    {
      name: 'only people rated both times count (6 participants, 5 pairs)',
      people: [
        person('1', 1, 2),
        person('2', 2, 3),
        person('3', 2, 2),
        person('4', 3, 3),
        person('5', 2, 4),
        person('6', 1, undefined),
      ],
      expected: { pairedCount: 5, before: 2, after: 2.8, change: 0.8 },
    },
    {
      name: '"cannot assess" on one side breaks the pair',
      people: [
        person('1', 1, 2),
        person('2', 2, 3),
        person('3', 2, 2),
        person('4', 3, 3),
        person('5', null, 3),
      ],
      expected: { pairedCount: null, before: null, after: null, change: null },
    },
  ])('$name', ({ people, expected }) => {
    expect(beforeAndAfter(people, ['a1'], 5)).toEqual([{ competenceId: 'a1', ...expected }]);
  });
});
