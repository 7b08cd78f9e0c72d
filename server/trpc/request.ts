import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { getSessionUser } from '../auth/session';
import { getDb } from '../db/client';
import { AppError } from '../domain/errors/app-error';
import { resolveRequestLocale } from '../i18n/request';
import { requestLogger } from '../log';
import { type Context, memo } from './context';
import { describeError, failureHeaders, toAppError, toTrpcError } from './errors';
import { createCaller } from './root';

/** The context of an HTTP request: the tRPC route handler and the file route handlers share it. */
export async function contextForRequest(req: Request, resHeaders?: Headers): Promise<Context> {
  const requestId = req.headers.get('x-request-id') ?? randomUUID();
  const getUser = memo(getSessionUser);
  return {
    getDb,
    getUser,
    locale: await resolveRequestLocale(getUser),
    requestId,
    log: requestLogger(requestId, { via: 'http', path: new URL(req.url).pathname }),
    resHeaders,
  };
}

/** A caller for route handlers that move files (upload, download): same procedures, same gate. */
export async function callerForRequest(req: Request) {
  const ctx = await contextForRequest(req);
  return { ctx, caller: createCaller(ctx) };
}

/** A failure as a JSON response in the user's language, with the request id. */
export function errorResponse(e: unknown, ctx: Context): Response {
  const app = toAppError(e);
  const trpc = app ? toTrpcError(app) : e instanceof TRPCError ? e : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: e });
  const d = describeError(trpc, ctx.locale);
  if (d.httpStatus >= 500) ctx.log.error({ err: e }, 'request failed');
  return Response.json(
    { error: { message: d.message, messageKey: d.messageKey, params: d.params, code: trpc.code, requestId: ctx.requestId } },
    { status: d.httpStatus, headers: { 'x-request-id': ctx.requestId, ...failureHeaders(app) } },
  );
}

/**
 * For upload route handlers: the caller, once the request is known to come from a signed-in user — checked before
 * a byte of the body is read (an anonymous upload is answered 401 at once, its body left unread).
 */
export async function signedInCallerForUpload(req: Request) {
  const { ctx, caller } = await callerForRequest(req);
  let user: Awaited<ReturnType<Context['getUser']>>;
  try {
    user = await ctx.getUser();
  } catch (e) {
    // e.g. the database is unavailable: 503 as for any request, the body still unread
    await req.body?.cancel().catch(() => {});
    return { ctx, caller, refused: uploadErrorResponse(e, ctx) };
  }
  if (!user) {
    await req.body?.cancel().catch(() => {});
    return { ctx, caller, refused: uploadErrorResponse(new AppError('UNAUTHORIZED'), ctx) };
  }
  return { ctx, caller, refused: null };
}

/** errorResponse for an upload: the connection is closed so that a client still sending is cut off. */
export function uploadErrorResponse(e: unknown, ctx: Context): Response {
  const res = errorResponse(e, ctx);
  if (res.status === 401 || res.status === 413) res.headers.set('connection', 'close');
  return res;
}
