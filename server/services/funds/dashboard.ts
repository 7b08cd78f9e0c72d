/** The county's dashboard, computed from its funds and the claims filed against them (their snapshots). */
import ExcelJS from 'exceljs';
import { Prisma } from '../../db/generated/client';
import type { ScopedDb } from '../../db/scoped';
import { claimSnapshotSchema, parseClaimSnapshot } from '../../domain/claims/snapshot';
import { AppError } from '../../domain/errors/app-error';
import { type PaybackBasis, paybackMonths, paybackOn } from '../../domain/projects/payback';
import { calendarDay, shanghaiDate } from '../../domain/time';
import type { AppLocale } from '../../i18n/locales';
import { messagesFor } from '../../i18n/messages';

async function requireFund(db: ScopedDb, fundId?: string) {
  if (fundId && !(await db.fund.findUnique({ where: { id: fundId }, select: { id: true } }))) throw new AppError('NOT_FOUND');
}

/**
 * A claim as the dashboard needs it: its columns and the few facts of its snapshot that the figures use, taken out of
 * the JSON by the database (a county's whole snapshots, several kilobytes each, were read and parsed on every view).
 */
type ClaimRow = {
  id: string;
  status: string;
  smeClientId: string;
  projectId: string;
  computedFen: bigint;
  approvedFen: bigint | null;
  disbursedFen: bigint;
  submittedAt: Date | null;
  number: string;
  machines: number;
  budgetFen: string;
  paybackMonths: number | null;
  payback: unknown;
  integrator: string;
  clusters: unknown;
  levelBefore: number | null;
  levelAfter: number | null;
};

const projectFacts = claimSnapshotSchema.shape.project;
const paybackFacts = projectFacts.shape.payback;
const clusterNames = claimSnapshotSchema.shape.sme.shape.clusters;

/**
 * The county's claims past the draft (a draft is not the county's yet), oldest first. Raw SQL through the tenant
 * handle: the county's row-level security is the wall, and the query names the county and the status as the gate's
 * filter would.
 */
function dashboardClaims(db: ScopedDb, countyId: string, fundId?: string): Promise<ClaimRow[]> {
  return db.$queryRaw<ClaimRow[]>`
    SELECT c.id, c.status::text AS status, c."smeClientId", c."projectId", c."computedFen", c."approvedFen", c."disbursedFen",
      c."submittedAt",
      c.snapshot #>> '{project,number}' AS number,
      (c.snapshot #>> '{project,machines}')::int AS machines,
      c.snapshot #>> '{project,budgetFen}' AS "budgetFen",
      (c.snapshot #>> '{project,paybackMonths}')::float8 AS "paybackMonths",
      c.snapshot #> '{project,payback}' AS payback,
      c.snapshot ->> 'integrator' AS integrator,
      c.snapshot #> '{sme,clusters}' AS clusters,
      (c.snapshot #>> '{assessments,before,level}')::int AS "levelBefore",
      (c.snapshot #>> '{assessments,after,level}')::int AS "levelAfter"
    FROM "Claim" c
    WHERE c."countyId" = ${countyId} AND c.status <> 'DRAFT' ${fundId ? Prisma.sql`AND c."fundId" = ${fundId}` : Prisma.empty}
    ORDER BY c."createdAt", c.id`;
}

/** Each granted project's payback now: the facts frozen at its latest filing, the subsidy from its claims. */
function projectPaybacks(claims: readonly ClaimRow[]) {
  const projects = new Map<string, ClaimRow[]>();
  for (const c of claims) if (c.status !== 'DRAFT') projects.set(c.projectId, [...(projects.get(c.projectId) ?? []), c]);
  const out: { number: string; months: number | null; basis: PaybackBasis | null }[] = [];
  for (const rows of projects.values()) {
    if (!rows.some((c) => c.status === 'APPROVED' || c.status === 'DISBURSED')) continue;
    const live = rows.filter((c) => c.status === 'SUBMITTED' || c.status === 'APPROVED' || c.status === 'DISBURSED');
    const latest = (live.at(-1) ?? rows.at(-1)) as ClaimRow;
    const f = paybackFacts.parse(latest.payback ?? undefined);
    if (!f) {
      out.push({ number: latest.number, months: latest.paybackMonths, basis: null });
      continue;
    }
    const granted = live.filter((c) => c.status !== 'SUBMITTED');
    const p = paybackOn({
      status: f.status,
      quotedFen: f.quotedFen === null ? null : BigInt(f.quotedFen),
      contractFen: f.contractFen === null ? null : BigInt(f.contractFen),
      invoicedFen: BigInt(f.invoicedFen),
      expectedMonthlyFen: BigInt(f.expectedMonthlyFen),
      measuredFen: f.measuredFen.map((v) => BigInt(v)),
      subsidy: {
        expectedFen: live.reduce((t, c) => t + (c.status === 'SUBMITTED' ? c.computedFen : (c.approvedFen ?? 0n)), 0n),
        approvedFen: granted.reduce((t, c) => t + (c.approvedFen ?? 0n), 0n),
        paidFen: live.reduce((t, c) => t + (c.status === 'DISBURSED' ? c.disbursedFen : 0n), 0n),
      },
    });
    out.push({ number: latest.number, months: paybackMonths(p.verdict), basis: p.basis });
  }
  return out;
}

