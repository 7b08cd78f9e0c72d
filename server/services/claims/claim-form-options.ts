/**
 * What the claim form offers for a project under a fund: each machine with its kind and workshop and the claim that
 * already holds it, and how many the free share has left, so that the form pre-selects at most that many.
 */
import type { ScopedDb } from '../../db/scoped';
import { AppError } from '../../domain/errors/app-error';
import { freeMachineAllowance } from '../../domain/funds/rules';
import { machinesHeldByOthers, usedByOthers } from './other-claims';
import { fundFor } from './shared';

export async function claimFormOptions(db: ScopedDb, input: { projectId: string; fundId: string }) {
  const project = await db.project.findUnique({
    where: { id: input.projectId },
    select: {
      smeClientId: true,
      machines: {
        orderBy: { machine: { assetTag: 'asc' } },
        select: { machine: { select: { id: true, assetTag: true, kind: true, line: { select: { name: true, workshop: { select: { name: true } } } } } } },
      },
    },
  });
  if (!project) throw new AppError('NOT_FOUND');
  const fund = await fundFor(db, input.fundId);
  const ids = project.machines.map((m) => m.machine.id);
  const [{ heldBy }, used, inService] = await Promise.all([
    machinesHeldByOthers(db, fund.id, ids, null),
    usedByOthers(db, fund.id, project.smeClientId, null),
    db.machine.count({ where: { smeClientId: project.smeClientId, status: 'IN_SERVICE' } }),
  ]);
  const free = fund.rules.find((r) => r.kind === 'FREE_SHARE');
  const allowance = free ? freeMachineAllowance(inService, free) : null;
  return {
    allowance,
    allowanceLeft: allowance === null ? null : Math.max(0, allowance - used.machinesAlreadyClaimed),
    machines: project.machines.map(({ machine: m }) => ({
      id: m.id,
      assetTag: m.assetTag,
      kind: m.kind,
      workshop: m.line?.workshop.name ?? null,
      line: m.line?.name ?? null,
      heldBy: heldBy(m.id),
    })),
  };
}
