import { z } from 'zod';
import { AppError } from '../../domain/errors/app-error';
import { fundInput } from '../../domain/funds/fund-input';
import { idSchema } from '../../domain/inputs/bounds';
import { locales } from '../../i18n/locales';
import { countyView, scorecardFigures } from '../../services/funds/county-view';
import { exportRegister, fundDashboard } from '../../services/funds/dashboard';
import { getFund, listFunds } from '../../services/funds/funds';
import { createFund, getFundForEdit, integratorDirectory, inviteIntegrator, updateFund } from '../../services/funds/manage-funds';
import { scorecardSources } from '../../services/funds/scorecard-sources';
import { authedProcedure, countyProcedure, router, scopedProcedure, withPermission } from '../init';

const cuid = idSchema;
const official = countyProcedure.use(withPermission('funds.manage'));

/** Funds as every participant reads them (a county its own; an integrator and its SME owners the ones it takes part in). */
export const fundsRouter = router({
  list: scopedProcedure.query(({ ctx }) => listFunds(ctx.db)),
  get: scopedProcedure.input(z.object({ id: cuid })).query(({ ctx, input }) => getFund(ctx.db, input.id)),
});

/** The county's side of its funds: rules, invitations, the dashboard and the register. */
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
  dashboard: countyProcedure.input(z.object({ fundId: cuid.optional() })).query(({ ctx, input }) => fundDashboard(ctx.db, ctx.scope.countyId, input.fundId)),
  /** The county's view from evidence (k ≥ 5 firms per figure) and the provider scorecards. */
  countyView: countyProcedure
    .input(z.object({ fundId: cuid }))
    .query(({ ctx, input }) =>
      countyView({ db: ctx.db, scope: ctx.scope, userId: ctx.user.id, getRaw: ctx.getDb, rowLevelSecurity: ctx.rowLevelSecurity }, input.fundId),
    ),
  /** The records behind one figure of a provider's scorecard: claims, firms, machines (names and numbers only). */
  scorecardSources: countyProcedure
    .input(z.object({ fundId: cuid, integratorId: cuid, figure: z.enum(scorecardFigures) }))
    .query(({ ctx, input }) =>
      scorecardSources(
        { db: ctx.db, scope: ctx.scope, userId: ctx.user.id, getRaw: ctx.getDb, rowLevelSecurity: ctx.rowLevelSecurity },
        input.fundId,
        input.integratorId,
        input.figure,
      ),
    ),
  /** Server-side only (the download route). */
  exportRegister: countyProcedure
    .input(z.object({ fundId: cuid.optional(), locale: z.enum(locales) }))
    .query(({ ctx, input }) => exportRegister(ctx.db, ctx.scope.countyId, input.locale, input.fundId)),
});
