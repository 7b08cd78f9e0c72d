import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { API_BODY_LIMIT_BYTES, withinBodyLimit } from '@/server/http/body-limit';
import { batchCalls, MAX_BATCH_CALLS } from '@/server/http/trpc-batch';
import { errorMessage } from '@/server/i18n/messages';
import { resolveRequestLocale } from '@/server/i18n/request';
import { contextForRequest } from '@/server/trpc/request';
import { appRouter } from '@/server/trpc/root';

export const dynamic = 'force-dynamic';

async function handler(incoming: Request) {
  if (batchCalls(incoming.url) > MAX_BATCH_CALLS) {
    const message = errorMessage(await resolveRequestLocale(), 'batchTooLarge', { max: MAX_BATCH_CALLS });
    return Response.json({ error: { message, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400 } } }, { status: 400 });
  }
  const req = await withinBodyLimit(incoming);
  if (!req) {
    const message = errorMessage(await resolveRequestLocale(), 'payloadTooLarge', { maxMb: API_BODY_LIMIT_BYTES / 1024 / 1024 });
    return Response.json({ error: { message, code: -32013, data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 } } }, { status: 413 });
  }
  let requestId = '';
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: async ({ resHeaders }) => {
      const ctx = await contextForRequest(req, resHeaders);
      requestId = ctx.requestId;
      return ctx;
    },
  });
  if (requestId) res.headers.set('x-request-id', requestId);
  return res;
}

export { handler as GET, handler as POST };
