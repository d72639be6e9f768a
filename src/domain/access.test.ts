import { describe, expect, it } from 'vitest';
import { canSeePerson, effectiveRoles, type Principal, subtreeUnitIds } from './access.ts';

const units = [
  { id: 'bs', parentId: null },
  { id: 'team-a', parentId: 'bs' },
  { id: 'team-b', parentId: 'bs' },
  { id: 'team-a-night', parentId: 'team-a' },
  { id: 'hr', parentId: null },
];

const principal = (overrides: Partial<Principal> = {}): Principal => ({
  userId: 'me',
  municipalityId: 'm1',
  roles: ['employee'],
  ledUnitIds: [],
  ...overrides,
});

describe('subtreeUnitIds', () => {
  it('reaches every unit below the roots', () => {
    expect([...subtreeUnitIds(units, ['team-a'])].sort()).toEqual(['team-a', 'team-a-night']);
    expect(subtreeUnitIds(units, ['bs']).size).toBe(4);
  });

  it('stops on a cycle instead of looping forever', () => {
    const cyclic = [
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ];
    expect([...subtreeUnitIds(cyclic, ['x'])].sort()).toEqual(['x', 'y']);
  });
});

describe('canSeePerson', () => {
  const colleague = { id: 'colleague', municipalityId: 'm1', unitId: 'team-a-night' };

  it('lets an employee see only themselves', () => {
    expect(canSeePerson(principal(), { id: 'me', municipalityId: 'm1', unitId: 'team-a' }, units)).toBe(true);
    expect(canSeePerson(principal(), colleague, units)).toBe(false);
  });

  it('lets a leader see people in the units below the led unit, not beside it', () => {
    expect(canSeePerson(principal({ ledUnitIds: ['team-a'] }), colleague, units)).toBe(true);
    expect(canSeePerson(principal({ ledUnitIds: ['team-b'] }), colleague, units)).toBe(false);
  });

  it('never crosses municipalities, not even for an administrator', () => {
    const admin = principal({ roles: ['admin'], municipalityId: 'm2' });
    expect(canSeePerson(admin, colleague, units)).toBe(false);
    expect(canSeePerson(principal({ roles: ['admin'] }), colleague, units)).toBe(true);
  });

  it('does not let HR see a person by role alone', () => {
    expect(canSeePerson(principal({ roles: ['employee', 'hr'] }), colleague, units)).toBe(false);
  });
});

describe('effectiveRoles', () => {
  it('adds leader only when the person leads a unit and keeps a fixed order', () => {
    expect(effectiveRoles(['admin', 'employee'], true)).toEqual(['employee', 'leader', 'admin']);
    expect(effectiveRoles(['employee', 'leader'], false)).toEqual(['employee']);
  });
});
