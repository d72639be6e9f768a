/** @module The group guide, team numbers, who takes part and which team goals a follow-up starts from, table by table. */
import { describe, expect, it } from 'vitest';
import type { CoachingBank, GrowPhase } from './coaching.ts';
import {
  groupConversationRole,
  groupGuide,
  mayFollowUpTeamItem,
  type TeamGoalForFollowUp,
  teamCounts,
  teamGoalsFor,
} from './group-conversations.ts';

const text = (value: string) => ({ da: value, en: value });
const competenceIds = ['a', 'b', 'c', 'd', 'e', 'f'];
const bank: CoachingBank = {
  competences: Object.fromEntries(
    competenceIds.map((id) => [
      id,
      (['goal', 'reality', 'options', 'way_forward'] as GrowPhase[]).map((phase) => ({
        id: `${id}-${phase}`,
        phase,
        text: text(`${id} ${phase}?`),
      })),
    ]),
  ),
  musThemes: [],
  strengthPrompts: [text('Hvad gør I?')],
  divergencePrompts: { blind_spot: [text('?')], hidden_strength: [text('?')] },
  openGoalPrompts: [text('Hvordan går det?')],
  groupThemes: [],
  teamStrengthPrompts: [text('Hvad gør I?')],
  teamGapPrompts: [text('Hvad ser I?')],
  teamGoalPrompts: [text('Hvor langt er vi?')],
};

/** One participant's profile from gaps per competence; `null` for a competence without a level. */
const participant = (gaps: Record<string, number | null>) =>
  Object.entries(gaps).map(([competenceId, gap]) => ({ competenceId, gap }));

const guideIds = (participantProfiles: ReturnType<typeof participant>[], openTeamGoals = []) =>
  groupGuide({ participantProfiles, competenceIds, openTeamGoals, bank }).map((item) => item.id);

const themesFirst = ['theme:looking_back', 'theme:tasks_collaboration', 'theme:wellbeing_motivation'];

describe('teamCounts', () => {
  it.each([
    {
      name: 'counts rated participants and those below target',
      profiles: [participant({ a: -1, b: 0 }), participant({ a: -2, b: 1 }), participant({ a: 0, b: 0 })],
      expected: [
        { competenceId: 'a', rated: 3, below: 2, atOrAbove: 1 },
        { competenceId: 'b', rated: 3, below: 0, atOrAbove: 3 },
      ],
    },
    {
      name: 'leaves out a competence fewer than three participants are rated in',
      profiles: [participant({ a: -1, b: null }), participant({ a: -1, b: -1 }), participant({ a: 0 })],
      expected: [{ competenceId: 'a', rated: 3, below: 2, atOrAbove: 1 }],
    },
    {
      name: 'gives no numbers for a group of two, whatever their profiles',
      profiles: [participant({ a: -1, b: -1 }), participant({ a: -1, b: -1 })],
      expected: [],
    },
  ])('$name', ({ profiles, expected }) => {
    expect(teamCounts(profiles, competenceIds)).toEqual(expected);
  });
});

