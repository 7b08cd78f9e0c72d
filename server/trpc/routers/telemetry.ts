import { z } from 'zod';
import { idSchema } from '../../domain/inputs/bounds';
import { calendarDate } from '../../domain/inputs/calendar-date';
import { searchText } from '../../domain/inputs/safe-text';
import { pagingInput } from '../../domain/paging';
import { plantFloor } from '../../services/telemetry/reads-floor';
import { connectedSmes, healthStates, terminalHealth } from '../../services/telemetry/reads-health';
import { machineDays, machineStatus, machineTimeline } from '../../services/telemetry/reads-machine';
import { integratorProcedure, router, scopedProcedure } from '../init';

/** What the connected machines report: read through the tenant gate (staff: their integrator; SME owner: their SME). */
export const telemetryRouter = router({
  machineStatus: scopedProcedure.input(z.object({ machineId: idSchema })).query(({ ctx, input }) => machineStatus(ctx.db, input.machineId)),
  machineTimeline: scopedProcedure
    .input(z.object({ machineId: idSchema, day: calendarDate.optional() }))
    .query(({ ctx, input }) => machineTimeline(ctx.db, input.machineId, input.day)),
  machineDays: scopedProcedure
    .input(z.object({ machineId: idSchema, days: z.number().int().min(1).max(90).default(30) }))
    .query(({ ctx, input }) => machineDays(ctx.db, input.machineId, input.days)),
  floor: scopedProcedure.input(z.object({ smeClientId: idSchema })).query(({ ctx, input }) => plantFloor(ctx.db, input.smeClientId)),
  terminalHealth: integratorProcedure
    .input(z.object({ smeClientId: idSchema.optional(), state: z.enum(healthStates).optional(), q: searchText(64), ...pagingInput(50, 200) }))
    .query(({ ctx, input }) => terminalHealth(ctx.db, ctx.scope, input)),
  connectedSmes: integratorProcedure.query(({ ctx }) => connectedSmes(ctx.db, ctx.scope)),
});
