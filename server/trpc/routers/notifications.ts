import { z } from 'zod';
import { AppError } from '../../domain/errors/app-error';
import { notificationKinds } from '../../domain/notifications/kinds';
import { getMyNotificationChoices, setMyNotificationChoices } from '../../services/notifications/choices';
import { listDeliveryFailures } from '../../services/notifications/failures';
import { authedProcedure, router, scopedProcedure } from '../init';

const choicesInput = z
  .object(
    Object.fromEntries(notificationKinds.map((k) => [k, z.boolean().optional()])) as Record<(typeof notificationKinds)[number], z.ZodOptional<z.ZodBoolean>>,
  )
  .strict();

export const notificationsRouter = router({
  /** The caller's own choices: the kinds they can hear of, each on or off, and the channels this server sends on. */
  myChoices: authedProcedure.query(async ({ ctx }) => getMyNotificationChoices(await ctx.getDb(), ctx.user)),
  setMyChoices: authedProcedure.input(choicesInput).mutation(async ({ ctx, input }) => setMyNotificationChoices(await ctx.getDb(), ctx.user, input)),
  /** For a tenant's admin: the notices that could not be delivered to the tenant's people. */
  failures: scopedProcedure.query(({ ctx }) => {
    const s = ctx.scope;
    if (!(s.role === 'INTEGRATOR_ADMIN' || (s.kind === 'county' && s.admin))) throw new AppError('FORBIDDEN');
    return listDeliveryFailures(ctx.db);
  }),
});
