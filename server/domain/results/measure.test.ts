import { describe, expect, it } from 'vitest';
import { compareWindows, coverageBp, EMPTY_TOTALS, fromTotals, measure, ratioRound, relativeBp, type WindowTotals, windowFigures } from './measure';

const w = (p: Partial<WindowTotals>): WindowTotals => ({ ...EMPTY_TOTALS, ...p });
const HOUR = 3600;

describe('ratioRound', () => {
  it.each([
    [5n, 2n, 3n],
    [4n, 2n, 2n],
    [-5n, 2n, -3n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [0n, 7n, 0n],
  ])('%s ÷ %s = %s (half away from zero)', (n, d, q) => expect(ratioRound(n, d)).toBe(q));
  it('refuses a zero denominator', () => expect(() => ratioRound(1n, 0n)).toThrow(RangeError));
});

describe('window figures', () => {
  it.each([
    // planned, covered, running, parts → coverage, utilization, output per hour (centi)
    [{ plannedS: 100 * HOUR, coveredS: 100 * HOUR, runningS: 61 * HOUR, parts: 6100 }, 10_000, 6100, 6100],
    [{ plannedS: 100 * HOUR, coveredS: 80 * HOUR, runningS: 40 * HOUR, parts: 4000 }, 8000, 5000, 5000],
    [{ plannedS: 3 * HOUR, coveredS: 2 * HOUR, runningS: 1 * HOUR, parts: 1 }, 6666, 5000, 50],
    [{ plannedS: 0, coveredS: 0, runningS: 0, parts: 0 }, null, null, null],
  ])('%o', (t, coverage, util, output) => {
    const f = windowFigures(w(t));
    expect(f.coverageBp).toBe(coverage);
    expect(f.utilizationBp).toBe(util);
    expect(f.outputPerHourCenti).toBe(output);
  });

  it('rounds coverage down, so that 79.99 % never passes 80 %', () => {
    expect(coverageBp(w({ plannedS: 10_000_00, coveredS: 799_999 }))).toBe(7999);
  });

  it('gives energy per part over the parts with a meter reading, scrap over the parts with good counts', () => {
    const f = windowFigures(w({ plannedS: 1, coveredS: 1, parts: 300, partsWithWh: 200, wh: 12_345n, partsWithGood: 100, good: 98 }));
    expect(f.whPerPartCenti).toBe(6173); // 61.725 Wh → 61.73
    expect(f.scrapBp).toBe(200);
    expect(windowFigures(w({ plannedS: 1, coveredS: 1, parts: 5 })).whPerPartCenti).toBeNull();
  });
});

describe('relative change', () => {
  it.each([
    [6100, 7400, 2131],
    [100, 90, -1000],
    [0, 5, null],
    [null, 5, null],
    [5, 5, 0],
  ])('%s → %s = %s bp', (a, b, c) => expect(relativeBp(a, b)).toBe(c));
});

describe('compare windows', () => {
  const before = w({ plannedS: 100 * HOUR, coveredS: 100 * HOUR, runningS: 61 * HOUR, parts: 6100, partsWithWh: 6100, wh: 610_000n });
  const after = w({ plannedS: 100 * HOUR, coveredS: 90 * HOUR, runningS: 66.6 * HOUR, parts: 6660, partsWithWh: 6660, wh: 599_400n });

  it('states the changes when both windows have enough data', () => {
    const c = compareWindows(before, after);
    expect(c.refused).toBe(false);
    expect(c.before.utilizationBp).toBe(6100);
    expect(c.after.utilizationBp).toBe(7400);
    expect(c.utilizationPointsBp).toBe(1300);
    expect(c.utilizationChangeBp).toBe(2131);
    expect(c.outputPerHourChangeBp).toBe(2131);
    expect(c.whPerPartChangeBp).toBe(-1000);
  });

  it.each([
    [7999, true],
    [8000, false],
  ])('refuses below the stated coverage (result coverage %s bp → refused %s)', (cov, refused) => {
    const a = w({ ...after, coveredS: (100 * HOUR * cov) / 10_000 });
    const c = compareWindows(before, a);
    expect(c.refused).toBe(refused);
    expect(c.after.coverageBp).toBe(cov);
    if (refused) expect(c.utilizationChangeBp).toBeNull();
  });

  it('refuses a window with nothing planned', () => expect(compareWindows(EMPTY_TOTALS, after).refused).toBe(true));
});

describe('measure a fleet', () => {
  it('weighs each machine by its planned time in the total and keeps each machine’s own figures', () => {
    const m = measure([
      { machineId: 'a', assetTag: 'A', before: w({ plannedS: 100, coveredS: 100, runningS: 50 }), after: w({ plannedS: 100, coveredS: 100, runningS: 60 }) },
      { machineId: 'b', assetTag: 'B', before: w({ plannedS: 300, coveredS: 300, runningS: 150 }), after: w({ plannedS: 300, coveredS: 300, runningS: 150 }) },
    ]);
    expect(m.machines.map((x) => x.utilizationChangeBp)).toEqual([2000, 0]);
    expect(m.total.utilizationChangeBp).toBe(500);
  });

  it('with no machines refuses', () => expect(measure([]).total.refused).toBe(true));
});

describe('totals from hour records', () => {
  it('counts planned time no record covers as unknown (coverage falls, utilization does not)', () => {
    const t = fromTotals({ plannedSeconds: 50, planned: { running: 30, unknown: 10 }, parts: 9, good: null, partsWithGood: 0, wh: 100n, partsWithWh: 9 }, 100);
    expect(t).toMatchObject({ plannedS: 100, coveredS: 40, runningS: 30, partsWithGood: 0, partsWithWh: 9, wh: 100n });
    expect(windowFigures(t).utilizationBp).toBe(7500);
  });
});
