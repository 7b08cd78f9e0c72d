import { z } from 'zod';
import { idSchema } from '../../domain/inputs/bounds';
import { optionalSafeText } from '../../domain/inputs/safe-text';
import { locales } from '../../i18n/locales';
import { integratorInviteRoles, inviteUser, listInvitations, revokeInvitation } from '../../services/accounts/invitations';
import { sendPasswordResetFor } from '../../services/accounts/password-reset';
import { assignableStaffRoles, listStaff, setCountyAdmin, setStaffRole, setUserActive } from '../../services/staff/staff';
import { countyProcedure, integratorProcedure, router, scopedProcedure, withPermission } from '../init';

/** Integrator admins manage their staff and SME owners; county officials with the admin flag manage officials. */
const manager = scopedProcedure.use(withPermission('staff.manage'));
const id = idSchema;

export const staffRouter = router({
  list: scopedProcedure.use(withPermission('staff.read')).query(({ ctx }) => listStaff(ctx.db)),
  setActive: manager.input(z.object({ id, active: z.boolean() })).mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.user.id, input.id, input.active)),
  setRole: integratorProcedure
    .use(withPermission('staff.manage'))
    .input(z.object({ id, role: z.enum(assignableStaffRoles) }))
    .mutation(({ ctx, input }) => setStaffRole(ctx.db, ctx.user.id, input.id, input.role)),
  setAdmin: countyProcedure
    .use(withPermission('staff.manage'))
    .input(z.object({ id, admin: z.boolean() }))
    .mutation(({ ctx, input }) => setCountyAdmin(ctx.db, ctx.user.id, input.id, input.admin)),
  invite: manager
    .input(
      z.object({
        email: z.string().trim().toLowerCase().email().max(254),
        name: optionalSafeText(100),
        role: z.enum([...integratorInviteRoles, 'COUNTY_OFFICIAL']),
        smeClientId: id.nullish(),
        isAdmin: z.boolean().optional(),
        locale: z.enum(locales),
      }),
    )
    .mutation(async ({ ctx, input }) => inviteUser(ctx.db, await ctx.getDb(), ctx.user, input)),
  invitations: manager.query(({ ctx }) => listInvitations(ctx.db)),
  revokeInvitation: manager.input(z.object({ id })).mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.user.id, input.id)),
  sendPasswordReset: manager.input(z.object({ id })).mutation(async ({ ctx, input }) => sendPasswordResetFor(ctx.db, await ctx.getDb(), ctx.user.id, input.id)),
});
