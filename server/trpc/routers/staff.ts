import { listStaff } from '../../services/staff/staff';
import { integratorProcedure, router, withPermission } from '../init';

export const staffRouter = router({
  list: integratorProcedure.use(withPermission('staff.read')).query(({ ctx }) => listStaff(ctx.db)),
});
