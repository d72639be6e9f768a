/** @module Positions, access, blind scoring, spread and disagreement, consolidation, gaps, links and retention, by table. */
import { describe, expect, it } from 'vitest';
import type { Principal } from './access.ts';
import {
  canCreatePositionIn,
  candidateStanding,
  canMovePosition,
  competenceSpreads,
  consolidationProblems,
  isDueForDeletion,
  linkState,
  type PositionStatus,
  positionAccess,
  positionStatuses,
  retentionDeadline,
  scoreVisibility,
} from './recruitment.ts';

const units = [
  { id: 'borgerservice', parentId: null },
  { id: 'skranke', parentId: 'borgerservice' },
  { id: 'digital', parentId: 'borgerservice' },
  { id: 'hr', parentId: null },
];
const person = (userId: string, roles: Principal['roles'], ledUnitIds: string[] = []): Principal => ({
  userId,
  municipalityId: 'm',
  roles,
  ledUnitIds,
});

describe('canMovePosition', () => {
  const allowed: [PositionStatus, PositionStatus][] = [
    ['draft', 'open'],
    ['draft', 'closed'],
    ['open', 'interviewing'],
    ['open', 'closed'],
    ['interviewing', 'decided'],
    ['interviewing', 'closed'],
    ['decided', 'closed'],
  ];
  it.each(allowed)('allows %s → %s', (from, to) => expect(canMovePosition(from, to)).toBe(true));
  it('allows nothing else: no skipping ahead, no going back, nothing after closing', () => {
    for (const from of positionStatuses) {
      for (const to of positionStatuses) {
        if (allowed.some(([a, b]) => a === from && b === to)) continue;
        expect(canMovePosition(from, to), `${from} → ${to}`).toBe(false);
      }
    }
  });
});

describe('positionAccess', () => {
  const position = { unitId: 'skranke', panelIds: ['birthe', 'jonas'] };
  it.each([
    {
      who: 'HR',
      principal: person('camilla', ['employee', 'hr']),
      expected: { canManage: true, onPanel: false, canErase: true },
    },
    {
      who: "the leader of the position's unit",
      principal: person('anne', ['employee', 'leader'], ['skranke']),
      expected: { canManage: true, onPanel: false, canErase: false },
    },
    {
      who: 'the leader of a unit above it',
      principal: person('lars', ['employee', 'leader'], ['borgerservice']),
      expected: { canManage: true, onPanel: false, canErase: false },
    },
    {
      who: 'a panel member who leads another unit',
      principal: person('jonas', ['employee', 'leader'], ['digital']),
      expected: { canManage: false, onPanel: true, canErase: false },
    },
    {
      who: 'an employee on the panel',
      principal: person('birthe', ['employee']),
      expected: { canManage: false, onPanel: true, canErase: false },
    },
    { who: 'an employee outside the panel', principal: person('mads', ['employee']), expected: null },
    {
      who: 'another leader outside the panel',
      principal: person('kim', ['employee', 'leader'], ['hr']),
      expected: null,
    },
    { who: 'an administrator', principal: person('mette', ['admin']), expected: null },
  ])('$who', ({ principal, expected }) => {
    expect(positionAccess(principal, position, units)).toEqual(expected);
  });

  it('lets HR create positions anywhere and leaders only in the units they lead', () => {
    expect(canCreatePositionIn(person('camilla', ['hr']), 'digital', units)).toBe(true);
    expect(canCreatePositionIn(person('anne', ['leader'], ['skranke']), 'skranke', units)).toBe(true);
    expect(canCreatePositionIn(person('anne', ['leader'], ['skranke']), 'digital', units)).toBe(false);
    expect(canCreatePositionIn(person('birthe', ['employee']), 'skranke', units)).toBe(false);
  });
});

