import { z } from 'zod';
import { machineInput } from '../../domain/clients/inputs';
import { idSchema } from '../../domain/inputs/bounds';
import { optionalSafeText, safeText, searchText } from '../../domain/inputs/safe-text';
import { controlTypes, machineKinds, machineStatuses } from '../../domain/inventory/catalogue';
import { pagingInput } from '../../domain/paging';
import { locales } from '../../i18n/locales';
import { exportMachines, machineTemplate } from '../../services/inventory/export-machines';
import { getHierarchy } from '../../services/inventory/hierarchy';
import { commitImport } from '../../services/inventory/import-commit';
import { previewImport } from '../../services/inventory/import-machines';
import { listUnknownKinds, mapUnknownKinds } from '../../services/inventory/kind-mapping';
import { createMachine, getMachine, listMachines, type MachineInput, updateMachine } from '../../services/inventory/machines';
import { importFileInput } from '../import-form';
import { authedProcedure, integratorProcedure, router, scopedProcedure, withPermission } from '../init';

const cuid = idSchema;
const writer = integratorProcedure.use(withPermission('inventory.write'));

function toMachineInput(v: z.output<typeof machineInput>): MachineInput {
  const { site, workshop, line, ...rest } = v;
  return { ...rest, location: site && workshop && line ? { site, workshop, line } : null };
}

const importInput = z
  .object({
    smeClientId: cuid.optional(),
    clusterId: cuid.optional(),
  })
  .extend(importFileInput.shape)
  .refine((v) => Boolean(v.smeClientId) !== Boolean(v.clusterId), 'one of smeClientId or clusterId');

export const inventoryRouter = router({
  machines: router({
    list: scopedProcedure
      .input(
        z.object({
          smeClientId: cuid,
          q: searchText(100),
          siteId: cuid.optional(),
          workshopId: cuid.optional(),
          lineId: cuid.optional(),
          kind: searchText(100),
          controlType: z.enum(controlTypes).optional(),
          status: z.enum(machineStatuses).optional(),
          networked: z.boolean().optional(),
          sort: z.enum(['assetTag', 'kind', 'year', 'controlType', 'status', 'updatedAt']).default('assetTag'),
          dir: z.enum(['asc', 'desc']).default('asc'),
          ...pagingInput(50, 200),
        }),
      )
      .query(({ ctx, input }) => listMachines(ctx.db, input)),
    get: scopedProcedure.input(z.object({ id: cuid })).query(({ ctx, input }) => getMachine(ctx.db, input.id)),
    create: writer.input(machineInput.and(z.object({ smeClientId: cuid }))).mutation(({ ctx, input }) => {
      const { smeClientId, ...rest } = input;
      return createMachine(ctx.db, ctx.scope, ctx.user.id, smeClientId, toMachineInput(rest));
    }),
    update: writer.input(machineInput.and(z.object({ id: cuid }))).mutation(({ ctx, input }) => {
      const { id, ...rest } = input;
      return updateMachine(ctx.db, ctx.scope, ctx.user.id, id, toMachineInput(rest));
    }),
  }),
  /** The SME's machine kinds that are the ledger's own words, with their counts. */
  unknownKinds: scopedProcedure.input(z.object({ smeClientId: cuid })).query(({ ctx, input }) => listUnknownKinds(ctx.db, input.smeClientId)),
  /** Maps ledger words to catalogue kinds on every machine of the SME that carries them (one audited transaction). */
  mapKinds: writer
    .input(
      z.object({
        smeClientId: cuid,
        mappings: z
          .array(z.object({ from: z.string().min(1).max(100), to: z.enum(machineKinds) }))
          .min(1)
          .max(200),
      }),
    )
    .mutation(({ ctx, input }) => mapUnknownKinds(ctx.db, ctx.scope, ctx.user.id, input)),
  hierarchy: scopedProcedure.input(z.object({ smeClientId: cuid })).query(({ ctx, input }) => getHierarchy(ctx.db, input.smeClientId)),
  /** Server-side only (the upload route handler passes the file's bytes). */
  previewImport: writer.input(importInput).mutation(({ ctx, input }) => previewImport(ctx.db, input, ctx.user.id)),
  commitImport: writer.input(importInput).mutation(({ ctx, input }) => commitImport(ctx.db, ctx.scope, ctx.user.id, input)),
  /** Server-side only (the download route handler streams the bytes). */
  exportMachines: scopedProcedure
    .input(
      z.union([z.object({ smeClientId: cuid }), z.object({ clusterId: cuid })]).and(z.object({ format: z.enum(['csv', 'xlsx']), locale: z.enum(locales) })),
    )
    .query(({ ctx, input }) => exportMachines(ctx.db, ctx.streamDb, input)),
  template: authedProcedure.input(z.object({ format: z.enum(['csv', 'xlsx']), locale: z.enum(locales) })).query(({ input }) => machineTemplate(input)),
});
