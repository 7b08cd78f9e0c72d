/**
 * The county records the payout of an approved claim: the amount paid (at most the approved one; a partial payout
 * releases the rest back to the fund's budget) moves from committed to disbursed.
 */
import type { ScopedDb } from '../../db/scoped';
import type { CountyScope } from '../../domain/auth/scope';
import { type ClaimStatus, nextClaimStatus } from '../../domain/claims/status';
import { AppError } from '../../domain/errors/app-error';
import { formatYuan } from '../../domain/money/money';
import { dateOnly } from '../../domain/time';
import { type Actor, recordClaimEvent } from './shared';

export async function recordPayout(
  db: ScopedDb,
  scope: CountyScope,
  actor: Actor,
  input: { claimId: string; date: string; amountFen: bigint; reference: string },
) {
  return db.$transaction(async (tx) => {
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
    const moved = await tx.claim.updateMany({
      where: { id: c.id, status: from },
      data: { status: to, disbursedFen: input.amountFen, disbursedOn: dateOnly(input.date), disbursementRef: input.reference },
    });
    if (moved.count !== 1) throw new AppError('CONFLICT', 'claim.concurrent');
    await tx.$executeRaw`UPDATE "Fund" SET "committedFen" = "committedFen" - ${approved}, "disbursedFen" = "disbursedFen" + ${input.amountFen}, "updatedAt" = now() WHERE id = ${c.fundId} AND "countyId" = ${scope.countyId}`;
    await recordClaimEvent(tx, c, actor, 'disburse', from, to, { amountFen: input.amountFen, reason: input.reference });
    return { id: c.id };
  });
}
