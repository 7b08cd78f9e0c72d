import { describe, expect, it } from 'vitest';
import { addTotals, emptyTotals, type HourRecord, rollUpByDay, rollUpByShift, sumRecords, type Totals } from './rollup';

const rec = (hourUtc: string, shift: string | null, shiftDay: string | null, t: Partial<Totals>): HourRecord => ({
  ...emptyTotals(),
  hour: new Date(hourUtc),
  from: new Date(hourUtc),
  to: new Date(Date.parse(hourUtc) + 3600_000),
  shift,
  shiftDay,
  ...t,
});

describe('summing hour records', () => {
  it('adds seconds, parts, Wh and alarms by code; unknown good parts and energy stay null until one is known', () => {
    const a: Totals = { ...emptyTotals(), seconds: 3600, parts: 5, alarms: [{ code: 'E2', seconds: 10 }] };
    const b: Totals = {
      ...emptyTotals(),
      seconds: 3600,
      parts: 7,
      good: 6,
      partsWithGood: 7,
      wh: 900n,
      partsWithWh: 7,
      alarms: [
        { code: 'E1', seconds: 5 },
        { code: 'E2', seconds: 1 },
      ],
    };
    expect(addTotals(a, emptyTotals())).toEqual(a);
    const sum = sumRecords([a, b]);
    expect([sum.seconds, sum.parts, sum.good, sum.partsWithGood, sum.wh, sum.partsWithWh]).toEqual([7200, 12, 6, 7, 900n, 7]);
    expect(sum.alarms).toEqual([
      { code: 'E1', seconds: 5 },
      { code: 'E2', seconds: 11 },
    ]);
    expect(sumRecords([a, a]).good).toBeNull();
    expect(sumRecords([])).toEqual(emptyTotals());
  });
  it('groups by shift occurrence (off-shift time left out) and by Shanghai day of the hour', () => {
    const records = [
      rec('2026-05-04T14:00:00Z', 'N', '2026-05-04', { parts: 1 }), // 22:00 Shanghai
      rec('2026-05-04T15:00:00Z', 'N', '2026-05-04', { parts: 2 }), // 23:00
      rec('2026-05-04T16:00:00Z', 'N', '2026-05-04', { parts: 4 }), // 00:00 the next day
      rec('2026-05-04T23:00:00Z', null, null, { parts: 8 }), // 07:00, off shift
    ];
    expect(rollUpByShift(records).map((g) => [g.shiftDay, g.shift, g.totals.parts])).toEqual([['2026-05-04', 'N', 7]]);
    expect(rollUpByDay(records).map((g) => [g.day, g.totals.parts])).toEqual([
      ['2026-05-04', 3],
      ['2026-05-05', 12],
    ]);
  });
});
