import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { contextForRequest } from '@/server/trpc/request';
import { appRouter } from '@/server/trpc/root';

export const dynamic = 'force-dynamic';

async function handler(req: Request) {
  let requestId = '';
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
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
