import type { PrismaClient } from '../db/generated/client';
import { type Scope, scopeForUser } from '../domain/auth/scope';
import { type AppLocale, fromDbLocale } from '../i18n/locales';

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: AppLocale;
  scope: Scope;
  /** the integrator, SME or county the user belongs to, by name (read with the user: the header shows it on every page) */
  organisation: { name: string; nameEn: string | null } | null;
};

/**
 * Loads the signed-in user fresh from the database. A deactivated user, or a token issued before
 * the user's session version changed, has no session: this is how deactivation ends sessions at once.
 */
export async function loadSessionUser(db: PrismaClient, userId: string, sessionVersion: number): Promise<SessionUser | null> {
  const u = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      locale: true,
      active: true,
      sessionVersion: true,
      integratorId: true,
      smeClientId: true,
      countyId: true,
      isAdmin: true,
      integrator: { select: { name: true, nameEn: true } },
      smeClient: { select: { legalName: true, legalNameEn: true } },
      county: { select: { name: true, nameEn: true } },
    },
  });
  if (!u?.active || u.sessionVersion !== sessionVersion) return null;
  const scope = scopeForUser(u);
  const organisation =
    scope.kind === 'county' ? u.county : scope.kind === 'sme' ? u.smeClient && { name: u.smeClient.legalName, nameEn: u.smeClient.legalNameEn } : u.integrator;
  return { id: u.id, email: u.email, name: u.name, locale: fromDbLocale(u.locale), scope, organisation: organisation ?? null };
}
