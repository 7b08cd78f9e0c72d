/**
 * The SME's side of a project: the contract price (the accepted quote), its payment schedule, the VAT invoices the
 * integrator issued to the SME and the payments it received. The SME owner reads all of it; staff record invoices
 * and payments, each in one transaction with its audit entry, under a lock on the project so that two clerks
 * cannot together invoice or collect more than the contract.
 */
import type { Prisma } from '../../db/generated/client';
import type { ScopedDb } from '../../db/scoped';
import { audit, type Tx } from '../../db/tx';
import { AppError } from '../../domain/errors/app-error';
import { formatYuan } from '../../domain/money/money';
import { eventsReached } from '../../domain/projects/payment-terms';
import { vatIncluded } from '../../domain/projects/vat';
import { dateOnly, shanghaiToday } from '../../domain/time';

async function contractedProject(db: ScopedDb, projectId: string) {
  const p = await db.project.findUnique({
    where: { id: projectId },
    select: { id: true, integratorId: true, smeClientId: true, status: true, contractPriceFen: true, contractedAt: true },
  });
  if (!p) throw new AppError('NOT_FOUND');
  if (p.contractPriceFen === null || p.status === 'CANCELLED' || p.status === 'DRAFT' || p.status === 'QUOTED')
    throw new AppError('PRECONDITION_FAILED', 'ledger.noContract');
  return p as typeof p & { contractPriceFen: bigint };
}

const lockProject = (tx: Tx, p: { id: string; integratorId: string }) =>
  tx.$executeRaw`SELECT 1 FROM "Project" WHERE id = ${p.id} AND "integratorId" = ${p.integratorId} FOR UPDATE`;

function notInFuture(day: string) {
  if (day > shanghaiToday()) throw new AppError('BAD_REQUEST', 'ledger.futureDate');
}

export async function recordSmeInvoice(
  db: ScopedDb,
  actorId: string,
  input: { projectId: string; invoiceNo: string; issuedOn: string; vatRateBp: number; amountFen: bigint },
) {
  const p = await contractedProject(db, input.projectId);
  notInFuture(input.issuedOn);
  if (input.amountFen <= 0n) throw new AppError('BAD_REQUEST', 'ledger.amount');
  return db.$transaction(async (tx) => {
    await lockProject(tx, p);
    const sum = await tx.smeInvoice.aggregate({ where: { projectId: p.id }, _sum: { amountFen: true } });
    const invoiced = sum._sum.amountFen ?? 0n;
    if (invoiced + input.amountFen > p.contractPriceFen)
      throw new AppError('BAD_REQUEST', 'ledger.invoiceOverContract', { left: formatYuan(p.contractPriceFen - invoiced) });
    if (await tx.smeInvoice.findFirst({ where: { projectId: p.id, invoiceNo: input.invoiceNo }, select: { id: true } }))
      throw new AppError('CONFLICT', 'ledger.invoiceNoTaken');
    const taxFen = vatIncluded(input.amountFen, input.vatRateBp);
    const row = await tx.smeInvoice.create({
      data: {
        integratorId: p.integratorId,
        smeClientId: p.smeClientId,
        projectId: p.id,
        invoiceNo: input.invoiceNo,
        issuedOn: dateOnly(input.issuedOn),
        vatRateBp: input.vatRateBp,
        amountFen: input.amountFen,
        taxFen,
        createdById: actorId,
      },
      select: { id: true },
    });
    await audit(tx, {
      integratorId: p.integratorId,
      actorId,
      action: 'project.smeInvoice',
      entity: 'Project',
      entityId: p.id,
      data: { invoiceId: row.id, invoiceNo: input.invoiceNo, amountFen: input.amountFen, vatRateBp: input.vatRateBp, taxFen },
    });
    return row;
  });
}

