import { z } from 'zod';
import type { PrismaClient } from '../db/generated/client';
import { dummyPasswordHash, verifyPassword } from './password';

export const signInInput = z.object({
  email: z.string().trim().min(1, 'emailRequired').max(254).email('emailInvalid'),
  password: z.string().min(1, 'passwordRequired').max(1024),
});

/**
 * Checks an email and password. Unknown account, deactivated account and wrong password all
 * return null after the same argon2 work, so the answer reveals nothing about which accounts exist.
 */
export async function checkCredentials(db: PrismaClient, email: string, password: string) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, passwordHash: true, active: true, sessionVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || !user.active) return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() }, select: { id: true } });
  return { id: user.id, sessionVersion: user.sessionVersion };
}
