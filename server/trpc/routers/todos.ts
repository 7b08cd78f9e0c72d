import { todosFor } from '../../services/todos/todos';
import { router, scopedProcedure } from '../init';

export const todosRouter = router({
  /** The caller's to-do inbox: work waiting for them, each item a link to where it is done. */
  list: scopedProcedure.query(({ ctx }) =>
    todosFor({ db: ctx.db, scope: ctx.scope, userId: ctx.user.id, getRaw: ctx.getDb, rowLevelSecurity: ctx.rowLevelSecurity }),
  ),
});
