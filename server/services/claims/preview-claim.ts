/** The claim a project could make now under a fund, with the reasoning (nothing is written). */

import type { ScopedDb } from '../../db/scoped';
import { factsFromSnapshot } from '../../domain/claims/snapshot';
import { computeClaim } from '../../domain/funds/allowance';
import { shanghaiToday } from '../../domain/time';
import { buildSnapshot } from './build-snapshot';
import { refuseMachinesHeldElsewhere, usedByOthers } from './other-claims';
import { fundFor } from './shared';

export type ClaimRequest = { projectId: string; fundId: string; machineIds: string[]; batchId: string | null };

export async function previewClaim(db: ScopedDb, input: ClaimRequest) {
  const fund = await fundFor(db, input.fundId);
  const { snapshot, project, machines } = await buildSnapshot(db, input.projectId, input.fundId, input.machineIds, input.batchId);
  await refuseMachinesHeldElsewhere(db, fund.id, machines, null);
  const used = await usedByOthers(db, fund.id, project.smeClientId, null);
  const result = computeClaim(fund.rules, factsFromSnapshot(snapshot, { ...used, filedOn: shanghaiToday() }));
  return { ...result, snapshot };
}
