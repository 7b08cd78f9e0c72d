import { todosFor, todoTotal } from '../../services/todos/todos';
import { router, scopedProcedure } from '../init';

type Scoped = Parameters<Parameters<typeof scopedProcedure.query>[0]>[0]['ctx'];
const contextOf = (ctx: Scoped) => ({ db: ctx.db, scope: ctx.scope, userId: ctx.user.id, getRaw: ctx.getDb, rowLevelSecurity: ctx.rowLevelSecurity });

export const todosRouter = router({
  /** The caller's to-do inbox: work waiting for them, each item a link to where it is done. */
  list: scopedProcedure.query(({ ctx }) => todosFor(contextOf(ctx))),
  /** How much is waiting (the header's badge on every page): the counts alone, without the items. */
  count: scopedProcedure.query(async ({ ctx }) => ({ total: todoTotal(await todosFor(contextOf(ctx), new Date(), { withItems: false })) })),
});
