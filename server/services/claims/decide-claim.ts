/**
 * The county's decision: approve (the allowed amount, or another with a reason), reject or return (with a reason).
 * The amount is recomputed from the claim's own snapshot and rules with what the SME's other claims use at this
 * moment (the machines they cover, not every one they name). Approval locks the fund row, so committed + disbursed
 * stays within the budget however many officials approve at once, and checks that the claim can be judged on facts.
 */
import type { ScopedDb } from '../../db/scoped';
import type { CountyScope } from '../../domain/auth/scope';
import { factsFromSnapshot, parseClaimSnapshot } from '../../domain/claims/snapshot';
import { approvalAmount, type ClaimStatus, claimNotReadyReason, nextClaimStatus } from '../../domain/claims/status';
import { AppError } from '../../domain/errors/app-error';
import { computeClaim } from '../../domain/funds/allowance';
import { fundRules } from '../../domain/funds/rules';
import { formatYuan } from '../../domain/money/money';
import { usedByOthers } from './other-claims';
import { type Actor, lockSmeUnderFund, markCovered, recordClaimEvent, type Tx } from './shared';

export type Decision = { claimId: string; decision: 'approve' | 'reject' | 'return'; amountFen?: bigint | null; reason?: string | null };

export async function decideClaim(db: ScopedDb, scope: CountyScope, actor: Actor, input: Decision) {
  const reason = input.reason?.trim() || null;
  if ((input.decision === 'reject' || input.decision === 'return') && !reason) throw new AppError('BAD_REQUEST', 'claim.reasonRequired');
  return db.$transaction(async (tx) => {
    const c = await tx.claim.findUnique({
      where: { id: input.claimId },
      select: {
        id: true,
        status: true,
        fundId: true,
        projectId: true,
        countyId: true,
        integratorId: true,
        smeClientId: true,
        computedFen: true,
        rules: true,
        snapshot: true,
      },
    });
    if (!c) throw new AppError('NOT_FOUND');
    const from = c.status as ClaimStatus;
    const to = nextClaimStatus(from, input.decision);
    if (input.decision === 'approve') await lockFund(tx, c.fundId, scope.countyId);
    await lockSmeUnderFund(tx, c.fundId, c.smeClientId);
    // the explanation at the moment of the decision: the claim's own rules and facts, with what others use now
    const rules = fundRules.parse(c.rules);
    const snapshot = parseClaimSnapshot(c.snapshot);
    const used = await usedByOthers(tx, c.fundId, c.smeClientId, c.id);
    const now = computeClaim(rules, factsFromSnapshot(snapshot, { ...used, filedOn: snapshot.facts.filedOn }));
    let amount: bigint | null = null;
    if (input.decision === 'approve') {
      const notReady = claimNotReadyReason(rules, {
        projectStatus: snapshot.project.status ?? null,
        afterLevelKnown: snapshot.assessments.after?.level != null,
      });
      if (notReady) throw new AppError('PRECONDITION_FAILED', notReady);
      amount = approvalAmount({ allowedFen: now.eligible ? now.grantedFen : 0n, submittedFen: c.computedFen, amountFen: input.amountFen ?? null, reason });
      await commitAgainstBudget(tx, c.fundId, scope.countyId, amount);
    }
    const moved = await tx.claim.updateMany({
      where: { id: c.id, status: from },
      data: { status: to, approvedFen: amount, decisionReason: reason, decidedAt: new Date() },
    });
    if (moved.count !== 1) throw new AppError('CONFLICT', 'claim.concurrent');
    if (amount !== null) {
      await markCovered(tx, c.id, now.coveredAssetTags);
      // the approved subsidy lowers the SME's net investment (fenced to the claim's own project and integrator)
      await tx.$executeRaw`UPDATE "Project" SET "approvedSubsidyFen" = "approvedSubsidyFen" + ${amount} WHERE id = ${c.projectId} AND "integratorId" = ${c.integratorId}`;
    }
    await recordClaimEvent(tx, c, actor, input.decision, from, to, { amountFen: amount, reason, explanation: now.steps });
    return { id: c.id, status: to, approvedFen: amount };
  });
}

async function lockFund(tx: Tx, fundId: string, countyId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Fund" WHERE id = ${fundId} AND "countyId" = ${countyId} FOR UPDATE`;
  if (!rows[0]) throw new AppError('NOT_FOUND');
}

/** committed + disbursed + amount ≤ budget, under the fund row's lock taken by `lockFund`. */
async function commitAgainstBudget(tx: Tx, fundId: string, countyId: string, amount: bigint) {
  const rows = await tx.$queryRaw<{ budget: bigint; committed: bigint; disbursed: bigint }[]>`
    SELECT "budgetFen" AS budget, "committedFen" AS committed, "disbursedFen" AS disbursed FROM "Fund" WHERE id = ${fundId} AND "countyId" = ${countyId}`;
  const f = rows[0];
  if (!f) throw new AppError('NOT_FOUND');
  const remaining = BigInt(f.budget) - BigInt(f.committed) - BigInt(f.disbursed);
  if (amount > remaining) throw new AppError('PRECONDITION_FAILED', 'claim.budgetExceeded', { remaining: formatYuan(remaining), amount: formatYuan(amount) });
  await tx.$executeRaw`UPDATE "Fund" SET "committedFen" = "committedFen" + ${amount}, "updatedAt" = now() WHERE id = ${fundId} AND "countyId" = ${countyId}`;
}
