/**
 * What an outbox event is about and who hears of it, read when it is delivered (with the owner connection: the
 * recipients may be of another tenant than the writer, e.g. the county officials of a claim an integrator filed).
 * An event whose object has moved on (a quote already answered, a claim already decided) tells no one: by the time
 * a retry runs, the notice would be stale.
 */
import type { Prisma, PrismaClient } from '../../db/generated/client';
import { unwalled } from '../../db/scoped';
import type { Audience, NotificationKind } from '../../domain/notifications/kinds';
import { audienceOf } from '../../domain/notifications/kinds';
import { summariseLedger } from '../projects/sme-ledger';
import { projectsWithSilentMachines } from '../results/watch';
import { FUNDED_STATUSES } from '../todos/todos';
import type { NotificationFacts } from './render';

export type Resolved = {
  facts: NotificationFacts;
  href: string;
  /** The people the event is for: each audience's filter on User. */
  people: Prisma.UserWhereInput[];
};

type Tenant = { integratorId: string; smeClientId: string; countyId?: string };

function audienceFilter(a: Audience, t: Tenant): Prisma.UserWhereInput | null {
  switch (a) {
    case 'smeOwners':
      return { role: 'SME_OWNER', integratorId: t.integratorId, smeClientId: t.smeClientId };
    case 'integratorStaff':
      return { role: { in: ['INTEGRATOR_ADMIN', 'INTEGRATOR_ENGINEER'] }, integratorId: t.integratorId };
    case 'countyOfficials':
      return t.countyId ? { role: 'COUNTY_OFFICIAL', countyId: t.countyId } : null;
    case 'tenantAdmins':
      return null; // only for invitations, resolved there
  }
}
const peopleFor = (kind: NotificationKind, t: Tenant): Prisma.UserWhereInput[] => audienceOf(kind).flatMap((a) => audienceFilter(a, t) ?? []);

const projectStatusFor: Partial<Record<NotificationKind, string>> = { quoteToAnswer: 'QUOTED', toCommission: 'IN_PROGRESS', toVerify: 'COMMISSIONED' };

async function projectEvent(db: PrismaClient, kind: NotificationKind, id: string): Promise<Resolved | null> {
  const p = await db.project.findUnique({
    where: { id },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      integratorId: true,
      smeClientId: true,
      contractPriceFen: true,
      smeClient: { select: { legalName: true } },
      quotes: { orderBy: { version: 'desc' }, take: 1, select: { decision: true } },
      milestones: { orderBy: { sortOrder: 'asc' }, select: { id: true, stage: true, dueOn: true, shareBp: true, amountFen: true } },
      smePayments: { select: { id: true, milestoneId: true, receivedOn: true, amountFen: true, reference: true } },
    },
  });
  if (!p) return null;
  const wanted = projectStatusFor[kind];
  if (wanted && p.status !== wanted) return null;
  const integrator = await db.integrator.findUniqueOrThrow({ where: { id: p.integratorId }, select: { name: true } });
  const object = `${p.number} ${p.title}`;
  const href = `/projects/${p.id}`;
  const people = peopleFor(kind, p);
  if (kind === 'paymentDue') {
    const ledger = summariseLedger({ status: p.status, contractPriceFen: p.contractPriceFen, milestones: p.milestones, invoices: [], payments: p.smePayments });
    if (ledger.dueNowFen <= 0n) return null;
    return { facts: { object, party: integrator.name, amountFen: ledger.dueNowFen }, href, people };
  }
  if (kind === 'quoteAnswered') {
    const decision = p.quotes[0]?.decision;
    if (decision !== 'ACCEPTED' && decision !== 'DECLINED') return null;
    return { facts: { object, party: p.smeClient.legalName, accepted: decision === 'ACCEPTED' }, href, people };
  }
  return { facts: { object, party: kind === 'quoteToAnswer' ? integrator.name : p.smeClient.legalName }, href, people };
}

const claimStatusFor: Partial<Record<NotificationKind, string>> = { claimToDecide: 'SUBMITTED', claimReturned: 'RETURNED', payoutToRecord: 'APPROVED' };

