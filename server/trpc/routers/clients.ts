import { z } from 'zod';
import { getClient, listClients, summariseClients } from '../../services/clients/clients';
import { getCluster, listClusters } from '../../services/clients/clusters';
import { integratorProcedure, router, scopedProcedure } from '../init';

const id = z.object({ id: z.string().min(1).max(64) });

export const clientsRouter = router({
  list: integratorProcedure
    .input(
      z.object({
        q: z.string().max(100).optional(),
        clusterId: z.string().max(64).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(100).default(25),
      }),
    )
    .query(({ ctx, input }) => listClients(ctx.db, input)),
  summary: integratorProcedure.query(({ ctx }) => summariseClients(ctx.db)),
  /** Integrator staff: any client of theirs; an SME owner: their own firm only. */
  get: scopedProcedure.input(id).query(({ ctx, input }) => getClient(ctx.db, input.id)),
});

export const clustersRouter = router({
  list: integratorProcedure.query(({ ctx }) => listClusters(ctx.db)),
  get: scopedProcedure.input(id).query(({ ctx, input }) => getCluster(ctx.db, input.id)),
});
