import { z } from 'zod';
import { idSchema } from '../../domain/inputs/bounds';
import { getFund, listFunds } from '../../services/funds/funds';
import { router, scopedProcedure } from '../init';

export const fundsRouter = router({
  list: scopedProcedure.query(({ ctx }) => listFunds(ctx.db)),
  get: scopedProcedure.input(z.object({ id: idSchema })).query(({ ctx, input }) => getFund(ctx.db, input.id)),
});
