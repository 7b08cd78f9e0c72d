import type { PrismaClient } from '../db/generated/client';

/**
 * Ends a session on every server: the user's session version moves on (only if the token was still current, so a
 * stale copy cannot be used to sign the user out again and again). Sessions are JWTs, so there is no row per
 * session to delete; the version is the server-side state every request checks (server/auth/session-user.ts).
 * This ends the user's other sessions too: signing out is "sign out everywhere" (docs/decisions/0013).
 */
export async function endSession(db: PrismaClient, userId: string, sessionVersion: number): Promise<boolean> {
  const r = await db.user.updateMany({
    where: { id: userId, sessionVersion },
    data: { sessionVersion: { increment: 1 } },
  });
  return r.count === 1;
}