export async function fundDashboard(db: ScopedDb, countyId: string, fundId?: string) {
  await requireFund(db, fundId);
  const now = Date.now();
  const [funds, claims, events] = await Promise.all([
    db.fund.findMany({
      where: fundId ? { id: fundId } : {},
      orderBy: { periodStart: 'desc' },
      select: { id: true, name: true, nameEn: true, budgetFen: true, committedFen: true, disbursedFen: true },
    }),
    dashboardClaims(db, countyId, fundId),
    db.claimEvent.findMany({
      where: { action: { in: ['approve', 'disburse'] }, ...(fundId ? { claim: { fundId } } : {}) },
      orderBy: { at: 'asc' },
      select: { action: true, amountFen: true, at: true, claimId: true },
    }),
  ]);
  const approvedOf = new Map(claims.map((c) => [c.id, c.approvedFen ?? 0n]));
  // budget use over time: cumulative committed and disbursed at the end of each month
  const months = new Map<string, { committed: bigint; disbursed: bigint }>();
  let committed = 0n;
  let disbursed = 0n;
  for (const e of events) {
    if (e.action === 'approve') committed += e.amountFen ?? 0n;
    else {
      committed -= approvedOf.get(e.claimId) ?? 0n;
      disbursed += e.amountFen ?? 0n;
    }
    months.set(shanghaiDate(e.at).slice(0, 7), { committed, disbursed });
  }
  const byStatus = new Map<string, number>();
  const age = { under7: 0, days7to30: 0, over30: 0 };
  for (const c of claims) {
    byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
    if (c.status === 'SUBMITTED' && c.submittedAt) {
      const days = (now - c.submittedAt.getTime()) / 86_400_000;
      if (days < 7) age.under7++;
      else if (days <= 30) age.days7to30++;
      else age.over30++;
    }
  }
  const covered = claims.filter((c) => c.status === 'APPROVED' || c.status === 'DISBURSED');
  const perIntegrator = new Map<string, { smes: Set<string>; machines: number }>();
  const perCluster = new Map<string, { smes: Set<string>; machines: number }>();
  let budgetSum = 0n;
  let machineSum = 0;
  const payback = { upTo6: 0, upTo12: 0, upTo24: 0, over24: 0, none: 0 };
  const smesSeen = new Map<string, { before: number | null; after: number | null }>();
  for (const c of covered) {
    // the snapshot's facts are checked as strictly as the whole snapshot was
    const machines = projectFacts.shape.machines.parse(c.machines);
    const integrator = claimSnapshotSchema.shape.integrator.parse(c.integrator);
    const i = perIntegrator.get(integrator) ?? { smes: new Set<string>(), machines: 0 };
    i.smes.add(c.smeClientId);
    i.machines += machines;
    perIntegrator.set(integrator, i);
    for (const name of clusterNames.parse(c.clusters)) {
      const k = perCluster.get(name) ?? { smes: new Set<string>(), machines: 0 };
      k.smes.add(c.smeClientId);
      k.machines += machines;
      perCluster.set(name, k);
    }
    budgetSum += BigInt(projectFacts.shape.budgetFen.parse(c.budgetFen));
    machineSum += machines;
    smesSeen.set(c.smeClientId, { before: c.levelBefore, after: c.levelAfter });
  }
  // payback per project through the one rule, with the subsidy as far as the county's claims went (as the SME sees it)
  const paybackByProject = projectPaybacks(claims);
  for (const { months: m } of paybackByProject) {
    if (m === null) payback.none++;
    else if (m <= 6) payback.upTo6++;
    else if (m <= 12) payback.upTo12++;
    else if (m <= 24) payback.upTo24++;
    else payback.over24++;
  }
  let beforeKnown = 0;
  let beforeL2 = 0;
  let afterKnown = 0;
  let afterL2 = 0;
  for (const s of smesSeen.values()) {
    const b = s.before;
    const a = s.after;
    if (b !== null) {
      beforeKnown++;
      if (b >= 2) beforeL2++;
    }
    if (a !== null) {
      afterKnown++;
      if (a >= 2) afterL2++;
    }
  }
  const pct = (k: number, n: number) => (n ? Math.round((k / n) * 1000) / 10 : null);
  const group = (m: Map<string, { smes: Set<string>; machines: number }>) =>
    [...m.entries()].map(([name, v]) => ({ name, smes: v.smes.size, machines: v.machines })).sort((a, b) => b.machines - a.machines);
  return {
    funds: funds.map((f) => ({ ...f, remainingFen: f.budgetFen - f.committedFen - f.disbursedFen })),
    overTime: [...months.entries()].map(([month, v]) => ({ month, committedFen: v.committed, disbursedFen: v.disbursed })),
    byStatus: [...byStatus.entries()].map(([status, count]) => ({ status, count })),
    age,
    perIntegrator: group(perIntegrator),
    perCluster: group(perCluster),
    coveredSmes: smesSeen.size,
    coveredMachines: machineSum,
    level2: { before: pct(beforeL2, beforeKnown), after: pct(afterL2, afterKnown), beforeKnown, afterKnown },
    costPerMachineFen: machineSum ? budgetSum / BigInt(machineSum) : null,
    payback,
    paybackByProject,
  };
}

