import { describe, expect, it } from 'vitest';
import { claimValue, isAcceptableIssuer, nameFromClaims, safeReturnPath } from './sso.ts';

describe('isAcceptableIssuer', () => {
  it.each([
    ['https://login.microsoftonline.com/7d3c1a2b-0000-4000-8000-000000000000/v2.0', true],
    ['https://idp.kommune.dk', true],
    ['http://idp.kommune.dk', false],
    ['http://127.0.0.1:4010', true],
    ['http://localhost:4010/realms/vejviser', true],
    ['https://idp.kommune.dk/?tenant=1', false],
    ['https://user:pass@idp.kommune.dk', false],
    ['ftp://idp.kommune.dk', false],
    ['idp.kommune.dk', false],
    ['', false],
  ])('%s → %s', (issuer, expected) => {
    expect(isAcceptableIssuer(issuer)).toBe(expected);
  });
});

describe('claimValue', () => {
  const claims = { email: ' birthe@kommune.dk ', employee_id: 4711, blank: '  ', list: ['a'], flag: true };
  it.each([
    ['email', 'birthe@kommune.dk'],
    ['employee_id', '4711'],
    ['blank', undefined],
    ['list', undefined],
    ['flag', undefined],
    ['missing', undefined],
  ])('%s → %s', (claim, expected) => {
    expect(claimValue(claims, claim)).toBe(expected);
  });
});

describe('nameFromClaims', () => {
  it.each([
    [{ name: 'Birthe Hansen', given_name: 'B' }, 'Birthe Hansen'],
    [{ given_name: 'Birthe', family_name: 'Hansen' }, 'Birthe Hansen'],
    [{ family_name: 'Hansen' }, 'Hansen'],
    [{}, 'birthe@kommune.dk'],
  ])('%o → %s', (claims, expected) => {
    expect(nameFromClaims(claims, 'birthe@kommune.dk')).toBe(expected);
  });
});

describe('safeReturnPath', () => {
  it.each([
    ['/samtaler/12', '/samtaler/12'],
    ['/', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['/login/demo-kommune', '/'],
    ['/api/auth/sso/callback', '/'],
    [undefined, '/'],
    [`/${'a'.repeat(600)}`, '/'],
  ])('%s → %s', (from, expected) => {
    expect(safeReturnPath(from)).toBe(expected);
  });
});
