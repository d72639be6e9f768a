import { describe, expect, it } from 'vitest';
import { unitOptions } from './people-form.ts';

const units = [
  { id: 'skranke', name: 'Team Skranke', parentId: 'bs', active: true },
  { id: 'bs', name: 'Borgerservice', parentId: null, active: true },
  { id: 'aften', name: 'Team Aften', parentId: 'skranke', active: false },
  { id: 'digital', name: 'Team Digital', parentId: 'bs', active: true },
  { id: 'hr', name: 'HR og Løn', parentId: null, active: true },
  { id: 'orphan', name: 'Løsrevet', parentId: 'findes-ikke', active: true },
];
const indent = '\u2003';

describe('unitOptions', () => {
  it.each([
    [
      'every active unit in tree order, indented by depth',
      {},
      ['Borgerservice', `${indent}Team Digital`, `${indent}Team Skranke`, 'HR og Løn', 'Løsrevet'],
    ],
    [
      'an inactive unit when it is the current choice',
      { keepId: 'aften' },
      [
        'Borgerservice',
        `${indent}Team Digital`,
        `${indent}Team Skranke`,
        `${indent}${indent}Team Aften`,
        'HR og Løn',
        'Løsrevet',
      ],
    ],
    ['no unit of a branch, as parents for its root', { withoutBranchOf: 'bs' }, ['HR og Løn', 'Løsrevet']],
  ])('lists %s', (_case, options, labels) => {
    expect(unitOptions(units, options).map((option) => option.label)).toEqual(labels);
  });
});
