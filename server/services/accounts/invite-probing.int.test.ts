import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';

// Issue 14, item 12: an invitation is no oracle for accounts of other tenants or counties.
let t: TestDb;
let a: TenantWorld;
let b: TenantWorld;

beforeAll(async () => {
  t = await openTestDb();
  a = await createTenantWorld(t.db, uniqueTag('ProbeA'));
  b = await createTenantWorld(t.db, uniqueTag('ProbeB'));
  await t.db.user.update({ where: { id: a.users.official.id }, data: { isAdmin: true } });
});
afterAll(() => t.close());

async function outcome(p: Promise<{ delivered: boolean; expiresAt: Date }>) {
  return p.then(
    (r) => ({ ok: true, keys: Object.keys(r).sort(), delivered: r.delivered }),
    (e: { code?: string; message?: string }) => ({ ok: false, code: e.code, message: e.message }),
  );
}

describe(`invitations answer alike for addresses of other tenants (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('an integrator admin: another tenant’s admin, SME owner or official looks like an unknown address', async () => {
    const admin = await callerAs(t.db, a.users.admin.id);
    const invite = (email: string) => outcome(admin.staff.invite({ email, role: 'INTEGRATOR_ENGINEER', locale: 'en' }));
    const unknown = await invite(`nobody-${uniqueTag('x').toLowerCase()}@invitee.test`);
    expect(unknown.ok).toBe(true);
    for (const u of [b.users.admin, b.users.smeOwner, b.users.official, a.users.official]) {
      expect(await invite(u.email), u.email).toEqual(unknown);
    }
    // a colleague is on the admin's own staff list: that answer says so
    expect(await invite(a.users.engineer.email)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('a county admin: an integrator’s user or another county’s official looks like an unknown address', async () => {
    const official = await callerAs(t.db, a.users.official.id);
    const invite = (email: string) => outcome(official.staff.invite({ email, role: 'COUNTY_OFFICIAL', locale: 'zh-CN' }));
    const unknown = await invite(`nobody-${uniqueTag('y').toLowerCase()}@invitee.test`);
    expect(unknown.ok).toBe(true);
    for (const u of [a.users.admin, b.users.official]) expect(await invite(u.email), u.email).toEqual(unknown);
  });
});
