/**
 * The facts of the "share of paid spend" rule for one project, from the SME's side of its money (the contract's
 * invoices and the payments received): what the SME was invoiced AND paid counts; what is invoiced but not paid is
 * shown, not counted. The integrator's supplier costs never enter it (docs/decisions/0016).
 */
import { AppError } from '../../domain/errors/app-error';
import { ledgerSelect, summariseLedger } from '../projects/sme-ledger';
import type { Db } from './shared';

export async function eligibleSpendFen(tx: Db, projectId: string): Promise<{ paidAndInvoicedFen: bigint; invoicedUnpaidFen: bigint }> {
  const p = await tx.project.findUnique({ where: { id: projectId }, select: { status: true, ...ledgerSelect } });
  if (!p) throw new AppError('NOT_FOUND');
  const l = summariseLedger({
    status: p.status,
    contractPriceFen: p.contractPriceFen,
    milestones: p.milestones,
    invoices: p.smeInvoices,
    payments: p.smePayments,
  });
  return { paidAndInvoicedFen: l.eligibleFen, invoicedUnpaidFen: l.invoicedFen > l.paidFen ? l.invoicedFen - l.paidFen : 0n };
}
