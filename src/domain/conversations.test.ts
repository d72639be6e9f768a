/** @module Guide generation, signing and overdue rules for conversations, table by table. */
import { describe, expect, it } from 'vitest';
import type { CoachingBank, CoachingQuestion, GrowPhase } from './coaching.ts';
import {
  conversationGuide,
  conversationRole,
  type GuideInput,
  growQuestionIds,
  isFullySigned,
  isPlanItemOverdue,
  stageOfConversation,
} from './conversations.ts';
import type { CompetenceProfile } from './profile.ts';

const text = (value: string) => ({ da: value, en: value });
const question = (competenceId: string, phase: GrowPhase, n = 1): CoachingQuestion => ({
  id: `${competenceId}-${phase}-${n}`,
  phase,
  text: text(`${competenceId} ${phase} ${n}?`),
});
const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const bank: CoachingBank = {
  competences: Object.fromEntries(
    ids.map((id) => [
      id,
      [
        question(id, 'goal'),
        question(id, 'goal', 2),
        question(id, 'reality'),
        question(id, 'options'),
        question(id, 'way_forward'),
      ],
    ]),
  ),
  musThemes: [],
  strengthPrompts: [text('Hvad gør du?')],
  divergencePrompts: { blind_spot: [text('Fortæl?')], hidden_strength: [text('Fortæl mere?')] },
  openGoalPrompts: [text('Hvordan går det?')],
  groupThemes: [],
  teamStrengthPrompts: [text('Hvad gør I?')],
  teamGapPrompts: [text('Hvad ser I?')],
  teamGoalPrompts: [text('Hvor langt er vi?')],
};

/** A profile row: leader level `leader`, self `self`, target 3. */
function rated(competenceId: string, leader: number, self = leader, target = 3): CompetenceProfile {
  const gap = leader - target;
  const spread = self - leader;
  return {
    competenceId,
    areaId: 'x',
    target,
    self,
    leader,
    basis: leader,
    gap,
    standing: gap >= 0 ? 'strength' : 'development',
    divergence: spread > 1 ? 'blind_spot' : spread < -1 ? 'hidden_strength' : null,
  };
}

const guide = (input: Partial<GuideInput>) =>
  conversationGuide({
    kind: 'profiling',
    profiles: [],
    chosenCompetenceIds: [],
    openGoals: [],
    bank,
    ...input,
  }).map((item) => item.id);

describe('conversationGuide', () => {
  it.each([
    {
      name: 'strengths furthest above target first, at most three; gaps largest first, at most three',
      profiles: [
        rated('a', 4),
        rated('b', 3),
        rated('c', 4, 4, 2),
        rated('d', 1),
        rated('e', 2),
        rated('f', 1, 1, 4),
        rated('g', 2),
        rated('h', 3),
      ],
      expected: ['strength:c', 'strength:a', 'strength:b', 'gap:f', 'gap:d', 'gap:e'],
    },
    {
      name: 'every blind spot and hidden strength, widest first, each competence once',
      profiles: [rated('a', 1, 4), rated('b', 4, 1), rated('c', 2, 4), rated('d', 3)],
      // a: leader 1 → gap −2 and a blind spot of 3 levels; it is listed once, as a divergence. b is above target
      // but a hidden strength: it is discussed, not only acknowledged.
      expected: ['strength:d', 'divergence:a', 'divergence:b', 'divergence:c'],
    },
    {
      name: 'no profile: only what was chosen',
      profiles: [],
      chosen: ['b', 'a'],
      expected: ['chosen:b', 'chosen:a'],
    },
    {
      name: 'chosen competences already on the agenda are not repeated; unknown ones are ignored',
      profiles: [rated('a', 2), rated('b', 3)],
      chosen: ['a', 'b', 'zz', 'a'],
      expected: ['strength:b', 'gap:a'],
    },
  ])('$name', ({ profiles, chosen, expected }) => {
    expect(guide({ profiles, chosenCompetenceIds: chosen ?? [] })).toEqual(expected);
  });

  it('a MUS opens with three preparation themes and ends with the development wishes', () => {
    expect(guide({ kind: 'mus', profiles: [rated('a', 2)] })).toEqual([
      'theme:looking_back',
      'theme:tasks_collaboration',
      'theme:wellbeing_motivation',
      'gap:a',
      'theme:development_wishes',
    ]);
  });

  it('open goals come before the profile, oldest first, so a follow-up starts from them', () => {
    expect(
      guide({
        kind: 'follow_up',
        profiles: [rated('a', 2)],
        openGoals: [
          { id: 'g1', competenceIds: ['a'] },
          { id: 'g2', competenceIds: [] },
        ],
      }),
    ).toEqual(['goal:g1', 'goal:g2', 'gap:a']);
  });

  it('a follow-up of a group conversation starts with the team goals, before the employee’s own', () => {
    expect(
      guide({
        kind: 'follow_up',
        profiles: [rated('a', 2)],
        teamGoals: [{ id: 't1', competenceIds: ['a'] }],
        openGoals: [{ id: 'g1', competenceIds: ['b'] }],
      }),
    ).toEqual(['team-goal:t1', 'goal:g1', 'gap:a']);
  });

  it('gives one GROW question per phase to items to develop, none to strengths', () => {
    const items = conversationGuide({
      kind: 'profiling',
      profiles: [rated('a', 4), rated('b', 1)],
      chosenCompetenceIds: [],
      openGoals: [],
      bank,
    });
    expect(items.find((item) => item.id === 'strength:a')?.questionIds).toEqual([]);
    expect(items.find((item) => item.id === 'gap:b')).toMatchObject({
      gap: -2,
      questionIds: ['b-goal-1', 'b-reality-1', 'b-options-1', 'b-way_forward-1'],
    });
  });

  it('growQuestionIds skips a phase the bank lacks instead of inventing a question', () => {
    const partial: CoachingBank = { ...bank, competences: { a: [question('a', 'reality')] } };
    expect(growQuestionIds(partial, 'a')).toEqual(['a-reality-1']);
    expect(growQuestionIds(partial, 'missing')).toEqual([]);
  });

  it("builds a guide for a municipality's own competences, which have no questions in the bank yet", () => {
    // "constructor" is a valid competence id, and a name every JavaScript object answers to.
    const items = conversationGuide({
      kind: 'profiling',
      profiles: [rated('egen-kompetence', 1), rated('constructor', 1, 4), rated('a', 1)],
      chosenCompetenceIds: [],
      openGoals: [],
      bank,
    });
    expect(items.map((item) => [item.id, item.questionIds.length])).toEqual([
      ['divergence:constructor', 0],
      ['gap:egen-kompetence', 0],
      ['gap:a', 4],
    ]);
  });
});

