import { z } from 'zod';
import { AppError } from '../../domain/errors/app-error';
import { fundRule } from '../../domain/funds/rules';
import { basisPointsSchema, fenSchema, idSchema, moneyLimits } from '../../domain/inputs/bounds';
import { calendarDate } from '../../domain/inputs/calendar-date';
import { optionalSafeText, safeText } from '../../domain/inputs/safe-text';
import { sectors } from '../../domain/inventory/catalogue';
import { pagingInput } from '../../domain/paging';
import { explainClaim } from '../../i18n/explain';
import { locales } from '../../i18n/locales';
import { addClaimEvidence, decideClaim, disburseClaim, draftClaim, getClaim, listClaims, previewClaim, submitClaim } from '../../services/claims/claims';
import { exportRegister, fundDashboard } from '../../services/funds/dashboard';
import { createFund, getFundForEdit, integratorDirectory, inviteIntegrator, updateFund } from '../../services/funds/manage-funds';
import { authedProcedure, countyProcedure, integratorProcedure, router, scopedProcedure, withPermission } from '../init';

const cuid = idSchema;
const day = calendarDate;
const fen = fenSchema(moneyLimits.amountFen);
const evidenceKinds = ['CONTRACT', 'COST_LIST', 'INVOICES', 'PHOTOS', 'ASSESSMENTS'] as const;
const official = countyProcedure.use(withPermission('funds.manage'));
const filer = integratorProcedure.use(withPermission('clients.write'));

const fundInput = z.object({
  name: safeText(100),
  nameEn: optionalSafeText(150),
  budgetFen: fenSchema(moneyLimits.budgetFen),
  periodStart: day,
  periodEnd: day,
  sectors: z.array(z.enum(sectors)).max(10),
  rules: z.array(fundRule).min(1).max(10),
  evidenceRequired: z.array(z.enum(evidenceKinds)).max(5),
  batches: z.array(z.object({ name: safeText(40), opensOn: day, closesOn: day, rateBp: basisPointsSchema.nullable() })).max(20),
});

export const fundAdminRouter = router({
  create: official.input(fundInput).mutation(({ ctx, input }) => createFund(ctx.db, ctx.scope.countyId, ctx.user.id, input)),
  update: official.input(fundInput.extend({ id: cuid })).mutation(({ ctx, input }) => {
    const { id, ...rest } = input;
    return updateFund(ctx.db, ctx.scope.countyId, ctx.user.id, id, rest);
  }),
  getForEdit: official.input(z.object({ id: cuid })).query(({ ctx, input }) => getFundForEdit(ctx.db, input.id)),
  /** Names only: whom the county may invite. */
  // outside the tenant (a directory across tenants), so not a scoped procedure: the county check is here
  integratorDirectory: authedProcedure.use(withPermission('funds.manage')).query(async ({ ctx }) => {
    if (ctx.user.scope.kind !== 'county') throw new AppError('FORBIDDEN');
    return integratorDirectory(await ctx.getDb());
  }),
  invite: official
    .input(z.object({ fundId: cuid, integratorId: cuid }))
    .mutation(async ({ ctx, input }) => inviteIntegrator(ctx.db, await ctx.getDb(), ctx.user.id, input.fundId, input.integratorId)),
  dashboard: countyProcedure.input(z.object({ fundId: cuid.optional() })).query(({ ctx, input }) => fundDashboard(ctx.db, input.fundId)),
  /** Server-side only (the download route). */
  exportRegister: countyProcedure
    .input(z.object({ fundId: cuid.optional(), locale: z.enum(locales) }))
    .query(({ ctx, input }) => exportRegister(ctx.db, input.locale, input.fundId)),
});

export const claimsRouter = router({
  /** The claim a project could make now, with the reasoning in the caller's language. */
  preview: filer
    .input(z.object({ projectId: cuid, fundId: cuid, machineIds: z.array(cuid).max(20_000), batchId: cuid.nullable() }))
    .query(async ({ ctx, input }) => {
      const r = await previewClaim(ctx.db, input);
      return { eligible: r.eligible, grantedFen: r.grantedFen, steps: r.steps, text: explainClaim(r.steps, ctx.locale) };
    }),
  draft: filer
    .input(z.object({ projectId: cuid, fundId: cuid, machineIds: z.array(cuid).max(20_000), batchId: cuid.nullable() }))
    .mutation(({ ctx, input }) => draftClaim(ctx.db, ctx.scope, { id: ctx.user.id, name: ctx.user.name }, input)),
  addEvidence: filer
    .input(z.object({ claimId: cuid, kind: z.enum(evidenceKinds), fileId: cuid }))
    .mutation(({ ctx, input }) => addClaimEvidence(ctx.db, { id: ctx.user.id, name: ctx.user.name }, input)),
  submit: filer.input(z.object({ id: cuid })).mutation(({ ctx, input }) => submitClaim(ctx.db, { id: ctx.user.id, name: ctx.user.name }, input.id)),
  decide: official
    .input(
      z.object({ id: cuid, decision: z.enum(['approve', 'reject', 'return']), amountFen: fen.nullish(), reason: optionalSafeText(500, { multiLine: true }) }),
    )
    .mutation(({ ctx, input }) => decideClaim(ctx.db, ctx.scope, { id: ctx.user.id, name: ctx.user.name }, { claimId: input.id, ...input })),
  disburse: official
    .input(z.object({ id: cuid, date: day, amountFen: fen, reference: safeText(60) }))
    .mutation(({ ctx, input }) => disburseClaim(ctx.db, ctx.scope, { id: ctx.user.id, name: ctx.user.name }, { claimId: input.id, ...input })),
  list: scopedProcedure
    .input(
      z.object({
        fundId: cuid.optional(),
        projectId: cuid.optional(),
        status: z.enum(['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'DISBURSED']).optional(),
        ...pagingInput(50, 200),
      }),
    )
    .query(({ ctx, input }) => listClaims(ctx.db, input)),
  get: scopedProcedure.input(z.object({ id: cuid })).query(async ({ ctx, input }) => {
    const c = await getClaim(ctx.db, input.id);
    return {
      ...c,
      explanationText: explainClaim(c.explanation, ctx.locale),
      events: c.events.map((e) => ({ ...e, explanationText: e.explanation ? explainClaim(e.explanation, ctx.locale) : null })),
    };
  }),
});
