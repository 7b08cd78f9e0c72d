import { AppError } from '../domain/errors/app-error';
import { PgliteFolderBusyError, PgliteFolderMissingError } from './pglite';
import { describeDbTarget, resolveDbTarget } from './target';

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', 'P1001', 'P1002']);

function errorCode(e: unknown): string | undefined {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur && typeof cur === 'object' && !seen.has(cur)) {
    seen.add(cur);
    const c = (cur as { code?: unknown }).code;
    if (typeof c === 'string' && unreachableCodes.has(c)) return c;
    cur = (cur as { cause?: unknown }).cause;
  }
  const text = e instanceof Error ? e.message : String(e);
  return /ECONNREFUSED|Can't reach database|DatabaseNotReachable|getaddrinfo/.test(text) ? 'ECONNREFUSED' : undefined;
}

/** Turns a failure to open or reach the database into an AppError a user can act on; else null. */
export function databaseAppError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  if (e instanceof PgliteFolderMissingError) return new AppError('DB_UNAVAILABLE', 'dbMissing');
  if (e instanceof PgliteFolderBusyError) return new AppError('DB_UNAVAILABLE', 'dbBusy', { pid: e.pid });
  if (errorCode(e)) {
    let target = 'DATABASE_URL';
    try {
      target = describeDbTarget(resolveDbTarget());
    } catch {
      /* keep the generic name */
    }
    return new AppError('DB_UNAVAILABLE', 'dbUnreachable', { target });
  }
  return null;
}
