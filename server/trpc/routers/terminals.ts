import { z } from 'zod';
import { idSchema } from '../../domain/inputs/bounds';
import { calendarSchema } from '../../domain/telemetry/calendar';
import { serialSchema } from '../../domain/terminals/inputs';
import { locales } from '../../i18n/locales';
import { getShiftCalendar, saveShiftCalendar } from '../../services/telemetry/shift-calendar';
import { commitTerminalImport, previewTerminalImport, terminalTemplate } from '../../services/telemetry/terminal-import';
import { listMachineTerminals, listProjectTerminals, listSmeTerminals } from '../../services/telemetry/terminal-lists';
import { assignGateway, registerGateway, registerTerminal, revokeTerminal, rotateSecret } from '../../services/telemetry/terminals';
import { importFileInput } from '../import-form';
import { authedProcedure, integratorProcedure, router, scopedProcedure, withPermission } from '../init';

const cuid = idSchema;
/** Staff who keep the inventory register terminals; an SME owner reads its own; a county official reads nothing here. */
const writer = integratorProcedure.use(withPermission('inventory.write'));
const reader = scopedProcedure.use(withPermission('inventory.read'));
/** The terminal import takes no mapping step: three columns, recognised by name in either language. */
const fileInput = importFileInput.omit({ mapping: true }).extend({ smeClientId: cuid });

export const terminalsRouter = router({
  ofMachine: reader.input(z.object({ machineId: cuid })).query(({ ctx, input }) => listMachineTerminals(ctx.db, ctx.scope, input.machineId)),
  ofSme: reader
    .input(z.object({ smeClientId: cuid, includeRevoked: z.boolean().optional() }))
    .query(({ ctx, input }) => listSmeTerminals(ctx.db, ctx.scope, input)),
  ofProject: reader.input(z.object({ projectId: cuid })).query(({ ctx, input }) => listProjectTerminals(ctx.db, input.projectId)),
  /** Answers the new secret, once. */
  register: writer
    .input(z.object({ machineId: cuid, serial: serialSchema, gatewayId: cuid.nullish(), replace: z.boolean().optional() }))
    .mutation(({ ctx, input }) => registerTerminal(ctx.db, { scope: ctx.scope, id: ctx.user.id }, input)),
  /** Answers the new secret, once. */
  registerGateway: writer
    .input(z.object({ smeClientId: cuid, serial: serialSchema }))
    .mutation(({ ctx, input }) => registerGateway(ctx.db, { scope: ctx.scope, id: ctx.user.id }, input)),
  assignGateway: writer
    .input(z.object({ terminalId: cuid, gatewayId: cuid.nullable() }))
    .mutation(({ ctx, input }) => assignGateway(ctx.db, { scope: ctx.scope, id: ctx.user.id }, input)),
  /** Answers the new secret, once; `secretSetAt` names the credential the caller saw (another rotation meanwhile: CONFLICT). */
  rotate: writer
    .input(z.object({ id: cuid, secretSetAt: z.date() }))
    .mutation(({ ctx, input }) => rotateSecret(ctx.db, { scope: ctx.scope, id: ctx.user.id }, input.id, input.secretSetAt)),
  revoke: writer.input(z.object({ id: cuid })).mutation(({ ctx, input }) => revokeTerminal(ctx.db, { scope: ctx.scope, id: ctx.user.id }, input.id)),
  /** Server-side only (the upload route handler passes the file's bytes). */
  previewImport: writer.input(fileInput).mutation(({ ctx, input }) => previewTerminalImport(ctx.db, input)),
  /** Server-side only; answers the new credentials once, as a CSV. */
  commitImport: writer.input(fileInput).mutation(({ ctx, input }) => commitTerminalImport(ctx.db, ctx.scope, ctx.user.id, ctx.locale, input)),
  template: authedProcedure.input(z.object({ format: z.enum(['csv', 'xlsx']), locale: z.enum(locales) })).query(({ input }) => terminalTemplate(input)),
});

export const shiftCalendarRouter = router({
  get: reader.input(z.object({ smeClientId: cuid })).query(({ ctx, input }) => getShiftCalendar(ctx.db, input.smeClientId)),
  /** null removes the SME's calendar: the stated default applies again. */
  save: writer
    .input(z.object({ smeClientId: cuid, calendar: calendarSchema.nullable() }))
    .mutation(({ ctx, input }) => saveShiftCalendar(ctx.db, ctx.scope, ctx.user.id, input.smeClientId, input.calendar)),
});