export async function recordSmePayment(
  db: ScopedDb,
  actorId: string,
  input: { projectId: string; milestoneId: string; receivedOn: string; amountFen: bigint; reference: string | null },
) {
  const p = await contractedProject(db, input.projectId);
  notInFuture(input.receivedOn);
  if (input.amountFen <= 0n) throw new AppError('BAD_REQUEST', 'ledger.amount');
  const m = await db.paymentMilestone.findFirst({ where: { id: input.milestoneId, projectId: p.id }, select: { id: true, stage: true } });
  if (!m) throw new AppError('NOT_FOUND');
  return db.$transaction(async (tx) => {
    await lockProject(tx, p);
    const stage = await tx.paymentMilestone.findUniqueOrThrow({ where: { id: m.id }, select: { amountFen: true } });
    const sum = await tx.smePayment.aggregate({ where: { milestoneId: m.id }, _sum: { amountFen: true } });
    const left = stage.amountFen - (sum._sum.amountFen ?? 0n);
    if (input.amountFen > left) throw new AppError('BAD_REQUEST', 'ledger.paymentOverStage', { left: formatYuan(left) });
    const row = await tx.smePayment.create({
      data: {
        integratorId: p.integratorId,
        smeClientId: p.smeClientId,
        projectId: p.id,
        milestoneId: m.id,
        receivedOn: dateOnly(input.receivedOn),
        amountFen: input.amountFen,
        reference: input.reference,
        createdById: actorId,
      },
      select: { id: true },
    });
    await audit(tx, {
      integratorId: p.integratorId,
      actorId,
      action: 'project.smePayment',
      entity: 'Project',
      entityId: p.id,
      data: { paymentId: row.id, stage: m.stage, amountFen: input.amountFen, reference: input.reference },
    });
    return row;
  });
}

type LedgerRows = {
  status: string;
  contractPriceFen: bigint | null;
  milestones: { id: string; stage: string; dueOn: string; shareBp: number; amountFen: bigint }[];
  invoices: { id: string; invoiceNo: string; issuedOn: Date; vatRateBp: number; amountFen: bigint; taxFen: bigint }[];
  payments: { id: string; milestoneId: string; receivedOn: Date; amountFen: bigint; reference: string | null }[];
};

/** What the SME owes, was invoiced and paid; `eligibleFen` is what a subsidy rule counts: paid AND invoiced. */
export function summariseLedger(r: LedgerRows) {
  const reached = eventsReached(r.status);
  const paidByStage = new Map<string, bigint>();
  for (const x of r.payments) paidByStage.set(x.milestoneId, (paidByStage.get(x.milestoneId) ?? 0n) + x.amountFen);
  const milestones = r.milestones.map((m) => {
    const paidFen = paidByStage.get(m.id) ?? 0n;
    const due = reached.has(m.dueOn as never);
    return { ...m, paidFen, due, outstandingFen: m.amountFen - paidFen, overdue: due && paidFen < m.amountFen };
  });
  const invoicedFen = r.invoices.reduce((s, i) => s + i.amountFen, 0n);
  const paidFen = r.payments.reduce((s, x) => s + x.amountFen, 0n);
  const contractFen = r.contractPriceFen ?? 0n;
  return {
    contractFen: r.contractPriceFen,
    milestones,
    invoices: r.invoices,
    payments: r.payments,
    invoicedFen,
    taxFen: r.invoices.reduce((s, i) => s + i.taxFen, 0n),
    paidFen,
    outstandingFen: contractFen - paidFen,
    dueNowFen: milestones.filter((m) => m.due).reduce((s, m) => s + m.outstandingFen, 0n),
    eligibleFen: paidFen < invoicedFen ? paidFen : invoicedFen,
  };
}
export type SmeLedger = ReturnType<typeof summariseLedger>;

export const ledgerSelect = {
  contractPriceFen: true,
  milestones: { orderBy: { sortOrder: 'asc' as const }, select: { id: true, stage: true, dueOn: true, shareBp: true, amountFen: true } },
  smeInvoices: {
    orderBy: [{ issuedOn: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, invoiceNo: true, issuedOn: true, vatRateBp: true, amountFen: true, taxFen: true },
  },
  smePayments: {
    orderBy: [{ receivedOn: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, milestoneId: true, receivedOn: true, amountFen: true, reference: true },
  },
} satisfies Prisma.ProjectSelect;
