/**
 * The county records the payout of an approved claim: the amount paid (at most the approved one; a partial payout
 * releases the rest back to the fund's budget) moves from committed to disbursed.
 *
 * A claim whose rules (frozen at submission) ask for machines really used *before payout* (USAGE_REQUIRED, stage
 * PAYOUT) is paid only when the claimed machines' data over the rule's days before now meets it: the evidence is read
 * fresh through the county's database role (it reads the hour records of firms that filed a claim with it), judged by
 * the same rule as at submission (server/domain/results/usage.ts), and a refusal names the numbers. The payout, its
 * claim event (with the check's reasoning) and the audit of the check commit together.
 */
import { audit } from '../../db/tx';
import type { CountyScope } from '../../domain/auth/scope';
import { readClaimSnapshot } from '../../domain/claims/snapshot';
import { type ClaimStatus, nextClaimStatus } from '../../domain/claims/status';
import { AppError } from '../../domain/errors/app-error';
import type { Step } from '../../domain/funds/allowance';
import { fundRules, type UsageRequiredRule, usageRuleAt } from '../../domain/funds/rules';
import { formatYuan } from '../../domain/money/money';
import { judgeUsage, type UsageEvidence, usageCount } from '../../domain/results/usage';
import { dateOnly } from '../../domain/time';
import { asCountyReader, type PackReaderContext } from '../acceptance/pack-access';
import { machinesUsage } from '../results/usage-evidence';
import { type Actor, recordClaimEvent } from './shared';

export type PayoutContext = PackReaderContext & { scope: CountyScope };

/**
 * The fresh evidence for a claim whose rules ask for usage before payout (null when they do not, or when the claim is
 * not the county's: the transaction then answers NOT_FOUND). A read of its own, before the payout's transaction: the
 * county's database role is another handle, and PGlite runs one transaction at a time.
 */
async function usageBeforePayout(c: PayoutContext, claimId: string, now: Date): Promise<{ rule: UsageRequiredRule; evidence: UsageEvidence } | null> {
  const claim = await c.db.claim.findUnique({
    where: { id: claimId },
    select: { rules: true, smeClientId: true, snapshot: true, machines: { orderBy: { assetTag: 'asc' }, select: { machineId: true, assetTag: true } } },
  });
  if (!claim) return null;
  const rules = fundRules.safeParse(claim.rules);
  const rule = rules.success ? usageRuleAt(rules.data, 'PAYOUT') : null;
  if (!rule) return null;
  // the baseline before go-live is shown, not judged: a snapshot that cannot be read only leaves it out
  const goLiveDay = readClaimSnapshot(claim.snapshot)?.facts.completionDate ?? null;
  const evidence = await asCountyReader(c, (db) =>
    machinesUsage(db, {
      smeClientId: claim.smeClientId,
      machines: claim.machines.map((m) => ({ id: m.machineId, assetTag: m.assetTag })),
      goLiveDay,
      days: rule.days,
      now,
    }),
  );
  return { rule, evidence };
}

/** What the check before payout would say now (the claim page shows it above the payout form); null without the rule. */
export async function payoutUsageNow(c: PayoutContext, claimId: string, now = new Date()) {
  const claim = await c.db.claim.findUnique({ where: { id: claimId }, select: { id: true } });
  if (!claim) throw new AppError('NOT_FOUND');
  const usage = await usageBeforePayout(c, claimId, now);
  if (!usage) return null;
  const judged = judgeUsage(usage.rule, usage.evidence);
  return { met: judged.met, step: judged.step, from: usage.evidence.from, to: usage.evidence.to };
}

export async function recordPayout(
  c: PayoutContext,
  actor: Actor,
  input: { claimId: string; date: string; amountFen: bigint; reference: string },
  now = new Date(),
) {
  const { scope } = c;
  const usage = await usageBeforePayout(c, input.claimId, now);
  return c.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT f.id FROM "Fund" f JOIN "Claim" c ON c."fundId" = f.id WHERE c.id = ${input.claimId} AND f."countyId" = ${scope.countyId} FOR UPDATE OF f`;
    const c = await tx.claim.findUnique({
      where: { id: input.claimId },
      select: { id: true, status: true, fundId: true, approvedFen: true, countyId: true, integratorId: true, smeClientId: true },
    });
    if (!c || !rows[0]) throw new AppError('NOT_FOUND');
    const from = c.status as ClaimStatus;
    const to = nextClaimStatus(from, 'disburse');
    const approved = c.approvedFen ?? 0n;
    if (input.amountFen <= 0n || input.amountFen > approved) throw new AppError('BAD_REQUEST', 'claim.disbursementAmount', { approved: formatYuan(approved) });
    let explanation: Step[] | undefined;
    if (usage) {
      const judged = judgeUsage(usage.rule, usage.evidence);
      if (!judged.met)
        throw new AppError(
          'PRECONDITION_FAILED',
          judged.step.key === 'usageUnknown' ? 'claim.usageUnknownAtPayout' : 'claim.usageNotMetAtPayout',
          judged.step.params,
        );
      explanation = [judged.step];
      const count = usageCount(usage.evidence, usage.rule.minHoursPercent);
      await audit(tx, {
        actorId: actor.id,
        action: 'claim.usageCheckedAtPayout',
        entity: 'Claim',
        entityId: c.id,
        countyId: scope.countyId,
        data: {
          rule: usage.rule,
          from: usage.evidence.from,
          to: usage.evidence.to,
          qualifying: count.qualifying,
          machines: count.machines,
          shareBp: count.shareBp,
          coverageBp: usage.evidence.coverageBp,
          perMachine: usage.evidence.machines.map((m) => ({ assetTag: m.assetTag, coverageBp: m.coverageBp })),
        },
      });
    }
    const moved = await tx.claim.updateMany({
      where: { id: c.id, status: from },
      data: { status: to, disbursedFen: input.amountFen, disbursedOn: dateOnly(input.date), disbursementRef: input.reference },
    });
    if (moved.count !== 1) throw new AppError('CONFLICT', 'claim.concurrent');
    await tx.$executeRaw`UPDATE "Fund" SET "committedFen" = "committedFen" - ${approved}, "disbursedFen" = "disbursedFen" + ${input.amountFen}, "updatedAt" = now() WHERE id = ${c.fundId} AND "countyId" = ${scope.countyId}`;
    await recordClaimEvent(tx, c, actor, 'disburse', from, to, { amountFen: input.amountFen, reason: input.reference, explanation });
    return { id: c.id };
  });
}
