/** Lists of projects and the integrator's overview (both sides of the money, payback through the one rule). */
import type { ScopedDb } from '../../db/scoped';
import type { Role } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import { formatCode, type Level } from '../../domain/maturity/code';
import { pageWindow } from '../../domain/paging';
import { paybackMonths, paybackOn } from '../../domain/projects/payback';
import { parseQuoteSnapshot } from '../../domain/projects/quote-snapshot';
import type { ProjectStatus } from '../../domain/projects/status';
import { shanghaiDate } from '../../domain/time';
import { paybackFactsFor } from './project-payback';

const isStaff = (role: Role) => role === 'INTEGRATOR_ADMIN' || role === 'INTEGRATOR_ENGINEER';

/**
 * A page of projects, newest first (an integrator at scale has thousands). `priceFen` is what the SME pays or is
 * quoted (contract price, else the latest quote); staff also get `budgetFen`, the plan's priced lines.
 */
export async function listProjects(db: ScopedDb, role: Role, input: { smeClientId?: string; status?: ProjectStatus; page: number; pageSize: number }) {
  if (input.smeClientId && !(await db.smeClient.findUnique({ where: { id: input.smeClientId }, select: { id: true } }))) throw new AppError('NOT_FOUND');
  const where = { ...(input.smeClientId ? { smeClientId: input.smeClientId } : {}), ...(input.status ? { status: input.status } : {}) };
  const staff = isStaff(role);
  const [total, rows] = await Promise.all([
    db.project.count({ where }),
    db.project.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      ...pageWindow(input),
      select: {
        id: true,
        number: true,
        title: true,
        status: true,
        targetD: true,
        targetN: true,
        targetI: true,
        updatedAt: true,
        contractPriceFen: true,
        smeClient: { select: { id: true, legalName: true, legalNameEn: true } },
        _count: { select: { machines: true } },
        quotes: { orderBy: { version: 'desc' }, take: 1, select: { totalFen: true } },
      },
    }),
  ]);
  const budgets = staff ? await db.costLine.groupBy({ by: ['projectId'], where: { projectId: { in: rows.map((r) => r.id) } }, _sum: { totalFen: true } }) : [];
  const items = rows.map(({ quotes, _count, ...r }) => {
    const budgetFen = budgets.find((b) => b.projectId === r.id)?._sum.totalFen ?? 0n;
    return {
      ...r,
      target: formatCode({ d: r.targetD as Level, n: r.targetN as Level, i: r.targetI as Level }),
      machines: _count.machines,
      priceFen: r.contractPriceFen ?? quotes[0]?.totalFen ?? (staff ? budgetFen : null),
      budgetFen: staff ? budgetFen : null,
    };
  });
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** The integrator's overview: projects by status, the SME side (contracted, invoiced, received), supplier costs, margin. */
export async function projectsOverview(db: ScopedDb) {
  const [projects, invoiced, received, supplierCosts, plan] = await Promise.all([
    db.project.findMany({ select: { id: true, status: true, smeClientId: true, contractPriceFen: true, _count: { select: { machines: true } } } }),
    db.smeInvoice.aggregate({ where: { project: { status: { not: 'CANCELLED' } } }, _sum: { amountFen: true } }),
    db.smePayment.aggregate({ where: { project: { status: { not: 'CANCELLED' } } }, _sum: { amountFen: true } }),
    db.costEntry.aggregate({ where: { project: { status: { not: 'CANCELLED' } } }, _sum: { amountFen: true } }),
    db.costLine.groupBy({ by: ['projectId'], _sum: { totalFen: true } }),
  ]);
  const planTotals = new Map(plan.map((p) => [p.projectId, p._sum.totalFen ?? 0n]));
  const byStatus = new Map<string, { count: number; valueFen: bigint }>();
  for (const p of projects) {
    const e = byStatus.get(p.status) ?? { count: 0, valueFen: 0n };
    e.count++;
    e.valueFen += p.contractPriceFen ?? planTotals.get(p.id) ?? 0n;
    byStatus.set(p.status, e);
  }
  const live = projects.filter((p) => p.status !== 'CANCELLED');
  const facts = await paybackFactsFor(
    db,
    live.map((p) => p.id),
    { planTotals },
  );
  const months = [...facts.values()].map((f) => paybackMonths(paybackOn(f).verdict)).filter((m): m is number => m !== null);
  const contracted = live.filter((p) => p.contractPriceFen !== null);
  const contractedFen = contracted.reduce((s, p) => s + (p.contractPriceFen ?? 0n), 0n);
  const smes = new Set(contracted.map((p) => p.smeClientId)).size;
  const machines = contracted.reduce((s, p) => s + p._count.machines, 0);
  const costFen = supplierCosts._sum.amountFen ?? 0n;
  return {
    byStatus: [...byStatus.entries()].map(([status, v]) => ({ status, ...v })),
    contractedFen,
    invoicedFen: invoiced._sum.amountFen ?? 0n,
    receivedFen: received._sum.amountFen ?? 0n,
    supplierCostFen: costFen,
    perSmeFen: smes ? contractedFen / BigInt(smes) : null,
    perMachineFen: machines ? contractedFen / BigInt(machines) : null,
    reference: { perSmeFen: 23_000_000n, perMachineFen: 290_000n },
    averagePaybackMonths: months.length ? Math.round((months.reduce((s, m) => s + m, 0) / months.length) * 10) / 10 : null,
  };
}

/** One quote version, its snapshot parsed (a shape the app does not know is an error, never a guess). */
export async function getQuote(db: ScopedDb, id: string) {
  const q = await db.quote.findUnique({
    where: { id },
    select: { id: true, version: true, number: true, snapshot: true, issuedAt: true, decision: true, decidedAt: true, declineReason: true, projectId: true },
  });
  if (!q) throw new AppError('NOT_FOUND');
  return { ...q, snapshot: parseQuoteSnapshot(q.snapshot, shanghaiDate(q.issuedAt)) };
}
