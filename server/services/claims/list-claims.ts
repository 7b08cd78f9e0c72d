/** A page of claims, newest first (a county programme at scale has hundreds to thousands). */
import type { ScopedDb } from '../../db/scoped';
import { parseClaimSnapshot } from '../../domain/claims/snapshot';
import type { ClaimStatus } from '../../domain/claims/status';
import { pageWindow } from '../../domain/paging';

export async function listClaims(db: ScopedDb, input: { fundId?: string; projectId?: string; status?: ClaimStatus; page: number; pageSize: number }) {
  const where = {
    ...(input.fundId ? { fundId: input.fundId } : {}),
    ...(input.projectId ? { projectId: input.projectId } : {}),
    ...(input.status ? { status: input.status } : {}),
  };
  const [total, rows] = await Promise.all([
    db.claim.count({ where }),
    db.claim.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      ...pageWindow(input),
      select: {
        id: true,
        number: true,
        status: true,
        requestedFen: true,
        computedFen: true,
        approvedFen: true,
        disbursedFen: true,
        submittedAt: true,
        decidedAt: true,
        createdAt: true,
        snapshot: true,
        projectId: true,
        fund: { select: { id: true, name: true, nameEn: true } },
      },
    }),
  ]);
  const items = rows.map(({ snapshot, ...r }) => {
    const s = parseClaimSnapshot(snapshot);
    return { ...r, sme: s.sme.legalName, smeEn: s.sme.legalNameEn, integrator: s.integrator, project: s.project.number };
  });
  return { items, total, page: input.page, pageSize: input.pageSize };
}
