/**
 * The integrator's side of a project: what it spends with its suppliers and on its own labour, against the budget
 * lines. Staff only (the tenant gate and row-level security hide these rows from SME owners and counties); it never
 * enters the SME's investment, payback or a subsidy rule.
 */
import type { ScopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import { AppError } from '../../domain/errors/app-error';
import type { ProjectStatus } from '../../domain/projects/status';
import { dateOnly } from '../../domain/time';

const costStatuses: ProjectStatus[] = ['ACCEPTED', 'IN_PROGRESS', 'COMMISSIONED', 'VERIFIED'];

export async function addCostEntry(
  db: ScopedDb,
  actorId: string,
  input: { projectId: string; costLineId: string | null; supplier: string; invoiceNo: string; invoiceDate: string; amountFen: bigint; paid: boolean },
) {
  const p = await db.project.findUnique({ where: { id: input.projectId }, select: { id: true, integratorId: true, smeClientId: true, status: true } });
  if (!p) throw new AppError('NOT_FOUND');
  if (!costStatuses.includes(p.status)) throw new AppError('PRECONDITION_FAILED', 'costs.notStarted');
  if (input.costLineId && !(await db.costLine.findFirst({ where: { id: input.costLineId, projectId: p.id }, select: { id: true } })))
    throw new AppError('NOT_FOUND');
  if (input.amountFen <= 0n) throw new AppError('BAD_REQUEST', 'costs.amount');
  return db.$transaction(async (tx) => {
    const e = await tx.costEntry.create({
      data: {
        integratorId: p.integratorId,
        smeClientId: p.smeClientId,
        projectId: p.id,
        costLineId: input.costLineId,
        supplier: input.supplier,
        invoiceNo: input.invoiceNo,
        invoiceDate: dateOnly(input.invoiceDate),
        amountFen: input.amountFen,
        paid: input.paid,
        createdById: actorId,
      },
      select: { id: true },
    });
    await audit(tx, {
      integratorId: p.integratorId,
      actorId,
      action: 'project.costEntry',
      entity: 'Project',
      entityId: p.id,
      data: { entryId: e.id, amountFen: input.amountFen, supplier: input.supplier, invoiceNo: input.invoiceNo, paid: input.paid },
    });
    return e;
  });
}

export async function setCostEntryPaid(db: ScopedDb, actorId: string, id: string, paid: boolean) {
  const e = await db.costEntry.findUnique({ where: { id }, select: { id: true, projectId: true, integratorId: true, paid: true } });
  if (!e) throw new AppError('NOT_FOUND');
  if (e.paid === paid) return { id };
  return db.$transaction(async (tx) => {
    await tx.costEntry.update({ where: { id }, data: { paid }, select: { id: true } });
    await audit(tx, {
      integratorId: e.integratorId,
      actorId,
      action: 'project.costEntryPaid',
      entity: 'Project',
      entityId: e.projectId,
      data: { entryId: id, paid },
    });
    return { id };
  });
}
