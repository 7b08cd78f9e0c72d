import { z } from 'zod';
import { idSchema } from '../../domain/inputs/bounds';
import { calendarDate } from '../../domain/inputs/calendar-date';
import { acceptMeasuredMonth } from '../../services/results/accept-measured';
import { measureProject } from '../../services/results/measure-project';
import { measurementView } from '../../services/results/view';
import { claimWatch, projectWatch } from '../../services/results/watch';
import { integratorProcedure, router, scopedProcedure, withPermission } from '../init';

const dayWindow = z.object({ from: calendarDate, to: calendarDate });

type Watch = Awaited<ReturnType<typeof projectWatch>>;
const watchView = (w: Watch) =>
  w && {
    verifiedDay: w.verifiedDay,
    days: w.days,
    checkpoints: w.checkpoints,
    machines: w.machines.map((m) => ({ assetTag: m.assetTag, flag: m.flag, lastHeard: m.lastHeard })),
  };

/** Results from the data (issue 17): staff and the project's SME owner read them; staff accept a measured month. */
export const resultsRouter = router({
  forProject: scopedProcedure
    .input(z.object({ projectId: idSchema, baseline: dayWindow.nullish(), result: dayWindow.nullish() }))
    .query(async ({ ctx, input }) =>
      measurementView(await measureProject(ctx.db, input.projectId, { baseline: input.baseline ?? null, result: input.result ?? null })),
    ),
  /** After verification: still reporting and still used, now and at 30/90/180 days (null before verification). */
  watch: scopedProcedure.input(z.object({ projectId: idSchema })).query(async ({ ctx, input }) => watchView(await projectWatch(ctx.db, input.projectId))),
  /** The same watch for a claim's project: what the county official sees on a funded claim (null before verification). */
  watchForClaim: scopedProcedure
    .input(z.object({ claimId: idSchema }))
    .query(async ({ ctx, input }) =>
      watchView(
        await claimWatch({ db: ctx.db, scope: ctx.scope, userId: ctx.user.id, getRaw: ctx.getDb, rowLevelSecurity: ctx.rowLevelSecurity }, input.claimId),
      ),
    ),
  acceptMonth: integratorProcedure
    .use(withPermission('inventory.write'))
    .input(z.object({ projectId: idSchema, baseline: dayWindow, result: dayWindow }))
    .mutation(({ ctx, input }) => acceptMeasuredMonth(ctx.db, ctx.user.id, input)),
});
