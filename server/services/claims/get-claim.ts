/** One claim with its snapshot, reasoning, machines, evidence and history (a county sees it only once submitted). */
import type { ScopedDb } from '../../db/scoped';
import { factsFromSnapshot, parseClaimSnapshot } from '../../domain/claims/snapshot';
import type { ClaimStatus } from '../../domain/claims/status';
import { AppError } from '../../domain/errors/app-error';
import { claimSteps, computeClaim } from '../../domain/funds/allowance';
import { fundRules } from '../../domain/funds/rules';
import { usedByOthers } from './other-claims';

export async function getClaim(db: ScopedDb, id: string) {
  const c = await db.claim.findUnique({
    where: { id },
    select: {
      id: true,
      number: true,
      status: true,
      rulesVersion: true,
      rules: true,
      requestedFen: true,
      computedFen: true,
      approvedFen: true,
      disbursedFen: true,
      disbursedOn: true,
      disbursementRef: true,
      decisionReason: true,
      explanation: true,
      snapshot: true,
      projectId: true,
      smeClientId: true,
      submittedAt: true,
      decidedAt: true,
      createdAt: true,
      fund: { select: { id: true, name: true, nameEn: true, evidenceRequired: true } },
      batch: { select: { name: true } },
      machines: { orderBy: { assetTag: 'asc' }, select: { assetTag: true, costFen: true, covered: true } },
      evidence: { select: { id: true, kind: true, fileId: true, fileName: true } },
      events: {
        orderBy: { at: 'asc' },
        select: { id: true, action: true, from: true, to: true, amountFen: true, reason: true, explanation: true, actorName: true, at: true },
      },
    },
  });
  if (!c) throw new AppError('NOT_FOUND');
  const rules = fundRules.parse(c.rules);
  const snapshot = parseClaimSnapshot(c.snapshot);
  // a pending claim: what the rules allow at this moment, with what the SME's other claims use now (the decision's basis)
  let allowedNowFen: bigint | null = null;
  if (c.status === 'SUBMITTED') {
    const used = await usedByOthers(db, c.fund.id, c.smeClientId, c.id);
    const now = computeClaim(rules, factsFromSnapshot(snapshot, { ...used, filedOn: snapshot.facts.filedOn }));
    allowedNowFen = now.eligible ? now.grantedFen : 0n;
  }
  return {
    ...c,
    status: c.status as ClaimStatus,
    rules,
    allowedNowFen,
    explanation: claimSteps.parse(c.explanation),
    snapshot,
    events: c.events.map((e) => ({ ...e, explanation: e.explanation == null ? null : claimSteps.parse(e.explanation) })),
  };
}
