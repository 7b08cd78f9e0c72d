import { hashPassword } from '../../auth/password';
import { checkPassword } from '../../auth/password-check';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../../auth/password-policy';
import type { SessionUser } from '../../auth/session-user';
import type { PrismaClient } from '../../db/generated/client';
import type { ScopedDb } from '../../db/scoped';
import { AppError } from '../../domain/errors/app-error';
import { type AppLocale, toDbLocale } from '../../i18n/locales';

/** The signed-in user and the name of the organisation they act for. */
export async function getMe(db: ScopedDb, user: SessionUser) {
  const s = user.scope;
  const org =
    s.kind === 'county'
      ? await db.county.findUnique({ where: { id: s.countyId }, select: { id: true, name: true, nameEn: true } })
      : s.kind === 'sme'
        ? await db.smeClient
            .findUnique({ where: { id: s.smeClientId }, select: { id: true, legalName: true, legalNameEn: true } })
            .then((c) => c && { id: c.id, name: c.legalName, nameEn: c.legalNameEn })
        : await db.integrator.findUnique({ where: { id: s.integratorId }, select: { id: true, name: true, nameEn: true } });
  return { id: user.id, name: user.name, email: user.email, role: s.role, kind: s.kind, locale: user.locale, organisation: org };
}

export async function setMyLocale(db: PrismaClient, userId: string, locale: AppLocale) {
  await db.user.update({ where: { id: userId }, data: { locale: toDbLocale(locale) }, select: { id: true } });
  return { locale };
}

/**
 * Changes the caller's own password: the current one must be right (wrong guesses count towards the sign-in
 * throttle), the new one must pass the policy. Every session of the user ends (the session version moves on),
 * including this one: the user signs in again with the new password. Audited, without either password.
 */
export async function changeMyPassword(db: PrismaClient, userId: string, input: { currentPassword: string; newPassword: string }) {
  const u = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, integratorId: true, countyId: true },
  });
  // The one password check, under the sign-in throttle: guesses of one account take their turn, even in one batch.
  const check = await checkPassword(db, { email: u.email, password: input.currentPassword, address: null, signingIn: false });
  if (check.status === 'throttled') {
    throw new AppError('TOO_MANY_REQUESTS', 'tooManyAttemptsWait', { minutes: Math.ceil(check.waitSeconds / 60) });
  }
  if (check.status !== 'ok') throw new AppError('BAD_REQUEST', 'currentPasswordWrong');
  const problem = passwordProblem(input.newPassword, u.email);
  if (problem) throw new AppError('BAD_REQUEST', problem, { min: PASSWORD_MIN, max: PASSWORD_MAX });
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { id: true } }),
    db.auditEvent.create({
      data: { actorId: userId, integratorId: u.integratorId, countyId: u.countyId, action: 'user.passwordChange', entity: 'User', entityId: userId },
    }),
  ]);
  return { signedOut: true };
}
