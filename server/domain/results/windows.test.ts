import { describe, expect, it } from 'vitest';
import { bookedMonth, checkWindows, defaultWindows, windowDays } from './windows';

describe('windows', () => {
  it('counts days with both ends included', () => {
    expect(windowDays({ from: '2026-03-01', to: '2026-03-01' })).toBe(1);
    expect(windowDays({ from: '2026-02-22', to: '2026-03-07' })).toBe(14);
  });

  it.each([
    [{ from: '2026-06-01', to: '2026-06-07' }, { from: '2026-07-29', to: '2026-09-26' }, '2026-11-27', null],
    [{ from: '2026-06-01', to: '2026-06-06' }, { from: '2026-07-29', to: '2026-09-26' }, '2026-11-27', 'results.baselineTooShort'],
    [{ from: '2026-06-07', to: '2026-06-01' }, { from: '2026-07-29', to: '2026-09-26' }, '2026-11-27', 'results.windowBackwards'],
    [{ from: '2026-06-01', to: '2026-07-29' }, { from: '2026-07-29', to: '2026-09-26' }, '2026-11-27', 'results.windowsOverlap'],
    [{ from: '2026-06-01', to: '2026-06-10' }, { from: '2026-07-29', to: '2026-08-03' }, '2026-11-27', 'results.resultTooShort'],
    [{ from: '2026-06-01', to: '2026-06-10' }, { from: '2026-07-29', to: '2026-09-26' }, '2026-09-26', 'results.resultNotComplete'],
  ])('%o vs %o on %s → %s', (b, r, today, key) => expect(checkWindows(b, r, today)).toBe(key));

  it.each([
    // first report, go-live, today → baseline, result
    ['2026-06-01', '2026-06-29', '2026-11-27', { from: '2026-06-01', to: '2026-06-28' }, { from: '2026-07-29', to: '2026-09-26' }],
    ['2026-06-01', '2026-06-29', '2026-08-10', { from: '2026-06-01', to: '2026-06-28' }, { from: '2026-07-29', to: '2026-08-09' }],
    ['2026-06-01', '2026-06-29', '2026-07-29', { from: '2026-06-01', to: '2026-06-28' }, null],
    [null, '2026-06-29', '2026-11-27', null, { from: '2026-07-29', to: '2026-09-26' }],
    ['2026-07-01', '2026-06-29', '2026-11-27', null, { from: '2026-07-29', to: '2026-09-26' }],
    ['2026-06-01', null, '2026-11-27', null, null],
  ])('first report %s, go-live %s, today %s', (first, goLive, today, baseline, result) => {
    expect(defaultWindows({ firstReportDay: first, goLiveDay: goLive, today })).toEqual({ baseline, result });
  });

  it('books a measured month to the month its result window ends in', () => expect(bookedMonth({ from: '2026-07-29', to: '2026-09-26' })).toBe('2026-09'));
});
