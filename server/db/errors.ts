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

/**
 * Contention, the one list: Prisma's transaction API error (P2028: "Unable to start a transaction in the given time",
 * an expired transaction), write conflicts and deadlocks (P2034), too many connections (P2037), and PostgreSQL's
 * serialization failure (40001), deadlock (40P01), lock timeout (55P03), statement or lock wait cancelled (57014)
 * and too many connections (53300) however the driver adapter wraps them (P2010 for raw SQL, P2039, or bare).
 * Nothing was written (the transaction rolled back): the user may simply try again.
 */
const contentionCodes = new Set(['P2028', 'P2034', 'P2037', '40001', '40P01', '55P03', '57014', '53300']);
const contentionText =
  /Unable to start a transaction in the given time|Transaction already closed|expired transaction|could not serialize access|deadlock detected|lock timeout|could not obtain lock|timeout exceeded when trying to connect|too many clients/i;

/** Every error code in an error, its causes and Prisma's wrapped driver error. */
function codesIn(e: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (cur: unknown, depth: number) => {
    if (!cur || typeof cur !== 'object' || seen.has(cur) || depth > 6) return;
    seen.add(cur);
    const o = cur as { code?: unknown; originalCode?: unknown; meta?: Record<string, unknown>; cause?: unknown };
    for (const c of [o.code, o.originalCode, o.meta?.code]) if (typeof c === 'string') codes.push(c);
    visit(o.meta?.driverAdapterError, depth + 1);
    visit(o.cause, depth + 1);
  };
  visit(e, 0);
  return codes;
}

/** A failure caused by contention (the work could not get its turn in time) as a clean "busy, try again"; else null. */
export function contentionAppError(e: unknown): AppError | null {
  if (e instanceof AppError) return e.code === 'BUSY' ? e : null;
  if (codesIn(e).some((c) => contentionCodes.has(c))) return new AppError('BUSY');
  const text = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return contentionText.test(text) ? new AppError('BUSY') : null;
}

/** Seconds a client should wait before retrying after BUSY (the Retry-After header). */
export const busyRetryAfterSeconds = 2;

/** Turns a failure to open or reach the database, or contention in it, into an AppError a user can act on; else null. */
export function databaseAppError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  const busy = contentionAppError(e);
  if (busy) return busy;
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
