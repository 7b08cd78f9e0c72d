/** Evidence attached to a claim while the integrator holds it (draft or returned). */
import type { Prisma } from '../../db/generated/client';
import type { ScopedDb } from '../../db/scoped';
import { type ClaimStatus, EDITABLE } from '../../domain/claims/status';
import { AppError } from '../../domain/errors/app-error';

export async function addClaimEvidence(db: ScopedDb, input: { claimId: string; kind: string; fileId: string }) {
  const c = await db.claim.findUnique({
    where: { id: input.claimId },
    select: { id: true, status: true, countyId: true, integratorId: true, smeClientId: true },
  });
  if (!c) throw new AppError('NOT_FOUND');
  if (!EDITABLE.includes(c.status as ClaimStatus)) throw new AppError('PRECONDITION_FAILED', 'claim.notEditable');
  const f = await db.storedFile.findFirst({ where: { id: input.fileId, smeClientId: c.smeClientId }, select: { id: true, fileName: true } });
  if (!f) throw new AppError('NOT_FOUND');
  return db.claimEvidence.create({
    data: {
      countyId: c.countyId,
      integratorId: c.integratorId,
      smeClientId: c.smeClientId,
      claimId: c.id,
      kind: input.kind,
      fileId: f.id,
      fileName: f.fileName,
    } as Prisma.ClaimEvidenceUncheckedCreateInput,
    select: { id: true },
  });
}
