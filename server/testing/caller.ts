import { randomUUID } from 'node:crypto';
import { loadSessionUser } from '../auth/session-user';
import type { PrismaClient } from '../db/generated/client';
import type { AppLocale } from '../i18n/locales';
import { log } from '../log';
import { createCaller } from '../trpc/root';

/** A tRPC caller acting as a user, through the same context and tenant gate as the app. */
export async function callerAs(db: PrismaClient, userId: string | null, locale: AppLocale = 'en', opts: { rowLevelSecurity?: false } = {}) {
  const user = userId ? await loadSessionUser(db, userId, 0) : null;
  if (userId && !user) throw new Error(`test user ${userId} has no session`);
  const requestId = randomUUID();
  return createCaller({ getDb: async () => db, getUser: async () => user, locale, requestId, log: log.child({ requestId }), ...opts });
}

export type Caller = Awaited<ReturnType<typeof callerAs>>;
