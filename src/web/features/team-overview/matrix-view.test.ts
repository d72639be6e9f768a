import { describe, expect, it } from 'vitest';
import { testFramework } from '../../../domain/test-framework.ts';
import type { TeamOverview } from '../../../server/contracts/team.ts';
import { exportHref, percentOf, sortRows, unitChoices, visibleAreas } from './matrix-view.ts';

const framework = testFramework(
  { a: ['a1', 'a2'], b: ['b1'] },
  { areaName: (id) => `Område ${id.toUpperCase()}`, competenceName: (id) => id.toUpperCase() },
);

const row = (
  name: string,
  levels: (number | null)[],
  below: number,
  round = true,
): TeamOverview['rows'][number] => ({
  person: { id: name, name },
  unitId: null,
  round: round ? { id: '00000000-0000-4000-8000-000000000001', name: 'R', deadline: '2026-04-30' } : null,
  cells: levels.map((leader, index) => ({
    competenceId: ['a1', 'a2', 'b1'][index]!,
    leader,
    target: 3,
    gap: leader === null ? null : leader - 3,
    band: 'at' as const,
  })),
  belowCount: below,
  totalGap: -below,
});
const summaries = ['a1', 'a2', 'b1'].map((competenceId) => ({
  competenceId,
  areaId: competenceId[0]!,
  ratedCount: 1,
  average: 2,
  averageTarget: 3,
  averageGap: -1,
  belowCount: 1,
  shareBelow: 1,
}));

describe('visibleAreas', () => {
  it.each([
    ['', ['A1', 'A2', 'B1'], [0, 1, 2]],
    ['b', ['B1'], [2]],
    ['unknown', [], []],
  ])('area "%s" shows %j', (areaId, names, indexes) => {
    const groups = visibleAreas({ summaries }, framework, areaId, 'da');
    expect(groups.flatMap((group) => group.columns.map((column) => column.name))).toEqual(names);
    expect(groups.flatMap((group) => group.columns.map((column) => column.index))).toEqual(indexes);
  });
});

describe('sortRows', () => {
  const rows = [
    row('Carl', [3, 2, 1], 2),
    row('Anna', [2, 4, 3], 1),
    row('Bo', [null, 3, 3], 0),
    row('Dan', [], 0, false),
  ];
  const index = new Map([
    ['a1', 0],
    ['a2', 1],
    ['b1', 2],
  ]);
  it.each([
    ['name', ['Anna', 'Bo', 'Carl', 'Dan']],
    ['below', ['Carl', 'Anna', 'Bo', 'Dan']],
    // Lowest first; "cannot assess" and unrated last.
    ['a1', ['Anna', 'Carl', 'Bo', 'Dan']],
    ['b1', ['Carl', 'Anna', 'Bo', 'Dan']],
  ])('by %s', (key, expected) => {
    expect(sortRows(rows, key, index).map((entry) => entry.person.name)).toEqual(expected);
  });
});

describe('unitChoices', () => {
  it('lists led units with every unit below them, in tree order, each once', () => {
    const units = [
      { id: 'bs', name: 'Borgerservice', parentId: null },
      { id: 'sk', name: 'Team Skranke', parentId: 'bs' },
      { id: 'di', name: 'Team Digital', parentId: 'bs' },
      { id: 'hr', name: 'HR', parentId: null },
    ];
    expect(
      unitChoices(
        [
          { id: 'sk', name: 'Team Skranke' },
          { id: 'bs', name: 'Borgerservice' },
        ],
        units,
      ),
    ).toEqual([
      { id: 'bs', name: 'Borgerservice', depth: 0 },
      { id: 'di', name: 'Team Digital', depth: 1 },
      { id: 'sk', name: 'Team Skranke', depth: 1 },
    ]);
  });
});

describe('percentOf and exportHref', () => {
  it('rounds shares to whole per cent', () => {
    expect([percentOf(0), percentOf(2 / 7), percentOf(1)]).toEqual([0, 29, 100]);
  });
  it('carries the reader’s choices into the export link', () => {
    expect(exportHref('u-1', 'csv', { withSelf: true, areaId: 'b', locale: 'en' })).toBe(
      '/api/units/u-1/team-overview/export?format=csv&lang=en&self=true&areaId=b',
    );
    expect(exportHref('u-1', 'xlsx', { withSelf: false, areaId: '', locale: 'da' })).toBe(
      '/api/units/u-1/team-overview/export?format=xlsx&lang=da',
    );
  });
});
