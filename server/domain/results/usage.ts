/**
 * "Really used": the evidence a claim carries about its machines, and the fund rule that asks for it.
 * Evidence (frozen into the claim's snapshot at submission): for each claimed machine, whether it reported in the
 * last N days, the share of its planned hours with data (coverage), and its utilization before (the baseline before
 * go-live) and after (the last N days). Ratios in basis points from integers (server/domain/results/measure.ts).
 * The rule (USAGE_REQUIRED): at least `minMachinesPercent` % of the claimed machines report for at least
 * `minHoursPercent` % of their planned hours; its reasoning names the numbers, e.g.
 * "12 of 14 machines reported ≥ 80 % of planned hours (86 %) → below 90 %: not yet".
 */
import { z } from 'zod';
import type { Step } from '../funds/allowance';
import type { FundRule } from '../funds/rules';
import { addTotals, coverageBp, EMPTY_TOTALS, type WindowTotals, windowFigures } from './measure';
import { pct } from './working';

const bpOrNull = z.number().int().nullable();
export const usageEvidenceSchema = z.object({
  days: z.number().int(),
  from: z.string(),
  to: z.string(),
  machines: z.array(
    z.object({ assetTag: z.string(), reported: z.boolean(), coverageBp: bpOrNull, utilizationBeforeBp: bpOrNull, utilizationAfterBp: bpOrNull }),
  ),
  /** all claimed machines together */
  coverageBp: bpOrNull,
  utilizationBeforeBp: bpOrNull,
  utilizationAfterBp: bpOrNull,
});
export type UsageEvidence = z.infer<typeof usageEvidenceSchema>;

/** The evidence from each machine's totals over the last `days` days and over its baseline (null: no baseline). */
export function usageEvidence(
  window: { days: number; from: string; to: string },
  machines: readonly { assetTag: string; recent: WindowTotals; baseline: WindowTotals | null }[],
): UsageEvidence {
  let recent = EMPTY_TOTALS;
  let baseline = EMPTY_TOTALS;
  for (const m of machines) {
    recent = addTotals(recent, m.recent);
    if (m.baseline) baseline = addTotals(baseline, m.baseline);
  }
  return {
    ...window,
    machines: machines.map((m) => ({
      assetTag: m.assetTag,
      reported: m.recent.coveredS > 0,
      coverageBp: coverageBp(m.recent),
      utilizationBeforeBp: m.baseline ? windowFigures(m.baseline).utilizationBp : null,
      utilizationAfterBp: windowFigures(m.recent).utilizationBp,
    })),
    coverageBp: coverageBp(recent),
    utilizationBeforeBp: baseline.coveredS > 0 ? windowFigures(baseline).utilizationBp : null,
    utilizationAfterBp: windowFigures(recent).utilizationBp,
  };
}

/** Machines reporting for at least the rule's share of planned hours, and their share of the claimed machines (bp, rounded down). */
export function usageCount(u: UsageEvidence, minHoursPercent: number) {
  const qualifying = u.machines.filter((m) => m.coverageBp !== null && m.coverageBp >= minHoursPercent * 100).length;
  const shareBp = u.machines.length ? Math.floor((qualifying * 10_000) / u.machines.length) : 0;
  return { qualifying, machines: u.machines.length, shareBp };
}

type UsageRule = Extract<FundRule, { kind: 'USAGE_REQUIRED' }>;

/** The rule's step: met, not yet (with the numbers), or unknown (no evidence in the claim). */
export function judgeUsage(rule: UsageRule, u: UsageEvidence | null): { met: boolean; step: Step } {
  if (!u?.machines.length) return { met: false, step: { key: 'usageUnknown', params: { days: rule.days } } };
  const c = usageCount(u, rule.minHoursPercent);
  // whole machines: 90 % of 14 needs 13 (12.6 rounded up)
  const met = c.qualifying * 100 >= rule.minMachinesPercent * c.machines;
  const params = {
    qualifying: c.qualifying,
    machines: c.machines,
    hours: rule.minHoursPercent,
    share: pct(c.shareBp),
    min: rule.minMachinesPercent,
    days: u.days,
  };
  return { met, step: { key: met ? 'usageMet' : 'usageNotMet', params } };
}
