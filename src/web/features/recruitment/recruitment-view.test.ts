/** @module The recruitment pages' pure helpers: next steps, the guide draft, sorting, the radar overlay, score gaps. */
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../server/contracts/recruitment.ts';
import {
  type ComparisonRow,
  candidateLooks,
  comparisonRadar,
  competencesWithoutQuestion,
  nextStatuses,
  ownQuestion,
  scoreGaps,
  sortComparison,
  toGuideInput,
  tokenFromHash,
} from './recruitment-view.ts';

const row = (
  name: string,
  levels: Record<string, number | null>,
  total: number | null,
  extra: Partial<ComparisonRow> = {},
): ComparisonRow => ({
  id: name.toLowerCase(),
  name,
  levels,
  gaps: {},
  belowTarget: 0,
  shortfall: 0,
  total,
  complete: total !== null,
  chosen: false,
  ...extra,
});

describe('nextStatuses', () => {
  it.each([
    ['draft', ['open', 'closed']],
    ['open', ['interviewing', 'closed']],
    ['interviewing', ['closed']],
    ['decided', ['closed']],
    ['closed', []],
  ] as const)('offers %s → %j', (status, expected) => {
    expect(nextStatuses(status)).toEqual(expected);
  });
});

describe('the guide draft', () => {
  it('keeps a bank question by id and an own question with its words and up to four probes', () => {
    const own = ownQuestion(
      'x1',
      'medbetjening',
      '  Hvad gør du, når køen vokser?  ',
      'Hvad skete der?\n\nHvad gjorde du?\na\nb\nc',
    );
    expect(own).toEqual({
      id: 'own:x1',
      competenceId: 'medbetjening',
      questionId: null,
      own: true,
      text: 'Hvad gør du, når køen vokser?',
      probes: ['Hvad skete der?', 'Hvad gjorde du?', 'a', 'b'],
    });
    expect(toGuideInput(own)).toEqual({
      id: 'own:x1',
      competenceId: 'medbetjening',
      questionId: null,
      text: own.text,
      probes: own.probes,
    });
    const bank = {
      id: 'q:a-1',
      competenceId: 'a',
      questionId: 'a-1',
      own: false,
      text: 'Fortæl…',
      probes: ['p'],
    };
    expect(toGuideInput(bank)).toEqual({
      id: 'q:a-1',
      competenceId: 'a',
      questionId: 'a-1',
      text: null,
      probes: [],
    });
  });

  it('names the focus competences left without a question', () => {
    expect(
      competencesWithoutQuestion([{ competenceId: 'a' }, { competenceId: null }], ['a', 'b', 'c']),
    ).toEqual(['b', 'c']);
  });
});

describe('sortComparison', () => {
  const rows = [
    row('Bo', { x: 2 }, 10),
    row('Ane', { x: 4 }, 12),
    row('Carl', { x: null }, null),
    row('Dan', { x: 2 }, 10),
  ];
  it.each([
    [{ key: 'total', direction: 'descending' }, ['Ane', 'Bo', 'Dan', 'Carl']],
    [{ key: 'total', direction: 'ascending' }, ['Bo', 'Dan', 'Ane', 'Carl']],
    [{ key: 'name', direction: 'ascending' }, ['Ane', 'Bo', 'Carl', 'Dan']],
    [{ key: 'name', direction: 'descending' }, ['Dan', 'Carl', 'Bo', 'Ane']],
    [{ key: 'level:x', direction: 'descending' }, ['Ane', 'Bo', 'Dan', 'Carl']],
  ] as const)('sorts by %j: not yet consolidated last, ties by name', (order, expected) => {
    expect(sortComparison(rows, order).map((entry) => entry.name)).toEqual(expected);
  });
});

describe('comparisonRadar', () => {
  const comparison: Pick<Comparison, 'competences' | 'candidates' | 'scaleMax'> = {
    scaleMax: 4,
    competences: [
      { id: 'a', name: 'A', target: 3 },
      { id: 'b', name: 'B', target: 2 },
      { id: 'c', name: 'C', target: null },
    ],
    candidates: ['Ane', 'Bo', 'Carl', 'Dan', 'Eva'].map((name, index) =>
      row(name, { a: (index % 4) + 1, b: null, c: 2 }, 5),
    ),
  };
  it('overlays at most four chosen candidates on the target, each with its own line and marker', () => {
    const radar = comparisonRadar(comparison, ['eva', 'ane', 'bo', 'carl', 'dan']);
    expect(radar.data.series.map((series) => series.layer)).toEqual(['ane', 'bo', 'carl', 'dan', 'target']);
    expect(radar.data.series[0]!.values).toEqual([1, null, 2]);
    expect(radar.data.series.at(-1)!.values).toEqual([3, 2, null]);
    expect(radar.labels).toEqual({ ane: 'Ane', bo: 'Bo', carl: 'Carl', dan: 'Dan' });
    const looks = ['ane', 'bo', 'carl', 'dan', 'target'].map((id) => radar.looks[id]!);
    expect(new Set(looks.map((look) => JSON.stringify(look.dash))).size).toBe(5);
    expect(new Set(looks.map((look) => look.marker)).size).toBe(5);
  });

  it('uses colours with at least 3:1 contrast to white', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((at) => {
        const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
        return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const look of candidateLooks)
      expect(1.05 / (luminance(look.color) + 0.05)).toBeGreaterThanOrEqual(3);
  });
});

describe('scoreGaps', () => {
  it('asks for a level first, then a justification, per focus competence in order', () => {
    expect(
      scoreGaps(['a', 'b', 'c', 'd'], {
        a: { level: 3, justification: 'Eksempel.' },
        b: { level: null, justification: 'x' },
        c: { level: 2, justification: '  ' },
      }),
    ).toEqual([
      { competenceId: 'b', missing: 'level' },
      { competenceId: 'c', missing: 'justification' },
      { competenceId: 'd', missing: 'level' },
    ]);
  });
});

describe('tokenFromHash', () => {
  it.each([
    ['#abcdefghijklmnopqrstuvwxyz_-0123456789AB', 'abcdefghijklmnopqrstuvwxyz_-0123456789AB'],
    ['', null],
    ['#short', null],
    ['#<script>alert(1)</script>aaaaaaaaaaaaaa', null],
  ])('%s → %s', (hash, expected) => {
    expect(tokenFromHash(hash)).toBe(expected);
  });
});
