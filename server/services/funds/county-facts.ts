/**
 * The facts behind the county's view of a fund: the claims filed with it (through the tenant gate), and — through the
 * county's database role, which reads only firms that filed a claim with the county (pack-access.ts, 0021) — each
 * claimed project's machines, terminals, roll-ups in the windows that matter, measured savings, payback and the
 * owner's satisfaction. Nothing here is published as it is: county-view.ts turns it into figures of ≥ 5 firms.
 */
import type { ScopedDb } from '../../db/scoped';
import type { Tx } from '../../db/tx';
import { usageWindow, type WindowTotals } from '../../domain/county/usage';
import { paybackMonths, paybackOn } from '../../domain/projects/payback';
import { paybackFactsFor } from '../projects/project-payback';

export const RECENT_DAYS = 30;

const totals = (r: { _sum: { plannedS: number | null; plannedUnknownS: number | null; plannedRunningS: number | null } }): WindowTotals => ({
  plannedS: r._sum.plannedS ?? 0,
  plannedUnknownS: r._sum.plannedUnknownS ?? 0,
  plannedRunningS: r._sum.plannedRunningS ?? 0,
});

/** The claims of the fund (past the draft): number, status, integrator, firm, project. */
export async function claimsOfFund(db: ScopedDb, fundId: string) {
  const claims = await db.claim.findMany({
    where: { fundId, status: { not: 'DRAFT' } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, number: true, status: true, integratorId: true, smeClientId: true, projectId: true },
  });
  return claims;
}
export type FundClaim = Awaited<ReturnType<typeof claimsOfFund>>[number];

/** Per claimed project: its machines with their state now and at day 90 and 180, promise, measured savings, payback. */
export async function projectFacts(db: Tx, projectIds: string[], now: Date) {
  if (!projectIds.length) return [];
  const [projects, satisfaction, measured] = await Promise.all([
    db.project.findMany({
      where: { id: { in: projectIds } },
      select: {
        id: true,
        integratorId: true,
        smeClientId: true,
        contractQuoteId: true,
        smeClient: { select: { sector: true } },
        machines: {
          select: {
            machine: { select: { id: true, kind: true, terminals: { where: { revokedAt: null }, select: { health: { select: { firstSeenAt: true } } } } } },
          },
        },
        statusChanges: { where: { to: 'COMMISSIONED' }, orderBy: { at: 'asc' }, take: 1, select: { at: true } },
      },
    }),
    db.satisfactionRecord.findMany({ where: { projectId: { in: projectIds } }, select: { id: true, projectId: true, overall: true, usedInProduction: true } }),
    db.measuredSaving.groupBy({ by: ['projectId'], where: { projectId: { in: projectIds } }, _sum: { amountFen: true }, _count: { _all: true } }),
  ]);
  const quoteIds = projects.flatMap((p) => (p.contractQuoteId ? [p.contractQuoteId] : []));
  const quotes = quoteIds.length ? await db.quote.findMany({ where: { id: { in: quoteIds } }, select: { id: true, monthlySavingsFen: true } }) : [];
  const paybacks = await paybackFactsFor(db, projectIds);
  const recent = { from: new Date(now.getTime() - RECENT_DAYS * 86_400_000), to: now };
  const out = [];
  for (const p of projects) {
    const machineIds = p.machines.map((m) => m.machine.id);
    const commissionedAt = p.statusChanges[0]?.at ?? null;
    const windowTotals = async (w: { from: Date; to: Date }) => {
      if (!machineIds.length) return new Map<string, WindowTotals>();
      const rows = await db.machineHour.groupBy({
        by: ['machineId'],
        where: { machineId: { in: machineIds }, hour: { gte: w.from, lt: w.to } },
        _sum: { plannedS: true, plannedUnknownS: true, plannedRunningS: true },
      });
      return new Map(rows.map((r) => [r.machineId, totals(r)]));
    };
    const due = (days: number) => commissionedAt !== null && commissionedAt.getTime() + days * 86_400_000 <= now.getTime();
    const [at90, at180, last30] = await Promise.all([
      commissionedAt && due(90) ? windowTotals(usageWindow(commissionedAt, 90)) : null,
      commissionedAt && due(180) ? windowTotals(usageWindow(commissionedAt, 180)) : null,
      windowTotals(recent),
    ]);
    const facts = paybacks.get(p.id);
    const payback = facts?.measuredFen.length ? paybackMonths(paybackOn(facts).verdict) : null;
    const m = measured.find((x) => x.projectId === p.id);
    const promisedMonthly = quotes.find((q) => q.id === p.contractQuoteId)?.monthlySavingsFen ?? null;
    out.push({
      projectId: p.id,
      integratorId: p.integratorId,
      firmId: p.smeClientId,
      sector: p.smeClient.sector,
      machines: p.machines.map(({ machine }) => ({
        id: machine.id,
        kind: machine.kind,
        connected: machine.terminals.some((t) => t.health?.firstSeenAt),
        at90: at90 ? (at90.get(machine.id) ?? null) : undefined,
        at180: at180 ? (at180.get(machine.id) ?? null) : undefined,
        last30: last30.get(machine.id) ?? null,
      })),
      measuredFen: m?._sum.amountFen ?? 0n,
      measuredMonths: m?._count._all ?? 0,
      promisedFen: promisedMonthly === null ? null : promisedMonthly * BigInt(m?._count._all ?? 0),
      paybackMonths: payback,
      satisfaction: satisfaction.find((s) => s.projectId === p.id) ?? null,
    });
  }
  return out;
}
export type ProjectFacts = Awaited<ReturnType<typeof projectFacts>>[number];
