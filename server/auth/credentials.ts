import { z } from 'zod';
import type { PrismaClient } from '../db/generated/client';
import { checkPassword, type PasswordAttempt } from './password-check';

export const signInInput = z.object({
  email: z.string().trim().min(1, 'emailRequired').max(254).email('emailInvalid'),
  password: z.string().min(1, 'passwordRequired').max(1024),
});

/**
 * Checks an email and password (through the throttle, server/auth/password-check.ts). Unknown account, deactivated
 * account, wrong password and a throttled attempt all return null, so the answer reveals nothing about which
 * accounts exist.
 */
export async function checkCredentials(
  db: PrismaClient,
  email: string,
  password: string,
  context: Pick<PasswordAttempt, 'address' | 'cookieHeader'> = { address: null },
) {
  const r = await checkPassword(db, { email, password, ...context });
  return r.status === 'ok' ? r.user : null;
}
