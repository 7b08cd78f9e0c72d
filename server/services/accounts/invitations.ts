/**
 * Invitations: an integrator admin invites engineers, admins and SME owners (each owner tied to one SME client of
 * the integrator); a county official with the admin flag invites officials. An invitation is a one-time link that
 * expires after 7 days; the invitee chooses a name and password and gets an account in the inviter's tenant.
 */
import { hashPassword } from '../../auth/password';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../../auth/password-policy';
import type { SessionUser } from '../../auth/session-user';
import type { PrismaClient } from '../../db/generated/client';
import type { ScopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import type { Role } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import { type AppLocale, fromDbLocale, toDbLocale } from '../../i18n/locales';
import { localName } from '../../i18n/names';
import { deliverLink, type LinkDelivery } from './deliver';
import { hashToken, newToken, plausibleToken } from './tokens';

export const INVITATION_DAYS = 7;
export const integratorInviteRoles = ['INTEGRATOR_ENGINEER', 'INTEGRATOR_ADMIN', 'SME_OWNER'] as const;

export type InviteInput = {
  email: string;
  name?: string | null;
  role: Role;
  smeClientId?: string | null;
  isAdmin?: boolean;
  locale: AppLocale;
};

export type InvitationStatus = 'PENDING' | 'EXPIRED' | 'ACCEPTED' | 'REVOKED';

function statusOf(i: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  return i.acceptedAt ? 'ACCEPTED' : i.revokedAt ? 'REVOKED' : i.expiresAt <= now ? 'EXPIRED' : 'PENDING';
}

/**
 * Creates an invitation in the caller's tenant and mails the link (or hands it back when mail is not configured).
 * A still-open invitation of the same email in the tenant is replaced, so only the newest link works.
 */
export async function inviteUser(db: ScopedDb, raw: PrismaClient, actor: SessionUser, input: InviteInput, now = new Date()) {
  const s = actor.scope;
  const email = input.email.trim().toLowerCase();
  let tenant: { integratorId?: string; smeClientId?: string; countyId?: string };
  let orgName: string;
  if (s.kind === 'integrator') {
    if (!(integratorInviteRoles as readonly string[]).includes(input.role)) throw new AppError('BAD_REQUEST', 'accounts.roleNotInvitable');
    const org = await db.integrator.findUnique({ where: { id: s.integratorId }, select: { name: true, nameEn: true } });
    if (!org) throw new AppError('NOT_FOUND');
    if (input.role === 'SME_OWNER') {
      if (!input.smeClientId) throw new AppError('BAD_REQUEST', 'accounts.smeRequired');
      const sme = await db.smeClient.findUnique({
        where: { id: input.smeClientId },
        select: { id: true, legalName: true, legalNameEn: true, archivedAt: true },
      });
      if (!sme) throw new AppError('NOT_FOUND');
      if (sme.archivedAt) throw new AppError('PRECONDITION_FAILED', 'accounts.smeArchived');
      tenant = { integratorId: s.integratorId, smeClientId: sme.id };
      orgName = localName(input.locale, sme.legalName, sme.legalNameEn);
    } else {
      tenant = { integratorId: s.integratorId };
      orgName = localName(input.locale, org.name, org.nameEn);
    }
  } else if (s.kind === 'county') {
    if (input.role !== 'COUNTY_OFFICIAL') throw new AppError('BAD_REQUEST', 'accounts.roleNotInvitable');
    const org = await db.county.findUnique({ where: { id: s.countyId }, select: { name: true, nameEn: true } });
    if (!org) throw new AppError('NOT_FOUND');
    tenant = { countyId: s.countyId };
    orgName = localName(input.locale, org.name, org.nameEn);
  } else {
    throw new AppError('FORBIDDEN');
  }
  // Emails are unique across the product, but whether an address has an account in another tenant or county is not
  // the inviter's business: that answer is the same as for an address that exists nowhere (an invitation is made and
  // sent; only its owner, accepting it, learns that the address is taken). A colleague of the inviter's own
  // organisation is on their staff list anyway, so that answer may say so.
  const existing = await raw.user.findUnique({ where: { email }, select: { integratorId: true, countyId: true } });
  if (existing && (s.kind === 'integrator' ? existing.integratorId === s.integratorId : existing.countyId === s.countyId)) {
    throw new AppError('CONFLICT', 'accounts.alreadyMember');
  }

  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const invitation = await db.$transaction(async (tx) => {
    const open = { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
    await tx.invitation.updateMany({ where: open, data: { revokedAt: now } });
    const created = await tx.invitation.create({
      data: {
        tokenHash: hash,
        email,
        name: input.name?.trim() || null,
        role: input.role,
        ...tenant,
        isAdmin: s.kind === 'county' ? Boolean(input.isAdmin) : false,
        locale: toDbLocale(input.locale),
        invitedById: actor.id,
        createdAt: now,
        expiresAt,
      },
      select: { id: true, expiresAt: true },
    });
    await audit(tx, {
      actorId: actor.id,
      action: 'user.invite',
      entity: 'Invitation',
      entityId: created.id,
      data: { email, role: input.role, smeClientId: tenant.smeClientId ?? null, isAdmin: s.kind === 'county' ? Boolean(input.isAdmin) : false },
    });
    return created;
  });
  const delivery: LinkDelivery = await deliverLink({
    to: email,
    locale: input.locale,
    kind: 'invite',
    path: `/invite/${token}`,
    expiresAt,
    params: { inviter: actor.name, org: orgName },
  });
  return { id: invitation.id, email, expiresAt: invitation.expiresAt, ...delivery };
}

/** The tenant's invitations, newest first, with their state. */
export async function listInvitations(db: ScopedDb, now = new Date()) {
  const rows = await db.invitation.findMany({
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      isAdmin: true,
      createdAt: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      smeClientId: true,
    },
  });
  const smeIds = [...new Set(rows.map((r) => r.smeClientId).filter((x): x is string => Boolean(x)))];
  const smes = smeIds.length ? await db.smeClient.findMany({ where: { id: { in: smeIds } }, select: { id: true, legalName: true, legalNameEn: true } }) : [];
  const smeById = new Map(smes.map((x) => [x.id, x]));
  return rows.map(({ smeClientId, ...r }) => ({ ...r, status: statusOf(r, now), smeClient: smeClientId ? (smeById.get(smeClientId) ?? null) : null }));
}

export async function revokeInvitation(db: ScopedDb, actorId: string, id: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({ where: { id }, select: { id: true, acceptedAt: true, revokedAt: true, expiresAt: true } });
    if (!inv) throw new AppError('NOT_FOUND');
    if (statusOf(inv, now) !== 'PENDING') throw new AppError('PRECONDITION_FAILED', 'accounts.invitationNotOpen');
    await tx.invitation.update({ where: { id }, data: { revokedAt: now }, select: { id: true } });
    await audit(tx, { actorId, action: 'user.inviteRevoke', entity: 'Invitation', entityId: id });
    return { id, status: 'REVOKED' as const };
  });
}

