/** What the other claims of the same fund use and hold, read for the pure guards in server/domain/claims/status.ts. */

import { allowanceUsed, type ClaimStatus, machinesHeldElsewhere } from '../../domain/claims/status';
import { AppError } from '../../domain/errors/app-error';
import type { Db } from './shared';

/** The allowance the SME's other claims under the fund use: the machines they cover and the amounts granted. */
export async function usedByOthers(db: Db, fundId: string, smeClientId: string, exceptClaimId: string | null) {
  const others = await db.claim.findMany({
    where: { fundId, smeClientId, ...(exceptClaimId ? { id: { not: exceptClaimId } } : {}) },
    select: { status: true, approvedFen: true, _count: { select: { machines: { where: { covered: true } } } } },
  });
  return allowanceUsed(others.map((o) => ({ status: o.status as ClaimStatus, approvedFen: o.approvedFen, coveredMachines: o._count.machines })));
}

/** The machines of the project that other live claims of the fund hold, with the number of the claim holding each. */
export async function machinesHeldByOthers(db: Db, fundId: string, machineIds: readonly string[], exceptClaimId: string | null) {
  const rows = await db.claimMachine.findMany({
    where: { machineId: { in: [...machineIds] }, claim: { fundId, ...(exceptClaimId ? { id: { not: exceptClaimId } } : {}) } },
    select: { machineId: true, assetTag: true, claim: { select: { number: true, status: true } } },
  });
  const byClaim = new Map<string, { status: ClaimStatus; number: string; machineIds: string[] }>();
  for (const r of rows) {
    const c = byClaim.get(r.claim.number) ?? { status: r.claim.status as ClaimStatus, number: r.claim.number, machineIds: [] };
    c.machineIds.push(r.machineId);
    byClaim.set(r.claim.number, c);
  }
  const holders = [...byClaim.values()];
  return { holders, heldBy: (machineId: string) => holders.find((h) => machinesHeldElsewhere([{ machineId, assetTag: '' }], [h]).length)?.number ?? null };
}

/** Refuses a claim naming a machine that another live claim of the fund holds (finding: a machine claimed twice). */
export async function refuseMachinesHeldElsewhere(
  db: Db,
  fundId: string,
  named: readonly { machineId: string; assetTag: string }[],
  exceptClaimId: string | null,
) {
  const { holders } = await machinesHeldByOthers(
    db,
    fundId,
    named.map((m) => m.machineId),
    exceptClaimId,
  );
  const held = machinesHeldElsewhere(named, holders);
  if (held.length) throw new AppError('PRECONDITION_FAILED', 'claim.machinesClaimedElsewhere', { assetTags: held.join(', ') });
}
