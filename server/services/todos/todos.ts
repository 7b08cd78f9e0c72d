/**
 * Each person's to-do inbox (issue 16): the work waiting for them, each item a link to where it is done. Read through
 * the tenant gate, so an item is only ever about rows the reader may see. At most `PER_KIND` items per kind are
 * listed; the count is the whole number waiting.
 */
import type { ScopedDb } from '../../db/scoped';
import { asCountyReader, type PackReaderContext } from '../acceptance/pack-access';
import { summariseLedger } from '../projects/sme-ledger';
import { projectsWithSilentMachines } from '../results/watch';

export const PER_KIND = 5;
/** A submitted claim older than this many days is past the time a county should take to decide it. */
export const DECIDE_WITHIN_DAYS = 30;

export type TodoKind =
  | 'quoteToAnswer'
  | 'paymentDue'
  | 'quoteUnanswered'
  | 'toCommission'
  | 'toVerify'
  | 'assessmentToSignOff'
  | 'claimReturned'
  | 'invitationPending'
  | 'claimToDecide'
  | 'claimOverdue'
  | 'payoutToRecord'
  | 'satisfactionToGive'
  | 'machinesSilent'
  | 'fundedMachinesSilent';

export type TodoItem = {
  id: string;
  title: string;
  subtitle: string | null;
  href: string;
  since: Date | null;
  amountFen: bigint | null;
  /** machinesSilent, fundedMachinesSilent: how many of the project's machines are silent or unused */
  machines?: { silent: number; unused: number; of: number };
};
export type TodoGroup = { kind: TodoKind; count: number; items: TodoItem[] };

const take = PER_KIND;

/** The count, and the first items only when they are shown (the header's badge needs the counts alone). */
function countThen<T>(withItems: boolean, count: Promise<number>, rows: () => Promise<T[]>): Promise<[number, T[]]> {
  return Promise.all([count, withItems ? rows() : Promise.resolve([] as T[])]);
}
const projectRow = { id: true, number: true, title: true, updatedAt: true, smeClient: { select: { legalName: true } } } as const;
type ProjectRow = { id: string; number: string; title: string; updatedAt: Date; smeClient: { legalName: string } };
const projectItem = (p: ProjectRow, withFirm: boolean): TodoItem => ({
  id: p.id,
  title: `${p.number} ${p.title}`,
  subtitle: withFirm ? p.smeClient.legalName : null,
  href: `/projects/${p.id}`,
  since: p.updatedAt,
  amountFen: null,
});

async function projectsIn(
  db: ScopedDb,
  kind: TodoKind,
  status: 'QUOTED' | 'IN_PROGRESS' | 'COMMISSIONED',
  withFirm: boolean,
  withItems: boolean,
): Promise<TodoGroup> {
  const where = { status };
  const [count, rows] = await countThen(withItems, db.project.count({ where }), () =>
    db.project.findMany({ where, orderBy: { updatedAt: 'asc' }, take, select: projectRow }),
  );
  return { kind, count, items: rows.map((p) => projectItem(p, withFirm)) };
}

type ClaimStatus = 'SUBMITTED' | 'RETURNED' | 'APPROVED';
async function claimsIn(db: ScopedDb, kind: TodoKind, status: ClaimStatus, withItems: boolean, olderThan?: Date): Promise<TodoGroup> {
  const where = { status, ...(olderThan ? { submittedAt: { lt: olderThan } } : {}) };
  const [count, rows] = await countThen(withItems, db.claim.count({ where }), () =>
    db.claim.findMany({
      where,
      orderBy: [{ submittedAt: 'asc' }, { createdAt: 'asc' }],
      take,
      select: { id: true, number: true, submittedAt: true, updatedAt: true, requestedFen: true, approvedFen: true, fund: { select: { name: true } } },
    }),
  );
  return {
    kind,
    count,
    items: rows.map((c) => ({
      id: c.id,
      title: c.number,
      subtitle: c.fund.name,
      href: `/claims/${c.id}`,
      since: status === 'SUBMITTED' ? c.submittedAt : c.updatedAt,
      amountFen: status === 'APPROVED' ? c.approvedFen : c.requestedFen,
    })),
  };
}

