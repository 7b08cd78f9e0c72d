/** A draft claim: the integrator's until submitted (the county never sees it). */

import type { Prisma } from '../../db/generated/client';
import { lockNumberSeries } from '../../db/numbering';
import type { ScopedDb } from '../../db/scoped';
import type { IntegratorScope } from '../../domain/auth/scope';
import { factsFromSnapshot } from '../../domain/claims/snapshot';
import { AppError } from '../../domain/errors/app-error';
import { computeClaim } from '../../domain/funds/allowance';
import { shanghaiToday } from '../../domain/time';
import { buildSnapshot } from './build-snapshot';
import { refuseMachinesHeldElsewhere, usedByOthers } from './other-claims';
import type { ClaimRequest } from './preview-claim';
import { type Actor, fundFor, json, markCovered, recordClaimEvent } from './shared';

export async function createClaim(db: ScopedDb, scope: IntegratorScope, actor: Actor, input: ClaimRequest) {
  return db.$transaction(async (tx) => {
    const fund = await fundFor(tx, input.fundId);
    const { snapshot, project, machines } = await buildSnapshot(tx, input.projectId, input.fundId, input.machineIds, input.batchId);
    if (fund.sectors.length && !fund.sectors.includes(snapshot.sme.sector)) throw new AppError('PRECONDITION_FAILED', 'claim.sectorNotEligible');
    await refuseMachinesHeldElsewhere(tx, fund.id, machines, null);
    const used = await usedByOthers(tx, fund.id, project.smeClientId, null);
    const result = computeClaim(fund.rules, factsFromSnapshot(snapshot, { ...used, filedOn: shanghaiToday() }));
    await lockNumberSeries(tx, `claim:${fund.id}:${scope.integratorId}`);
    const count = await tx.claim.count({ where: { fundId: fund.id } });
    const claim = await tx.claim.create({
      data: {
        countyId: fund.countyId,
        fundId: fund.id,
        integratorId: scope.integratorId,
        smeClientId: project.smeClientId,
        projectId: project.id,
        batchId: input.batchId,
        number: `C-${shanghaiToday().slice(0, 4)}-${scope.integratorId.slice(-4).toUpperCase()}-${String(count + 1).padStart(3, '0')}`,
        rulesVersion: fund.rulesVersion,
        rules: fund.rules as Prisma.InputJsonValue,
        requestedFen: result.grantedFen,
        computedFen: result.grantedFen,
        explanation: json(result.steps),
        snapshot: json(snapshot),
        createdById: actor.id,
      },
      select: { id: true, number: true, countyId: true },
    });
    const cost = new Map(snapshot.facts.machines.map((m) => [m.assetTag, BigInt(m.costFen)]));
    if (machines.length)
      await tx.claimMachine.createMany({
        data: machines.map((m) => ({
          claimId: claim.id,
          machineId: m.machineId,
          assetTag: m.assetTag,
          costFen: cost.get(m.assetTag) ?? 0n,
          countyId: fund.countyId,
          integratorId: scope.integratorId,
          smeClientId: project.smeClientId,
        })),
      });
    await markCovered(tx, claim.id, result.coveredAssetTags);
    const keys = { id: claim.id, countyId: fund.countyId, integratorId: scope.integratorId, smeClientId: project.smeClientId };
    await recordClaimEvent(tx, keys, actor, 'draft', 'NONE', 'DRAFT', { amountFen: result.grantedFen, explanation: result.steps });
    return claim;
  });
}
