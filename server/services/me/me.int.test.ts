import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { checkCredentials } from '../../auth/credentials';
import { loadSessionUser } from '../../auth/session-user';
import type { AppLocale } from '../../i18n/locales';
import { callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { describeError } from '../../trpc/errors';

let t: TestDb;
let a: TenantWorld;
beforeAll(async () => {
  t = await openTestDb();
  a = await createTenantWorld(t.db, uniqueTag('Pwd'));
});
afterAll(() => t.close());

/** The code and the message the user reads (what the tRPC error formatter sends), in the caller's language. */
async function failure(p: Promise<unknown>, locale: AppLocale = 'en') {
  return p.then(
    () => 'OK',
    (e: unknown) => (e instanceof TRPCError ? `${e.code}: ${describeError(e, locale).message}` : String(e)),
  );
}

describe(`changing one's own password (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('explains each refusal in the user’s language and changes nothing', async () => {
    const id = a.users.engineer.id;
    const en = await callerAs(t.db, id, 'en');
    const zh = await callerAs(t.db, id, 'zh-CN');
    const hash = (await t.db.user.findUniqueOrThrow({ where: { id } })).passwordHash;
    expect(await failure(en.me.changePassword({ currentPassword: 'wrong', newPassword: 'lathe-spindle-humming' }))).toBe(
      'BAD_REQUEST: The current password is not right.',
    );
    expect(await failure(zh.me.changePassword({ currentPassword: a.password, newPassword: 'short' }), 'zh-CN')).toBe('BAD_REQUEST: 新密码至少需要 12 个字符。');
    expect(await failure(en.me.changePassword({ currentPassword: a.password, newPassword: 'Password1234' }))).toMatch(/^BAD_REQUEST: This password is among/);
    expect((await t.db.user.findUniqueOrThrow({ where: { id } })).passwordHash).toBe(hash);
  });

  it('changes it, ends every session of the user, audits it without the password', async () => {
    const id = a.users.smeOwner.id;
    const user = await t.db.user.findUniqueOrThrow({ where: { id } });
    const owner = await callerAs(t.db, id);
    expect(await owner.me.changePassword({ currentPassword: a.password, newPassword: 'lathe-spindle-humming' })).toEqual({ signedOut: true });
    expect(await loadSessionUser(t.db, id, user.sessionVersion)).toBeNull();
    expect(await checkCredentials(t.db, user.email, a.password)).toBeNull();
    expect((await checkCredentials(t.db, user.email, 'lathe-spindle-humming'))?.id).toBe(id);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'user.passwordChange' } });
    expect(audit.integratorId).toBe(a.integrator.id);
    expect(JSON.stringify(audit)).not.toContain('lathe');
  });

  it('counts wrong current passwords towards the sign-in throttle', async () => {
    const id = a.users.official.id;
    const c = await callerAs(t.db, id);
    for (let i = 0; i < 5; i++) await failure(c.me.changePassword({ currentPassword: `wrong ${i}`, newPassword: 'lathe-spindle-humming' }));
    expect(await failure(c.me.changePassword({ currentPassword: a.password, newPassword: 'lathe-spindle-humming' }))).toMatch(
      /^TOO_MANY_REQUESTS: Too many failed attempts\. Try again in 1 minute\./,
    );
  });
});
