import { describe, expect, it } from 'vitest';
import {
  canCancelPairing,
  type DevelopmentNeed,
  developmentNeeds,
  isPairingOverdue,
  type LeaderRatedStrength,
  leaderRatedStrengths,
  type OpenPairing,
  suggestHelpers,
} from './pairings.ts';

describe('developmentNeeds and leaderRatedStrengths', () => {
  const profile = [
    { competenceId: 'a', self: 4, leader: 3, target: 3, gap: 0, standing: 'strength' as const },
    { competenceId: 'b', self: 4, leader: undefined, target: 2, gap: 2, standing: 'strength' as const },
    { competenceId: 'c', self: 2, leader: 1, target: 3, gap: -2, standing: 'development' as const },
    { competenceId: 'd', self: 1, leader: 4, target: 2, gap: 2, standing: 'strength' as const },
    { competenceId: 'e', self: null, leader: null, target: 2, gap: null, standing: 'unrated' as const },
  ];

  it('takes the competences below target as needs', () => {
    expect(developmentNeeds('p', profile)).toEqual([{ learnerId: 'p', competenceId: 'c', gap: -2 }]);
  });

  it('takes a strength only from the leader’s rating, never from the person’s own', () => {
    expect(leaderRatedStrengths('p', profile)).toEqual([
      { personId: 'p', competenceId: 'a', margin: 0 },
      { personId: 'p', competenceId: 'd', margin: 2 },
    ]);
  });
});

const need = (learnerId: string, competenceId: string, gap = -1): DevelopmentNeed => ({
  learnerId,
  competenceId,
  gap,
});
const strong = (personId: string, competenceId: string, margin = 0): LeaderRatedStrength => ({
  personId,
  competenceId,
  margin,
});
const people = ['anna', 'bo', 'carl', 'dina', 'emil', 'frida'];
const competences = ['x', 'y', 'z'];
const suggest = (
  needs: DevelopmentNeed[],
  strengths: LeaderRatedStrength[],
  options: { openPairings?: OpenPairing[]; perNeed?: number } = {},
) =>
  suggestHelpers({
    needs,
    strengths,
    openPairings: options.openPairings ?? [],
    personOrder: people,
    competenceOrder: competences,
    perNeed: options.perNeed ?? 1,
  });
const helpersOf = (suggestions: ReturnType<typeof suggest>) =>
  Object.fromEntries(
    suggestions.map((entry) => [
      `${entry.learnerId}:${entry.competenceId}`,
      entry.helpers.map((helper) => helper.personId),
    ]),
  );

