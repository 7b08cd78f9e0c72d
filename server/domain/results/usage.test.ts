import { describe, expect, it } from 'vitest';
import { computeClaim } from '../funds/allowance';
import { EMPTY_TOTALS, type WindowTotals } from './measure';
import { judgeUsage, type UsageEvidence, usageCount, usageEvidence } from './usage';

const H = 3600;
const w = (p: Partial<WindowTotals>): WindowTotals => ({ ...EMPTY_TOTALS, ...p });
const rule = { kind: 'USAGE_REQUIRED' as const, minMachinesPercent: 90, minHoursPercent: 80, days: 30 };

/** n machines, the first `good` of them with `goodCov` bp of planned hours with data, the rest with `badCov`. */
function fleet(n: number, good: number, goodCov = 9000, badCov = 5000): UsageEvidence {
  return usageEvidence(
    { days: 30, from: '2026-10-28', to: '2026-11-26' },
    Array.from({ length: n }, (_, i) => ({
      assetTag: `M-${i + 1}`,
      recent: w({ plannedS: 100 * H, coveredS: ((i < good ? goodCov : badCov) * 100 * H) / 10_000, runningS: 50 * H }),
      baseline: w({ plannedS: 100 * H, coveredS: 100 * H, runningS: 40 * H }),
    })),
  );
}

describe('usage evidence', () => {
  it('per machine: reported, coverage, utilization before and after; all together', () => {
    const u = usageEvidence({ days: 30, from: 'a', to: 'b' }, [
      { assetTag: 'A', recent: w({ plannedS: 100, coveredS: 80, runningS: 40 }), baseline: w({ plannedS: 100, coveredS: 100, runningS: 40 }) },
      { assetTag: 'B', recent: w({ plannedS: 100 }), baseline: null },
    ]);
    expect(u.machines).toEqual([
      { assetTag: 'A', reported: true, coverageBp: 8000, utilizationBeforeBp: 4000, utilizationAfterBp: 5000 },
      { assetTag: 'B', reported: false, coverageBp: 0, utilizationBeforeBp: null, utilizationAfterBp: null },
    ]);
    expect(u.coverageBp).toBe(4000);
    expect(u.utilizationBeforeBp).toBe(4000);
    expect(u.utilizationAfterBp).toBe(5000);
  });
});

describe('the usage rule', () => {
  it.each([
    // machines, qualifying → met, share text
    [14, 12, false, '85.7'],
    [14, 13, true, '92.9'],
    [10, 9, true, '90'],
    [10, 8, false, '80'],
    [1, 1, true, '100'],
    [1, 0, false, '0'],
  ])('%s machines, %s of them with ≥ 80 percent of hours → met: %s, share %s', (n, good, met, share) => {
    const j = judgeUsage(rule, fleet(n, good));
    expect(j.met).toBe(met);
    expect(j.step).toEqual({
      key: met ? 'usageMet' : 'usageNotMet',
      params: { qualifying: good, machines: n, hours: 80, share, min: 90, days: 30 },
    });
  });

  it('counts a machine at exactly the hours threshold, not one just below', () => {
    expect(usageCount(fleet(2, 1, 8000, 7999), 80)).toEqual({ qualifying: 1, machines: 2, shareBp: 5000 });
  });

  it('is not met without evidence', () => {
    expect(judgeUsage(rule, null)).toEqual({ met: false, step: { key: 'usageUnknown', params: { days: 30 } } });
    expect(judgeUsage(rule, fleet(0, 0)).met).toBe(false);
  });

  const facts = {
    inServiceMachines: 100,
    machinesAlreadyClaimed: 0,
    machines: [{ assetTag: 'M-1', costFen: 1000n }],
    paidAndInvoicedFen: 0n,
    invoicedUnpaidFen: 0n,
    alreadyGrantedFen: 0n,
    levelReached: null,
    contractDate: null,
    completionDate: null,
    batch: null,
    filedOn: '2026-11-27',
  };
  const free = { kind: 'FREE_SHARE' as const, freeSharePercent: 5, minFreeMachines: 1, perMachineCapFen: null };

  it('as a fund rule: refuses a claim whose machines are not really used, naming the numbers; grants one whose are', () => {
    const no = computeClaim([free, rule], { ...facts, usage: fleet(14, 12) });
    expect(no.eligible).toBe(false);
    expect(no.steps.at(-1)?.key).toBe('usageNotMet');
    const yes = computeClaim([free, rule], { ...facts, usage: fleet(14, 13) });
    expect(yes.eligible).toBe(true);
    expect(yes.steps[0]?.key).toBe('usageMet');
    expect(yes.grantedFen).toBe(1000n);
    expect(computeClaim([free, rule], facts).steps.at(-1)?.key).toBe('usageUnknown');
    // a fund without the rule does not look at usage
    expect(computeClaim([free], facts).eligible).toBe(true);
  });

  it('judged before payout: the claim is computed without waiting for it, and says so', () => {
    const atPayout = { ...rule, stage: 'PAYOUT' as const };
    for (const usage of [fleet(14, 12), null]) {
      const r = computeClaim([free, atPayout], { ...facts, usage });
      expect(r.eligible).toBe(true);
      expect(r.grantedFen).toBe(1000n);
      expect(r.steps[0]).toEqual({ key: 'usageAtPayout', params: { machines: 90, hours: 80, days: 30 } });
    }
    // an explicit approval stage is the default's behaviour
    expect(computeClaim([free, { ...rule, stage: 'APPROVAL' as const }], { ...facts, usage: fleet(14, 12) }).eligible).toBe(false);
  });
});
