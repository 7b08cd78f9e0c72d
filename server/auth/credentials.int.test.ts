import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../prisma/seed/factories';
import { openTestDb, type TestDb, uniqueTag } from '../testing/db';
import { checkCredentials, signInInput } from './credentials';
import { loadSessionUser } from './session-user';
import { endSession } from './sign-out';

let t: TestDb;
let w: TenantWorld;

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('Auth'));
});
afterAll(() => t.close());

describe('email + password sign-in', () => {
  it('accepts the right password, case-insensitively on the email', async () => {
    const ok = await checkCredentials(t.db, w.users.admin.email.toUpperCase(), w.password);
    expect(ok).toEqual({ id: w.users.admin.id, sessionVersion: 0 });
  });

  it('answers the same for a wrong password and an unknown account', async () => {
    expect(await checkCredentials(t.db, w.users.admin.email, 'wrong password')).toBeNull();
    expect(await checkCredentials(t.db, 'nobody@nowhere.test', w.password)).toBeNull();
  });

  it('stores only an argon2id hash', async () => {
    const u = await t.db.user.findUniqueOrThrow({ where: { id: w.users.admin.id } });
    expect(u.passwordHash).toMatch(/^\$argon2id\$/);
    expect(u.passwordHash).not.toContain(w.password);
  });

  it('reads the user with the name of their organisation (integrator, SME or county), for the header', async () => {
    const names = async (id: string) => (await loadSessionUser(t.db, id, 0))?.organisation?.name;
    const [integrator, sme, county] = await Promise.all([
      t.db.integrator.findUniqueOrThrow({ where: { id: w.integrator.id } }),
      t.db.smeClient.findUniqueOrThrow({ where: { id: w.smes[0]?.id as string } }),
      t.db.county.findUniqueOrThrow({ where: { id: w.county.id } }),
    ]);
    expect([await names(w.users.admin.id), await names(w.users.smeOwner.id), await names(w.users.official.id)]).toEqual([
      integrator.name,
      sme.legalName,
      county.name,
    ]);
  });

  it('refuses a deactivated account and ends its sessions', async () => {
    expect(await loadSessionUser(t.db, w.users.engineer.id, 0)).not.toBeNull();
    await t.db.user.update({ where: { id: w.users.engineer.id }, data: { active: false } });
    expect(await checkCredentials(t.db, w.users.engineer.email, w.password)).toBeNull();
    expect(await loadSessionUser(t.db, w.users.engineer.id, 0)).toBeNull();
  });

  it('ends sessions issued before the session version changed', async () => {
    await t.db.user.update({ where: { id: w.users.official.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadSessionUser(t.db, w.users.official.id, 0)).toBeNull();
    expect(await loadSessionUser(t.db, w.users.official.id, 1)).not.toBeNull();
  });

  it('sign-out ends the session it was given, once; a stale token cannot sign the user out again', async () => {
    const u = w.users.smeOwner;
    const { sessionVersion: sv } = await t.db.user.findUniqueOrThrow({ where: { id: u.id }, select: { sessionVersion: true } });
    expect(await loadSessionUser(t.db, u.id, sv)).not.toBeNull();
    expect(await endSession(t.db, u.id, sv)).toBe(true);
    expect(await loadSessionUser(t.db, u.id, sv)).toBeNull();
    expect(await endSession(t.db, u.id, sv)).toBe(false);
    expect(await loadSessionUser(t.db, u.id, sv + 1)).not.toBeNull();
  });

  it.each([
    [{ email: '', password: 'x' }, 'emailRequired'],
    [{ email: 'not-an-email', password: 'x' }, 'emailInvalid'],
    [{ email: 'a@b.cn', password: '' }, 'passwordRequired'],
  ])('validates the form %j', (input, message) => {
    const r = signInInput.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(message);
  });
});
