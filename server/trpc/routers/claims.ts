import { z } from 'zod';
import { claimStatuses } from '../../domain/claims/status';
import { claimDecisionInput, evidenceKinds, payoutInput } from '../../domain/funds/fund-input';
import { idSchema } from '../../domain/inputs/bounds';
import { pagingInput } from '../../domain/paging';
import { explainClaim } from '../../i18n/explain';
import { addClaimEvidence } from '../../services/claims/add-evidence';
import { claimFormOptions } from '../../services/claims/claim-form-options';
import { createClaim } from '../../services/claims/create-claim';
import { decideClaim } from '../../services/claims/decide-claim';
import { getClaim } from '../../services/claims/get-claim';
import { listClaims } from '../../services/claims/list-claims';
import { previewClaim } from '../../services/claims/preview-claim';
import { payoutUsageNow, recordPayout } from '../../services/claims/record-payout';
import { submitClaim } from '../../services/claims/submit-claim';
import { countyProcedure, integratorProcedure, router, scopedProcedure, withPermission } from '../init';

const cuid = idSchema;
const official = countyProcedure.use(withPermission('funds.manage'));
const filer = integratorProcedure.use(withPermission('clients.write'));
const claimRequest = z.object({ projectId: cuid, fundId: cuid, machineIds: z.array(cuid).max(20_000), batchId: cuid.nullable() });

export const claimsRouter = router({
  /** The machines a claim may name under a fund (kind, workshop, held elsewhere) and the free share left. */
  formOptions: filer.input(z.object({ projectId: cuid, fundId: cuid })).query(({ ctx, input }) => claimFormOptions(ctx.db, input)),
  /** The claim a project could make now, with the reasoning in the caller's language. */
  preview: filer.input(claimRequest).query(async ({ ctx, input }) => {
    const r = await previewClaim(ctx.db, input);
    return { eligible: r.eligible, grantedFen: r.grantedFen, steps: r.steps, text: explainClaim(r.steps, ctx.locale), covered: r.coveredAssetTags };
  }),
  draft: filer.input(claimRequest).mutation(({ ctx, input }) => createClaim(ctx.db, ctx.scope, { id: ctx.user.id, name: ctx.user.name }, input)),
  addEvidence: filer
    .input(z.object({ claimId: cuid, kind: z.enum(evidenceKinds), fileId: cuid }))
    .mutation(({ ctx, input }) => addClaimEvidence(ctx.db, input)),
  submit: filer.input(z.object({ id: cuid })).mutation(({ ctx, input }) => submitClaim(ctx.db, { id: ctx.user.id, name: ctx.user.name }, input.id)),
  decide: official
    .input(claimDecisionInput)
    .mutation(({ ctx, input }) => decideClaim(ctx.db, ctx.scope, { id: ctx.user.id, name: ctx.user.name }, { claimId: input.id, ...input })),
  disburse: official
    .input(payoutInput)
    .mutation(({ ctx, input }) =>
      recordPayout(
        { db: ctx.db, scope: ctx.scope, userId: ctx.user.id, getRaw: ctx.getDb, rowLevelSecurity: ctx.rowLevelSecurity },
        { id: ctx.user.id, name: ctx.user.name },
        { claimId: input.id, ...input },
      ),
    ),
  /** A claim whose rules ask for usage before payout: what the check says now, in words (null without the rule). */
  payoutUsage: countyProcedure.input(z.object({ id: cuid })).query(async ({ ctx, input }) => {
    const r = await payoutUsageNow({ db: ctx.db, scope: ctx.scope, userId: ctx.user.id, getRaw: ctx.getDb, rowLevelSecurity: ctx.rowLevelSecurity }, input.id);
    return r && { met: r.met, from: r.from, to: r.to, text: explainClaim([r.step], ctx.locale) };
  }),
  list: scopedProcedure
    .input(z.object({ fundId: cuid.optional(), projectId: cuid.optional(), status: z.enum(claimStatuses).optional(), ...pagingInput(50, 200) }))
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
