/**
 * Sign-in throttling, per typed email and per client address. Five failures in a row on one email are free; each
 * further failure locks it for 30 s × 2^(n−5), at most 15 minutes. An address (a whole factory behind one NAT, or
 * every user behind a proxy that does not pass X-Forwarded-For) gets 20 free failures before the same growing lock.
 * A failure streak older than an hour starts again.
 * Keys are the typed email (not the user), so a lock looks the same for accounts that exist and those that do not.
 * Stored in the database so it holds across app servers and restarts.
 *
 * Every password check goes through `admitAttempt` first (server/auth/password-check.ts): under the row lock of the
 * account's key it refuses while locked and otherwise counts the attempt as a failure *before* the password is
 * hashed, so checks of one account take their turn and twenty racing guesses (one tRPC batch, many servers) get
 * exactly the free ones checked. A success then clears the streak.
 */
import type { PrismaClient } from '../db/generated/client';

export const FREE_FAILURES = { account: 5, address: 20 } as const;
const BASE_LOCK_SECONDS = 30;
export const MAX_LOCK_SECONDS = 15 * 60;
const STREAK_WINDOW_MS = 60 * 60 * 1000;

/** Seconds a key is locked after its n-th consecutive failure. */
export function lockSeconds(failures: number, kind: keyof typeof FREE_FAILURES = 'account'): number {
  const free = FREE_FAILURES[kind];
  if (failures < free) return 0;
  return Math.min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** (failures - free));
}

export function throttleKeys(email: string, address: string | null): string[] {
  const keys = [`account:${email.trim().toLowerCase()}`];
  if (address) keys.push(`address:${address}`);
  return keys;
}

/** The seconds until the caller may try again (0 = go ahead). */
export async function throttleWait(db: PrismaClient, keys: string[], now = new Date()): Promise<number> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys } }, select: { lockedUntil: true } });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

/** The key's row, created if missing and locked (FOR UPDATE) until the transaction ends. */
async function lockedRow(tx: Tx, key: string, now: Date) {
  await tx.$executeRaw`INSERT INTO "SignInThrottle" ("key", "failures", "lastFailure") VALUES (${key}, 0, ${now})
    ON CONFLICT ("key") DO NOTHING`;
  const [row] = await tx.$queryRaw<{ failures: number; lastFailure: Date; lockedUntil: Date | null }[]>`
    SELECT "failures", "lastFailure", "lockedUntil" FROM "SignInThrottle" WHERE "key" = ${key} FOR UPDATE`;
  return row;
}

/**
 * Admits one password check: the seconds to wait when any key is locked (nothing is counted then), else 0 after
 * counting the attempt as a failure on `counted` (under its row lock, so concurrent attempts queue up here).
 */
export async function admitAttempt(db: PrismaClient, counted: string, alsoCheck: string[], now = new Date()): Promise<number> {
  const others = await throttleWait(db, alsoCheck, now);
  if (others > 0) return others;
  return db.$transaction(async (tx) => {
    const row = await lockedRow(tx, counted, now);
    const locked = row?.lockedUntil ? Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000) : 0;
    if (locked > 0) return locked;
    await bump(tx, counted, row, now);
    return 0;
  });
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

async function bump(tx: Tx, key: string, row: { failures: number; lastFailure: Date } | undefined, now: Date) {
  const fresh = row && now.getTime() - row.lastFailure.getTime() <= STREAK_WINDOW_MS;
  const failures = (fresh ? row.failures : 0) + 1;
  const lock = lockSeconds(failures, key.startsWith('address:') ? 'address' : 'account');
  await tx.signInThrottle.update({
    where: { key },
    data: { failures, lastFailure: now, lockedUntil: lock ? new Date(now.getTime() + lock * 1000) : null },
  });
}

export async function recordFailure(db: PrismaClient, keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    await db.$transaction(async (tx) => bump(tx, key, await lockedRow(tx, key, now), now));
  }
}

/** A successful sign-in clears the account's streak (not the address's: one good account must not unlock guessing). */
export async function recordSuccess(db: PrismaClient, email: string): Promise<void> {
  await clearKey(db, `account:${email.trim().toLowerCase()}`);
}

export async function clearKey(db: PrismaClient, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}
