import type { ScopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import { AppError } from '../../domain/errors/app-error';

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
      isAdmin: true,
      lastSignInAt: true,
      smeClient: { select: { id: true, legalName: true, legalNameEn: true } },
    },
  });
}

/**
 * Deactivate or reactivate a user of the integrator. Deactivation ends the user's sessions at once (the session
 * version moves on, and every request checks it). Admins cannot deactivate themselves.
 */
export async function setUserActive(db: ScopedDb, actorId: string, id: string, active: boolean) {
  if (id === actorId) throw new AppError('PRECONDITION_FAILED', 'staff.notSelf');
  const u = await db.user.findUnique({ where: { id }, select: { active: true } });
  if (!u) throw new AppError('NOT_FOUND');
  if (u.active === active) return { id, active };
  return db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id },
      data: active ? { active } : { active, sessionVersion: { increment: 1 } },
      select: { id: true },
    });
    await audit(tx, { actorId, action: active ? 'user.reactivate' : 'user.deactivate', entity: 'User', entityId: id });
    return { id, active };
  });
}

/** Staff roles an integrator admin may give; an SME owner's role is tied to their firm and is not switched here. */
export const assignableStaffRoles = ['INTEGRATOR_ADMIN', 'INTEGRATOR_ENGINEER'] as const;

export async function setStaffRole(db: ScopedDb, actorId: string, id: string, role: (typeof assignableStaffRoles)[number]) {
  if (id === actorId) throw new AppError('PRECONDITION_FAILED', 'staff.notSelf');
  const u = await db.user.findUnique({ where: { id }, select: { role: true } });
  if (!u) throw new AppError('NOT_FOUND');
  if (!(assignableStaffRoles as readonly string[]).includes(u.role)) throw new AppError('PRECONDITION_FAILED', 'staff.roleFixed');
  if (u.role === role) return { id, role };
  return db.$transaction(async (tx) => {
    // The role is read fresh on every request, so the change applies at the user's next click.
    await tx.user.update({ where: { id }, data: { role }, select: { id: true } });
    await audit(tx, { actorId, action: 'user.role', entity: 'User', entityId: id, data: { from: u.role, to: role } });
    return { id, role };
  });
}

/** A county admin gives or takes the admin flag of another official of the county. */
export async function setCountyAdmin(db: ScopedDb, actorId: string, id: string, admin: boolean) {
  if (id === actorId) throw new AppError('PRECONDITION_FAILED', 'staff.notSelf');
  const u = await db.user.findUnique({ where: { id }, select: { role: true, isAdmin: true } });
  if (u?.role !== 'COUNTY_OFFICIAL') throw new AppError('NOT_FOUND');
  if (u.isAdmin === admin) return { id, admin };
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { isAdmin: admin }, select: { id: true } });
    await audit(tx, { actorId, action: 'user.admin', entity: 'User', entityId: id, data: { from: u.isAdmin, to: admin } });
    return { id, admin };
  });
}
