import type { SessionUser } from '../auth/session-user';
import type { PrismaClient } from '../db/generated/client';
import type { AppLocale } from '../i18n/locales';
import type { Logger } from '../log';

/**
 * What every procedure receives. The database and the user are resolved lazily, so that a database
 * that cannot be opened becomes a clear error inside the procedure pipeline (mapped like any other).
 */
export type Context = {
  getDb: () => Promise<PrismaClient>;
  getUser: () => Promise<SessionUser | null>;
  locale: AppLocale;
  requestId: string;
  log: Logger;
  /**
   * Tests only (never set from a request): false runs scoped procedures with the application's filter but without
   * row-level security, to prove the database's wall hides nothing the application itself reads.
   */
  rowLevelSecurity?: false;
  /** Response headers (route handler only), e.g. to set the locale cookie. */
  resHeaders?: Headers;
};

export function memo<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    p ??= fn();
    return p;
  };
}
