/** Measured savings after commissioning: one amount per calendar month, replacing the estimate in payback. */
import { Prisma } from '../../db/generated/client';
import type { ScopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import { AppError } from '../../domain/errors/app-error';
import { shanghaiToday } from '../../domain/time';

export async function recordMeasuredSaving(db: ScopedDb, actorId: string, input: { projectId: string; month: string; amountFen: bigint; note: string | null }) {
  const p = await db.project.findUnique({ where: { id: input.projectId }, select: { id: true, integratorId: true, smeClientId: true, status: true } });
  if (!p) throw new AppError('NOT_FOUND');
  if (p.status !== 'COMMISSIONED' && p.status !== 'VERIFIED') throw new AppError('PRECONDITION_FAILED', 'measured.notCommissioned');
  if (input.month > shanghaiToday().slice(0, 7)) throw new AppError('BAD_REQUEST', 'measured.futureMonth');
  return db.$transaction(async (tx) => {
    const row = await tx.measuredSaving.upsert({
      where: { projectId_month: { projectId: p.id, month: input.month } },
      create: {
        integratorId: p.integratorId,
        smeClientId: p.smeClientId,
        projectId: p.id,
        month: input.month,
        amountFen: input.amountFen,
        note: input.note,
        createdById: actorId,
      },
      // a month typed by hand replaces one accepted from data: it no longer rests on those windows
      update: { amountFen: input.amountFen, note: input.note, source: 'MANUAL', basis: Prisma.DbNull },
      select: { id: true },
    });
    await audit(tx, {
      integratorId: p.integratorId,
      actorId,
      action: 'project.measuredSaving',
      entity: 'Project',
      entityId: p.id,
      data: { month: input.month, amountFen: input.amountFen },
    });
    return row;
  });
}
