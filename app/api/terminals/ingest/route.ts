import { randomUUID } from 'node:crypto';
import { requestLogger } from '@/server/log';
import { processSlot } from '@/server/process-slot';
import { handleIngestRequest } from '@/server/services/telemetry/http-ingest';
import { RateLimiter } from '@/server/services/telemetry/rate-limit';
import { appTelemetry } from '@/server/services/telemetry/runtime';

export const dynamic = 'force-dynamic';

const slot = processSlot<RateLimiter>('__rpIngestLimiter');
slot.value ??= new RateLimiter(10, 20);
const limiter = slot.value;

/** A terminal's or gateway's batch of payloads (docs/terminal-protocol.md; server/services/telemetry/http-ingest.ts). */
export async function POST(req: Request) {
  const requestId = req.headers.get('x-request-id') ?? randomUUID();
  const log = requestLogger(requestId, { route: 'terminals.ingest' });
  try {
    const telemetry = await appTelemetry();
    return await handleIngestRequest(req, telemetry, limiter, log);
  } catch (e) {
    // the database could not be opened: nothing was read or stored; the terminal sends again later
    log.error({ err: e }, 'terminals.ingest: telemetry unavailable');
    await req.body?.cancel().catch(() => {});
    return Response.json(
      { error: 'busy', message: 'Ingestion is not available; send the batch again later.' },
      { status: 503, headers: { 'retry-after': '5' } },
    );
  }
}
