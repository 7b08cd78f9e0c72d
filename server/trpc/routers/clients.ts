import { z } from 'zod';
import { clientInput, clusterInput } from '../../domain/clients/inputs';
import { idSchema } from '../../domain/inputs/bounds';
import { searchText } from '../../domain/inputs/safe-text';
import { pagingInput } from '../../domain/paging';
import { clientFacets, getClient, listClients, summariseClients } from '../../services/clients/clients';
import { getCluster, listClusters } from '../../services/clients/clusters';
import {
  createClient,
  createCluster,
  getClientForEdit,
  setClientArchived,
  setClusterArchived,
  updateClient,
  updateCluster,
} from '../../services/clients/manage-clients';
import { integratorProcedure, router, scopedProcedure, withPermission } from '../init';

const id = z.object({ id: idSchema });
const writer = integratorProcedure.use(withPermission('clients.write'));

export const clientsRouter = router({
  list: integratorProcedure
    .input(
      z.object({
        q: searchText(100),
        clusterId: idSchema.optional(),
        sector: searchText(40),
        county: searchText(50),
        includeArchived: z.boolean().optional(),
        sort: z.enum(['legalName', 'headcount', 'county', 'createdAt']).optional(),
        dir: z.enum(['asc', 'desc']).optional(),
        ...pagingInput(25, 100),
      }),
    )
    .query(({ ctx, input }) => listClients(ctx.db, input)),
  facets: integratorProcedure.query(({ ctx }) => clientFacets(ctx.db)),
  summary: integratorProcedure.query(({ ctx }) => summariseClients(ctx.db)),
  /** Integrator staff: any client of theirs; an SME owner: their own firm only. */
  get: scopedProcedure.input(id).query(({ ctx, input }) => getClient(ctx.db, input.id)),
  getForEdit: writer.input(id).query(({ ctx, input }) => getClientForEdit(ctx.db, input.id)),
  create: writer.input(clientInput).mutation(({ ctx, input }) => createClient(ctx.db, ctx.scope.integratorId, ctx.user.id, input)),
  update: writer.input(clientInput.extend({ id: idSchema })).mutation(({ ctx, input }) => {
    const { id: clientId, ...rest } = input;
    return updateClient(ctx.db, ctx.scope.integratorId, ctx.user.id, clientId, rest);
  }),
  setArchived: writer
    .input(id.extend({ archived: z.boolean() }))
    .mutation(({ ctx, input }) => setClientArchived(ctx.db, ctx.user.id, input.id, input.archived)),
});

export const clustersRouter = router({
  list: integratorProcedure
    .input(z.object({ includeArchived: z.boolean().optional(), withCounts: z.boolean().optional() }).optional())
    .query(({ ctx, input }) => listClusters(ctx.db, ctx.scope, input ?? {})),
  get: scopedProcedure.input(id).query(({ ctx, input }) => getCluster(ctx.db, input.id)),
  create: writer.input(clusterInput).mutation(({ ctx, input }) => createCluster(ctx.db, ctx.user.id, input)),
  update: writer.input(clusterInput.extend({ id: idSchema })).mutation(({ ctx, input }) => {
    const { id: clusterId, ...rest } = input;
    return updateCluster(ctx.db, ctx.user.id, clusterId, rest);
  }),
  setArchived: writer
    .input(id.extend({ archived: z.boolean() }))
    .mutation(({ ctx, input }) => setClusterArchived(ctx.db, ctx.user.id, input.id, input.archived)),
});
