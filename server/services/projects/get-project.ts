/**
 * Everything the project page shows, computed once and shaped by role: the SME's side (contract, schedule, invoices,
 * payments, payback) for everyone who may see the project; the integrator's side (budget lines, supplier costs,
 * variance, margin) for its staff only — `integratorSide` is null for an SME owner, and the rows are not even read.
 */
import type { ScopedDb } from '../../db/scoped';
import type { Role } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import { formatCode, type Level } from '../../domain/maturity/code';
import type { CostCategory } from '../../domain/projects/codes';
import { totalsByCategory } from '../../domain/projects/cost-lines';
import { storedPaymentTerms } from '../../domain/projects/plan-input';
import { parseQuoteSnapshot } from '../../domain/projects/quote-snapshot';
import { availableTransitions } from '../../domain/projects/status';
import { readAcceptedBasis } from '../../domain/results/accepted';
import { shanghaiDate } from '../../domain/time';
import { projectPayback } from './project-payback';
import { ledgerSelect, summariseLedger } from './sme-ledger';

const isStaff = (role: Role) => role === 'INTEGRATOR_ADMIN' || role === 'INTEGRATOR_ENGINEER';

async function integratorSide(db: ScopedDb, id: string, contractFen: bigint | null) {
  const p = await db.project.findUniqueOrThrow({
    where: { id },
    select: {
      priceBook: { select: { version: true } },
      costLines: {
        orderBy: { sortOrder: 'asc' },
        select: { id: true, category: true, itemCode: true, description: true, quantity: true, unitPriceFen: true, totalFen: true, manual: true },
      },
      costEntries: {
        orderBy: [{ invoiceDate: 'asc' }, { createdAt: 'asc' }],
        select: { id: true, costLineId: true, supplier: true, invoiceNo: true, invoiceDate: true, amountFen: true, paid: true },
      },
    },
  });
  const budget = totalsByCategory(p.costLines.map((l) => ({ category: l.category as CostCategory, totalFen: l.totalFen })));
  const actualByLine = new Map<string, bigint>();
  let actualFen = 0n;
  let paidFen = 0n;
  for (const e of p.costEntries) {
    actualFen += e.amountFen;
    if (e.paid) paidFen += e.amountFen;
    if (e.costLineId) actualByLine.set(e.costLineId, (actualByLine.get(e.costLineId) ?? 0n) + e.amountFen);
  }
  const unassignedFen = actualFen - [...actualByLine.values()].reduce((s, v) => s + v, 0n);
  const revenueFen = contractFen ?? budget.total;
  return {
    priceBookVersion: p.priceBook.version,
    costLines: p.costLines.map((l) => {
      const actual = actualByLine.get(l.id) ?? 0n;
      return { ...l, actualFen: actual, varianceFen: actual - l.totalFen, over: actual > l.totalFen };
    }),
    costEntries: p.costEntries,
    budget,
    actual: { totalFen: actualFen, paidFen, unassignedFen, varianceFen: actualFen - budget.total, over: actualFen > budget.total },
    /** Contract price (or the plan's price before a contract) less the supplier costs so far. */
    margin: { revenueFen, costFen: actualFen, marginFen: revenueFen - actualFen, onContract: contractFen !== null },
  };
}

export async function getProject(db: ScopedDb, role: Role, id: string) {
  const p = await db.project.findUnique({
    where: { id },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      targetD: true,
      targetN: true,
      targetI: true,
      modules: true,
      softwareYears: true,
      trainingDays: true,
      expectedSubsidyFen: true,
      paymentTerms: true,
      contractQuoteId: true,
      contractedAt: true,
      outcomeAssessmentId: true,
      cancelReason: true,
      createdAt: true,
      integratorId: true,
      smeClient: { select: { id: true, legalName: true, legalNameEn: true } },
      machines: { select: { machine: { select: { id: true, assetTag: true, kind: true, controlType: true, status: true } } } },
      savings: { orderBy: { sortOrder: 'asc' }, select: { id: true, kind: true, params: true, monthlyFen: true } },
      quotes: {
        orderBy: { version: 'desc' },
        select: {
          id: true,
          version: true,
          number: true,
          totalFen: true,
          expectedSubsidyFen: true,
          monthlySavingsFen: true,
          issuedAt: true,
          decision: true,
          decidedAt: true,
          declineReason: true,
        },
      },
      statusChanges: { orderBy: { at: 'asc' }, select: { id: true, from: true, to: true, transition: true, reason: true, actorId: true, at: true } },
      measured: { orderBy: { month: 'asc' }, select: { id: true, month: true, amountFen: true, note: true, source: true, basis: true } },
      ...ledgerSelect,
    },
  });
  if (!p) throw new AppError('NOT_FOUND');
  const staff = isStaff(role);
  const side = staff ? await integratorSide(db, id, p.contractPriceFen) : null;
  const actorIds = [...new Set(p.statusChanges.map((c) => c.actorId).filter((x): x is string => Boolean(x)))];
  const [actors, integrator, outcome, payback, openQuote] = await Promise.all([
    actorIds.length ? db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [],
    // an SME owner cannot read the integrator's staff: their changes are shown under the integrator's name
    db.integrator.findFirst({ where: { id: p.integratorId }, select: { name: true, nameEn: true } }),
    p.outcomeAssessmentId
      ? db.assessment.findUnique({ where: { id: p.outcomeAssessmentId }, select: { id: true, d: true, n: true, i: true, assessedOn: true } })
      : null,
    projectPayback(db, id, side?.budget.total),
    db.quote.findFirst({
      where: { projectId: id, decision: null },
      orderBy: { version: 'desc' },
      select: { id: true, number: true, snapshot: true, issuedAt: true },
    }),
  ]);
  const actorName = new Map(actors.map((a) => [a.id, a.name]));
  const { smeInvoices, smePayments, milestones, paymentTerms, measured, ...rest } = p;
  return {
    ...rest,
    target: formatCode({ d: p.targetD as Level, n: p.targetN as Level, i: p.targetI as Level }),
    machines: p.machines.map((m) => m.machine),
    savings: p.savings.map((s) => ({ ...s, params: s.params as Record<string, unknown> })),
    expectedMonthlyFen: p.savings.reduce((s, l) => s + l.monthlyFen, 0n),
    /** Measured months: typed by staff, or accepted from the terminals' data with their windows and coverage. */
    measured: measured.map(({ basis, ...m }) => ({ ...m, basis: m.source === 'DATA' ? readAcceptedBasis(basis) : null })),
    statusChanges: p.statusChanges.map((c) => {
      const name = c.actorId ? (actorName.get(c.actorId) ?? null) : null;
      return { ...c, actorName: name, actorOrganisation: c.actorId && !name ? integrator : null };
    }),
    paymentTerms: storedPaymentTerms(paymentTerms),
    /** The open quote as the SME owner would accept it (price, schedule, subsidy expected) — the confirmation shows it. */
    openQuote: openQuote
      ? { ...parseQuoteSnapshot(openQuote.snapshot, shanghaiDate(openQuote.issuedAt)), id: openQuote.id, quoteNumber: openQuote.number }
      : null,
    ledger: summariseLedger({ status: p.status, contractPriceFen: p.contractPriceFen, milestones, invoices: smeInvoices, payments: smePayments }),
    payback,
    outcome: outcome
      ? { id: outcome.id, code: formatCode({ d: outcome.d as Level, n: outcome.n as Level, i: outcome.i as Level }), assessedOn: outcome.assessedOn }
      : null,
    integratorSide: side,
    transitions: availableTransitions(p.status, role),
  };
}
