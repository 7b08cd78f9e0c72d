import { randomUUID } from 'node:crypto';
import pkg from '@/package.json';
import { getDb } from '@/server/db/client';
import { databaseAppError } from '@/server/db/errors';
import { describeDbTarget, resolveDbTarget } from '@/server/db/target';
import { errorMessage } from '@/server/i18n/messages';
import { requestLogger } from '@/server/log';

export const dynamic = 'force-dynamic';

/**
 * Liveness and readiness: the app version and whether the database answers. Anyone may ask, so the answer says
 * nothing about where the database is (path, host) or why it failed; the log has that, under the request id.
 */
export async function GET(req: Request) {
  const requestId = req.headers.get('x-request-id') ?? randomUUID();
  const log = requestLogger(requestId, { route: 'health' });
  const started = performance.now();
  let database: { ok: boolean; ms?: number };
  try {
    const db = await getDb();
    await db.$executeRaw`SELECT 1`;
    database = { ok: true, ms: Math.round(performance.now() - started) };
  } catch (e) {
    database = { ok: false };
    let target = 'invalid configuration';
    try {
      target = describeDbTarget(resolveDbTarget());
    } catch {}
    const app = databaseAppError(e);
    log.error({ err: e, target, reason: app ? errorMessage('en', app.messageKey, app.params) : undefined }, 'health: database down');
  }
  const body = { status: database.ok ? 'ok' : 'degraded', version: pkg.version, database, requestId };
  return Response.json(body, { status: database.ok ? 200 : 503, headers: { 'x-request-id': requestId, 'cache-control': 'no-store' } });
}
