import { describe, expect, it } from 'vitest';
import { areaProfiles, competenceProfiles, divergenceOf, summarise, trends } from './profile.ts';
import { testFramework } from './test-framework.ts';

const framework = testFramework({ a: ['a1', 'a2'], b: ['b1', 'b2'] });
const targets = { a1: 3, a2: 2, b1: 3, b2: 4 };

describe('divergenceOf', () => {
  it.each([
    [4, 2, 'blind_spot'],
    [1, 3, 'hidden_strength'],
    [3, 2, null],
    [2, 3, null],
    [3, 3, null],
    [null, 4, null],
    [4, undefined, null],
  ] as const)('self %s and leader %s → %s', (self, leader, expected) => {
    expect(divergenceOf(self, leader)).toBe(expected);
  });
});

describe('competenceProfiles', () => {
  it.each([
    // self, leader, target → basis, gap, standing
    { self: 2, leader: 3, target: 3, basis: 3, gap: 0, standing: 'strength' },
    { self: 4, leader: 2, target: 3, basis: 2, gap: -1, standing: 'development' },
    { self: 2, leader: undefined, target: 3, basis: 2, gap: -1, standing: 'development' },
    { self: null, leader: undefined, target: 3, basis: null, gap: null, standing: 'unrated' },
    { self: 3, leader: null, target: 3, basis: 3, gap: 0, standing: 'strength' },
    { self: undefined, leader: 4, target: 2, basis: 4, gap: 2, standing: 'strength' },
  ] as const)('self $self, leader $leader, target $target → $standing ($gap)', (row) => {
    const [profile] = competenceProfiles({
      framework,
      targets: { a1: row.target },
      self: row.self === undefined ? {} : { a1: row.self },
      leader: row.leader === undefined ? {} : { a1: row.leader },
    });
    expect(profile).toMatchObject({
      competenceId: 'a1',
      areaId: 'a',
      basis: row.basis,
      gap: row.gap,
      standing: row.standing,
    });
  });
});

describe('summarise', () => {
  const profiles = competenceProfiles({
    framework,
    targets,
    self: { a1: 4, a2: 1, b1: 1, b2: 2 },
    leader: { a1: 2, a2: 3, b1: 2, b2: 1 },
  });
  const ids = (list: { competenceId: string }[]) => list.map((profile) => profile.competenceId);

  it('names strengths in framework order and development areas largest gap first', () => {
    const summary = summarise(profiles);
    expect(ids(summary.strengths)).toEqual(['a2']);
    // gaps: a1 2-3=-1, b1 2-3=-1, b2 1-4=-3
    expect(ids(summary.developmentAreas)).toEqual(['b2', 'a1', 'b1']);
  });

  it('keeps every blind spot and hidden strength as a conversation topic, widest first', () => {
    const topics = summarise(profiles).conversationTopics;
    expect(topics.map((profile) => [profile.competenceId, profile.divergence])).toEqual([
      ['a1', 'blind_spot'],
      ['a2', 'hidden_strength'],
    ]);
  });
});

describe('areaProfiles', () => {
  it('averages each layer over the competences that have a level, to one decimal', () => {
    const profiles = competenceProfiles({
      framework,
      targets,
      self: { a1: 3, a2: null, b1: 1, b2: 2 },
      leader: {},
    });
    expect(areaProfiles(framework, profiles)).toEqual([
      { areaId: 'a', self: 3, leader: null, target: 2.5 },
      { areaId: 'b', self: 1.5, leader: null, target: 3.5 },
    ]);
  });
});

describe('trends', () => {
  it('orders rounds by date and follows each competence by its basis rating', () => {
    const spring = competenceProfiles({ framework, targets, leader: { a1: 2 } });
    const autumn = competenceProfiles({ framework, targets, leader: { a1: 3 } });
    const result = trends([
      { roundId: 'autumn', date: '2026-10-01', profiles: autumn },
      { roundId: 'spring', date: '2026-04-01', profiles: spring },
    ]);
    expect(result.a1).toEqual([
      { roundId: 'spring', date: '2026-04-01', level: 2 },
      { roundId: 'autumn', date: '2026-10-01', level: 3 },
    ]);
    expect(result.b2?.map((point) => point.level)).toEqual([null, null]);
  });
});
