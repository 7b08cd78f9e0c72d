/**
 * The county's decision: approve (the allowed amount, or another with a reason), reject or return (with a reason).
 * The amount is recomputed from the claim's own snapshot and rules with what the SME's other claims use at this
 * moment (the machines they cover, not every one they name). Approval locks the fund row, so committed + disbursed
 * stays within the budget however many officials approve at once, and checks that the claim can be judged on facts.
 * Submissions of the SME take their own lock (submit-claim.ts); approvals are serialised per fund by the row lock.
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
import { type Actor, markCovered, recordClaimEvent, type Tx } from './shared';

export type Decision = { claimId: string; decision: 'approve' | 'reject' | 'return'; amountFen?: bigint | null; reason?: string | null };

export async function decideClaim(db: ScopedDb, scope: CountyScope, actor: Actor, input: Decision) {
  const reason = input.reason?.trim() || null;
  if ((input.decision === 'reject' || input.decision === 'return') && !reason) throw new AppError('BAD_REQUEST', 'claim.reasonRequired');
  // one connection per decision, taken once: read the claim, then wait for the fund's row
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
        machines: { where: { covered: true }, select: { assetTag: true } },
      },
    });
    if (!c) throw new AppError('NOT_FOUND');
    const from = c.status as ClaimStatus;
    const to = nextClaimStatus(from, input.decision);
    const rules = fundRules.parse(c.rules);
    const snapshot = parseClaimSnapshot(c.snapshot);
    if (input.decision === 'approve') {
      const notReady = claimNotReadyReason(rules, {
        projectStatus: snapshot.project.status ?? null,
        afterLevelKnown: snapshot.assessments.after?.level != null,
      });
      if (notReady) throw new AppError('PRECONDITION_FAILED', notReady);
    }
    // approvals of a fund take turns on its row: the budget and the allowance each claim uses are read under that lock
    const budget = input.decision === 'approve' ? await lockFund(tx, c.fundId, scope.countyId) : null;
    // the explanation at the moment of the decision: the claim's own rules and facts, with what others use now
    const used = await usedByOthers(tx, c.fundId, c.smeClientId, c.id);
    const now = computeClaim(rules, factsFromSnapshot(snapshot, { ...used, filedOn: snapshot.facts.filedOn }));
    let amount: bigint | null = null;
    if (budget) {
      amount = approvalAmount({ allowedFen: now.eligible ? now.grantedFen : 0n, submittedFen: c.computedFen, amountFen: input.amountFen ?? null, reason });
      if (amount > budget.remaining)
        throw new AppError('PRECONDITION_FAILED', 'claim.budgetExceeded', { remaining: formatYuan(budget.remaining), amount: formatYuan(amount) });
      await tx.$executeRaw`UPDATE "Fund" SET "committedFen" = "committedFen" + ${amount}, "updatedAt" = now() WHERE id = ${c.fundId} AND "countyId" = ${scope.countyId}`;
    }
    const moved = await tx.claim.updateMany({
      where: { id: c.id, status: from },
      data: { status: to, approvedFen: amount, decisionReason: reason, decidedAt: new Date() },
    });
    if (moved.count !== 1) throw new AppError('CONFLICT', 'claim.concurrent');
    if (amount !== null) {
      const before = c.machines.map((m) => m.assetTag).sort();
      if (before.join('\n') !== [...now.coveredAssetTags].sort().join('\n')) await markCovered(tx, c.id, now.coveredAssetTags);
      // the approved subsidy lowers the SME's net investment (fenced to the claim's own project and integrator)
      await tx.$executeRaw`UPDATE "Project" SET "approvedSubsidyFen" = "approvedSubsidyFen" + ${amount} WHERE id = ${c.projectId} AND "integratorId" = ${c.integratorId}`;
    }
    await recordClaimEvent(tx, c, actor, input.decision, from, to, { amountFen: amount, reason, explanation: now.steps });
    return { id: c.id, status: to, approvedFen: amount };
  }, DECISION_TURN);
}

/** Officials approving at once wait their turn for a connection and the fund's row rather than fail. */
const DECISION_TURN = { maxWait: 30_000, timeout: 60_000 };

/** Locks the fund row (committed + disbursed + amount ≤ budget is checked under it) and returns what remains. */
async function lockFund(tx: Tx, fundId: string, countyId: string) {
  const rows = await tx.$queryRaw<{ budget: bigint; committed: bigint; disbursed: bigint }[]>`
    SELECT "budgetFen" AS budget, "committedFen" AS committed, "disbursedFen" AS disbursed FROM "Fund"
    WHERE id = ${fundId} AND "countyId" = ${countyId} FOR UPDATE`;
  const f = rows[0];
  if (!f) throw new AppError('NOT_FOUND');
  return { remaining: BigInt(f.budget) - BigInt(f.committed) - BigInt(f.disbursed) };
}
