import { describe, expect, it } from 'vitest';
import { hasRole, isLeader } from './access.ts';
import { type ApiTokenScope, lastUseIsStale, looksLikeApiToken, tokenPrincipal } from './api-tokens.ts';

describe('looksLikeApiToken', () => {
  it.each([
    [`vvt_${'A'.repeat(43)}`, true],
    [`vvt_${'a1_-'.repeat(10)}xyz`, true],
    [`vvt_${'A'.repeat(42)}`, false],
    [`vvt_${'A'.repeat(44)}`, false],
    [`vvx_${'A'.repeat(43)}`, false],
    [`vvt_${'A'.repeat(42)}=`, false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(looksLikeApiToken(value)).toBe(expected);
  });
});

describe('tokenPrincipal', () => {
  const token = (scope: ApiTokenScope) => ({ id: 'token-1', municipalityId: 'm-1', scope });
  it.each([
    ['admin', true, false],
    ['organisation', true, true],
    ['aggregates', false, true],
  ] as const)('%s: administrator %s, leads every unit %s', (scope, admin, leadsAll) => {
    const principal = tokenPrincipal(token(scope), ['root-a', 'root-b']);
    expect(hasRole(principal, 'admin')).toBe(admin);
    expect(isLeader(principal)).toBe(leadsAll);
    expect(principal.ledUnitIds).toEqual(leadsAll ? ['root-a', 'root-b'] : []);
    // Never a person: no employee role, and "own" data is the token's, which is nobody's.
    expect(hasRole(principal, 'employee')).toBe(false);
    expect(principal.userId).toBe('token-1');
    expect(principal.tokenId).toBe('token-1');
    expect(principal.municipalityId).toBe('m-1');
  });
});

describe('lastUseIsStale', () => {
  const now = new Date('2026-05-12T10:00:00Z');
  it.each([
    [null, true],
    [new Date('2026-05-12T09:59:30Z'), false],
    [new Date('2026-05-12T09:59:00Z'), true],
    [new Date('2026-05-12T08:00:00Z'), true],
  ])('last used %s → write again: %s', (lastUsedAt, expected) => {
    expect(lastUseIsStale(lastUsedAt, now)).toBe(expected);
  });
});
