/**
 * The plan of a retrofit project: machines, modules, cost lines (priced from the integrator's price book), expected
 * savings, target code and the payment schedule the quote will carry. Created and changed in one transaction each,
 * with the audit entry.
 */
import { lockNumberSeries } from '../../db/numbering';
import type { ScopedDb } from '../../db/scoped';
import { audit, type Tx, toJson } from '../../db/tx';
import type { IntegratorScope } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import type { Level } from '../../domain/maturity/code';
import { generateCostLines, PlanError, type PlannedMachine } from '../../domain/projects/cost-lines';
import { checkPaymentTerms, defaultPaymentTerms, orderedTerms, type PaymentTerm } from '../../domain/projects/payment-terms';
import type { CostCategory, ModuleCode, PriceBook } from '../../domain/projects/price-book';
import { monthlySavings, type SavingsInput } from '../../domain/projects/savings';
import { shanghaiToday } from '../../domain/time';
import { currentPriceBook, fromStored } from './price-books';

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
  /** The SME's payment schedule; omitted = the default (30 % on signing, 30 % at start, 35 % on commissioning, 5 % retention). */
  paymentTerms?: PaymentTerm[];
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
    rows: s.lines.map((l, i) => ({ kind: l.kind, monthlyFen: l.monthlyFen, params: toJson(l), sortOrder: i })),
  };
}

/** The schedule a plan asks for, checked (a bad one is the user's error, named). */
function planTerms(input: PlanInput): PaymentTerm[] {
  const terms = orderedTerms(input.paymentTerms ?? defaultPaymentTerms);
  const problem = checkPaymentTerms(terms);
  if (problem) throw new AppError('BAD_REQUEST', `plan.terms.${problem}`);
  return terms;
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
  const terms = planTerms(input);
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
        paymentTerms: toJson(terms),
        createdById: actorId,
      },
      select: { id: true, integratorId: true, smeClientId: true, number: true },
    });
    await writePlan(tx, project, input, generated);
    await audit(tx, { actorId, action: 'project.create', entity: 'Project', entityId: project.id, data: { number: project.number, smeClientId } });
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
  const terms = planTerms(input);
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
        paymentTerms: toJson(terms),
      },
      select: { id: true },
    });
    await writePlan(tx, p, input, generated);
    await audit(tx, { actorId, action: 'project.updatePlan', entity: 'Project', entityId: id, data: { status: p.status } });
    return { id };
  });
}
