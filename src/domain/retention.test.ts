import { describe, expect, it } from 'vitest';
import { dueDataTypes, erasureDate, everythingErased } from './retention.ts';

const periods = { conversations: 24, ratings: 12, practice: 6 };
const left = new Date('2026-08-31T09:00:00Z');
const none = { conversations: null, ratings: null, practice: null };

describe('personal data retention', () => {
  it('counts calendar months from the departure, ending on the last day of a short month', () => {
    expect(erasureDate(left, 6).toISOString()).toBe('2027-02-28T09:00:00.000Z');
    expect(erasureDate(left, 24).toISOString()).toBe('2028-08-31T09:00:00.000Z');
  });

  it.each([
    ['the day before the first period ends', '2027-02-27T09:00:00Z', []],
    ['the instant the practice log is due', '2027-02-28T09:00:00Z', ['practice']],
    ['when ratings are due too', '2027-08-31T09:00:00Z', ['ratings', 'practice']],
    ['when everything is due', '2030-01-01T00:00:00Z', ['conversations', 'ratings', 'practice']],
  ])('%s', (_, at, expected) => {
    expect(dueDataTypes({ deactivatedAt: left, erasedAt: none }, periods, new Date(at))).toEqual(expected);
  });

  it('never names a kind that is already erased', () => {
    const erasedAt = { ...none, practice: new Date('2027-03-01T00:00:00Z') };
    expect(dueDataTypes({ deactivatedAt: left, erasedAt }, periods, new Date('2030-01-01'))).toEqual([
      'conversations',
      'ratings',
    ]);
    expect(everythingErased(erasedAt)).toBe(false);
    expect(everythingErased({ conversations: left, ratings: left, practice: left })).toBe(true);
  });
});
