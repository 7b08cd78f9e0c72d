import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { checkCredentials } from '../../auth/credentials';
import { loadSessionUser } from '../../auth/session-user';
import { AppError } from '../../domain/errors/app-error';
import { errorMessage } from '../../i18n/messages';
import { callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { startTestSmtp, type TestMail } from '../../testing/smtp';
import { describeError } from '../../trpc/errors';
import { acceptInvitation, inspectInvitation } from './invitations';
import { inspectReset, requestPasswordReset, resetPassword } from './password-reset';

let t: TestDb;
let a: TenantWorld;
let b: TenantWorld;
const PASSWORD = 'lathe spindle humming softly';

beforeAll(async () => {
  t = await openTestDb();
  a = await createTenantWorld(t.db, uniqueTag('AccA'));
  b = await createTenantWorld(t.db, uniqueTag('AccB'));
});
afterAll(() => t.close());

async function failure(p: Promise<unknown>) {
  return p.then(
    () => 'OK',
    (e: unknown) =>
      e instanceof TRPCError
        ? `${e.code}: ${describeError(e, 'en').message}`
        : e instanceof AppError
          ? `${e.code}: ${errorMessage('en', e.messageKey, e.params as Record<string, string>)}`
          : String(e),
  );
}
const tokenOf = (link: string) => link.split('/').pop() as string;
const mail = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 8)}@invitee.test`;

describe(`invitations (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('an admin invites an engineer: without SMTP the link comes back (once), the invitee sets a password and signs in', async () => {
    const admin = await callerAs(t.db, a.users.admin.id);
    const email = mail('eng');
    const r = await admin.staff.invite({ email: email.toUpperCase(), name: 'New Engineer', role: 'INTEGRATOR_ENGINEER', locale: 'en' });
    if (r.delivered) throw new Error('expected the link back without SMTP');
    expect(r.link).toMatch(/^http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{43}$/);
    const stored = await t.db.invitation.findUniqueOrThrow({ where: { id: r.id } });
    expect(stored.email).toBe(email);
    expect(stored.tokenHash).not.toContain(tokenOf(r.link)); // only the hash is kept
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * 86_400_000);

    const info = await inspectInvitation(t.db, tokenOf(r.link));
    expect(info).toMatchObject({ ok: true, email, role: 'INTEGRATOR_ENGINEER', name: 'New Engineer' });
    // the password policy applies, and a refusal creates nothing
    expect(await failure(acceptInvitation(t.db, tokenOf(r.link), { name: 'X', password: 'password1234' }))).toMatch(/BAD_REQUEST/);
    expect(await t.db.user.findUnique({ where: { email } })).toBeNull();

    const user = await acceptInvitation(t.db, tokenOf(r.link), { name: 'Qian Gong', password: PASSWORD });
    const created = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(created).toMatchObject({
      role: 'INTEGRATOR_ENGINEER',
      integratorId: a.integrator.id,
      smeClientId: null,
      countyId: null,
      name: 'Qian Gong',
      locale: 'en',
    });
    expect((await checkCredentials(t.db, email, PASSWORD))?.id).toBe(user.id);
    expect((await loadSessionUser(t.db, user.id, 0))?.scope).toEqual({ kind: 'integrator', integratorId: a.integrator.id, role: 'INTEGRATOR_ENGINEER' });

    // one time only
    expect(await failure(acceptInvitation(t.db, tokenOf(r.link), { name: 'Again', password: PASSWORD }))).toMatch(
      /PRECONDITION_FAILED: This link has already been used/,
    );
    const list = await admin.staff.invitations();
    expect(list.find((i) => i.id === r.id)?.status).toBe('ACCEPTED');
    const audit = await t.db.auditEvent.findMany({ where: { OR: [{ entityId: r.id }, { entityId: user.id }] }, orderBy: { at: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['user.invite', 'user.inviteAccept']);
    expect(audit.every((e) => e.integratorId === a.integrator.id)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(tokenOf(r.link));
  });

  it('an SME owner is tied to one SME of the inviting integrator; another integrator’s SME answers NOT_FOUND', async () => {
    const admin = await callerAs(t.db, a.users.admin.id);
    const email = mail('owner');
    expect(await failure(admin.staff.invite({ email, role: 'SME_OWNER', locale: 'zh-CN' }))).toBe('BAD_REQUEST: Choose the SME client this owner belongs to.');
    expect(await failure(admin.staff.invite({ email, role: 'SME_OWNER', smeClientId: b.smes[0]?.id, locale: 'zh-CN' }))).toMatch(/^NOT_FOUND/);
    const r = await admin.staff.invite({ email, role: 'SME_OWNER', smeClientId: a.smes[1]?.id, locale: 'zh-CN' });
    if (r.delivered) throw new Error('expected a link');
    const user = await acceptInvitation(t.db, tokenOf(r.link), { name: '业主', password: PASSWORD });
    expect((await loadSessionUser(t.db, user.id, 0))?.scope).toEqual({
      kind: 'sme',
      integratorId: a.integrator.id,
      smeClientId: a.smes[1]?.id,
      role: 'SME_OWNER',
    });
  });

  it('refuses what an admin may not do: engineers and owners cannot invite, officials are invited by county admins only, emails are unique', async () => {
    const engineer = await callerAs(t.db, a.users.engineer.id);
    const owner = await callerAs(t.db, a.users.smeOwner.id);
    const official = await callerAs(t.db, a.users.official.id);
    const admin = await callerAs(t.db, a.users.admin.id);
    for (const c of [engineer, owner, official]) {
      expect(await failure(c.staff.invite({ email: mail('x'), role: 'INTEGRATOR_ENGINEER', locale: 'en' }))).toMatch(/^FORBIDDEN/);
    }
    expect(await failure(admin.staff.invite({ email: mail('x'), role: 'COUNTY_OFFICIAL', locale: 'en' }))).toBe(
      'BAD_REQUEST: You cannot invite someone with this role here.',
    );
    // a colleague answers so; an address of another tenant answers like an unknown one (invite-probing.int.test.ts)
    expect(await failure(admin.staff.invite({ email: a.users.engineer.email, role: 'INTEGRATOR_ENGINEER', locale: 'en' }))).toBe(
      'CONFLICT: This person already has an account in your organisation.',
    );
  });

  it('a county official with the admin flag invites officials (optionally admins); the new official works in that county', async () => {
    await t.db.user.update({ where: { id: a.users.official.id }, data: { isAdmin: true } });
    const countyAdmin = await callerAs(t.db, a.users.official.id);
    expect(await failure(countyAdmin.staff.invite({ email: mail('o'), role: 'INTEGRATOR_ENGINEER', locale: 'en' }))).toMatch(/^BAD_REQUEST/);
    const r = await countyAdmin.staff.invite({ email: mail('official'), role: 'COUNTY_OFFICIAL', isAdmin: true, locale: 'en' });
    if (r.delivered) throw new Error('expected a link');
    const user = await acceptInvitation(t.db, tokenOf(r.link), { name: 'New Official', password: PASSWORD });
    expect((await loadSessionUser(t.db, user.id, 0))?.scope).toEqual({ kind: 'county', countyId: a.county.id, role: 'COUNTY_OFFICIAL', admin: true });
    const staff = await countyAdmin.staff.list();
    expect(staff.map((s) => s.id).sort()).toEqual([a.users.official.id, user.id].sort());
    // another county's admin reaches none of it
    await t.db.user.update({ where: { id: b.users.official.id }, data: { isAdmin: true } });
    const otherCountyAdmin = await callerAs(t.db, b.users.official.id);
    for (const attempt of [
      () => otherCountyAdmin.staff.setAdmin({ id: user.id, admin: false }),
      () => otherCountyAdmin.staff.setActive({ id: user.id, active: false }),
      () => otherCountyAdmin.staff.sendPasswordReset({ id: user.id }),
      () => otherCountyAdmin.staff.revokeInvitation({ id: r.id }),
    ]) {
      expect(await failure(attempt())).toMatch(/^NOT_FOUND/);
    }
    expect((await otherCountyAdmin.staff.list()).map((s) => s.id)).not.toContain(user.id);
    expect((await otherCountyAdmin.staff.invitations()).map((i) => i.id)).not.toContain(r.id);
    // the county admin manages officials: the admin flag and deactivation, audited
    await countyAdmin.staff.setAdmin({ id: user.id, admin: false });
    await countyAdmin.staff.setActive({ id: user.id, active: false });
    expect(await loadSessionUser(t.db, user.id, 0)).toBeNull();
    expect((await t.db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { at: 'asc' } })).map((e) => e.action)).toEqual([
      'user.inviteAccept',
      'user.admin',
      'user.deactivate',
    ]);
  });

  it('expired and revoked links do not work; a new invitation to the same email replaces the open one', async () => {
    const admin = await callerAs(t.db, a.users.admin.id);
    const email = mail('exp');
    const first = await admin.staff.invite({ email, role: 'INTEGRATOR_ENGINEER', locale: 'en' });
    const second = await admin.staff.invite({ email, role: 'INTEGRATOR_ADMIN', locale: 'en' });
    if (first.delivered || second.delivered) throw new Error('expected links');
    expect(await inspectInvitation(t.db, tokenOf(first.link))).toEqual({ ok: false, reason: 'used' });
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await inspectInvitation(t.db, tokenOf(second.link), later)).toEqual({ ok: false, reason: 'expired' });
    expect(await failure(acceptInvitation(t.db, tokenOf(second.link), { name: 'Late', password: PASSWORD }, later))).toBe(
      'PRECONDITION_FAILED: This link has expired. Ask for a new one.',
    );
    await admin.staff.revokeInvitation({ id: second.id });
    expect(await failure(admin.staff.revokeInvitation({ id: second.id }))).toMatch(/^PRECONDITION_FAILED/);
    expect(await inspectInvitation(t.db, tokenOf(second.link))).toEqual({ ok: false, reason: 'used' });
    expect(await inspectInvitation(t.db, 'not-a-token')).toEqual({ ok: false, reason: 'invalid' });
    expect(await inspectInvitation(t.db, 'A'.repeat(43))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('two racing accepts of one link create exactly one account', async () => {
    const admin = await callerAs(t.db, a.users.admin.id);
    const r = await admin.staff.invite({ email: mail('race'), role: 'INTEGRATOR_ENGINEER', locale: 'en' });
    if (r.delivered) throw new Error('expected a link');
    const results = await Promise.allSettled([1, 2, 3].map((i) => acceptInvitation(t.db, tokenOf(r.link), { name: `Racer ${i}`, password: PASSWORD })));
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    expect(await t.db.user.count({ where: { email: r.email } })).toBe(1);
  });
});

describe(`password reset and mail through SMTP (${process.env.TEST_DB ?? 'pglite'})`, () => {
  let inbox: TestMail[] = [];
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    inbox = smtp.inbox;
  });
  afterAll(() => smtp.stop());
  /** A quoted-printable body as text. */
  const decode = (raw: string) => {
    const flat = raw.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < flat.length; i++) {
      if (flat[i] === '=' && /^[0-9A-F]{2}$/.test(flat.slice(i + 1, i + 3))) {
        bytes.push(Number.parseInt(flat.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(...Buffer.from(flat[i] as string, 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  };
  const lastMailTo = (to: string) => decode(inbox.filter((x) => x.to === to).at(-1)?.body ?? '');
  /** The one-time token of the link in the last mail to an address. */
  const linkTo = (to: string, path: string) => {
    const body = lastMailTo(to);
    const found = body.match(new RegExp(`https://retrofit\\.example\\.test/${path}/([A-Za-z0-9_-]{43})`));
    return found?.[1] ?? null;
  };

  it('with SMTP configured, an invitation is mailed (not shown) with the link on APP_URL', async () => {
    const admin = await callerAs(t.db, a.users.admin.id);
    const email = mail('smtp');
    const r = await admin.staff.invite({ email, role: 'INTEGRATOR_ENGINEER', locale: 'en' });
    expect(r).not.toHaveProperty('link');
    expect(r.delivered).toBe(true);
    expect(lastMailTo(email)).toContain('has invited you to Retrofit Pathway');
    expect(linkTo(email, 'invite')).not.toBeNull();
  });

  it('a user asks for a link: same answer for unknown emails; the link sets the password once, ends sessions, voids older links', async () => {
    const engineer = a.users.engineer;
    const before = inbox.length;
    expect(await requestPasswordReset(t.db, 'nobody-here@nowhere.test', '10.9.9.1')).toEqual({ requested: true });
    expect(inbox.length).toBe(before);
    expect(await requestPasswordReset(t.db, engineer.email.toUpperCase(), '10.9.9.1')).toEqual({ requested: true });
    const older = linkTo(engineer.email, 'reset-password');
    await requestPasswordReset(t.db, engineer.email, '10.9.9.1');
    const token = linkTo(engineer.email, 'reset-password');
    if (!older || !token || older === token) throw new Error('expected two different reset links');
    expect(lastMailTo(engineer.email)).toContain('申请重置您的 Retrofit Pathway 密码'); // in the user's language

    const { sessionVersion } = await t.db.user.findUniqueOrThrow({ where: { id: engineer.id } });
    expect(await failure(resetPassword(t.db, token, 'short'))).toMatch(/^BAD_REQUEST/);
    await resetPassword(t.db, token, 'a brand new reset password');
    expect(await checkCredentials(t.db, engineer.email, a.password)).toBeNull();
    expect((await checkCredentials(t.db, engineer.email, 'a brand new reset password'))?.id).toBe(engineer.id);
    expect(await loadSessionUser(t.db, engineer.id, sessionVersion)).toBeNull();
    expect(await inspectReset(t.db, token)).toEqual({ ok: false, reason: 'used' });
    expect(await inspectReset(t.db, older)).toEqual({ ok: false, reason: 'used' });
    const audit = await t.db.auditEvent.findFirst({ where: { entityId: engineer.id, action: 'user.passwordReset' } });
    expect(audit?.integratorId).toBe(a.integrator.id);
  });

  it('reset links expire after an hour, and requests are throttled per email', async () => {
    const owner = b.users.smeOwner;
    await requestPasswordReset(t.db, owner.email, null);
    const token = linkTo(owner.email, 'reset-password');
    if (!token) throw new Error('expected a link');
    expect(await inspectReset(t.db, token, new Date(Date.now() + 61 * 60_000))).toEqual({ ok: false, reason: 'expired' });
    for (let i = 0; i < 4; i++) await requestPasswordReset(t.db, owner.email, null);
    expect(await failure(requestPasswordReset(t.db, owner.email, null))).toMatch(/^TOO_MANY_REQUESTS/);
  });

  it('an admin sends a reset link to a user of their tenant only (audited)', async () => {
    const admin = await callerAs(t.db, b.users.admin.id);
    expect(await failure(admin.staff.sendPasswordReset({ id: a.users.smeOwner.id }))).toMatch(/^NOT_FOUND/);
    const r = await admin.staff.sendPasswordReset({ id: b.users.engineer.id });
    expect(r).toEqual({ delivered: true });
    expect(linkTo(b.users.engineer.email, 'reset-password')).not.toBeNull();
    expect(await t.db.auditEvent.count({ where: { entityId: b.users.engineer.id, action: 'user.passwordResetLink', integratorId: b.integrator.id } })).toBe(1);
  });
});
