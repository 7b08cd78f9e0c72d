import { z } from 'zod';
import { searchText } from '../../domain/inputs/safe-text';
import { pagingInput } from '../../domain/paging';
import { exportAudit, listAudit } from '../../services/audit/audit';
import { router, scopedProcedure, withPermission } from '../init';

const reader = scopedProcedure.use(withPermission('audit.read'));

export const auditRouter = router({
  list: reader.input(z.object({ ...pagingInput(50, 200), action: searchText(60) })).query(({ ctx, input }) => listAudit(ctx.db, input)),
  /** Server-side only (the download route). */
  export: reader.input(z.object({ format: z.enum(['csv', 'xlsx']) })).query(({ ctx, input }) => exportAudit(ctx.db, input.format)),
});