describe('groupGuide', () => {
  it.each([
    {
      name: 'themes, shared strengths in framework order (at most two), then shared gaps, wishes last',
      profiles: [
        participant({ a: 0, b: 1, c: 0, d: -1, e: -1, f: -2 }),
        participant({ a: 0, b: 0, c: 1, d: -1, e: 0, f: -1 }),
        participant({ a: 1, b: 0, c: 0, d: 0, e: -1, f: -1 }),
      ],
      // d: 2 of 3 below, e: 2 of 3, f: 3 of 3 → f first; d before e in the framework's order.
      expected: [
        ...themesFirst,
        'team-strength:a',
        'team-strength:b',
        'team-gap:f',
        'team-gap:d',
        'team-gap:e',
        'theme:development_wishes',
      ],
    },
    {
      name: 'one person below target is their own matter, not a shared gap',
      profiles: [participant({ a: -2 }), participant({ a: 0 }), participant({ a: 0 })],
      expected: [...themesFirst, 'theme:development_wishes'],
    },
    {
      name: 'the larger share comes first, then the more people',
      profiles: [
        participant({ a: -1, b: -1, c: -1 }),
        participant({ a: -1, b: -1, c: -1 }),
        participant({ a: 0, b: -1, c: 0 }),
        participant({ a: 0, b: null, c: null }),
      ],
      // a: 2 of 4; b: 3 of 3; c: 2 of 3.
      expected: [...themesFirst, 'team-gap:b', 'team-gap:c', 'team-gap:a', 'theme:development_wishes'],
    },
    {
      name: 'a group of two gets the themes only: any number would point at the other one',
      profiles: [participant({ a: -1, b: -1 }), participant({ a: -1, b: -1 })],
      expected: [...themesFirst, 'theme:development_wishes'],
    },
    {
      name: 'at most four shared gaps',
      profiles: [0, 1, 2].map(() => participant({ a: -1, b: -1, c: -1, d: -1, e: -1, f: -1 })),
      expected: [
        ...themesFirst,
        'team-gap:a',
        'team-gap:b',
        'team-gap:c',
        'team-gap:d',
        'theme:development_wishes',
      ],
    },
  ])('$name', ({ profiles, expected }) => {
    expect(guideIds(profiles)).toEqual(expected);
  });

  it('follows up open team goals right after the themes, and gives shared gaps GROW questions and counts only', () => {
    const items = groupGuide({
      participantProfiles: [0, 1, 2].map(() => participant({ a: -1 })),
      competenceIds,
      openTeamGoals: [{ id: 'g1', competenceIds: ['b'] }],
      bank,
    });
    expect(items.map((item) => item.id)).toEqual([
      ...themesFirst,
      'goal:g1',
      'team-gap:a',
      'theme:development_wishes',
    ]);
    expect(items.find((item) => item.id === 'team-gap:a')).toEqual({
      id: 'team-gap:a',
      kind: 'team_gap',
      competenceId: 'a',
      theme: null,
      goalId: null,
      divergence: null,
      gap: null,
      team: { below: 3, rated: 3 },
      questionIds: ['a-goal', 'a-reality', 'a-options', 'a-way_forward'],
    });
  });
});

describe('groupConversationRole', () => {
  const units = [
    { id: 'root', parentId: null },
    { id: 'team', parentId: 'root' },
    { id: 'other', parentId: 'root' },
  ];
  const principal = (userId: string, ledUnitIds: string[] = []) => ({
    userId,
    municipalityId: 'm',
    roles: ['employee' as const],
    ledUnitIds,
  });
  const group = { unitId: 'team', participantIds: ['p1', 'p2'] };

  it.each([
    { who: 'the team leader', caller: principal('l', ['team']), expected: 'leader' },
    { who: 'the chief above', caller: principal('c', ['root']), expected: 'leader' },
    { who: 'a participant', caller: principal('p1'), expected: 'participant' },
    { who: 'a colleague who was not there', caller: principal('x'), expected: null },
    { who: 'a leader of another team', caller: principal('o', ['other']), expected: null },
  ])('$who → $expected', ({ caller, expected }) => {
    expect(groupConversationRole(caller, group, units)).toBe(expected);
  });
});

describe('teamGoalsFor', () => {
  const goal = (
    id: string,
    competenceIds: string[],
    actionOwnerIds: string[],
    status: TeamGoalForFollowUp['status'] = 'in_progress',
  ): TeamGoalForFollowUp => ({ id, competenceIds, actionOwnerIds, status });

  it.each([
    {
      name: 'goals with an action the employee owns come first, then goals about their gaps',
      goals: [goal('g1', ['a'], []), goal('g2', ['b'], ['e1']), goal('g3', ['c'], ['e2'])],
      gaps: ['a'],
      expected: ['g2', 'g1'],
    },
    {
      name: 'done and dropped goals are not followed up',
      goals: [goal('g1', ['a'], ['e1'], 'done'), goal('g2', ['a'], [], 'dropped')],
      gaps: ['a'],
      expected: [],
    },
    {
      name: 'a goal that concerns neither the employee’s actions nor gaps is left to the team',
      goals: [goal('g1', ['b'], ['e2'])],
      gaps: ['a'],
      expected: [],
    },
  ])('$name', ({ goals, gaps, expected }) => {
    expect(teamGoalsFor('e1', goals, new Set(gaps)).map((entry) => entry.id)).toEqual(expected);
  });
});

describe('mayFollowUpTeamItem', () => {
  it.each([
    { role: 'leader' as const, action: undefined, expected: true },
    { role: 'participant' as const, action: undefined, expected: false },
    { role: 'participant' as const, action: { ownerId: 'me' }, expected: true },
    { role: 'participant' as const, action: { ownerId: 'someone else' }, expected: false },
  ])('$role, action owned by $action.ownerId → $expected', ({ role, action, expected }) => {
    expect(mayFollowUpTeamItem(role, 'me', action)).toBe(expected);
  });
});
