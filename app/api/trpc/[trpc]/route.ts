import { randomUUID } from 'node:crypto';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getSessionUser } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { resolveRequestLocale } from '@/server/i18n/request';
import { requestLogger } from '@/server/log';
import { memo } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/root';

export const dynamic = 'force-dynamic';

async function handler(req: Request) {
  const requestId = req.headers.get('x-request-id') ?? randomUUID();
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async ({ resHeaders }) => ({
      getDb,
      getUser: memo(getSessionUser),
      locale: await resolveRequestLocale(),
      requestId,
      log: requestLogger(requestId, { via: 'http' }),
      resHeaders,
    }),
  });
  res.headers.set('x-request-id', requestId);
  return res;
}

export { handler as GET, handler as POST };
