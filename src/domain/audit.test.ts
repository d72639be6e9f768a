import { describe, expect, it } from 'vitest';
import { isAuditAction } from './audit.ts';

describe('isAuditAction', () => {
  it.each([
    ['profile.read', true],
    ['team_matrix.exported', true],
    ['candidate.self_assessment.submitted', true],
    ['profile', false],
    ['Profile.read', false],
    ['profile.', false],
    ['profile read', false],
    ['profile.read%', false],
  ])('%s → %s', (action, expected) => {
    expect(isAuditAction(action)).toBe(expected);
  });
});
