import type { ScopedDb } from '../../db/scoped';

/** Users of the integrator (staff and the SME owners it manages). */
export async function listStaff(db: ScopedDb) {
  return db.user.findMany({
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      lastSignInAt: true,
      smeClient: { select: { id: true, legalName: true, legalNameEn: true } },
    },
  });
}
