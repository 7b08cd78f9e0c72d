/**
 * The one place a password is checked against an account: sign-in (Auth.js's credentials `authorize`, whichever way
 * it is reached — the form's server action or POST /api/auth/callback/credentials) and every check of a current
 * password (me.changePassword). Each check is first admitted by the throttle (server/auth/throttle.ts), which
 * counts it under the account's row lock, so checks of one account take their turn.
 *
 * Known devices. A successful sign-in leaves a signed cookie naming this browser for this account. A browser with it
 * is counted on its own key instead of the account's (and not on the address), so while the account is locked, a
 * stranger's wrong tries cannot keep the owner out (docs/decisions/0013).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '../db/generated/client';
import { dummyPasswordHash, verifyPassword } from './password';
import { resolveAuthSecret } from './secret';
import { admitAttempt, clearKey, recordFailure, throttleKeys } from './throttle';

export const DEVICE_COOKIE_DAYS = 180;

export type PasswordAttempt = {
  email: string;
  password: string;
  /** The client's address (server/http/client-address.ts), or null when unknown. */
  address: string | null;
  /** The request's cookie header, to find this account's known-device cookie. */
  cookieHeader?: string | null;
  /** A sign-in (records lastSignInAt); false for the check of a signed-in user's current password. */
  signingIn?: boolean;
};

export type PasswordCheck =
  | { status: 'ok'; user: { id: string; sessionVersion: number }; device: { name: string; value: string } }
  | { status: 'wrong' }
  | { status: 'throttled'; waitSeconds: number };

const normal = (email: string) => email.trim().toLowerCase();

/** The cookie that marks a browser as known for one account (one per account, so a shared PC keeps several). */
export function deviceCookieName(email: string): string {
  return `rp-device-${createHash('sha256').update(normal(email)).digest('hex').slice(0, 16)}`;
}

function sign(email: string, id: string): string {
  return createHmac('sha256', resolveAuthSecret())
    .update(`device\u0000${normal(email)}\u0000${id}`)
    .digest('base64url');
}

export function deviceCookieValue(email: string, id = randomBytes(16).toString('base64url')): string {
  return `${id}.${sign(email, id)}`;
}

/** The device id of a valid known-device cookie for this email, else null. */
export function knownDevice(email: string, cookieHeader: string | null | undefined): string | null {
  const name = deviceCookieName(email);
  const raw = (cookieHeader ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  const [id, mac] = (raw ?? '').split('.');
  if (!id || !mac || id.length > 64) return null;
  const want = Buffer.from(sign(email, id));
  const got = Buffer.from(mac);
  return want.length === got.length && timingSafeEqual(want, got) ? id : null;
}

/**
 * Checks an email and password under the throttle. Unknown account, deactivated account and wrong password all
 * answer 'wrong' after the same argon2 work and the same counting.
 */
export async function checkPassword(db: PrismaClient, a: PasswordAttempt, now = new Date()): Promise<PasswordCheck> {
  const email = normal(a.email);
  const accountKey = throttleKeys(email, null)[0] as string;
  const addressKey = a.address ? `address:${a.address}` : null;
  const device = knownDevice(email, a.cookieHeader);
  const ownKey = device ? `device:${email}:${device}` : accountKey;
  const alsoCheck = device ? [] : addressKey ? [addressKey] : [];
  const wait = await admitAttempt(db, ownKey, alsoCheck, now);
  if (wait > 0) return { status: 'throttled', waitSeconds: wait };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true, sessionVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), a.password);
  if (!user || !ok || !user.active) {
    if (addressKey) await recordFailure(db, [addressKey], now);
    return { status: 'wrong' };
  }
  await clearKey(db, ownKey);
  if (a.signingIn !== false) await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now }, select: { id: true } });
  return {
    status: 'ok',
    user: { id: user.id, sessionVersion: user.sessionVersion },
    device: { name: deviceCookieName(email), value: deviceCookieValue(email, device ?? undefined) },
  };
}
