/**
 * "Still used" after a retrofit, the way inspectors ask it: at day 90 (and 180) after commissioning, did the machine
 * run in production in the 30 days before that day? Its planned hours with data and its running hours decide:
 * - not yet due: the day has not come;
 * - silent: data for less than MIN_COVERAGE of its planned time (we cannot say it ran — never read as "stopped");
 * - used: running at least MIN_UTILIZATION of its planned time; else idle.
 */
export const USE_WINDOW_DAYS = 30;
export const MIN_COVERAGE = 0.5;
export const MIN_UTILIZATION = 0.05;

export type WindowTotals = { plannedS: number; plannedUnknownS: number; plannedRunningS: number };
export type UseVerdict = 'notYetDue' | 'silent' | 'idle' | 'used';

export function usageAt(totals: WindowTotals | null, due: boolean): UseVerdict {
  if (!due) return 'notYetDue';
  if (!totals || totals.plannedS <= 0) return 'silent';
  const covered = totals.plannedS - totals.plannedUnknownS;
  if (covered / totals.plannedS < MIN_COVERAGE) return 'silent';
  return totals.plannedRunningS / totals.plannedS >= MIN_UTILIZATION ? 'used' : 'idle';
}

/** The window [from, to) of the check at `days` after commissioning (UTC instants). */
export function usageWindow(commissionedAt: Date, days: number): { from: Date; to: Date } {
  const to = new Date(commissionedAt.getTime() + days * 86_400_000);
  return { from: new Date(to.getTime() - USE_WINDOW_DAYS * 86_400_000), to };
}

/** Utilization over planned time with data (unknown time left out, never counted as stopped); null without data. */
export function utilizationOf(t: WindowTotals): number | null {
  const covered = t.plannedS - t.plannedUnknownS;
  return covered > 0 ? t.plannedRunningS / covered : null;
}