describe('suggestHelpers: fairness across helpers', () => {
  it.each([
    {
      name: 'one strong colleague is not suggested to everyone when another is strong too',
      needs: [need('carl', 'x'), need('dina', 'x'), need('emil', 'x'), need('frida', 'x')],
      strengths: [strong('anna', 'x', 2), strong('bo', 'x', 0)],
      expected: { 'carl:x': ['anna'], 'dina:x': ['bo'], 'emil:x': ['anna'], 'frida:x': ['bo'] },
    },
    {
      name: 'a colleague strong in everything helps once, then the others take their turn',
      needs: [need('dina', 'x'), need('emil', 'y'), need('frida', 'z')],
      strengths: [
        strong('anna', 'x', 2),
        strong('anna', 'y', 2),
        strong('anna', 'z', 2),
        strong('bo', 'y'),
        strong('carl', 'z'),
      ],
      expected: { 'dina:x': ['anna'], 'emil:y': ['bo'], 'frida:z': ['carl'] },
    },
    {
      name: 'the largest gap chooses first',
      needs: [need('dina', 'x', -1), need('emil', 'x', -2)],
      strengths: [strong('anna', 'x', 1), strong('bo', 'x', 0)],
      expected: { 'emil:x': ['anna'], 'dina:x': ['bo'] },
    },
    {
      name: 'with equal load the stronger colleague comes first, then the order of people',
      needs: [need('dina', 'x'), need('emil', 'x')],
      strengths: [strong('carl', 'x', 0), strong('bo', 'x', 0)],
      expected: { 'dina:x': ['bo'], 'emil:x': ['carl'] },
    },
    {
      name: 'nobody is suggested to themselves',
      needs: [need('anna', 'x')],
      strengths: [strong('anna', 'x', 2)],
      expected: { 'anna:x': [] },
    },
    {
      name: 'without a leader-rated strength there is no suggestion',
      needs: [need('dina', 'y')],
      strengths: [strong('anna', 'x', 2)],
      expected: { 'dina:y': [] },
    },
  ])('$name', ({ needs, strengths, expected }) => {
    expect(helpersOf(suggest(needs, strengths))).toEqual(expected);
  });

  it('counts open pairings as load, so a busy helper is suggested last', () => {
    const suggestions = suggest(
      [need('dina', 'x'), need('emil', 'x')],
      [strong('anna', 'x', 2), strong('bo', 'x', 0)],
      {
        openPairings: [
          { learnerId: 'carl', helperId: 'anna', competenceId: 'y' },
          { learnerId: 'frida', helperId: 'anna', competenceId: 'z' },
        ],
      },
    );
    expect(helpersOf(suggestions)).toEqual({ 'dina:x': ['bo'], 'emil:x': ['bo'] });
    expect(suggestions.map((entry) => entry.helpers[0]!.load)).toEqual([0, 1]);
  });

  it('suggests nobody new for a need an open pairing already covers', () => {
    const [suggestion] = suggest([need('dina', 'x')], [strong('anna', 'x'), strong('bo', 'x')], {
      openPairings: [{ learnerId: 'dina', helperId: 'bo', competenceId: 'x' }],
    });
    expect(suggestion).toMatchObject({ pairedWith: ['bo'], helpers: [] });
  });

  it('spreads the load evenly over many needs: no helper gets more than one suggestion above another', () => {
    const learners = ['carl', 'dina', 'emil', 'frida'];
    const needs = learners.flatMap((learner) => competences.map((competence) => need(learner, competence)));
    const strengths = ['anna', 'bo'].flatMap((helper) =>
      competences.map((competence) => strong(helper, competence, helper === 'anna' ? 2 : 0)),
    );
    const suggestions = suggest(needs, strengths, { perNeed: 1 });
    const given = new Map<string, number>();
    for (const entry of suggestions) {
      for (const helper of entry.helpers) given.set(helper.personId, (given.get(helper.personId) ?? 0) + 1);
    }
    expect(Object.fromEntries(given)).toEqual({ anna: 6, bo: 6 });
  });

  it('suggests two per need when asked, the less loaded first, and gives the same answer every time', () => {
    const input = [need('dina', 'x'), need('emil', 'x')];
    const strengths = [strong('anna', 'x', 2), strong('bo', 'x', 1), strong('carl', 'x', 0)];
    const first = suggest(input, strengths, { perNeed: 2 });
    expect(helpersOf(first)).toEqual({ 'dina:x': ['anna', 'bo'], 'emil:x': ['carl', 'anna'] });
    expect(suggest([...input].reverse(), [...strengths].reverse(), { perNeed: 2 })).toEqual(first);
  });
});

describe('pairing rules', () => {
  it.each([
    ['leader', 'open', true],
    ['learner', 'open', false],
    ['helper', 'open', false],
    ['leader', 'done', false],
    ['leader', 'cancelled', false],
  ] as const)('a %s may cancel an %s pairing: %s', (role, status, expected) => {
    expect(canCancelPairing(role, status)).toBe(expected);
  });

  it.each([
    [{ status: 'open', dueDate: '2026-05-01' }, '2026-05-02', true],
    [{ status: 'open', dueDate: '2026-05-01' }, '2026-05-01', false],
    [{ status: 'done', dueDate: '2026-05-01' }, '2026-06-01', false],
    [{ status: 'open', dueDate: null }, '2026-06-01', false],
  ] as const)('%o on %s is overdue: %s', (pairing, today, expected) => {
    expect(isPairingOverdue(pairing, today)).toBe(expected);
  });
});