describe('conversationRole', () => {
  const units = [
    { id: 'root', parentId: null },
    { id: 'team', parentId: 'root' },
    { id: 'other', parentId: 'root' },
  ];
  const principal = (
    userId: string,
    ledUnitIds: string[],
    roles: ('employee' | 'admin')[] = ['employee'],
  ) => ({
    userId,
    municipalityId: 'm',
    roles,
    ledUnitIds,
  });
  const employee = { id: 'e', unitId: 'team' };

  it.each([
    { who: 'the employee', caller: principal('e', []), expected: 'employee' },
    { who: 'the team leader', caller: principal('l', ['team']), expected: 'leader' },
    { who: 'the chief above', caller: principal('c', ['root']), expected: 'leader' },
    { who: 'a leader of another team', caller: principal('o', ['other']), expected: null },
    { who: 'a colleague', caller: principal('x', []), expected: null },
    { who: 'an administrator who leads nothing', caller: principal('a', [], ['admin']), expected: null },
  ])('$who → $expected', ({ caller, expected }) => {
    expect(conversationRole(caller, employee, units)).toBe(expected);
  });

  it('follows the unit as it is now: after a move the new leader has the role and the old one not', () => {
    const moved = { id: 'e', unitId: 'other' };
    expect(conversationRole(principal('l', ['team']), moved, units)).toBeNull();
    expect(conversationRole(principal('o', ['other']), moved, units)).toBe('leader');
  });
});

describe('signing and follow-up', () => {
  it.each([
    { signatures: [], expected: false },
    { signatures: [{ role: 'employee' as const, contentVersion: 3 }], expected: false },
    {
      signatures: [
        { role: 'employee' as const, contentVersion: 2 },
        { role: 'leader' as const, contentVersion: 3 },
      ],
      expected: false,
    },
    {
      signatures: [
        { role: 'employee' as const, contentVersion: 3 },
        { role: 'leader' as const, contentVersion: 3 },
      ],
      expected: true,
    },
  ])('signed by $signatures.length, current version 3 → $expected', ({ signatures, expected }) => {
    expect(isFullySigned(signatures, 3)).toBe(expected);
  });

  it.each([
    { status: 'not_started' as const, dueDate: '2026-12-01', expected: true },
    { status: 'in_progress' as const, dueDate: '2026-12-01', expected: true },
    { status: 'in_progress' as const, dueDate: '2026-12-02', expected: false },
    { status: 'done' as const, dueDate: '2026-01-01', expected: false },
    { status: 'dropped' as const, dueDate: '2026-01-01', expected: false },
  ])('$status due $dueDate is overdue on 2026-12-02: $expected', ({ status, dueDate, expected }) => {
    expect(isPlanItemOverdue({ status, dueDate }, '2026-12-02')).toBe(expected);
  });

  it('stage follows held and signed', () => {
    const at = new Date();
    expect(stageOfConversation({ heldAt: null, signedAt: null })).toBe('scheduled');
    expect(stageOfConversation({ heldAt: at, signedAt: null })).toBe('held');
    expect(stageOfConversation({ heldAt: at, signedAt: at })).toBe('signed');
  });
});
