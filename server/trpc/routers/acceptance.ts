import { z } from 'zod';
import { satisfactionInput } from '../../domain/acceptance/satisfaction';
import { AppError } from '../../domain/errors/app-error';
import { idSchema } from '../../domain/inputs/bounds';
import { readPack } from '../../services/acceptance/pack-access';
import { getSatisfaction, recordSatisfaction } from '../../services/acceptance/satisfaction';
import { router, scopedProcedure, smeProcedure } from '../init';

const projectInput = z.object({ projectId: idSchema });

/** The acceptance pack (验收材料) and the SME owner's satisfaction record. */
export const acceptanceRouter = router({
  /** The pack as data with its checklist: integrator staff, the SME owner, and the county of a claim filed with it. */
  pack: scopedProcedure
    .input(projectInput)
    .query(({ ctx, input }) =>
      readPack({ db: ctx.db, scope: ctx.scope, userId: ctx.user.id, getRaw: ctx.getDb, rowLevelSecurity: ctx.rowLevelSecurity }, input.projectId),
    ),
  /** The satisfaction record of a project: the owner's form; the integrator's staff read it (a county reads it in the pack). */
  satisfaction: scopedProcedure.input(projectInput).query(({ ctx, input }) => {
    if (ctx.scope.kind === 'county') throw new AppError('FORBIDDEN');
    return getSatisfaction(ctx.db, input.projectId);
  }),
  /** Only the SME owner answers for the firm. */
  recordSatisfaction: smeProcedure.input(satisfactionInput).mutation(({ ctx, input }) => recordSatisfaction(ctx.db, ctx.user.id, input)),
});
