import { describe, expect, it } from 'vitest';
import {
  adminRuleProblem,
  changedFields,
  normalisedRoles,
  parentProblem,
  unitDeactivationProblem,
  unitDeletionProblem,
} from './people-admin.ts';

describe('adminRuleProblem', () => {
  const mette = { id: 'mette', roles: ['admin'], active: true };
  const ole = { id: 'ole', roles: ['employee', 'admin'], active: true };
  const formerAdmin = { id: 'former', roles: ['admin'], active: false };
  const birthe = { id: 'birthe', roles: ['employee'], active: true };

  it.each([
    [
      'deactivating oneself',
      [mette, ole],
      'mette',
      { userId: 'mette', roles: ['admin'], active: false },
      'self_deactivation',
    ],
    [
      'taking away one’s own admin role',
      [mette, ole],
      'mette',
      { userId: 'mette', roles: ['employee'], active: true },
      'self_admin_role',
    ],
    [
      'deactivating an admin while another active admin stays',
      [mette, ole, formerAdmin],
      'ole',
      { userId: 'mette', roles: ['admin'], active: false },
      null,
    ],
    [
      'deactivating the other admin, leaving oneself',
      [mette, ole],
      'mette',
      { userId: 'ole', roles: ['admin'], active: false },
      null,
    ],
    [
      'demoting the last active admin (the other is inactive)',
      [ole, formerAdmin, birthe],
      'birthe',
      { userId: 'ole', roles: ['employee'], active: true },
      'last_admin',
    ],
    [
      'deactivating the last active admin',
      [ole, formerAdmin, birthe],
      'birthe',
      { userId: 'ole', roles: ['employee', 'admin'], active: false },
      'last_admin',
    ],
    [
      'deactivating an employee',
      [mette, birthe],
      'mette',
      { userId: 'birthe', roles: ['employee'], active: false },
      null,
    ],
    [
      'granting the admin role',
      [mette, birthe],
      'mette',
      { userId: 'birthe', roles: ['employee', 'admin'], active: true },
      null,
    ],
    [
      'editing the last admin without touching the role',
      [mette, birthe],
      'mette',
      { userId: 'mette', roles: ['admin', 'hr'], active: true },
      null,
    ],
    [
      'reactivating a former admin',
      [mette, formerAdmin],
      'mette',
      { userId: 'former', roles: ['admin'], active: true },
      null,
    ],
  ] as const)('%s', (_case, people, actorId, change, expected) => {
    expect(adminRuleProblem(people, actorId, change)).toBe(expected);
  });
});

describe('unit rules', () => {
  const units = [
    { id: 'bs', parentId: null, active: true },
    { id: 'skranke', parentId: 'bs', active: true },
    { id: 'nat', parentId: 'skranke', active: false },
    { id: 'hr', parentId: null, active: true },
    { id: 'gammel', parentId: null, active: false },
  ];
  const members = [
    { unitId: 'skranke', active: true },
    { unitId: 'nat', active: false },
    { unitId: 'hr', active: false },
  ];

  it.each([
    ['has active people', 'skranke', 'unit_has_people'],
    ['has an active unit below it', 'bs', 'unit_has_subunits'],
    ['has only former people', 'hr', null],
    ['has only inactive units below it and former people', 'nat', null],
  ] as const)('deactivation when the unit %s', (_case, unitId, expected) => {
    expect(unitDeactivationProblem(unitId, units, members)).toBe(expected);
  });

  it.each([
    ['has had people', 'hr', 'unit_has_history'],
    ['has people and units below it', 'skranke', 'unit_has_history'],
    ['is empty and has nothing below it', 'gammel', null],
  ] as const)('deletion when the unit %s', (_case, unitId, expected) => {
    expect(unitDeletionProblem(unitId, units, members)).toBe(expected);
  });

  it('refuses to delete a unit with units below it but no people', () => {
    expect(unitDeletionProblem('bs', units, members)).toBe('unit_has_subunits');
  });

  it.each([
    ['no parent (top level)', 'skranke', null, null],
    ['a sibling', 'skranke', 'hr', null],
    ['an unknown unit', 'skranke', 'ukendt', 'unknown_unit'],
    ['the unit itself', 'skranke', 'skranke', 'unit_cycle'],
    ['a unit below it', 'bs', 'skranke', 'unit_cycle'],
    ['a unit two levels below it', 'bs', 'nat', 'unit_cycle'],
    ['an inactive unit', 'hr', 'gammel', 'unit_inactive'],
    ['an active unit, for a new unit', null, 'bs', null],
    ['an inactive unit, for a new unit', null, 'gammel', 'unit_inactive'],
  ] as const)('parent: %s', (_case, unitId, parentId, expected) => {
    expect(parentProblem(units, unitId, parentId)).toBe(expected);
  });
});

describe('normalisedRoles and changedFields', () => {
  it('keeps each granted role once, in a fixed order, and drops anything else', () => {
    expect(normalisedRoles(['admin', 'employee', 'leader', 'admin', 'hr'])).toEqual([
      'employee',
      'hr',
      'admin',
    ]);
  });

  it('names the fields whose values differ, comparing lists by content', () => {
    const before = { name: 'Birthe', title: null as string | null, roles: ['employee'], unitId: 'a' };
    expect(
      changedFields(before, { name: 'Birthe', title: 'Specialist', roles: ['employee'], unitId: 'b' }),
    ).toEqual(['title', 'unitId']);
    expect(changedFields(before, { roles: ['employee', 'hr'] })).toEqual(['roles']);
    expect(changedFields(before, {})).toEqual([]);
  });
});
