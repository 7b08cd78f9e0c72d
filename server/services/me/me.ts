import type { SessionUser } from '../../auth/session-user';
import type { PrismaClient } from '../../db/generated/client';
import type { ScopedDb } from '../../db/scoped';
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
