import { describe, expect, it } from 'vitest';
import { defaultMinGroupSize, isReportable } from './aggregates.ts';

describe('isReportable', () => {
  it.each([
    [4, defaultMinGroupSize, false],
    [5, defaultMinGroupSize, true],
    [60, defaultMinGroupSize, true],
    [0, defaultMinGroupSize, false],
    [2, 3, false],
    [3, 3, true],
  ])('a group of %i with a minimum of %i → %s', (groupSize, minimum, expected) => {
    expect(isReportable(groupSize, minimum)).toBe(expected);
  });
});
