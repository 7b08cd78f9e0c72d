/**
 * Loads the facts the one payback rule (server/domain/projects/payback.ts) needs, for one project or many at once:
 * the quote and the contract, what was invoiced to the SME, the subsidy as far as the county went (claims), expected
 * and measured savings. Every page, the overview and the county dashboard get their payback from here.
 */
import type { ScopedDb } from '../../db/scoped';
import type { Tx } from '../../db/tx';
import { type Payback, type PaybackFacts, paybackOn } from '../../domain/projects/payback';

type Db = ScopedDb | Tx;

/**
 * The subsidy of each project from its claims (bigint fen), the three figures the payback rule may take as its basis:
 * - `expectedFen`: every live claim as it stands — submitted ones at their submitted amount, granted ones at their
 *   approved amount; with no live claim, the subsidy the plan expected (what the quote told the SME);
 * - `approvedFen`: granted by the county (approved or paid out), at the approved amount;
 * - `paidFen`: paid out (the sum of payouts; a partial payout pays less than was approved).
 * Drafts, returned and rejected claims count nowhere.
 */
export async function subsidiesFor(db: Db, projects: { id: string; expectedSubsidyFen: bigint }[]) {
  const claims = projects.length
    ? await db.claim.findMany({
        where: { projectId: { in: projects.map((p) => p.id) }, status: { in: ['SUBMITTED', 'APPROVED', 'DISBURSED'] } },
        select: { projectId: true, status: true, computedFen: true, approvedFen: true, disbursedFen: true },
      })
    : [];
  const out = new Map<string, PaybackFacts['subsidy']>();
  for (const p of projects) {
    const mine = claims.filter((c) => c.projectId === p.id);
    const granted = mine.filter((c) => c.status !== 'SUBMITTED');
    out.set(p.id, {
      expectedFen: mine.length ? mine.reduce((s, c) => s + (c.status === 'SUBMITTED' ? c.computedFen : (c.approvedFen ?? 0n)), 0n) : p.expectedSubsidyFen,
      approvedFen: granted.reduce((s, c) => s + (c.approvedFen ?? 0n), 0n),
      paidFen: mine.reduce((s, c) => s + (c.status === 'DISBURSED' ? c.disbursedFen : 0n), 0n),
    });
  }
  return out;
}

/** Payback facts for many projects in five queries; a project with neither quote nor contract nor plan has none. */
export async function paybackFactsFor(db: Db, ids: string[], opts: { planTotals?: Map<string, bigint> } = {}) {
  if (!ids.length) return new Map<string, PaybackFacts>();
  const [projects, quotes, invoices, measured, savings] = await Promise.all([
    db.project.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, contractPriceFen: true, expectedSubsidyFen: true } }),
    db.quote.findMany({ where: { projectId: { in: ids } }, orderBy: { version: 'desc' }, select: { projectId: true, totalFen: true } }),
    db.smeInvoice.groupBy({ by: ['projectId'], where: { projectId: { in: ids } }, _sum: { amountFen: true } }),
    db.measuredSaving.findMany({ where: { projectId: { in: ids } }, orderBy: { month: 'asc' }, select: { projectId: true, amountFen: true } }),
    db.savingsLine.groupBy({ by: ['projectId'], where: { projectId: { in: ids } }, _sum: { monthlyFen: true } }),
  ]);
  const subsidies = await subsidiesFor(db, projects);
  const latestQuote = new Map<string, bigint>();
  for (const q of quotes) if (!latestQuote.has(q.projectId)) latestQuote.set(q.projectId, q.totalFen);
  const out = new Map<string, PaybackFacts>();
  for (const p of projects) {
    const quotedFen = latestQuote.get(p.id) ?? opts.planTotals?.get(p.id) ?? null;
    if (quotedFen === null && p.contractPriceFen === null) continue;
    out.set(p.id, {
      status: p.status,
      quotedFen,
      contractFen: p.contractPriceFen,
      invoicedFen: invoices.find((i) => i.projectId === p.id)?._sum.amountFen ?? 0n,
      subsidy: subsidies.get(p.id) ?? { expectedFen: p.expectedSubsidyFen, approvedFen: 0n, paidFen: 0n },
      expectedMonthlyFen: savings.find((s) => s.projectId === p.id)?._sum.monthlyFen ?? 0n,
      measuredFen: measured.filter((m) => m.projectId === p.id).map((m) => m.amountFen),
    });
  }
  return out;
}

/** The project's payback now, on the basis the rule chooses (null while there is nothing to pay back yet). */
export async function projectPayback(db: Db, id: string, planTotalFen?: bigint): Promise<Payback | null> {
  const facts = (await paybackFactsFor(db, [id], planTotalFen === undefined ? {} : { planTotals: new Map([[id, planTotalFen]]) })).get(id);
  return facts ? paybackOn(facts) : null;
}
