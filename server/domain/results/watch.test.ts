import { describe, expect, it } from 'vitest';
import { EMPTY_TOTALS, type WindowTotals } from './measure';
import { checkpointsReached, countCheckpoint, machineFlag } from './watch';

const w = (p: Partial<WindowTotals>): WindowTotals => ({ ...EMPTY_TOTALS, ...p });
const now = new Date('2026-11-27T10:00:00Z');
const ago = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('the watch', () => {
  it.each([
    [null, w({ plannedS: 100, coveredS: 100, runningS: 50 }), 'silent'],
    [ago(8.1), w({ plannedS: 100, coveredS: 100, runningS: 50 }), 'silent'],
    [ago(7.9), w({ plannedS: 100, coveredS: 100, runningS: 50 }), 'ok'],
    [ago(1), w({ plannedS: 1000, coveredS: 1000, runningS: 49 }), 'unused'],
    [ago(1), w({ plannedS: 1000, coveredS: 1000, runningS: 50 }), 'ok'],
    [ago(1), w({ plannedS: 1000, coveredS: 0, runningS: 0 }), 'unused'],
  ])('heard %s, recent %o → %s', (lastHeard, recent, flag) => {
    expect(machineFlag({ machineId: 'm', assetTag: 'M', lastHeard, recent }, now)).toBe(flag);
  });

  it('counts a checkpoint: reporting ≥ 50 % of planned hours, used ≥ 5 % of them', () => {
    const c = countCheckpoint(90, true, [
      w({ plannedS: 100, coveredS: 100, runningS: 60 }),
      w({ plannedS: 100, coveredS: 50, runningS: 2 }),
      w({ plannedS: 100, coveredS: 49, runningS: 40 }),
      w({ plannedS: 100 }),
    ]);
    expect(c).toEqual({ day: 90, reached: true, reporting: 2, used: 1, machines: 4 });
  });

  it.each([
    ['2026-11-27', 0, []],
    ['2026-10-28', 30, [30]],
    ['2026-08-29', 90, [30, 90]],
    ['2026-05-31', 180, [30, 90, 180]],
  ])('verified %s → day %s, checkpoints %o', (verified, days, reached) => {
    expect(checkpointsReached(verified, '2026-11-27')).toEqual({ days, reached });
  });
});
