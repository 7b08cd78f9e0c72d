import { z } from 'zod';
import { assignableStaffRoles, listStaff, setStaffRole, setUserActive } from '../../services/staff/staff';
import { integratorProcedure, router, withPermission } from '../init';

const manager = integratorProcedure.use(withPermission('staff.manage'));
const id = z.string().min(1).max(64);

export const staffRouter = router({
  list: integratorProcedure.use(withPermission('staff.read')).query(({ ctx }) => listStaff(ctx.db)),
  setActive: manager.input(z.object({ id, active: z.boolean() })).mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.user.id, input.id, input.active)),
  setRole: manager
    .input(z.object({ id, role: z.enum(assignableStaffRoles) }))
    .mutation(({ ctx, input }) => setStaffRole(ctx.db, ctx.user.id, input.id, input.role)),
});
