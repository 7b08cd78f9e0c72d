/**
 * Password reset by a one-time link that expires after an hour. A user asks for it on the sign-in page (the answer
 * is the same whether the account exists or not, and requests are throttled per email and per address), or an
 * admin sends it to a user of their tenant (and is shown the link when mail is not configured). Using the link
 * sets the new password, ends every session of the user and voids the user's other reset links.
 */
import { hashPassword } from '../../auth/password';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../../auth/password-policy';
import { recordFailure, recordSuccess, throttleWait } from '../../auth/throttle';
import type { PrismaClient } from '../../db/generated/client';
import type { ScopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import { AppError } from '../../domain/errors/app-error';
import { fromDbLocale } from '../../i18n/locales';
import { log } from '../../log';
import { deliverLink } from './deliver';
import { hashToken, newToken, plausibleToken } from './tokens';

export const RESET_MINUTES = 60;

type ResetUser = { id: string; email: string; name: string; locale: 'zh_CN' | 'en'; integratorId: string | null; countyId: string | null };

/** Stores a new link (with the admin's audit entry, when an admin asked, in the same transaction), then sends it. */
async function issueReset(db: PrismaClient, user: ResetUser, requestedById: string | null, now: Date) {
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + RESET_MINUTES * 60_000);
  await db.$transaction(async (tx) => {
    await tx.passwordReset.create({ data: { tokenHash: hash, userId: user.id, expiresAt, requestedById }, select: { id: true } });
    if (requestedById) {
      await audit(tx, {
        actorId: requestedById,
        integratorId: user.integratorId,
        countyId: user.countyId,
        action: 'user.passwordResetLink',
        entity: 'User',
        entityId: user.id,
      });
    }
  });
  return deliverLink({
    to: user.email,
    locale: fromDbLocale(user.locale),
    kind: 'reset',
    path: `/reset-password/${token}`,
    expiresAt,
    params: { name: user.name },
  });
}

/**
 * A user's own request. Always answers the same way; the link goes by mail (or to the server log when no SMTP
 * server is configured: then an admin can send one from the staff page instead).
 */
export async function requestPasswordReset(db: PrismaClient, emailInput: string, address: string | null, now = new Date()) {
  const email = emailInput.trim().toLowerCase();
  const keys = [`reset:${email}`, ...(address ? [`reset-address:${address}`] : [])];
  const wait = await throttleWait(db, keys, now);
  if (wait > 0) throw new AppError('TOO_MANY_REQUESTS', 'tooManyAttemptsWait', { minutes: Math.ceil(wait / 60) });
  await recordFailure(db, keys, now); // every request counts: five are free, then a growing wait
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, locale: true, active: true, integratorId: true, countyId: true },
  });
  if (!user?.active) {
    log.info({ event: 'password-reset-unknown' }, 'password reset asked for an email without an active account');
    return { requested: true };
  }
  await issueReset(db, user, null, now);
  return { requested: true };
}

/** An admin sends a reset link to a user of their tenant (audited). */
export async function sendPasswordResetFor(db: ScopedDb, raw: PrismaClient, actorId: string, userId: string, now = new Date()) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, locale: true, active: true, integratorId: true, countyId: true },
  });
  if (!user) throw new AppError('NOT_FOUND');
  if (!user.active) throw new AppError('PRECONDITION_FAILED', 'accounts.userInactive');
  return issueReset(raw, user, actorId, now);
}

export async function inspectReset(db: PrismaClient, token: string, now = new Date()) {
  if (!plausibleToken(token)) return { ok: false as const, reason: 'invalid' as const };
  const r = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true, active: true } } },
  });
  if (!r?.user.active) return { ok: false as const, reason: 'invalid' as const };
  if (r.usedAt) return { ok: false as const, reason: 'used' as const };
  if (r.expiresAt <= now) return { ok: false as const, reason: 'expired' as const };
  return { ok: true as const, email: r.user.email };
}

export async function resetPassword(db: PrismaClient, token: string, newPassword: string, now = new Date()) {
  const info = await inspectReset(db, token, now);
  if (!info.ok) throw new AppError('PRECONDITION_FAILED', `accounts.link.${info.reason}`);
  const problem = passwordProblem(newPassword, info.email);
  if (problem) throw new AppError('BAD_REQUEST', problem, { min: PASSWORD_MIN, max: PASSWORD_MAX });
  const passwordHash = await hashPassword(newPassword);
  const tokenHash = hashToken(token);
  const user = await db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new AppError('PRECONDITION_FAILED', 'accounts.link.used');
    const r = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    const u = await tx.user.update({
      where: { id: r.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true, email: true, integratorId: true, countyId: true },
    });
    await tx.passwordReset.updateMany({ where: { userId: r.userId, usedAt: null }, data: { usedAt: now } });
    await audit(tx, { actorId: u.id, integratorId: u.integratorId, countyId: u.countyId, action: 'user.passwordReset', entity: 'User', entityId: u.id });
    return u;
  });
  await recordSuccess(db, user.email);
  return { email: user.email };
}
