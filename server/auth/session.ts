import { cache } from 'react';
import { getDb } from '../db/client';
import { auth } from './config';
import { loadSessionUser, type SessionUser } from './session-user';

export type { SessionUser };

/** The current request's user (memoised per request), or null. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const sv = (session as { sv?: number } | null)?.sv;
  if (!id || typeof sv !== 'number') return null;
  return loadSessionUser(await getDb(), id, sv);
});
