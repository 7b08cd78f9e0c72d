import { cache } from 'react';
import { type Scope, scopeForUser } from '../domain/auth/scope';
import { getDb } from '../db/client';
import type { PrismaClient } from '../db/generated/client';
import { type AppLocale, fromDbLocale } from '../i18n/locales';
import { auth } from './config';

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: AppLocale;
  scope: Scope;
};

/**
 * Loads the signed-in user fresh from the database. A deactivated user, or a token issued before
 * the user's session version changed, has no session: this is how deactivation ends sessions at once.
 */
export async function loadSessionUser(db: PrismaClient, userId: string, sessionVersion: number): Promise<SessionUser | null> {
  const u = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, locale: true, active: true, sessionVersion: true, integratorId: true, smeClientId: true, countyId: true },
  });
  if (!u || !u.active || u.sessionVersion !== sessionVersion) return null;
  return { id: u.id, email: u.email, name: u.name, locale: fromDbLocale(u.locale), scope: scopeForUser(u) };
}

/** The current request's user (memoised per request), or null. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const sv = (session as { sv?: number } | null)?.sv;
  if (!id || typeof sv !== 'number') return null;
  return loadSessionUser(await getDb(), id, sv);
});
