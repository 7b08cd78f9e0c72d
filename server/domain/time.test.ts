import { describe, expect, it } from 'vitest';
import { calendarDay, dateOnly, shanghaiDate, shanghaiToday } from './time';

describe('Shanghai calendar dates', () => {
  it.each([
    ['2026-11-24T15:59:59Z', '2026-11-24'],
    ['2026-11-24T16:00:00Z', '2026-11-25'],
    ['2026-12-31T17:00:00Z', '2027-01-01'],
  ])('%s is %s in Shanghai', (utc, day) => expect(shanghaiToday(new Date(utc))).toBe(day));
  it('stores a date as UTC midnight', () => expect(dateOnly('2026-03-01').toISOString()).toBe('2026-03-01T00:00:00.000Z'));
  it('a claim event before 08:00 Shanghai falls on the Shanghai day, not the UTC one', () => {
    expect(shanghaiDate(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(calendarDay(dateOnly('2026-03-02'))).toBe('2026-03-02');
  });
});
