import { describe, expect, it } from 'vitest';
import { dateOnly, shanghaiToday } from './time';

describe('Shanghai calendar dates', () => {
  it.each([
    ['2026-11-24T15:59:59Z', '2026-11-24'],
    ['2026-11-24T16:00:00Z', '2026-11-25'],
    ['2026-12-31T17:00:00Z', '2027-01-01'],
  ])('%s is %s in Shanghai', (utc, day) => expect(shanghaiToday(new Date(utc))).toBe(day));
  it('stores a date as UTC midnight', () => expect(dateOnly('2026-03-01').toISOString()).toBe('2026-03-01T00:00:00.000Z'));
});