async function assessmentsToSignOff(db: ScopedDb, withItems: boolean): Promise<TodoGroup> {
  const where = { status: 'DRAFT' as const };
  const [count, rows] = await countThen(withItems, db.assessment.count({ where }), () =>
    db.assessment.findMany({
      where,
      orderBy: { updatedAt: 'asc' },
      take,
      select: { id: true, updatedAt: true, assessedOn: true, smeClient: { select: { legalName: true } } },
    }),
  );
  return {
    kind: 'assessmentToSignOff',
    count,
    items: rows.map((a) => ({ id: a.id, title: a.smeClient.legalName, subtitle: null, href: `/assessments/${a.id}`, since: a.updatedAt, amountFen: null })),
  };
}

async function invitationsPending(db: ScopedDb, now: Date, withItems: boolean): Promise<TodoGroup> {
  const where = { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
  const [count, rows] = await countThen(withItems, db.invitation.count({ where }), () =>
    db.invitation.findMany({ where, orderBy: { createdAt: 'asc' }, take, select: { id: true, email: true, createdAt: true } }),
  );
  return {
    kind: 'invitationPending',
    count,
    items: rows.map((i) => ({ id: i.id, title: i.email, subtitle: null, href: '/integrator#staff', since: i.createdAt, amountFen: null })),
  };
}

/** Payments the SME owes now: stages whose event has happened and that are not fully paid. */
async function paymentsDue(db: ScopedDb): Promise<TodoGroup> {
  const projects = await db.project.findMany({
    where: { contractPriceFen: { not: null }, status: { not: 'CANCELLED' } },
    orderBy: { contractedAt: 'asc' },
    take: 200,
    select: {
      ...projectRow,
      status: true,
      contractPriceFen: true,
      milestones: { orderBy: { sortOrder: 'asc' }, select: { id: true, stage: true, dueOn: true, shareBp: true, amountFen: true } },
      smePayments: { select: { id: true, milestoneId: true, receivedOn: true, amountFen: true, reference: true } },
    },
  });
  const due = projects
    .map((p) => ({
      p,
      ledger: summariseLedger({ status: p.status, contractPriceFen: p.contractPriceFen, milestones: p.milestones, invoices: [], payments: p.smePayments }),
    }))
    .filter((x) => x.ledger.dueNowFen > 0n);
  return {
    kind: 'paymentDue',
    count: due.length,
    items: due.slice(0, take).map(({ p, ledger }) => ({ ...projectItem(p, false), amountFen: ledger.dueNowFen })),
  };
}

/** Commissioned projects whose owner has not yet said how satisfied the firm is (the acceptance pack needs it). */
async function satisfactionToGive(db: ScopedDb, withItems: boolean): Promise<TodoGroup> {
  const where = { status: { in: ['COMMISSIONED' as const, 'VERIFIED' as const] }, satisfaction: { none: {} } };
  const [count, rows] = await countThen(withItems, db.project.count({ where }), () =>
    db.project.findMany({ where, orderBy: { updatedAt: 'asc' }, take, select: projectRow }),
  );
  return {
    kind: 'satisfactionToGive',
    count,
    items: rows.map((p) => ({ ...projectItem(p, false), href: `/projects/${p.id}/satisfaction` })),
  };
}

/** Verified projects whose machines went silent (more than a shift) or unused: the integrator looks after them. */
async function machinesSilent(db: ScopedDb, now: Date): Promise<TodoGroup> {
  const rows = await projectsWithSilentMachines(db, now);
  return {
    kind: 'machinesSilent',
    count: rows.length,
    items: rows.slice(0, take).map((r) => ({
      ...projectItem(r.project, true),
      since: r.since,
      machines: { silent: r.silent, unused: r.unused, of: r.machines },
    })),
  };
}

/** A funded claim: approved, or paid out. */
export const FUNDED_STATUSES = ['APPROVED', 'DISBURSED'] as const;

/**
 * Funded projects (a claim approved or paid under one of the county's funds) whose machines went silent or unused:
 * the same watch as the integrator's "machinesSilent" (server/services/results/watch.ts), read through the county's
 * database role (it reads the hour records of firms that filed a claim with it) and narrowed to those projects. Each
 * item links to the claim page, where the county sees the watch.
 */
async function fundedMachinesSilent(c: PackReaderContext, now: Date): Promise<TodoGroup> {
  const claims = await c.db.claim.findMany({
    where: { status: { in: [...FUNDED_STATUSES] } },
    orderBy: { updatedAt: 'desc' },
    take: 500,
    select: { id: true, number: true, projectId: true, fund: { select: { name: true } } },
  });
  const claimOf = new Map<string, (typeof claims)[number]>();
  for (const x of claims) if (!claimOf.has(x.projectId)) claimOf.set(x.projectId, x);
  const rows = claimOf.size ? await asCountyReader(c, (db) => projectsWithSilentMachines(db, now, 200, [...claimOf.keys()])) : [];
  return {
    kind: 'fundedMachinesSilent',
    count: rows.length,
    items: rows.slice(0, take).map((r) => {
      const claim = claimOf.get(r.project.id);
      return {
        ...projectItem(r.project, true),
        id: claim?.id ?? r.project.id,
        title: claim ? `${claim.number} · ${r.project.number} ${r.project.title}` : `${r.project.number} ${r.project.title}`,
        href: `/claims/${claim?.id}#watch`,
        since: r.since,
        machines: { silent: r.silent, unused: r.unused, of: r.machines },
      };
    }),
  };
}

/** What the inbox needs: the gate's handle, and for a county the way to its database role (fundedMachinesSilent). */
export type TodoContext = Omit<PackReaderContext, 'db'> & { db: ScopedDb };

/**
 * The inbox of the caller's role. `withItems: false` reads the counts alone (the header's badge on every page); the
 * kinds computed from a reading of several rows (payments due, silent machines) cost the same either way.
 */
export async function todosFor(c: TodoContext, now = new Date(), opts: { withItems?: boolean } = {}): Promise<TodoGroup[]> {
  const { db, scope } = c;
  const items = opts.withItems ?? true;
  let groups: Promise<TodoGroup>[];
  if (scope.kind === 'sme') groups = [projectsIn(db, 'quoteToAnswer', 'QUOTED', false, items), paymentsDue(db), satisfactionToGive(db, items)];
  else if (scope.kind === 'county') {
    const overdue = new Date(now.getTime() - DECIDE_WITHIN_DAYS * 86_400_000);
    groups = [
      claimsIn(db, 'claimToDecide', 'SUBMITTED', items),
      claimsIn(db, 'claimOverdue', 'SUBMITTED', items, overdue),
      claimsIn(db, 'payoutToRecord', 'APPROVED', items),
      fundedMachinesSilent(c, now),
    ];
  } else {
    groups = [
      claimsIn(db, 'claimReturned', 'RETURNED', items),
      machinesSilent(db, now),
      projectsIn(db, 'toCommission', 'IN_PROGRESS', true, items),
      projectsIn(db, 'toVerify', 'COMMISSIONED', true, items),
      assessmentsToSignOff(db, items),
      projectsIn(db, 'quoteUnanswered', 'QUOTED', true, items),
      ...(scope.role === 'INTEGRATOR_ADMIN' ? [invitationsPending(db, now, items)] : []),
    ];
  }
  return (await Promise.all(groups)).filter((g) => g.count > 0);
}

/** The number shown beside the menu: everything waiting (an overdue claim is also a claim to decide: counted once). */
export function todoTotal(groups: TodoGroup[]): number {
  return groups.filter((g) => g.kind !== 'claimOverdue').reduce((s, g) => s + g.count, 0);
}
