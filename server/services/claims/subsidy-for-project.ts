/**
 * The three subsidy figures of one project that its payback may take as a basis (bigint fen), from its claims:
 * - `expectedFen`: what the project can count on if every live claim is granted as it stands — pending (submitted)
 *   claims at their submitted amount, granted ones at their approved amount;
 * - `approvedFen`: granted by the county (approved or paid out), at the approved amount;
 * - `paidFen`: paid out (the sum of payouts; a partial payout pays less than was approved).
 * Drafts, returned and rejected claims count nowhere. paidFen ≤ approvedFen ≤ expectedFen.
 */
import type { Db } from './shared';

export async function subsidyForProject(tx: Db, projectId: string): Promise<{ expectedFen: bigint; approvedFen: bigint; paidFen: bigint }> {
  const claims = await tx.claim.findMany({
    where: { projectId, status: { in: ['SUBMITTED', 'APPROVED', 'DISBURSED'] } },
    select: { status: true, computedFen: true, approvedFen: true, disbursedFen: true },
  });
  let expectedFen = 0n;
  let approvedFen = 0n;
  let paidFen = 0n;
  for (const c of claims) {
    if (c.status === 'SUBMITTED') expectedFen += c.computedFen;
    else {
      expectedFen += c.approvedFen ?? 0n;
      approvedFen += c.approvedFen ?? 0n;
    }
    if (c.status === 'DISBURSED') paidFen += c.disbursedFen;
  }
  return { expectedFen, approvedFen, paidFen };
}
