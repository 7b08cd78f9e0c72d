/**
 * The SME's side begins when the SME owner accepts a quote: that quote version is the contract. Its price and its
 * payment schedule (in money) become the project's contract; a later accepted version (after a change of plan)
 * replaces them, keeping the payments already received against the stages that remain.
 */
import type { Tx } from '../../db/tx';
import { AppError } from '../../domain/errors/app-error';
import { parseQuoteSnapshot } from '../../domain/projects/quote-snapshot';

export async function signContract(tx: Tx, p: { id: string; integratorId: string; smeClientId: string }, quoteId: string) {
  const q = await tx.quote.findUniqueOrThrow({ where: { id: quoteId }, select: { id: true, snapshot: true, totalFen: true } });
  const s = parseQuoteSnapshot(q.snapshot);
  await tx.project.update({
    where: { id: p.id },
    data: { contractQuoteId: q.id, contractPriceFen: q.totalFen, contractedAt: new Date() },
    select: { id: true },
  });
  const existing = await tx.paymentMilestone.findMany({
    where: { projectId: p.id },
    select: { id: true, stage: true, _count: { select: { payments: true } } },
  });
  const stages = new Set(s.paymentTerms.map((t) => t.stage));
  for (const m of existing) {
    if (stages.has(m.stage as never)) continue;
    if (m._count.payments) throw new AppError('PRECONDITION_FAILED', 'contract.stageHasPayments');
    await tx.paymentMilestone.delete({ where: { id: m.id }, select: { id: true } });
  }
  for (const [i, t] of s.paymentTerms.entries()) {
    const data = { dueOn: t.dueOn, shareBp: t.shareBp, amountFen: t.amountFen, sortOrder: i };
    await tx.paymentMilestone.upsert({
      where: { projectId_stage: { projectId: p.id, stage: t.stage } },
      create: { integratorId: p.integratorId, smeClientId: p.smeClientId, projectId: p.id, stage: t.stage, ...data },
      update: data,
      select: { id: true },
    });
  }
  return { priceFen: q.totalFen };
}
