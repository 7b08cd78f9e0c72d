/**
 * Retrofit projects: the plan (machines, modules, cost lines, expected savings, target code), quotes (frozen
 * versions), the status machine, actual costs against budget lines, measured savings and payback. Every change of
 * money or status runs in one transaction with its audit entry.
 */
import type { Prisma } from '../../db/generated/client';
import { lockNumberSeries } from '../../db/numbering';
import type { ScopedDb } from '../../db/scoped';
import type { IntegratorScope, Role } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import { formatCode, type Level } from '../../domain/maturity/code';
import { pageWindow } from '../../domain/paging';
import { generateCostLines, PlanError, type PlannedMachine, totalsByCategory } from '../../domain/projects/cost-lines';
import { cumulativeCashFlow, simplePayback, trackPayback } from '../../domain/projects/payback';
import type { CostCategory, ModuleCode, PriceBook } from '../../domain/projects/price-book';
import { monthlySavings, type SavingsInput } from '../../domain/projects/savings';
import { availableTransitions, checkTransition, type ProjectStatus, type TransitionName } from '../../domain/projects/status';
import { dateOnly, shanghaiToday } from '../../domain/time';
import { currentPriceBook, fromStored } from './price-books';

type Tx = Parameters<Parameters<ScopedDb['$transaction']>[0]>[0];

export type LineInput = {
  category: CostCategory;
  itemCode: string | null;
  description: string | null;
  quantity: number;
  unitPriceFen: bigint;
  manual: boolean;
};
export type PlanInput = {
  title: string;
  machineIds: string[];
  modules: ModuleCode[];
  softwareYears: number;
  trainingDays: number;
  target: { d: Level; n: Level; i: Level };
  savings: SavingsInput[];
  expectedSubsidyFen: bigint;
  /** The cost lines as edited by hand; omitted = generate them from the price book. */
  lines?: LineInput[];
};

/** The cost lines the price book gives a plan (domain errors become the user's messages). */
function linesFromPriceBook(book: PriceBook, machines: PlannedMachine[], input: PlanInput): LineInput[] {
  try {
    return generateCostLines(book, { machines, modules: input.modules, softwareYears: input.softwareYears, trainingDays: input.trainingDays }).map((l) => ({
      category: l.category,
      itemCode: l.itemCode,
      description: null,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      manual: false,
    }));
  } catch (e) {
    return planError(e);
  }
}

const planError = (e: unknown): never => {
  if (e instanceof PlanError) throw new AppError('BAD_REQUEST', `plan.${e.code}`, { detail: e.detail });
  throw e;
};

async function planMachines(db: ScopedDb | Tx, smeClientId: string, machineIds: string[]) {
  const ids = [...new Set(machineIds)];
  const machines = await db.machine.findMany({ where: { id: { in: ids }, smeClientId }, select: { id: true, controlType: true, status: true } });
  if (machines.length !== ids.length) throw new AppError('NOT_FOUND', 'plan.machineNotFound');
  if (machines.some((m) => m.status === 'RETIRED')) throw new AppError('BAD_REQUEST', 'plan.retiredMachine');
  return machines;
}

function serialiseSavings(savings: SavingsInput[]) {
  const s = monthlySavings(savings);
  return {
    total: s.totalFen,
    rows: s.lines.map((l, i) => ({
      kind: l.kind,
      monthlyFen: l.monthlyFen,
      params: JSON.parse(JSON.stringify(l, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))) as Prisma.InputJsonValue,
      sortOrder: i,
    })),
  };
}

async function writePlan(tx: Tx, project: { id: string; integratorId: string; smeClientId: string }, input: PlanInput, generated: LineInput[]) {
  const { id: projectId, integratorId, smeClientId } = project;
  await tx.projectMachine.deleteMany({ where: { projectId } });
  await tx.projectMachine.createMany({ data: [...new Set(input.machineIds)].map((machineId) => ({ integratorId, smeClientId, projectId, machineId })) });
  await tx.costLine.deleteMany({ where: { projectId, entries: { none: {} } } });
  const kept = await tx.costLine.count({ where: { projectId } });
  if (kept) throw new AppError('PRECONDITION_FAILED', 'plan.linesHaveCosts');
  const lines = input.lines ?? generated;
  await tx.costLine.createMany({
    data: lines.map((l, i) => ({
      integratorId,
      smeClientId,
      projectId,
      category: l.category,
      itemCode: l.itemCode,
      description: l.description,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      totalFen: l.unitPriceFen * BigInt(l.quantity),
      manual: l.manual,
      sortOrder: i,
    })),
  });
  await tx.savingsLine.deleteMany({ where: { projectId } });
  const s = serialiseSavings(input.savings);
  if (s.rows.length)
    await tx.savingsLine.createMany({
      data: s.rows.map((r) => ({ integratorId, smeClientId, projectId, kind: r.kind, params: r.params, monthlyFen: r.monthlyFen, sortOrder: r.sortOrder })),
    });
}

