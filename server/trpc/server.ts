import 'server-only';
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { cache } from 'react';
import { getSessionUser } from '../auth/session';
import { getDb } from '../db/client';
import { type AppLocale, isLocale } from '../i18n/locales';
import { requestLogger } from '../log';
import { describeError } from './errors';
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

/**
 * What a refused call says to the user, in their language: the server caller throws the bare TRPCError (its message
 * is a catalogue key or a schema's issues), so it goes through the same description as the HTTP transport.
 * Null for anything that is not a refusal of the input (let it fail as it would).
 */
export function callerErrorMessage(e: unknown, locale: AppLocale): string | null {
  if (!(e instanceof TRPCError) || (e.code !== 'BAD_REQUEST' && e.code !== 'PRECONDITION_FAILED')) return null;
  return describeError(e, locale).message;
}
