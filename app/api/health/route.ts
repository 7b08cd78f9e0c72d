import { randomUUID } from 'node:crypto';
import pkg from '@/package.json';
import { getDb } from '@/server/db/client';
import { databaseAppError } from '@/server/db/errors';
import { describeDbTarget, resolveDbTarget } from '@/server/db/target';
import { errorMessage } from '@/server/i18n/messages';
import { requestLogger } from '@/server/log';

export const dynamic = 'force-dynamic';

/** Liveness and readiness: the app version and whether the database answers. */
export async function GET(req: Request) {
  const requestId = req.headers.get('x-request-id') ?? randomUUID();
  const log = requestLogger(requestId, { route: 'health' });
  const started = performance.now();
  let database: { ok: boolean; target: string; ms?: number; error?: string };
  try {
    const target = describeDbTarget(resolveDbTarget());
    try {
      const db = await getDb();
      await db.$executeRaw`SELECT 1`;
      database = { ok: true, target, ms: Math.round(performance.now() - started) };
    } catch (e) {
      const app = databaseAppError(e);
      database = { ok: false, target, error: app ? errorMessage('en', app.messageKey, app.params) : 'database query failed' };
      log.error({ err: e }, 'health: database down');
    }
  } catch (e) {
    database = { ok: false, target: 'invalid', error: e instanceof Error ? e.message : String(e) };
  }
  const body = { status: database.ok ? 'ok' : 'degraded', version: pkg.version, database, requestId };
  return Response.json(body, { status: database.ok ? 200 : 503, headers: { 'x-request-id': requestId, 'cache-control': 'no-store' } });
}
