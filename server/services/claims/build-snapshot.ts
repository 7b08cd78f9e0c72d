/**
 * The integrator's side of a claim: everything the fund's rules and the county need, read from the integrator's own
 * tables and frozen into the claim (officials never read those tables). Dates of events (quote accepted, project
 * commissioned) are Asia/Shanghai calendar days; dates of date-only columns are the day they hold.
 */
import type { ClaimSnapshot } from '../../domain/claims/snapshot';
import { AppError } from '../../domain/errors/app-error';
import { formatCode, type Level } from '../../domain/maturity/code';
import { paybackMonths, paybackOn } from '../../domain/projects/payback';
import { calendarDay, shanghaiDate, shanghaiToday } from '../../domain/time';
import { paybackFactsFor } from '../projects/project-payback';
import { machinesUsage } from '../results/usage-evidence';
import { eligibleSpendFen } from './eligible-spend';
import type { Db } from './shared';

const CLAIMABLE = ['ACCEPTED', 'IN_PROGRESS', 'COMMISSIONED', 'VERIFIED'];

export async function buildSnapshot(
  db: Db,
  projectId: string,
  fundId: string,
  machineIds: readonly string[],
  batchId: string | null,
  /** Days of "really used" evidence to freeze (the fund's usage rule's, else 30). */
  usageDays = 30,
): Promise<{ snapshot: ClaimSnapshot; project: { id: string; smeClientId: string }; machines: { machineId: string; assetTag: string }[] }> {
  const p = await db.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      smeClientId: true,
      targetD: true,
      targetN: true,
      targetI: true,
      outcomeAssessmentId: true,
      smeClient: {
        select: { legalName: true, legalNameEn: true, creditCode: true, sector: true, memberships: { select: { cluster: { select: { name: true } } } } },
      },
      machines: { select: { machineId: true } },
      contractPriceFen: true,
      costLines: { select: { totalFen: true } },
      quotes: { where: { decision: 'ACCEPTED' }, orderBy: { decidedAt: 'desc' }, take: 1, select: { decidedAt: true } },
      statusChanges: { where: { to: 'COMMISSIONED' }, orderBy: { at: 'desc' }, take: 1, select: { at: true } },
    },
  });
  if (!p) throw new AppError('NOT_FOUND');
  if (!CLAIMABLE.includes(p.status)) throw new AppError('PRECONDITION_FAILED', 'claim.projectNotAccepted');
  const inProject = new Set(p.machines.map((m) => m.machineId));
  const ids = [...new Set(machineIds)];
  if (ids.some((id) => !inProject.has(id))) throw new AppError('NOT_FOUND', 'claim.machineNotInProject');
  const [machines, inService, batch, assessments, integrator, spend] = await Promise.all([
    db.machine.findMany({
      where: { id: { in: ids } },
      orderBy: { assetTag: 'asc' },
      select: { id: true, assetTag: true, kind: true, line: { select: { workshop: { select: { name: true } } } } },
    }),
    db.machine.count({ where: { smeClientId: p.smeClientId, status: 'IN_SERVICE' } }),
    batchId
      ? db.fundBatch.findFirst({ where: { id: batchId, fundId }, select: { name: true, opensOn: true, closesOn: true, rateBp: true } })
      : Promise.resolve(null),
    db.assessment.findMany({
      where: { smeClientId: p.smeClientId, status: 'SIGNED_OFF' },
      orderBy: { assessedOn: 'asc' },
      select: { id: true, d: true, n: true, i: true, nationalLevel: true, assessedOn: true },
    }),
    db.integrator.findFirst({ select: { name: true } }),
    eligibleSpendFen(db, p.id),
  ]);
  // the SME's price: the contract (the accepted quote); before a contract, the plan's priced lines
  const priceFen = p.contractPriceFen ?? p.costLines.reduce((s, l) => s + l.totalFen, 0n);
  const facts = (await paybackFactsFor(db, [p.id], { planTotals: new Map([[p.id, priceFen]]) })).get(p.id);
  if (batchId && !batch) throw new AppError('NOT_FOUND');
  // the cost of each machine: the SME's price shared equally over its machines (what a free retrofit saves the firm)
  const perMachine = p.machines.length ? priceFen / BigInt(p.machines.length) : 0n;
  const decidedAt = p.quotes[0]?.decidedAt;
  const contract = decidedAt ? shanghaiDate(decidedAt) : null;
  const commissionedAt = p.statusChanges[0]?.at;
  const completion = commissionedAt ? shanghaiDate(commissionedAt) : null;
  const after = p.outcomeAssessmentId ? (assessments.find((a) => a.id === p.outcomeAssessmentId) ?? null) : null;
  const before = [...assessments].reverse().find((a) => (contract ? calendarDay(a.assessedOn) <= contract : true) && a.id !== after?.id) ?? null;
  const code = (a: { d: number; n: number; i: number }) => formatCode({ d: a.d as Level, n: a.n as Level, i: a.i as Level });
  const pb = facts ? paybackOn(facts) : null;
  const usage = await machinesUsage(db, {
    smeClientId: p.smeClientId,
    machines: machines.map((m) => ({ id: m.id, assetTag: m.assetTag })),
    goLiveDay: completion,
    days: usageDays,
  });
  const snapshot: ClaimSnapshot = {
    sme: {
      legalName: p.smeClient.legalName,
      legalNameEn: p.smeClient.legalNameEn,
      creditCode: p.smeClient.creditCode,
      sector: p.smeClient.sector,
      clusters: p.smeClient.memberships.map((m) => m.cluster.name),
    },
    integrator: integrator?.name ?? '',
    project: {
      number: p.number,
      title: p.title,
      status: p.status,
      machines: p.machines.length,
      budgetFen: priceFen.toString(),
      target: code({ d: p.targetD, n: p.targetN, i: p.targetI }),
      paybackMonths: pb ? paybackMonths(pb.verdict) : null,
      // what the one payback rule needs besides the subsidy, so that the county's view recomputes it as the claim moves
      payback: facts
        ? {
            status: facts.status,
            quotedFen: facts.quotedFen?.toString() ?? null,
            contractFen: facts.contractFen?.toString() ?? null,
            invoicedFen: facts.invoicedFen.toString(),
            expectedMonthlyFen: facts.expectedMonthlyFen.toString(),
            measuredFen: facts.measuredFen.map(String),
          }
        : null,
    },
    facts: {
      inServiceMachines: inService,
      machinesAlreadyClaimed: 0,
      machines: machines.map((m) => ({ assetTag: m.assetTag, costFen: perMachine.toString(), kind: m.kind, workshop: m.line?.workshop.name ?? null })),
      paidSpendFen: spend.paidAndInvoicedFen.toString(),
      unpaidSpendFen: spend.invoicedUnpaidFen.toString(),
      levelReached: after?.nationalLevel ?? null,
      contractDate: contract,
      completionDate: completion,
      batch: batch ? { name: batch.name, opensOn: calendarDay(batch.opensOn), closesOn: calendarDay(batch.closesOn), rateBp: batch.rateBp } : null,
      filedOn: shanghaiToday(),
    },
    assessments: {
      before: before ? { code: code(before), level: before.nationalLevel, date: calendarDay(before.assessedOn) } : null,
      after: after ? { code: code(after), level: after.nationalLevel, date: calendarDay(after.assessedOn) } : null,
    },
    usage,
  };
  return { snapshot, project: { id: p.id, smeClientId: p.smeClientId }, machines: machines.map((m) => ({ machineId: m.id, assetTag: m.assetTag })) };
}
