/** The SME owner fills in the satisfaction record of a commissioned project (once; filling it again replaces it). */
import type { ScopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import { type SatisfactionInput, satisfactionStatuses } from '../../domain/acceptance/satisfaction';
import { AppError } from '../../domain/errors/app-error';

const select = {
  id: true,
  overall: true,
  service: true,
  results: true,
  usedInProduction: true,
  wouldRecommend: true,
  comment: true,
  respondentName: true,
  updatedAt: true,
} as const;

export async function getSatisfaction(db: ScopedDb, projectId: string) {
  const p = await db.project.findUnique({
    where: { id: projectId },
    select: { id: true, number: true, title: true, status: true, smeClient: { select: { legalName: true, legalNameEn: true } } },
  });
  if (!p) throw new AppError('NOT_FOUND');
  const record = await db.satisfactionRecord.findFirst({ where: { projectId }, select });
  return { project: p, open: (satisfactionStatuses as readonly string[]).includes(p.status), record };
}

export async function recordSatisfaction(db: ScopedDb, actorId: string, input: SatisfactionInput) {
  const { projectId, ...answers } = input;
  const p = await db.project.findUnique({ where: { id: projectId }, select: { id: true, integratorId: true, smeClientId: true, status: true } });
  if (!p) throw new AppError('NOT_FOUND');
  if (!(satisfactionStatuses as readonly string[]).includes(p.status)) throw new AppError('PRECONDITION_FAILED', 'satisfaction.notCommissioned');
  return db.$transaction(async (tx) => {
    const before = await tx.satisfactionRecord.findFirst({ where: { projectId }, select: { id: true } });
    const row = await tx.satisfactionRecord.upsert({
      where: { projectId },
      create: { integratorId: p.integratorId, smeClientId: p.smeClientId, projectId, ...answers, recordedById: actorId },
      update: { ...answers, recordedById: actorId },
      select,
    });
    await audit(tx, {
      integratorId: p.integratorId,
      actorId,
      action: before ? 'project.satisfactionUpdated' : 'project.satisfactionRecorded',
      entity: 'Project',
      entityId: p.id,
      data: { overall: answers.overall, service: answers.service, results: answers.results, usedInProduction: answers.usedInProduction },
    });
    return row;
  });
}