/** The claims register and the dashboard figures as an XLSX workbook, in the user's language. */
export async function exportRegister(db: ScopedDb, countyId: string, locale: AppLocale, fundId?: string) {
  await requireFund(db, fundId);
  const m = messagesFor(locale);
  const claims = await db.claim.findMany({
    where: fundId ? { fundId } : {},
    orderBy: [{ createdAt: 'asc' }],
    select: {
      number: true,
      status: true,
      computedFen: true,
      approvedFen: true,
      disbursedFen: true,
      submittedAt: true,
      decidedAt: true,
      disbursedOn: true,
      decisionReason: true,
      snapshot: true,
      fund: { select: { name: true } },
      _count: { select: { machines: true } },
    },
  });
  const d = await fundDashboard(db, countyId, fundId);
  const wb = new ExcelJS.Workbook();
  const yuan = (f: bigint | null) => (f === null ? null : Number(f) / 100);
  const day = (x: Date | null) => (x ? shanghaiDate(x) : null);
  const h = m.claims.register as Record<string, string>;
  const ws = wb.addWorksheet(h.sheet ?? 'Claims');
  ws.addRow([
    h.number,
    h.fund,
    h.sme,
    h.integrator,
    h.project,
    h.status,
    h.machines,
    h.computed,
    h.approved,
    h.disbursed,
    h.submitted,
    h.decided,
    h.disbursedOn,
    h.reason,
  ]).font = { bold: true };
  for (const c of claims) {
    const s = parseClaimSnapshot(c.snapshot);
    ws.addRow([
      c.number,
      c.fund.name,
      s.sme.legalName,
      s.integrator,
      s.project.number,
      (m.claims.statuses as Record<string, string>)[c.status] ?? c.status,
      c._count.machines,
      yuan(c.computedFen),
      yuan(c.approvedFen),
      yuan(c.disbursedFen),
      day(c.submittedAt),
      day(c.decidedAt),
      c.disbursedOn ? calendarDay(c.disbursedOn) : null,
      c.decisionReason ?? '',
    ]);
  }
  for (const col of [8, 9, 10]) ws.getColumn(col).numFmt = '#,##0.00';
  const ds = wb.addWorksheet(h.dashboardSheet ?? 'Dashboard');
  ds.addRow([h.fund, h.budget, h.committed, h.disbursedTotal, h.remaining]).font = { bold: true };
  for (const f of d.funds) ds.addRow([f.name, yuan(f.budgetFen), yuan(f.committedFen), yuan(f.disbursedFen), yuan(f.remainingFen)]);
  ds.addRow([]);
  ds.addRow([h.coveredSmes, d.coveredSmes]);
  ds.addRow([h.coveredMachines, d.coveredMachines]);
  ds.addRow([h.costPerMachine, yuan(d.costPerMachineFen)]);
  ds.addRow([h.level2Before, d.level2.before]);
  ds.addRow([h.level2After, d.level2.after]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { fileName: `${h.fileName ?? 'claims'}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes };
}
