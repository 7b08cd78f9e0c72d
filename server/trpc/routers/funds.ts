import { z } from 'zod';
import { getFund, listFunds } from '../../services/funds/funds';
import { router, scopedProcedure } from '../init';

export const fundsRouter = router({
  list: scopedProcedure.query(({ ctx }) => listFunds(ctx.db)),
  get: scopedProcedure.input(z.object({ id: z.string().min(1).max(64) })).query(({ ctx, input }) => getFund(ctx.db, input.id)),
});
