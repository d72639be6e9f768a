/** @module Who takes part in a new round, what is sent, and where the server's errors are shown. */
import { describe, expect, it } from 'vitest';
import {
  type Candidate,
  participantsOf,
  placeServerErrors,
  toRoundInput,
  unitsWithSubunits,
} from './round-form.ts';

const units = [
  { id: 'borgerservice', parentId: null },
  { id: 'skranke', parentId: 'borgerservice' },
  { id: 'digital', parentId: 'borgerservice' },
  { id: 'hr', parentId: null },
];
const person = (id: string, unit: string | null): Candidate => ({
  id,
  name: id,
  unit: unit ? { id: unit, name: unit } : null,
});
const people = [
  person('anne', 'borgerservice'),
  person('birthe', 'skranke'),
  person('henrik', 'digital'),
  person('camilla', 'hr'),
];

describe('participantsOf', () => {
  it('takes everyone in a chosen unit and the units below it, but never the one starting the round', () => {
    const chosen = participantsOf(people, units, new Set(['borgerservice']), new Set(), 'anne');
    expect(chosen.map((p) => p.id)).toEqual(['birthe', 'henrik']);
  });

  it('adds people chosen by name, once', () => {
    const chosen = participantsOf(
      people,
      units,
      new Set(['skranke']),
      new Set(['birthe', 'camilla']),
      'anne',
    );
    expect(chosen.map((p) => p.id)).toEqual(['birthe', 'camilla']);
  });

  it('finds sub-units however deep', () => {
    const deep = [...units, { id: 'nat', parentId: 'digital' }];
    expect([...unitsWithSubunits(deep, new Set(['borgerservice']))].sort()).toEqual(
      ['borgerservice', 'digital', 'nat', 'skranke'].sort(),
    );
  });
});

describe('toRoundInput', () => {
  it('sends a chosen role profile only for people who take part, and trims the name', () => {
    const input = toRoundInput(
      {
        name: '  Forår 2026 ',
        frameworkVersionId: 'v1',
        unitIds: new Set(['skranke']),
        userIds: new Set(),
        roleProfiles: { birthe: 'specialist', henrik: 'specialist', camilla: '' },
        deadline: '2026-05-12',
        hideLeaderUntilBoth: true,
      },
      [person('birthe', 'skranke')],
    );
    expect(input).toEqual({
      name: 'Forår 2026',
      frameworkVersionId: 'v1',
      unitIds: ['skranke'],
      userIds: [],
      roleProfiles: { birthe: 'specialist' },
      deadline: '2026-05-12',
      hideLeaderUntilBoth: true,
    });
  });
});

describe('placeServerErrors', () => {
  it('places field errors, role profiles per person, and anything unknown on the whole form', () => {
    expect(
      placeServerErrors({
        deadline: 'Fristen er overskredet.',
        'unitIds.0': 'Ikke din enhed.',
        'roleProfiles.birthe': 'Ukendt rolleprofil.',
        something: 'Andet.',
      }),
    ).toEqual([
      { field: 'deadline', message: 'Fristen er overskredet.' },
      { field: 'unitIds', message: 'Ikke din enhed.' },
      { field: 'roleProfiles', userId: 'birthe', message: 'Ukendt rolleprofil.' },
      { field: null, message: 'Andet.' },
    ]);
  });
});
