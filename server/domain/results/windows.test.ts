import { describe, expect, it } from 'vitest';
import { bookedMonth, checkWindows, defaultWindows, windowDays, windowsFromAddress } from './windows';

describe('windows', () => {
  it('counts days with both ends included', () => {
    expect(windowDays({ from: '2026-03-01', to: '2026-03-01' })).toBe(1);
    expect(windowDays({ from: '2026-02-22', to: '2026-03-07' })).toBe(14);
  });

  it.each([
    [{ from: '2026-06-01', to: '2026-06-07' }, { from: '2026-07-29', to: '2026-09-26' }, '2026-11-27', null],
    [
      { from: '2026-06-01', to: '2026-06-06' },
      { from: '2026-07-29', to: '2026-09-26' },
      '2026-11-27',
      { key: 'results.baselineTooShort', params: { from: '2026-06-01', to: '2026-06-06', days: 6, min: 7 }, fields: ['bf', 'bt'] },
    ],
    [
      { from: '2026-06-07', to: '2026-06-01' },
      { from: '2026-07-29', to: '2026-09-26' },
      '2026-11-27',
      { key: 'results.windowBackwards', params: { window: 'baseline', from: '2026-06-07', to: '2026-06-01' }, fields: ['bf', 'bt'] },
    ],
    [
      { from: '2026-06-01', to: '2026-06-10' },
      { from: '2026-09-26', to: '2026-07-29' },
      '2026-11-27',
      { key: 'results.windowBackwards', params: { window: 'result', from: '2026-09-26', to: '2026-07-29' }, fields: ['rf', 'rt'] },
    ],
    [
      { from: '2026-06-01', to: '2026-07-29' },
      { from: '2026-07-29', to: '2026-09-26' },
      '2026-11-27',
      { key: 'results.windowsOverlap', params: { baselineTo: '2026-07-29', resultFrom: '2026-07-29' }, fields: ['bt', 'rf'] },
    ],
    [
      { from: '2026-06-01', to: '2026-06-10' },
      { from: '2026-07-29', to: '2026-08-01' },
      '2026-11-27',
      { key: 'results.resultTooShort', params: { from: '2026-07-29', to: '2026-08-01', days: 4, min: 7 }, fields: ['rf', 'rt'] },
    ],
    [
      { from: '2026-06-01', to: '2026-06-10' },
      { from: '2026-07-29', to: '2026-09-26' },
      '2026-09-26',
      { key: 'results.resultNotComplete', params: { to: '2026-09-26', lastDay: '2026-09-25' }, fields: ['rt'] },
    ],
  ])('%o vs %o on %s → %o', (b, r, today, problem) => expect(checkWindows(b, r, today)).toEqual(problem));

  it('reads the windows of an address, naming a missing or impossible date instead of failing', () => {
    expect(windowsFromAddress({})).toEqual({ typed: null, chosen: null, problem: null });
    const ok = windowsFromAddress({ bf: '2026-06-01', bt: '2026-06-10', rf: '2026-07-29', rt: '2026-09-26' });
    expect(ok.chosen).toEqual({ baseline: { from: '2026-06-01', to: '2026-06-10' }, result: { from: '2026-07-29', to: '2026-09-26' } });
    expect(ok.problem).toBeNull();
    const bad = windowsFromAddress({ bf: '2026-02-31', bt: 'xx' });
    expect(bad.chosen).toBeNull();
    expect(bad.typed).toEqual({ bf: '2026-02-31', bt: 'xx', rf: '', rt: '' });
    expect(bad.problem).toEqual({ key: 'results.dateInvalid', params: { field: 'bf', value: '2026-02-31' }, fields: ['bf'] });
    expect(windowsFromAddress({ bf: '2026-06-01', bt: 'xx', rf: '2026-07-29', rt: '2026-09-26' }).problem?.params).toEqual({ field: 'bt', value: 'xx' });
    expect(windowsFromAddress({ bf: '2026-06-01', bt: '2026-06-10', rf: '2026-07-29' }).problem).toEqual({
      key: 'results.dateMissing',
      params: { field: 'rt' },
      fields: ['rt'],
    });
  });

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