async function claimEvent(db: PrismaClient, kind: NotificationKind, id: string): Promise<Resolved | null> {
  const c = await db.claim.findUnique({
    where: { id },
    select: {
      id: true,
      number: true,
      status: true,
      countyId: true,
      integratorId: true,
      smeClientId: true,
      requestedFen: true,
      approvedFen: true,
      disbursedFen: true,
      fund: { select: { name: true } },
      project: { select: { smeClient: { select: { legalName: true } } } },
      events: { where: { action: 'return' }, orderBy: { at: 'desc' }, take: 1, select: { reason: true } },
    },
  });
  if (!c) return null;
  const wanted = claimStatusFor[kind];
  if (wanted && c.status !== wanted) return null;
  const sme = c.project.smeClient.legalName;
  const facts: NotificationFacts =
    kind === 'claimToDecide'
      ? { object: c.number, party: sme, amountFen: c.requestedFen }
      : kind === 'payoutToRecord'
        ? { object: c.number, party: sme, amountFen: c.approvedFen }
        : kind === 'claimPaid'
          ? { object: c.number, party: c.fund.name, amountFen: c.disbursedFen }
          : { object: c.number, party: sme, reason: c.events[0]?.reason ?? null };
  return { facts, href: `/claims/${c.id}`, people: peopleFor(kind, c) };
}

async function joinedEvent(db: PrismaClient, userId: string): Promise<Resolved | null> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { name: true, email: true, integratorId: true, countyId: true, role: true } });
  if (!u) return null;
  const party = u.name && u.name !== u.email ? `${u.name} (${u.email})` : u.email;
  if (u.role === 'COUNTY_OFFICIAL' && u.countyId)
    return { facts: { object: u.email, party }, href: '/county', people: [{ role: 'COUNTY_OFFICIAL', countyId: u.countyId, isAdmin: true }] };
  if (u.integratorId)
    return { facts: { object: u.email, party }, href: '/integrator#staff', people: [{ role: 'INTEGRATOR_ADMIN', integratorId: u.integratorId }] };
  return null;
}

/**
 * A verified project whose machines went silent or unused: still so now (else the notice is stale), for the
 * integrator's staff on the project page, or for the officials of the county that funded it on its claim page.
 */
async function watchEvent(db: PrismaClient, kind: NotificationKind, id: string, now: Date): Promise<Resolved | null> {
  const reader = unwalled(db);
  const [row] = await projectsWithSilentMachines(reader, now, 1, [id]);
  if (!row) return null;
  const facts: NotificationFacts = {
    object: `${row.project.number} ${row.project.title}`,
    party: row.project.smeClient.legalName,
    machines: { silent: row.silent, unused: row.unused, of: row.machines },
  };
  const p = await db.project.findUniqueOrThrow({ where: { id }, select: { integratorId: true, smeClientId: true } });
  if (kind === 'machinesSilent') return { facts, href: `/projects/${id}#watch`, people: peopleFor(kind, p) };
  const claim = await db.claim.findFirst({
    where: { projectId: id, status: { in: [...FUNDED_STATUSES] } },
    orderBy: { updatedAt: 'desc' },
    select: { id: true, number: true, countyId: true },
  });
  if (!claim) return null;
  return {
    facts: { ...facts, object: `${claim.number} · ${facts.object}` },
    href: `/claims/${claim.id}#watch`,
    people: peopleFor(kind, { ...p, countyId: claim.countyId }),
  };
}

export async function resolveEvent(
  db: PrismaClient,
  e: { kind: NotificationKind; entity: string; entityId: string },
  now = new Date(),
): Promise<Resolved | null> {
  if (e.entity === 'Project' && (e.kind === 'machinesSilent' || e.kind === 'fundedMachinesSilent')) return watchEvent(db, e.kind, e.entityId, now);
  if (e.entity === 'Project') return projectEvent(db, e.kind, e.entityId);
  if (e.entity === 'Claim') return claimEvent(db, e.kind, e.entityId);
  if (e.entity === 'User' && e.kind === 'invitationAccepted') return joinedEvent(db, e.entityId);
  return null;
}
