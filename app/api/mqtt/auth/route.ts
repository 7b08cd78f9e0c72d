import { randomUUID } from 'node:crypto';
import { requestLogger } from '@/server/log';
import { handleAuthHook } from '@/server/services/telemetry/mqtt-hooks';
import { appTelemetry } from '@/server/services/telemetry/runtime';

export const dynamic = 'force-dynamic';

/** EMQX 5 HTTP authentication calling the app (server/services/telemetry/mqtt-hooks.ts). */
export async function POST(req: Request) {
  const log = requestLogger(req.headers.get('x-request-id') ?? randomUUID(), { route: 'mqtt.auth' });
  try {
    return await handleAuthHook(req, await appTelemetry(), log);
  } catch (e) {
    log.error({ err: e }, 'mqtt.auth: telemetry unavailable');
    return Response.json({ result: 'deny' }, { headers: { 'cache-control': 'no-store' } });
  }
}
