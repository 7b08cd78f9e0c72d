import { z } from 'zod';
import { idSchema } from '../../domain/inputs/bounds';
import { calendarDate } from '../../domain/inputs/calendar-date';
import { searchText } from '../../domain/inputs/safe-text';
import { pagingInput } from '../../domain/paging';
import { auditActors, exportAudit, listAudit } from '../../services/audit/audit';
import { auditObjectKinds } from '../../services/audit/objects';
import { router, scopedProcedure, withPermission } from '../init';

const reader = scopedProcedure.use(withPermission('audit.read'));

export const auditRouter = router({
  list: reader
    .input(
      z.object({
        ...pagingInput(50, 200),
        action: searchText(60),
        entity: z.enum(auditObjectKinds as [string, ...string[]]).optional(),
        actorId: idSchema.optional(),
        from: calendarDate.optional(),
        to: calendarDate.optional(),
      }),
    )
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
  actors: reader.query(({ ctx }) => auditActors(ctx.db)),
  /** Server-side only (the download route). */
  export: reader.input(z.object({ format: z.enum(['csv', 'xlsx']) })).query(({ ctx, input }) => exportAudit(ctx.db, input.format)),
});
