/** Plumbing the claim use cases share: the transaction type, JSON for bigint values, the fund, and the history writer. */
import type { Prisma } from '../../db/generated/client';
import { lockNumberSeries } from '../../db/numbering';
import type { ScopedDb } from '../../db/scoped';
import { audit, type Tx, toJson } from '../../db/tx';
import type { ClaimStatus } from '../../domain/claims/status';
import { AppError } from '../../domain/errors/app-error';
import type { Step } from '../../domain/funds/allowance';
import { fundRules } from '../../domain/funds/rules';

export type { Tx } from '../../db/tx';

/** Either the scoped client or a transaction of it. */
export type Db = ScopedDb | Tx;
export type Actor = { id: string; name: string };
export type ClaimKeys = { id: string; countyId: string; integratorId: string; smeClientId: string };

/** JSON for a column: bigint amounts become decimal strings (the one helper in server/db/tx). */
export const json = toJson;

export async function fundFor(db: Db, fundId: string) {
  const f = await db.fund.findUnique({
    where: { id: fundId },
    select: { id: true, countyId: true, rules: true, rulesVersion: true, evidenceRequired: true, sectors: true },
  });
  if (!f) throw new AppError('NOT_FOUND');
  return { ...f, rules: fundRules.parse(f.rules) };
}

/**
 * Claims of one SME under one fund take turns (submission, approval): the allowance each uses and the machines each
 * holds are read and written under this lock, released at the end of the transaction.
 */
export function lockSmeUnderFund(tx: Tx, fundId: string, smeClientId: string) {
  return lockNumberSeries(tx, `claim-allowance:${fundId}:${smeClientId}`);
}

/** One step of a claim's history (with the explanation at that moment) and its audit entry. */
export async function recordClaimEvent(
  tx: Tx,
  claim: ClaimKeys,
  actor: Actor,
  action: string,
  from: ClaimStatus | 'NONE',
  to: ClaimStatus,
  extra: { amountFen?: bigint | null; reason?: string | null; explanation?: Step[] } = {},
) {
  await tx.claimEvent.create({
    data: {
      countyId: claim.countyId,
      integratorId: claim.integratorId,
      smeClientId: claim.smeClientId,
      claimId: claim.id,
      action,
      from,
      to,
      amountFen: extra.amountFen ?? null,
      reason: extra.reason ?? null,
      explanation: extra.explanation ? json(extra.explanation) : undefined,
      actorId: actor.id,
      actorName: actor.name,
    } as Prisma.ClaimEventUncheckedCreateInput,
    select: { id: true },
  });
  await audit(tx, {
    actorId: actor.id,
    action: `claim.${action}`,
    entity: 'Claim',
    entityId: claim.id,
    data: json({ from, to, amountFen: extra.amountFen ?? null, reason: extra.reason ?? null }),
  });
}

/** Marks which of a claim's machines its amount pays for. */
export async function markCovered(tx: Tx, claimId: string, coveredAssetTags: readonly string[]) {
  await tx.claimMachine.updateMany({ where: { claimId }, data: { covered: false } });
  if (coveredAssetTags.length) await tx.claimMachine.updateMany({ where: { claimId, assetTag: { in: [...coveredAssetTags] } }, data: { covered: true } });
}
