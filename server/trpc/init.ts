/**
 * Base procedures and the tenant gate. This file is the one place that turns a session into a
 * scope and hands procedures a database handle (`ctx.db`) that can only reach that scope.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { applicationFilterOnly, inTenantTransaction, isPooled, scopedDb } from '../db/scoped';
import { type Permission, type Scope, scopeCan } from '../domain/auth/scope';
import { AppError } from '../domain/errors/app-error';
import { kickNotifications } from '../services/notifications/runtime';
import type { Context } from './context';
import { describeError, failureHeaders, toAppError, toTrpcError } from './errors';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const d = describeError(error, ctx?.locale ?? 'zh-CN');
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      message: d.message,
      data: { ...data, appCode: d.appCode, messageKey: d.messageKey, params: d.params, requestId: ctx?.requestId ?? null, fieldErrors: d.fieldErrors },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps AppError (and database/Prisma failures) to tRPC codes, and logs what is unexpected. */
const errorMapping = t.middleware(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  const result = await next();
  const ms = Math.round(performance.now() - started);
  if (result.ok) {
    ctx.log.debug({ path, type, ms }, 'procedure ok');
    // a change may have left notices in the outbox: deliver them now that it has committed (in the background)
    if (type === 'mutation') kickNotifications();
    return result;
  }
  const app = toAppError(result.error);
  if (app) {
    const level = app.code === 'INTERNAL' || app.code === 'DB_UNAVAILABLE' ? 'error' : 'info';
    ctx.log[level]({ path, type, ms, code: app.code, key: app.messageKey }, 'procedure failed');
    for (const [k, v] of Object.entries(failureHeaders(app))) ctx.resHeaders?.set(k, v);
    throw toTrpcError(app);
  }
  if (result.error.code === 'INTERNAL_SERVER_ERROR') ctx.log.error({ path, type, ms, err: result.error.cause ?? result.error }, 'procedure crashed');
  return result;
});

export const publicProcedure = t.procedure.use(errorMapping);

/** Any signed-in user, with the plain database (use only for the user's own account). */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user = await ctx.getUser();
  if (!user) throw new AppError('UNAUTHORIZED');
  return next({ ctx: { user } });
});

/** Any signed-in user, with `ctx.db` scoped to their tenant. */
export const scopedProcedure = authedProcedure.use(async ({ ctx, next, type }) => {
  const raw = await ctx.getDb();
  const scope = ctx.user.scope;
  // On PostgreSQL a read runs as one tenant transaction; elsewhere (and for mutations, which open their own
  // transactions) every operation enters the tenant by itself. Either way the database's wall is up.
  // `streamDb`: the same wall for reads that outlive the procedure (a streamed download reads its pages after the
  // procedure returned, when the request's transaction is over); each of its operations enters the tenant by itself
  if (ctx.rowLevelSecurity === false) {
    const db = applicationFilterOnly(raw, scope);
    return next({ ctx: { db, streamDb: db, scope } });
  }
  const streamDb = scopedDb(raw, scope, ctx.user.id);
  if (type === 'query' && isPooled(raw)) return inTenantTransaction(raw, scope, ctx.user.id, (db) => next({ ctx: { db, streamDb, scope } }));
  return next({ ctx: { db: streamDb, streamDb, scope } });
});

function requireScope<K extends Scope['kind']>(kind: K) {
  return scopedProcedure.use(async ({ ctx, next }) => {
    const scope = ctx.scope;
    if (scope.kind !== kind) throw new AppError('FORBIDDEN');
    return next({ ctx: { scope: scope as Extract<Scope, { kind: K }> } });
  });
}

export const integratorProcedure = requireScope('integrator');
export const smeProcedure = requireScope('sme');
export const countyProcedure = requireScope('county');

/** Narrows any of the above to users whose role has a permission. */
export function withPermission(permission: Permission) {
  return t.middleware(async ({ ctx, next }) => {
    const user = (ctx as { user?: { scope: Scope } }).user;
    if (!user || !scopeCan(user.scope, permission)) throw new AppError('FORBIDDEN');
    return next();
  });
}

export { TRPCError };