/** What the accept page shows for a link: who is invited to what, or why the link no longer works. */
export async function inspectInvitation(db: PrismaClient, token: string, now = new Date()) {
  if (!plausibleToken(token)) return { ok: false as const, reason: 'invalid' as const };
  const inv = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      name: true,
      role: true,
      isAdmin: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      integratorId: true,
      smeClientId: true,
      countyId: true,
      locale: true,
    },
  });
  if (!inv) return { ok: false as const, reason: 'invalid' as const };
  const status = statusOf(inv, now);
  if (status !== 'PENDING') return { ok: false as const, reason: status === 'EXPIRED' ? ('expired' as const) : ('used' as const) };
  const org = inv.smeClientId
    ? await db.smeClient
        .findUnique({ where: { id: inv.smeClientId }, select: { legalName: true, legalNameEn: true } })
        .then((x) => x && { name: x.legalName, nameEn: x.legalNameEn })
    : inv.integratorId
      ? await db.integrator.findUnique({ where: { id: inv.integratorId }, select: { name: true, nameEn: true } })
      : await db.county.findUnique({ where: { id: inv.countyId ?? '' }, select: { name: true, nameEn: true } });
  return {
    ok: true as const,
    email: inv.email,
    name: inv.name,
    role: inv.role,
    isAdmin: inv.isAdmin,
    expiresAt: inv.expiresAt,
    locale: fromDbLocale(inv.locale),
    organisation: org ?? { name: '', nameEn: null },
  };
}

/**
 * Accepts an invitation: checks the password against the policy, then in one transaction claims the link (only one
 * of two racing accepts wins), creates the user in the invitation's tenant and records it in the audit log.
 */
export async function acceptInvitation(db: PrismaClient, token: string, input: { name: string; password: string }, now = new Date()) {
  const info = await inspectInvitation(db, token, now);
  if (!info.ok) throw new AppError('PRECONDITION_FAILED', `accounts.link.${info.reason}`);
  const name = input.name.trim();
  if (!name) throw new AppError('BAD_REQUEST', 'accounts.nameRequired');
  if (name.length > 100) throw new AppError('BAD_REQUEST', 'accounts.nameTooLong', { max: 100 });
  const problem = passwordProblem(input.password, info.email);
  if (problem) throw new AppError('BAD_REQUEST', problem, { min: PASSWORD_MIN, max: PASSWORD_MAX });
  const passwordHash = await hashPassword(input.password);
  const tokenHash = hashToken(token);
  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw new AppError('PRECONDITION_FAILED', 'accounts.link.used');
    const inv = await tx.invitation.findUniqueOrThrow({
      where: { tokenHash },
      select: { id: true, email: true, role: true, integratorId: true, smeClientId: true, countyId: true, isAdmin: true, locale: true, invitedById: true },
    });
    if (await tx.user.findUnique({ where: { email: inv.email }, select: { id: true } })) throw new AppError('CONFLICT', 'accounts.emailTaken');
    const user = await tx.user.create({
      data: {
        email: inv.email,
        name,
        passwordHash,
        role: inv.role,
        integratorId: inv.integratorId,
        smeClientId: inv.smeClientId,
        countyId: inv.countyId,
        isAdmin: inv.isAdmin,
        locale: inv.locale,
      },
      select: { id: true, email: true },
    });
    await tx.invitation.update({ where: { id: inv.id }, data: { userId: user.id }, select: { id: true } });
    await audit(tx, {
      actorId: user.id,
      integratorId: inv.integratorId,
      countyId: inv.countyId,
      action: 'user.inviteAccept',
      entity: 'User',
      entityId: user.id,
      data: { invitationId: inv.id, role: inv.role, invitedById: inv.invitedById },
    });
    return user;
  });
}
