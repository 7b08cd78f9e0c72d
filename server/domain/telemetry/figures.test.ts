import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from './calendar';
import { computeHours } from './engine';
import { coverageOf, energyPerPart, figures } from './figures';
import { stateCodes } from './payload';
import { emptyStateSeconds, emptyTotals, rollUpByShift, sumRecords, type Totals } from './rollup';

const shift: Totals = {
  ...emptyTotals(),
  seconds: 8 * 3600,
  plannedSeconds: 8 * 3600,
  planned: { running: 18_000, idle: 3_600, stopped: 1_800, alarm: 900, setup: 900, unknown: 3_600 },
  parts: 1_800,
  good: 1_782,
  partsWithGood: 1_800,
  wh: 45_000n,
  partsWithWh: 1_800,
};

describe('figures of a shift', () => {
  it('with an ideal cycle time and good parts: utilization, availability, performance, quality and OEE', () => {
    const f = figures(shift, { idealCycleSeconds: 10, defaultCalendar: false });
    expect(f.coveredSeconds).toBe(25_200);
    expect(f.utilization.value).toBeCloseTo(18_000 / 25_200, 12);
    expect(f.availability.value).toBeCloseTo(21_600 / 25_200, 12);
    expect(f.performance.value).toBeCloseTo((10 * 1_800) / 21_600, 12);
    expect(f.quality.value).toBeCloseTo(0.99, 12);
    // OEE = ideal cycle × good parts ÷ covered planned time: idle and every stop counted once.
    expect(f.oee.value).toBeCloseTo((10 * 1_782) / 25_200, 12);
    expect(f.output.value).toBe(1_800);
    expect(f.whPerPart.value).toBe(25);
    expect(f.utilization).toMatchObject({ coverage: 0.875, lowCoverage: false, defaultCalendar: false });
    expect(f.oee.coverage).toBe(0.875);
    expect(coverageOf(shift)).toBe(0.875);
  });
  it('without an ideal cycle time: no performance and no OEE; the rest stands', () => {
    const f = figures(shift, { defaultCalendar: true });
    expect([f.performance.value, f.oee.value]).toEqual([null, null]);
    expect(f.utilization.value).not.toBeNull();
    expect(f.utilization.defaultCalendar).toBe(true);
    expect(figures(shift, { idealCycleSeconds: 0, defaultCalendar: false }).oee.value).toBeNull();
  });
  it('without good-part counts: no quality and no OEE', () => {
    const f = figures({ ...shift, good: null, partsWithGood: 0 }, { idealCycleSeconds: 10, defaultCalendar: false });
    expect([f.quality.value, f.oee.value, f.goodParts.value]).toEqual([null, null, null]);
    expect(f.performance.value).not.toBeNull();
  });
  it('a machine that ran without making parts has performance 0, not null', () => {
    expect(figures({ ...shift, parts: 0, partsWithGood: 0, good: 0 }, { idealCycleSeconds: 10, defaultCalendar: false }).performance.value).toBe(0);
  });
  it('unknown time is neither running nor stopped: figures rest on covered time and say when coverage is low', () => {
    const half: Totals = { ...shift, planned: { ...emptyStateSeconds(), running: 14_400, unknown: 14_400 } };
    const f = figures(half, { defaultCalendar: false });
    expect(f.utilization).toEqual({ value: 1, coverage: 0.5, lowCoverage: true, defaultCalendar: false });
    expect(figures(half, { defaultCalendar: false, minCoverage: 0.5 }).utilization.lowCoverage).toBe(false);
  });
  it('nothing planned (a Sunday): no time-based figure, output still counted', () => {
    const f = figures({ ...emptyTotals(), seconds: 3_600, unplanned: { ...emptyStateSeconds(), running: 3_600 }, parts: 12 }, { defaultCalendar: true });
    expect([f.utilization.value, f.availability.value, f.utilization.coverage, f.utilization.lowCoverage, f.output.value]).toEqual([
      null,
      null,
      null,
      true,
      12,
    ]);
  });
  it('all planned time unknown: no ratio at all, coverage 0', () => {
    const f = figures({ ...emptyTotals(), plannedSeconds: 3_600, planned: { ...emptyStateSeconds(), unknown: 3_600 } }, { defaultCalendar: false });
    expect([f.utilization.value, f.availability.value, f.utilization.coverage]).toEqual([null, null, 0]);
  });
});

describe('energy per part', () => {
  it.each([
    [45_000n, 1_800, 25],
    [10n, 3, 3.33],
    [5n, 3, 1.67],
    [1n, 200, 0.01],
    [1n, 201, 0],
    [0n, 5, 0],
    [7n, 0, null],
  ])('%d Wh for %d parts = %s Wh/part (half-up to 0.01)', (wh, parts, expected) => expect(energyPerPart(wh, parts)).toBe(expected));
});

describe('from samples to a shift figure', () => {
  it('shift A of the default calendar: 1 h running then silence, with output and energy', () => {
    const at = (m: number) => new Date(Date.parse('2026-05-04T08:00:00+08:00') + m * 60_000);
    const samples = Array.from({ length: 61 }, (_, i) => ({
      seq: BigInt(i),
      at: at(i),
      state: stateCodes.running,
      count: 100 + i * 2,
      good: 100 + i * 2,
      wh: BigInt(1_000 + i * 50),
    }));
    const records = computeHours({ samples, from: at(0), to: at(8 * 60), calendar: DEFAULT_CALENDAR });
    const [a] = rollUpByShift(records);
    expect(a?.shift).toBe('A');
    const f = figures(sumRecords(records), { idealCycleSeconds: 25, defaultCalendar: true });
    expect(f.plannedSeconds).toBe(7.5 * 3600);
    expect(f.coveredSeconds).toBe(65 * 60); // 60 min of samples + 5 min heartbeat timeout
    expect(f.utilization.value).toBe(1);
    expect(f.utilization.lowCoverage).toBe(true);
    expect([f.output.value, f.energyWh.value, f.whPerPart.value]).toEqual([120, 3_000n, 25]);
    expect(f.performance.value).toBeCloseTo((25 * 120) / (65 * 60), 12);
  });
});