describe('scoreVisibility', () => {
  const panelIds = ['anne', 'jonas', 'birthe'];
  it.each([
    {
      name: 'a member who has not submitted sees nothing, even when the others have',
      viewerId: 'anne',
      submitted: ['jonas', 'birthe'],
      expected: { allSubmitted: false, othersVisible: false, spreadVisible: false },
    },
    {
      name: 'a member who has submitted sees the others who have, but no spread yet',
      viewerId: 'anne',
      submitted: ['anne', 'jonas'],
      expected: { allSubmitted: false, othersVisible: true, spreadVisible: false },
    },
    {
      name: 'once all have submitted, every member sees the spread',
      viewerId: 'birthe',
      submitted: ['anne', 'jonas', 'birthe'],
      expected: { allSubmitted: true, othersVisible: true, spreadVisible: true },
    },
    {
      name: 'a manager outside the panel sees nothing while anyone is still scoring',
      viewerId: 'camilla',
      submitted: ['anne', 'jonas'],
      expected: { allSubmitted: false, othersVisible: false, spreadVisible: false },
    },
    {
      name: 'a manager outside the panel sees everything once all are in',
      viewerId: 'camilla',
      submitted: ['anne', 'jonas', 'birthe'],
      expected: { allSubmitted: true, othersVisible: true, spreadVisible: true },
    },
  ])('$name', ({ viewerId, submitted, expected }) => {
    expect(scoreVisibility({ viewerId, panelIds, submittedIds: new Set(submitted) })).toEqual(expected);
  });

  it('never counts an empty panel as having submitted', () => {
    expect(scoreVisibility({ viewerId: 'x', panelIds: [], submittedIds: new Set() }).allSubmitted).toBe(
      false,
    );
  });
});

describe('competenceSpreads', () => {
  const score = (ratings: Record<string, number>) => ({
    ratings: Object.fromEntries(Object.entries(ratings).map(([id, level]) => [id, { level }])),
  });
  it.each([
    {
      name: 'agreement within one level is no disagreement',
      scores: [score({ a: 2 }), score({ a: 3 }), score({ a: 3 })],
      expected: { levels: [2, 3, 3], min: 2, max: 3, range: 1, median: 3, disagreement: false },
    },
    {
      name: 'two levels apart is a disagreement',
      scores: [score({ a: 1 }), score({ a: 3 })],
      expected: { levels: [1, 3], min: 1, max: 3, range: 2, median: 1, disagreement: true },
    },
    {
      name: 'one outlier among agreeing members is still a disagreement',
      scores: [score({ a: 4 }), score({ a: 4 }), score({ a: 4 }), score({ a: 1 })],
      expected: { levels: [1, 4, 4, 4], min: 1, max: 4, range: 3, median: 4, disagreement: true },
    },
    {
      name: 'one score alone has no spread',
      scores: [score({ a: 3 })],
      expected: { levels: [3], min: 3, max: 3, range: 0, median: 3, disagreement: false },
    },
    {
      name: 'a competence nobody scored has no numbers',
      scores: [score({ b: 3 })],
      expected: { levels: [], min: null, max: null, range: null, median: null, disagreement: false },
    },
  ])('$name', ({ scores, expected }) => {
    expect(competenceSpreads(['a'], scores)).toEqual([{ competenceId: 'a', ...expected }]);
  });

  it('keeps the order of the competences asked for', () => {
    const spreads = competenceSpreads(['c', 'a', 'b'], [score({ a: 1, b: 2, c: 3 })]);
    expect(spreads.map((spread) => spread.competenceId)).toEqual(['c', 'a', 'b']);
  });
});

