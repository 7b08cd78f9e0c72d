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

/**
 * THE payback rule: every page, the quote, the claim snapshot, the projects overview and the county dashboard call
 * `paybackOn`; nothing else divides an investment by savings (a test keeps it so). It takes one named basis:
 * - investment: `quoted` (the quote's total), `contracted` (the accepted quote: the SME's contract price) or `actual`
 *   (what the SME has been invoiced under the contract, once it is invoiced in full and the bill is final);
 * - subsidy: `expected` (planned or claimed), `approved` (decided by the county) or `paid` (disbursed);
 * - savings: `expected` (the plan's savings lines) or `measured` (the average of the measured months).
 * The integrator's own supplier costs never enter it: they are the integrator's, not the SME's, investment.
 */
export type PaybackBasis = {
  investment: 'quoted' | 'contracted' | 'actual';
  subsidy: 'expected' | 'approved' | 'paid';
  savings: 'expected' | 'measured';
};

export type PaybackFacts = {
  status: string;
  quotedFen: bigint | null;
  contractFen: bigint | null;
  invoicedFen: bigint;
  subsidy: { expectedFen: bigint; approvedFen: bigint; paidFen: bigint };
  expectedMonthlyFen: bigint;
  measuredFen: readonly bigint[];
};

/**
 * The basis that describes a project now: the quote until one is accepted, then the contract, and the amount
 * invoiced once the contract is invoiced in full (the bill is final); the subsidy as far as it went.
 */
export function currentBasis(f: PaybackFacts): PaybackBasis {
  const invoicedInFull = f.contractFen !== null && f.contractFen > 0n && f.invoicedFen >= f.contractFen;
  const investment = invoicedInFull ? 'actual' : f.contractFen !== null ? 'contracted' : 'quoted';
  const subsidy = f.subsidy.paidFen > 0n ? 'paid' : f.subsidy.approvedFen > 0n ? 'approved' : 'expected';
  return { investment, subsidy, savings: f.measuredFen.length ? 'measured' : 'expected' };
}

export type Payback = {
  basis: PaybackBasis;
  investmentFen: bigint;
  subsidyFen: bigint;
  /** The subsidy as far as it went (expected, approved, paid), whichever the basis counts. */
  subsidies: PaybackFacts['subsidy'];
  netFen: bigint;
  monthlyFen: bigint;
  verdict: PaybackVerdict;
  /** Month 0..36 with the expected savings, and with the basis's savings (measured months where there are). */
  cashFlowExpected: bigint[];
  cashFlow: bigint[];
  tracking: Tracking;
};

export function paybackOn(f: PaybackFacts, basis: PaybackBasis = currentBasis(f)): Payback {
  const investmentFen =
    basis.investment === 'actual' ? f.invoicedFen : basis.investment === 'contracted' ? (f.contractFen ?? 0n) : (f.quotedFen ?? f.contractFen ?? 0n);
  const subsidyFen = basis.subsidy === 'paid' ? f.subsidy.paidFen : basis.subsidy === 'approved' ? f.subsidy.approvedFen : f.subsidy.expectedFen;
  const measured = basis.savings === 'measured' ? f.measuredFen : [];
  const monthlyFen = measured.length ? measured.reduce((s, v) => s + v, 0n) / BigInt(measured.length) : f.expectedMonthlyFen;
  const verdict = simplePayback(investmentFen, subsidyFen, monthlyFen);
  const netFen = investmentFen - subsidyFen;
  return {
    basis,
    investmentFen,
    subsidyFen,
    subsidies: f.subsidy,
    netFen,
    monthlyFen,
    verdict,
    cashFlowExpected: cumulativeCashFlow(netFen, () => f.expectedMonthlyFen),
    cashFlow: cumulativeCashFlow(netFen, (m) => measured[m - 1] ?? monthlyFen),
    tracking: trackPayback(f.expectedMonthlyFen, f.measuredFen),
  };
}

/** Months as one number for averages and distributions (null when it never pays back; 0 when paid back at once). */
export function paybackMonths(v: PaybackVerdict): number | null {
  return v.kind === 'months' ? v.months : v.kind === 'paidBackAtOnce' ? 0 : null;
}