export async function createProject(db: ScopedDb, scope: IntegratorScope, actorId: string, smeClientId: string, input: PlanInput) {
  const sme = await db.smeClient.findUnique({ where: { id: smeClientId }, select: { id: true, archivedAt: true } });
  if (!sme) throw new AppError('NOT_FOUND');
  if (sme.archivedAt) throw new AppError('PRECONDITION_FAILED', 'clientArchived');
  const machines = await planMachines(db, smeClientId, input.machineIds);
  const pb = await currentPriceBook(db, scope.integratorId, actorId);
  const generated = linesFromPriceBook(pb.book, machines, input);
  return db.$transaction(async (tx) => {
    const year = shanghaiToday().slice(0, 4);
    await lockNumberSeries(tx, `project:${scope.integratorId}:${year}`);
    const count = await tx.project.count({ where: { number: { startsWith: `P-${year}-` } } });
    const project = await tx.project.create({
      data: {
        integratorId: scope.integratorId,
        smeClientId,
        number: `P-${year}-${String(count + 1).padStart(3, '0')}`,
        title: input.title,
        targetD: input.target.d,
        targetN: input.target.n,
        targetI: input.target.i,
        priceBookVersionId: pb.id,
        modules: input.modules,
        softwareYears: input.softwareYears,
        trainingDays: input.trainingDays,
        expectedSubsidyFen: input.expectedSubsidyFen,
        createdById: actorId,
      },
      select: { id: true, integratorId: true, smeClientId: true, number: true },
    });
    await writePlan(tx, project, input, generated);
    await tx.auditEvent.create({
      data: { actorId, action: 'project.create', entity: 'Project', entityId: project.id, data: { number: project.number, smeClientId } },
      select: { id: true },
    });
    return { id: project.id, number: project.number };
  });
}

