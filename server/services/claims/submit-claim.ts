/**
 * Submit (or resubmit after a return): the snapshot is taken again and the amount recomputed, under the lock of the
 * SME's claims in the fund, only when the fund's rules can be judged on facts, with the evidence the fund requires,
 * and with no machine that another live claim of the fund holds.
 */
import type { Prisma } from '../../db/generated/client';
import type { ScopedDb } from '../../db/scoped';
import { factsFromSnapshot } from '../../domain/claims/snapshot';
import { type ClaimStatus, claimNotReadyReason, nextClaimStatus } from '../../domain/claims/status';
import { AppError } from '../../domain/errors/app-error';
import { computeClaim } from '../../domain/funds/allowance';
import { shanghaiToday } from '../../domain/time';
import { buildSnapshot } from './build-snapshot';
import { refuseMachinesHeldElsewhere, usedByOthers } from './other-claims';
import { type Actor, fundFor, json, lockSmeUnderFund, markCovered, recordClaimEvent } from './shared';

export async function submitClaim(db: ScopedDb, actor: Actor, claimId: string) {
  return db.$transaction(async (tx) => {
    const c = await tx.claim.findUnique({
      where: { id: claimId },
      select: {
        id: true,
        status: true,
        fundId: true,
        projectId: true,
        batchId: true,
        countyId: true,
        integratorId: true,
        smeClientId: true,
        machines: { select: { machineId: true } },
        evidence: { select: { kind: true } },
      },
    });
    if (!c) throw new AppError('NOT_FOUND');
    const from = c.status as ClaimStatus;
    const to = nextClaimStatus(from, 'submit');
    await lockSmeUnderFund(tx, c.fundId, c.smeClientId);
    const fund = await fundFor(tx, c.fundId);
    const missing = fund.evidenceRequired.filter((k) => !c.evidence.some((e) => e.kind === k));
    if (missing.length) throw new AppError('PRECONDITION_FAILED', 'claim.evidenceMissing', { kinds: missing.join(', ') });
    const { snapshot, machines } = await buildSnapshot(
      tx,
      c.projectId,
      c.fundId,
      c.machines.map((m) => m.machineId),
      c.batchId,
      fund.rules.find((r) => r.kind === 'USAGE_REQUIRED')?.days ?? 30,
    );
    const notReady = claimNotReadyReason(fund.rules, {
      projectStatus: snapshot.project.status ?? null,
      afterLevelKnown: snapshot.assessments.after?.level != null,
    });
    if (notReady) throw new AppError('PRECONDITION_FAILED', notReady);
    await refuseMachinesHeldElsewhere(tx, c.fundId, machines, c.id);
    const used = await usedByOthers(tx, c.fundId, c.smeClientId, c.id);
    const result = computeClaim(fund.rules, factsFromSnapshot(snapshot, { ...used, filedOn: shanghaiToday() }));
    if (!result.eligible || result.grantedFen <= 0n) throw new AppError('PRECONDITION_FAILED', 'claim.notEligible');
    const moved = await tx.claim.updateMany({
      where: { id: c.id, status: from },
      data: {
        status: to,
        submittedAt: new Date(),
        rulesVersion: fund.rulesVersion,
        rules: fund.rules as Prisma.InputJsonValue,
        requestedFen: result.grantedFen,
        computedFen: result.grantedFen,
        explanation: json(result.steps),
        snapshot: json(snapshot),
      },
    });
    if (moved.count !== 1) throw new AppError('CONFLICT');
    await markCovered(tx, c.id, result.coveredAssetTags);
    await recordClaimEvent(tx, c, actor, 'submit', from, to, { amountFen: result.grantedFen, explanation: result.steps });
    return { id: c.id, computedFen: result.grantedFen };
  });
}
