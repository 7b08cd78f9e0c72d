import { z } from 'zod';
import { AppError } from '../../domain/errors/app-error';
import { checkPlanTotal, fenSchema, idSchema, moneyLimits, quantitySchema } from '../../domain/inputs/bounds';
import { calendarDate, calendarMonth } from '../../domain/inputs/calendar-date';
import { optionalSafeText, safeText } from '../../domain/inputs/safe-text';
import { pagingInput } from '../../domain/paging';
import { generateCostLines, PlanError } from '../../domain/projects/cost-lines';
import { fenInput, planInput } from '../../domain/projects/plan-input';
import { moduleCodes, priceBook } from '../../domain/projects/price-book';
import { projectStatuses } from '../../domain/projects/status';
import { vatRatesBp } from '../../domain/projects/vat';
import { getProject } from '../../services/projects/get-project';
import { getQuote, listProjects, projectsOverview } from '../../services/projects/list-projects';
import { recordMeasuredSaving } from '../../services/projects/measured-savings';
import { createProject, updatePlan } from '../../services/projects/plan';
import { currentPriceBook, savePriceBook } from '../../services/projects/price-books';
import { recordSmeInvoice, recordSmePayment } from '../../services/projects/sme-ledger';
import { addCostEntry, setCostEntryPaid } from '../../services/projects/supplier-costs';
import { transitionProject } from '../../services/projects/transition-project';
import { integratorProcedure, router, scopedProcedure, withPermission } from '../init';

const cuid = idSchema;
const fen = fenInput;
const writer = integratorProcedure.use(withPermission('inventory.write'));

export const projectsRouter = router({
  priceBook: integratorProcedure.query(({ ctx }) => currentPriceBook(ctx.db, ctx.scope.integratorId, ctx.user.id)),
  savePriceBook: integratorProcedure
    .use(withPermission('priceBook.manage'))
    .input(z.object({ book: priceBook, note: optionalSafeText(200) }))
    .mutation(({ ctx, input }) => savePriceBook(ctx.db, ctx.scope.integratorId, ctx.user.id, input.book, input.note)),
  /** The cost lines a plan would get from the current price book (the plan editor's preview). */
  previewLines: writer
    .input(
      z.object({
        smeClientId: cuid,
        machineIds: z.array(cuid).max(20_000),
        modules: z.array(z.enum(moduleCodes)).max(4),
        softwareYears: z.number().int().min(0).max(10),
        trainingDays: z.number().int().min(0).max(365),
      }),
    )
    .query(async ({ ctx, input }) => {
      if (!(await ctx.db.smeClient.findUnique({ where: { id: input.smeClientId }, select: { id: true } }))) throw new AppError('NOT_FOUND');
      const machines = await ctx.db.machine.findMany({
        where: { id: { in: input.machineIds }, smeClientId: input.smeClientId },
        select: { controlType: true, status: true },
      });
      const pb = await currentPriceBook(ctx.db, ctx.scope.integratorId, ctx.user.id);
      try {
        return generateCostLines(pb.book, { machines, modules: input.modules, softwareYears: input.softwareYears, trainingDays: input.trainingDays });
      } catch (e) {
        if (e instanceof PlanError) throw new AppError('BAD_REQUEST', `plan.${e.code}`, { detail: e.detail });
        throw e;
      }
    }),
  list: scopedProcedure
    .input(
      z.object({
        smeClientId: cuid.optional(),
        status: z.enum(projectStatuses).optional(),
        ...pagingInput(50, 200),
      }),
    )
    .query(({ ctx, input }) => listProjects(ctx.db, ctx.scope.role, input)),
  overview: integratorProcedure.query(({ ctx }) => projectsOverview(ctx.db)),
  get: scopedProcedure.input(z.object({ id: cuid })).query(({ ctx, input }) => getProject(ctx.db, ctx.scope.role, input.id)),
  quote: scopedProcedure.input(z.object({ id: cuid })).query(({ ctx, input }) => getQuote(ctx.db, input.id)),
  create: writer.input(planInput.extend({ smeClientId: cuid })).mutation(({ ctx, input }) => {
    const { smeClientId, ...plan } = input;
    return createProject(ctx.db, ctx.scope, ctx.user.id, smeClientId, plan);
  }),
  updatePlan: writer.input(planInput.extend({ id: cuid })).mutation(({ ctx, input }) => {
    const { id, ...plan } = input;
    return updatePlan(ctx.db, ctx.user.id, id, plan);
  }),
  /** Status changes; which role may make which is decided by the domain's state machine. */
  transition: scopedProcedure
    .input(
      z.object({
        id: cuid,
        name: z.enum(['issueQuote', 'accept', 'decline', 'withdrawQuote', 'requote', 'start', 'commission', 'verify', 'cancel']),
        reason: optionalSafeText(500, { multiLine: true }),
        assessmentId: cuid.nullish(),
        /** The quote version the owner read and accepts (a newer one issued meanwhile must be read first). */
        quoteId: cuid.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => transitionProject(ctx.db, { id: ctx.user.id, role: ctx.scope.role }, input.id, input.name, input)),
  addCost: writer
    .input(
      z.object({
        projectId: cuid,
        costLineId: cuid.nullable(),
        supplier: safeText(100),
        invoiceNo: safeText(50),
        invoiceDate: calendarDate,
        amountFen: fen,
        paid: z.boolean(),
      }),
    )
    .mutation(({ ctx, input }) => addCostEntry(ctx.db, ctx.user.id, input)),
  /** The SME's side: an invoice issued to the SME under the contract, and a payment received from it. */
  addSmeInvoice: writer
    .input(
      z.object({
        projectId: cuid,
        invoiceNo: safeText(50),
        issuedOn: calendarDate,
        vatRateBp: z
          .number()
          .int()
          .refine((r) => (vatRatesBp as readonly number[]).includes(r), { message: 'ledger.vatRate' }),
        amountFen: fen,
      }),
    )
    .mutation(({ ctx, input }) => recordSmeInvoice(ctx.db, ctx.user.id, input)),
  addSmePayment: writer
    .input(z.object({ projectId: cuid, milestoneId: cuid, receivedOn: calendarDate, amountFen: fen, reference: optionalSafeText(80) }))
    .mutation(({ ctx, input }) => recordSmePayment(ctx.db, ctx.user.id, input)),
  setCostPaid: writer
    .input(z.object({ id: cuid, paid: z.boolean() }))
    .mutation(({ ctx, input }) => setCostEntryPaid(ctx.db, ctx.user.id, input.id, input.paid)),
  recordMeasured: writer
    .input(
      z.object({
        projectId: cuid,
        month: calendarMonth,
        amountFen: z.bigint().min(-10_000_000_000n, 'money').max(10_000_000_000n, 'money'),
        note: optionalSafeText(200),
      }),
    )
    .mutation(({ ctx, input }) => recordMeasuredSaving(ctx.db, ctx.user.id, input)),
});