/** Changes the plan: allowed while drafting, and after acceptance (then a new quote version must be accepted). */
export async function updatePlan(db: ScopedDb, actorId: string, id: string, input: PlanInput) {
  const p = await db.project.findUnique({
    where: { id },
    select: { id: true, integratorId: true, smeClientId: true, status: true, priceBookVersionId: true, priceBook: { select: { items: true, kits: true } } },
  });
  if (!p) throw new AppError('NOT_FOUND');
  if (p.status !== 'DRAFT' && p.status !== 'ACCEPTED') throw new AppError('PRECONDITION_FAILED', 'plan.frozen');
  const machines = await planMachines(db, p.smeClientId, input.machineIds);
  const generated = linesFromPriceBook(fromStored(p.priceBook), machines, input);
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text FROM "Project" WHERE id = ${id} AND "integratorId" = ${p.integratorId} FOR UPDATE`;
    if (locked[0]?.status !== p.status) throw new AppError('CONFLICT');
    await tx.project.update({
      where: { id },
      data: {
        title: input.title,
        targetD: input.target.d,
        targetN: input.target.n,
        targetI: input.target.i,
        modules: input.modules,
        softwareYears: input.softwareYears,
        trainingDays: input.trainingDays,
        expectedSubsidyFen: input.expectedSubsidyFen,
      },
      select: { id: true },
    });
    await writePlan(tx, p, input, generated);
    await tx.auditEvent.create({
      data: { actorId, action: 'project.updatePlan', entity: 'Project', entityId: id, data: { status: p.status } },
      select: { id: true },
    });
    return { id };
  });
}

/** The frozen content of a quote: what the SME owner accepts. */
async function snapshot(tx: Tx, projectId: string) {
  const p = await tx.project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      number: true,
      title: true,
      targetD: true,
      targetN: true,
      targetI: true,
      modules: true,
      softwareYears: true,
      trainingDays: true,
      expectedSubsidyFen: true,
      smeClient: { select: { legalName: true, legalNameEn: true, creditCode: true } },
      machines: { select: { machine: { select: { assetTag: true, kind: true, controlType: true } } } },
      costLines: {
        orderBy: { sortOrder: 'asc' },
        select: { category: true, itemCode: true, description: true, quantity: true, unitPriceFen: true, totalFen: true },
      },
      savings: { orderBy: { sortOrder: 'asc' }, select: { kind: true, params: true, monthlyFen: true } },
    },
  });
  const totals = totalsByCategory(p.costLines.map((l) => ({ category: l.category as CostCategory, totalFen: l.totalFen })));
  const monthlyFen = p.savings.reduce((s, l) => s + l.monthlyFen, 0n);
  const payback = simplePayback(totals.total, p.expectedSubsidyFen, monthlyFen);
  const json = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)));
  return {
    totalFen: totals.total,
    monthlyFen,
    expectedSubsidyFen: p.expectedSubsidyFen,
    snapshot: json({
      ...p,
      machines: p.machines.map((m) => m.machine),
      target: formatCode({ d: p.targetD as Level, n: p.targetN as Level, i: p.targetI as Level }),
      totals,
      monthlySavingsFen: monthlyFen,
      payback,
    }) as Prisma.InputJsonValue,
  };
}

/** Moves a project along its life; one transaction with the status change record and the audit entry. */
export async function transitionProject(
  db: ScopedDb,
  actor: { id: string; role: Role },
  id: string,
  name: TransitionName,
  opts: { reason?: string | null; assessmentId?: string | null },
) {
  const p = await db.project.findUnique({ where: { id }, select: { id: true, integratorId: true, smeClientId: true, status: true } });
  if (!p) throw new AppError('NOT_FOUND');
  const check = checkTransition(name, p.status, actor.role, opts);
  if (!check.ok) throw new AppError(check.refusal === 'roleNotAllowed' ? 'FORBIDDEN' : 'PRECONDITION_FAILED', `transition.${check.refusal}`);
  if (name === 'verify') {
    const a = await db.assessment.findUnique({ where: { id: opts.assessmentId as string }, select: { smeClientId: true, status: true } });
    if (!a || a.smeClientId !== p.smeClientId) throw new AppError('NOT_FOUND');
    if (a.status !== 'SIGNED_OFF') throw new AppError('PRECONDITION_FAILED', 'transition.assessmentNotSignedOff');
  }
  return db.$transaction(async (tx) => {
    // the row moves only from the status we checked: a concurrent transition (two accepts) finds nothing to move
    const moved = await tx.project.updateMany({
      where: { id, status: p.status },
      data: {
        status: check.to,
        ...(name === 'cancel' ? { cancelReason: opts.reason?.trim() } : {}),
        ...(name === 'verify' ? { outcomeAssessmentId: opts.assessmentId } : {}),
      },
    });
    if (moved.count !== 1) throw new AppError('CONFLICT', 'transition.concurrent');
    const openQuote = await tx.quote.findFirst({ where: { projectId: id }, orderBy: { version: 'desc' }, select: { id: true, version: true, decision: true } });
    if (name === 'issueQuote' || name === 'requote') {
      if (openQuote && (openQuote.decision === null || openQuote.decision === 'ACCEPTED'))
        await tx.quote.update({
          where: { id: openQuote.id },
          data: { decision: 'SUPERSEDED', decidedAt: new Date(), decidedById: actor.id },
          select: { id: true },
        });
      const s = await snapshot(tx, id);
      const version = (openQuote?.version ?? 0) + 1;
      const number = `${(await tx.project.findUniqueOrThrow({ where: { id }, select: { number: true } })).number}-Q${version}`;
      await tx.quote.create({
        data: {
          integratorId: p.integratorId,
          smeClientId: p.smeClientId,
          projectId: id,
          version,
          number,
          snapshot: s.snapshot,
          totalFen: s.totalFen,
          expectedSubsidyFen: s.expectedSubsidyFen,
          monthlySavingsFen: s.monthlyFen,
          issuedById: actor.id,
        },
        select: { id: true },
      });
    }
    if (name === 'accept' || name === 'decline' || name === 'withdrawQuote') {
      if (!openQuote || openQuote.decision !== null) throw new AppError('CONFLICT', 'transition.concurrent');
      const decided = await tx.quote.updateMany({
        where: { id: openQuote.id, decision: null },
        data: {
          decision: name === 'accept' ? 'ACCEPTED' : name === 'decline' ? 'DECLINED' : 'WITHDRAWN',
          decidedAt: new Date(),
          decidedById: actor.id,
          declineReason: name === 'decline' ? opts.reason?.trim() : null,
        },
      });
      if (decided.count !== 1) throw new AppError('CONFLICT', 'transition.concurrent');
    }
    await tx.projectStatusChange.create({
      data: {
        integratorId: p.integratorId,
        smeClientId: p.smeClientId,
        projectId: id,
        from: p.status,
        to: check.to,
        transition: name,
        reason: opts.reason?.trim() || null,
        actorId: actor.id,
      },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: {
        integratorId: p.integratorId,
        actorId: actor.id,
        action: `project.${name}`,
        entity: 'Project',
        entityId: id,
        data: { from: p.status, to: check.to, reason: opts.reason ?? null },
      },
      select: { id: true },
    });
    return { id, status: check.to };
  });
}

const costStatuses: ProjectStatus[] = ['ACCEPTED', 'IN_PROGRESS', 'COMMISSIONED', 'VERIFIED'];

export async function addCostEntry(
  db: ScopedDb,
  actorId: string,
  input: { projectId: string; costLineId: string | null; supplier: string; invoiceNo: string; invoiceDate: string; amountFen: bigint; paid: boolean },
) {
  const p = await db.project.findUnique({ where: { id: input.projectId }, select: { id: true, integratorId: true, smeClientId: true, status: true } });
  if (!p) throw new AppError('NOT_FOUND');
  if (!costStatuses.includes(p.status)) throw new AppError('PRECONDITION_FAILED', 'costs.notStarted');
  if (input.costLineId && !(await db.costLine.findFirst({ where: { id: input.costLineId, projectId: p.id }, select: { id: true } })))
    throw new AppError('NOT_FOUND');
  if (input.amountFen <= 0n) throw new AppError('BAD_REQUEST', 'costs.amount');
  return db.$transaction(async (tx) => {
    const e = await tx.costEntry.create({
      data: {
        integratorId: p.integratorId,
        smeClientId: p.smeClientId,
        projectId: p.id,
        costLineId: input.costLineId,
        supplier: input.supplier,
        invoiceNo: input.invoiceNo,
        invoiceDate: dateOnly(input.invoiceDate),
        amountFen: input.amountFen,
        paid: input.paid,
        createdById: actorId,
      },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: {
        integratorId: p.integratorId,
        actorId,
        action: 'project.costEntry',
        entity: 'Project',
        entityId: p.id,
        data: { entryId: e.id, amountFen: input.amountFen.toString(), invoiceNo: input.invoiceNo, paid: input.paid },
      },
      select: { id: true },
    });
    return e;
  });
}

export async function setCostEntryPaid(db: ScopedDb, actorId: string, id: string, paid: boolean) {
  const e = await db.costEntry.findUnique({ where: { id }, select: { id: true, projectId: true, integratorId: true, paid: true } });
  if (!e) throw new AppError('NOT_FOUND');
  if (e.paid === paid) return { id };
  return db.$transaction(async (tx) => {
    await tx.costEntry.update({ where: { id }, data: { paid }, select: { id: true } });
    await tx.auditEvent.create({
      data: { integratorId: e.integratorId, actorId, action: 'project.costEntryPaid', entity: 'Project', entityId: e.projectId, data: { entryId: id, paid } },
      select: { id: true },
    });
    return { id };
  });
}

export async function recordMeasuredSaving(db: ScopedDb, actorId: string, input: { projectId: string; month: string; amountFen: bigint; note: string | null }) {
  const p = await db.project.findUnique({ where: { id: input.projectId }, select: { id: true, integratorId: true, smeClientId: true, status: true } });
  if (!p) throw new AppError('NOT_FOUND');
  if (p.status !== 'COMMISSIONED' && p.status !== 'VERIFIED') throw new AppError('PRECONDITION_FAILED', 'measured.notCommissioned');
  if (input.month > shanghaiToday().slice(0, 7)) throw new AppError('BAD_REQUEST', 'measured.futureMonth');
  return db.$transaction(async (tx) => {
    const row = await tx.measuredSaving.upsert({
      where: { projectId_month: { projectId: p.id, month: input.month } },
      create: {
        integratorId: p.integratorId,
        smeClientId: p.smeClientId,
        projectId: p.id,
        month: input.month,
        amountFen: input.amountFen,
        note: input.note,
        createdById: actorId,
      },
      update: { amountFen: input.amountFen, note: input.note },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: {
        integratorId: p.integratorId,
        actorId,
        action: 'project.measuredSaving',
        entity: 'Project',
        entityId: p.id,
        data: { month: input.month, amountFen: input.amountFen.toString() },
      },
      select: { id: true },
    });
    return row;
  });
}

/** A page of projects, newest first (an integrator at scale has thousands). */
export async function listProjects(db: ScopedDb, input: { smeClientId?: string; status?: ProjectStatus; page: number; pageSize: number }) {
  if (input.smeClientId && !(await db.smeClient.findUnique({ where: { id: input.smeClientId }, select: { id: true } }))) throw new AppError('NOT_FOUND');
  const where = { ...(input.smeClientId ? { smeClientId: input.smeClientId } : {}), ...(input.status ? { status: input.status } : {}) };
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
        smeClient: { select: { id: true, legalName: true, legalNameEn: true } },
        _count: { select: { machines: true } },
        costLines: { select: { totalFen: true } },
      },
    }),
  ]);
  const items = rows.map(({ costLines, _count, ...r }) => ({
    ...r,
    target: formatCode({ d: r.targetD as Level, n: r.targetN as Level, i: r.targetI as Level }),
    machines: _count.machines,
    budgetFen: costLines.reduce((s, l) => s + l.totalFen, 0n),
  }));
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** Everything the project page shows, computed once. */
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
      approvedSubsidyFen: true,
      outcomeAssessmentId: true,
      cancelReason: true,
      createdAt: true,
      priceBook: { select: { version: true } },
      smeClient: { select: { id: true, legalName: true, legalNameEn: true } },
      machines: { select: { machine: { select: { id: true, assetTag: true, kind: true, controlType: true, status: true } } } },
      costLines: {
        orderBy: { sortOrder: 'asc' },
        select: { id: true, category: true, itemCode: true, description: true, quantity: true, unitPriceFen: true, totalFen: true, manual: true },
      },
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
      costEntries: {
        orderBy: [{ invoiceDate: 'asc' }, { createdAt: 'asc' }],
        select: { id: true, costLineId: true, supplier: true, invoiceNo: true, invoiceDate: true, amountFen: true, paid: true },
      },
      measured: { orderBy: { month: 'asc' }, select: { id: true, month: true, amountFen: true, note: true } },
    },
  });
  if (!p) throw new AppError('NOT_FOUND');
  const actorIds = [...new Set(p.statusChanges.map((c) => c.actorId).filter((x): x is string => Boolean(x)))];
  const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
  const actorName = new Map(actors.map((a) => [a.id, a.name]));
  const outcome = p.outcomeAssessmentId
    ? await db.assessment.findUnique({ where: { id: p.outcomeAssessmentId }, select: { id: true, d: true, n: true, i: true, assessedOn: true } })
    : null;

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
  const lines = p.costLines.map((l) => {
    const actual = actualByLine.get(l.id) ?? 0n;
    return { ...l, actualFen: actual, varianceFen: actual - l.totalFen, over: actual > l.totalFen };
  });
  const expectedMonthlyFen = p.savings.reduce((s, l) => s + l.monthlyFen, 0n);
  const accepted = p.quotes.find((q) => q.decision === 'ACCEPTED') ?? null;
  const quotedFen = accepted?.totalFen ?? p.quotes[0]?.totalFen ?? budget.total;
  const workStarted = p.status === 'IN_PROGRESS' || p.status === 'COMMISSIONED' || p.status === 'VERIFIED';
  const costBasisFen = workStarted && actualFen > 0n ? actualFen : quotedFen;
  const measuredAmounts = p.measured.map((m) => m.amountFen);
  const measuredAvg = measuredAmounts.length ? measuredAmounts.reduce((s, v) => s + v, 0n) / BigInt(measuredAmounts.length) : null;
  const monthlyBasis = measuredAvg ?? expectedMonthlyFen;
  const payback = simplePayback(costBasisFen, p.approvedSubsidyFen, monthlyBasis);
  const net = costBasisFen - p.approvedSubsidyFen;
  const flowExpected = cumulativeCashFlow(net, () => expectedMonthlyFen);
  const flowBasis = cumulativeCashFlow(net, (m) => measuredAmounts[m - 1] ?? monthlyBasis);
  return {
    ...p,
    target: formatCode({ d: p.targetD as Level, n: p.targetN as Level, i: p.targetI as Level }),
    machines: p.machines.map((m) => m.machine),
    costLines: lines,
    budget,
    actual: { totalFen: actualFen, paidFen, unassignedFen, varianceFen: actualFen - budget.total, over: actualFen > budget.total },
    savings: p.savings.map((s) => ({ ...s, params: s.params as Record<string, unknown> })),
    expectedMonthlyFen,
    statusChanges: p.statusChanges.map((c) => ({ ...c, actorName: c.actorId ? (actorName.get(c.actorId) ?? null) : null })),
    payback: {
      costBasis: workStarted && actualFen > 0n ? ('actual' as const) : ('quoted' as const),
      costBasisFen,
      subsidyFen: p.approvedSubsidyFen,
      monthlyBasis: measuredAvg !== null ? ('measured' as const) : ('expected' as const),
      monthlyFen: monthlyBasis,
      verdict: payback,
      cashFlowExpected: flowExpected,
      cashFlow: flowBasis,
      tracking: trackPayback(expectedMonthlyFen, measuredAmounts),
    },
    outcome: outcome
      ? { id: outcome.id, code: formatCode({ d: outcome.d as Level, n: outcome.n as Level, i: outcome.i as Level }), assessedOn: outcome.assessedOn }
      : null,
    transitions: availableTransitions(p.status, role),
  };
}

export async function getQuote(db: ScopedDb, id: string) {
  const q = await db.quote.findUnique({
    where: { id },
    select: {
      id: true,
      version: true,
      number: true,
      snapshot: true,
      totalFen: true,
      expectedSubsidyFen: true,
      monthlySavingsFen: true,
      issuedAt: true,
      decision: true,
      decidedAt: true,
      declineReason: true,
      projectId: true,
    },
  });
  if (!q) throw new AppError('NOT_FOUND');
  return { ...q, snapshot: q.snapshot as Record<string, unknown> };
}

/** The integrator's overview: projects by status with values, contracted and invoiced totals, averages vs the sources. */
export async function projectsOverview(db: ScopedDb) {
  const [projects, accepted, invoiced] = await Promise.all([
    db.project.findMany({
      select: {
        id: true,
        status: true,
        smeClientId: true,
        _count: { select: { machines: true } },
        costLines: { select: { totalFen: true } },
        savings: { select: { monthlyFen: true } },
        expectedSubsidyFen: true,
        approvedSubsidyFen: true,
      },
    }),
    db.quote.findMany({ where: { decision: 'ACCEPTED' }, select: { projectId: true, totalFen: true } }),
    db.costEntry.aggregate({ _sum: { amountFen: true } }),
  ]);
  const byStatus = new Map<string, { count: number; valueFen: bigint }>();
  let paybackSum = 0;
  let paybackN = 0;
  for (const p of projects) {
    const v = p.costLines.reduce((s, l) => s + l.totalFen, 0n);
    const e = byStatus.get(p.status) ?? { count: 0, valueFen: 0n };
    e.count++;
    e.valueFen += v;
    byStatus.set(p.status, e);
    const pb = simplePayback(
      v,
      p.approvedSubsidyFen,
      p.savings.reduce((s, l) => s + l.monthlyFen, 0n),
    );
    if (pb.kind === 'months' && p.status !== 'CANCELLED') {
      paybackSum += pb.months;
      paybackN++;
    }
  }
  const contracted = accepted.filter((q) => projects.some((p) => p.id === q.projectId && p.status !== 'CANCELLED'));
  const contractedFen = contracted.reduce((s, q) => s + q.totalFen, 0n);
  const contractedProjects = projects.filter((p) => contracted.some((q) => q.projectId === p.id));
  const smes = new Set(contractedProjects.map((p) => p.smeClientId)).size;
  const machines = contractedProjects.reduce((s, p) => s + p._count.machines, 0);
  return {
    byStatus: [...byStatus.entries()].map(([status, v]) => ({ status, ...v })),
    contractedFen,
    invoicedFen: invoiced._sum.amountFen ?? 0n,
    perSmeFen: smes ? contractedFen / BigInt(smes) : null,
    perMachineFen: machines ? contractedFen / BigInt(machines) : null,
    reference: { perSmeFen: 23_000_000n, perMachineFen: 290_000n },
    averagePaybackMonths: paybackN ? Math.round((paybackSum / paybackN) * 10) / 10 : null,
  };
}
