import { randomUUID } from 'node:crypto';
import { requestLogger } from '@/server/log';
import { handleAclHook } from '@/server/services/telemetry/mqtt-hooks';
import { appTelemetry } from '@/server/services/telemetry/runtime';

export const dynamic = 'force-dynamic';

/** EMQX 5 HTTP authorization calling the app (server/services/telemetry/mqtt-hooks.ts). */
export async function POST(req: Request) {
  const log = requestLogger(req.headers.get('x-request-id') ?? randomUUID(), { route: 'mqtt.acl' });
  try {
    return await handleAclHook(req, await appTelemetry(), log);
  } catch (e) {
    log.error({ err: e }, 'mqtt.acl: telemetry unavailable');
    return Response.json({ result: 'deny' }, { headers: { 'cache-control': 'no-store' } });
  }
}