describe('consolidationProblems', () => {
  const spreads = competenceSpreads(
    ['agree', 'apart'],
    [
      { ratings: { agree: { level: 2 }, apart: { level: 1 } } },
      { ratings: { agree: { level: 3 }, apart: { level: 4 } } },
    ],
  );
  it.each<{ name: string; input: Record<string, { level: number; note: string }>; expected: object }>([
    {
      name: 'a level inside the range needs no note where the panel agreed',
      input: {
        agree: { level: 3, note: '' },
        apart: { level: 2, note: 'Eksemplet om klagen vejede tungt.' },
      },
      expected: {},
    },
    {
      name: 'a disagreement needs a note',
      input: { agree: { level: 2, note: '' }, apart: { level: 2, note: ' ' } },
      expected: { apart: 'consolidation_note_required' },
    },
    {
      name: 'a level outside what anyone scored needs a note',
      input: { agree: { level: 4, note: '' }, apart: { level: 2, note: 'Talt igennem.' } },
      expected: { agree: 'consolidation_note_required' },
    },
    {
      name: 'every focus competence needs a level',
      input: { agree: { level: 2, note: '' } },
      expected: { apart: 'consolidation_missing' },
    },
    {
      name: 'the level must be on the scale',
      input: { agree: { level: 5, note: 'x' }, apart: { level: 0, note: 'x' } },
      expected: { agree: 'level_off_scale', apart: 'level_off_scale' },
    },
  ])('$name', ({ input, expected }) => {
    expect(consolidationProblems(spreads, input, 4)).toEqual(expected);
  });
});

describe('candidateStanding', () => {
  const targets = { a: 3, b: 2, c: 3, d: 2, other: 4 };
  it.each<{ name: string; consolidated: Record<string, number>; expected: object }>([
    {
      name: 'above, on and below target',
      consolidated: { a: 4, b: 2, c: 1, d: 1 },
      expected: {
        gaps: { a: 1, b: 0, c: -2, d: -1 },
        belowTarget: 2,
        shortfall: 3,
        total: 8,
        complete: true,
      },
    },
    {
      name: 'every target met',
      consolidated: { a: 3, b: 3, c: 3, d: 2 },
      expected: { gaps: { a: 0, b: 1, c: 0, d: 0 }, belowTarget: 0, shortfall: 0, total: 11, complete: true },
    },
    {
      name: 'not yet agreed everywhere: no total to sort on',
      consolidated: { a: 2, b: 2 },
      expected: {
        gaps: { a: -1, b: 0, c: null, d: null },
        belowTarget: 1,
        shortfall: 1,
        total: null,
        complete: false,
      },
    },
  ])('$name', ({ consolidated, expected }) => {
    expect(candidateStanding(['a', 'b', 'c', 'd'], targets, consolidated)).toEqual(expected);
  });
});

describe('linkState', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  it.each([
    { name: 'no link', link: undefined, expected: 'none' },
    {
      name: 'valid',
      link: { expiresAt: new Date('2026-06-01T12:00:01Z'), usedAt: null },
      expected: 'active',
    },
    { name: 'expired at this very moment', link: { expiresAt: now, usedAt: null }, expected: 'expired' },
    {
      name: 'used, even if not expired',
      link: { expiresAt: new Date('2026-07-01T00:00:00Z'), usedAt: now },
      expected: 'used',
    },
    {
      name: 'used and expired',
      link: { expiresAt: new Date('2026-05-01T00:00:00Z'), usedAt: new Date('2026-04-20T00:00:00Z') },
      expected: 'used',
    },
  ])('$name', ({ link, expected }) => {
    expect(linkState(link, now)).toBe(expected);
  });
});

describe('retention', () => {
  it.each([
    ['2026-01-15T09:00:00Z', 6, '2026-07-15T09:00:00Z'],
    ['2026-08-31T23:30:00Z', 6, '2027-02-28T23:30:00Z'],
    ['2027-08-31T10:00:00Z', 6, '2028-02-29T10:00:00Z'],
    ['2026-12-31T10:00:00Z', 1, '2027-01-31T10:00:00Z'],
    ['2026-03-10T10:00:00Z', 24, '2028-03-10T10:00:00Z'],
  ])('closed %s, kept %i months: deleted from %s', (closed, months, deadline) => {
    expect(retentionDeadline(new Date(closed), months).toISOString()).toBe(new Date(deadline).toISOString());
  });

  it('is due at the deadline, not a moment before', () => {
    const closed = new Date('2026-01-15T09:00:00Z');
    expect(isDueForDeletion(closed, 6, new Date('2026-07-15T08:59:59Z'))).toBe(false);
    expect(isDueForDeletion(closed, 6, new Date('2026-07-15T09:00:00Z'))).toBe(true);
  });
});
