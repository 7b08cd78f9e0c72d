/**
 * The facts of the "share of paid spend" rule for one project: what was invoiced and paid, and what is invoiced but
 * unpaid. The one place the claims read them from.
 *
 * Source for now: the project's cost entries (paid / unpaid). The rule is meant to count what the SME paid and was
 * invoiced under its contract; when the SME ledger (payments received, invoices issued to the SME) lands, this function
 * reads that instead, and nothing else in the claims changes.
 */
import type { Db } from './shared';

export async function eligibleSpendFen(tx: Db, projectId: string): Promise<{ paidAndInvoicedFen: bigint; invoicedUnpaidFen: bigint }> {
  const entries = await tx.costEntry.findMany({ where: { projectId }, select: { amountFen: true, paid: true } });
  let paid = 0n;
  let unpaid = 0n;
  for (const e of entries) {
    if (e.paid) paid += e.amountFen;
    else unpaid += e.amountFen;
  }
  return { paidAndInvoicedFen: paid, invoicedUnpaidFen: unpaid };
}
