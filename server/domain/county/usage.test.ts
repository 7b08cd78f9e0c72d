import { describe, expect, it } from 'vitest';
import { usageAt, usageWindow, utilizationOf } from './usage';

const h = 3600;
describe('usageAt: still used at day 90 / 180', () => {
  it.each([
    [null, false, 'notYetDue'],
    [null, true, 'silent'],
    [{ plannedS: 0, plannedUnknownS: 0, plannedRunningS: 0 }, true, 'silent'],
    // data for less than half the planned time: we cannot say it ran (never "stopped")
    [{ plannedS: 100 * h, plannedUnknownS: 51 * h, plannedRunningS: 40 * h }, true, 'silent'],
    [{ plannedS: 100 * h, plannedUnknownS: 50 * h, plannedRunningS: 5 * h }, true, 'used'],
    [{ plannedS: 100 * h, plannedUnknownS: 0, plannedRunningS: 4 * h }, true, 'idle'],
    [{ plannedS: 100 * h, plannedUnknownS: 0, plannedRunningS: 70 * h }, true, 'used'],
  ] as const)('%j due %s → %s', (totals, due, verdict) => {
    expect(usageAt(totals, due)).toBe(verdict);
  });
  it('the window is the 30 days before the day', () => {
    const w = usageWindow(new Date('2026-01-01T00:00:00Z'), 90);
    expect(w.to.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(w.from.toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
  it('utilization leaves unknown time out', () => {
    expect(utilizationOf({ plannedS: 10, plannedUnknownS: 5, plannedRunningS: 4 })).toBe(0.8);
    expect(utilizationOf({ plannedS: 10, plannedUnknownS: 10, plannedRunningS: 0 })).toBeNull();
  });
});
