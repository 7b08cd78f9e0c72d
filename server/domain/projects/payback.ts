/**
 * Payback: net investment = cost (actual once work has started, else quoted) − subsidy; simple payback in months =
 * net investment ÷ monthly savings; the cumulative cash flow over 36 months; and, after commissioning, whether the
 * measured savings keep payback on track, ahead or behind, and by how much.
 */
export type PaybackVerdict =
  | { kind: 'paidBackAtOnce'; netFen: bigint } // subsidy ≥ cost
  | { kind: 'neverPaysBack'; netFen: bigint } // no (or negative) savings
  | { kind: 'months'; netFen: bigint; months: number }; // months with one decimal

export function simplePayback(costFen: bigint, subsidyFen: bigint, monthlySavingsFen: bigint): PaybackVerdict {
  const netFen = costFen - subsidyFen;
  if (netFen <= 0n) return { kind: 'paidBackAtOnce', netFen };
  if (monthlySavingsFen <= 0n) return { kind: 'neverPaysBack', netFen };
  // tenths of a month, rounded up: "paid back within 11.4 months" must not be optimistic
  const tenths = (netFen * 10n + monthlySavingsFen - 1n) / monthlySavingsFen;
  return { kind: 'months', netFen, months: Number(tenths) / 10 };
}

/** Cumulative cash flow, month 0 (the net investment) to month `months`; monthly savings may differ per month. */
export function cumulativeCashFlow(netFen: bigint, monthly: (month: number) => bigint, months = 36): bigint[] {
  const out: bigint[] = [-netFen];
  for (let m = 1; m <= months; m++) out.push((out[m - 1] as bigint) + monthly(m));
  return out;
}

export type Tracking =
  | { kind: 'noData' }
  | { kind: 'onTrack' | 'ahead' | 'behind'; measuredFen: bigint; expectedFen: bigint; differenceFen: bigint; months: number };

/**
 * Measured savings so far against the estimate for the same months: within ±5 % is on track; otherwise ahead or
 * behind by the difference (in fen) and, when savings continue at the measured average, the new payback months.
 */
export function trackPayback(expectedMonthlyFen: bigint, measured: readonly bigint[]): Tracking {
  if (measured.length === 0) return { kind: 'noData' };
  const measuredFen = measured.reduce((s, v) => s + v, 0n);
  const expectedFen = expectedMonthlyFen * BigInt(measured.length);
  const differenceFen = measuredFen - expectedFen;
  const tolerance = (expectedFen < 0n ? -expectedFen : expectedFen) / 20n; // 5 %
  const kind = differenceFen > tolerance ? 'ahead' : differenceFen < -tolerance ? 'behind' : 'onTrack';
  return { kind, measuredFen, expectedFen, differenceFen, months: measured.length };
}
