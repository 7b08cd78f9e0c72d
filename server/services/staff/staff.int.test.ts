import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { checkCredentials } from '../../auth/credentials';
import { loadSessionUser } from '../../auth/session-user';
import { callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { describeError } from '../../trpc/errors';

let t: TestDb;
let a: TenantWorld;
let engineerCaller: Awaited<ReturnType<typeof callerAs>>;
beforeAll(async () => {
  t = await openTestDb();
  a = await createTenantWorld(t.db, uniqueTag('Stf'));
  engineerCaller = await callerAs(t.db, a.users.engineer.id); // before the engineer's session version moves on
});
afterAll(() => t.close());

async function failure(p: Promise<unknown>) {
  return p.then(
    () => 'OK',
    (e: unknown) => (e instanceof TRPCError ? `${e.code}: ${describeError(e, 'en').message}` : String(e)),
  );
}

describe(`user management by the integrator admin (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('deactivation ends the user’s open session at once and blocks sign-in; reactivation lets them back', async () => {
    const admin = await callerAs(t.db, a.users.admin.id);
    const eng = await t.db.user.findUniqueOrThrow({ where: { id: a.users.engineer.id } });
    expect(await loadSessionUser(t.db, eng.id, eng.sessionVersion)).not.toBeNull();
    await admin.staff.setActive({ id: eng.id, active: false });
    expect(await loadSessionUser(t.db, eng.id, eng.sessionVersion)).toBeNull();
    expect(await checkCredentials(t.db, eng.email, a.password)).toBeNull();
    await admin.staff.setActive({ id: eng.id, active: true });
    expect((await checkCredentials(t.db, eng.email, a.password))?.id).toBe(eng.id);
    const actions = (await t.db.auditEvent.findMany({ where: { entityId: eng.id }, orderBy: { at: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['user.deactivate', 'user.reactivate']);
  });

  it('changes a staff role (audited), refuses the admin’s own account and an SME owner’s role', async () => {
    const admin = await callerAs(t.db, a.users.admin.id);
    await admin.staff.setRole({ id: a.users.engineer.id, role: 'INTEGRATOR_ADMIN' });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: a.users.engineer.id } })).role).toBe('INTEGRATOR_ADMIN');
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: a.users.engineer.id, action: 'user.role' } });
    expect(audit.data).toEqual({ from: 'INTEGRATOR_ENGINEER', to: 'INTEGRATOR_ADMIN' });
    await admin.staff.setRole({ id: a.users.engineer.id, role: 'INTEGRATOR_ENGINEER' });

    expect(await failure(admin.staff.setActive({ id: a.users.admin.id, active: false }))).toBe('PRECONDITION_FAILED: You cannot change your own account here.');
    expect(await failure(admin.staff.setRole({ id: a.users.smeOwner.id, role: 'INTEGRATOR_ADMIN' }))).toMatch(/^PRECONDITION_FAILED: This user’s role is tied/);
  });

  it('an engineer may not manage users', async () => {
    expect(await failure(engineerCaller.staff.setActive({ id: a.users.smeOwner.id, active: false }))).toMatch(/^FORBIDDEN/);
  });
});
