import 'server-only';
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { cache } from 'react';
import { getSessionUser } from '../auth/session';
import { getDb } from '../db/client';
import { isLocale } from '../i18n/locales';
import { requestLogger } from '../log';
import { createCaller } from './root';

/** The tRPC caller for server components: same procedures, same tenant gate, no HTTP hop. */
export const getServerCaller = cache(async () => {
  const requestId = (await headers()).get('x-request-id') ?? randomUUID();
  const locale = await getLocale();
  return createCaller({
    getDb,
    getUser: getSessionUser,
    locale: isLocale(locale) ? locale : 'zh-CN',
    requestId,
    log: requestLogger(requestId, { via: 'rsc' }),
  });
});

/** Runs a query; a NOT_FOUND (absent or outside the scope) renders the not-found page. */
export async function orNotFound<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof TRPCError && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) notFound();
    throw e;
  }
}
