import type { ScopedDb } from '../../db/scoped';
import type { Tx } from '../../db/tx';
import { AppError } from '../../domain/errors/app-error';

/** Finds or creates factory → workshop → line by names for one SME; returns the line id. */
export async function ensureLine(
  tx: Tx | ScopedDb,
  integratorId: string,
  smeClientId: string,
  names: { site: string; workshop: string; line: string },
): Promise<string> {
  const site =
    (await tx.site.findFirst({ where: { smeClientId, name: names.site }, select: { id: true } })) ??
    (await tx.site.create({ data: { integratorId, smeClientId, name: names.site }, select: { id: true } }));
  const workshop =
    (await tx.workshop.findFirst({ where: { siteId: site.id, name: names.workshop }, select: { id: true } })) ??
    (await tx.workshop.create({ data: { integratorId, smeClientId, siteId: site.id, name: names.workshop }, select: { id: true } }));
  const line =
    (await tx.productionLine.findFirst({ where: { workshopId: workshop.id, name: names.line }, select: { id: true } })) ??
    (await tx.productionLine.create({ data: { integratorId, smeClientId, workshopId: workshop.id, name: names.line }, select: { id: true } }));
  return line.id;
}

/** The SME's factories with their workshops and lines, for filters and pickers. */
export async function getHierarchy(db: ScopedDb, smeClientId: string) {
  if (!(await db.smeClient.findUnique({ where: { id: smeClientId }, select: { id: true } }))) throw new AppError('NOT_FOUND');
  return db.site.findMany({
    where: { smeClientId },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      workshops: { orderBy: { name: 'asc' }, select: { id: true, name: true, lines: { orderBy: { name: 'asc' }, select: { id: true, name: true } } } },
    },
  });
}
