/**
 * POST /api/terminals/ingest (docs/terminal-protocol.md): a terminal's or gateway's batch over HTTPS.
 * 1. `Authorization: Bearer <id>.<secret>` is checked before a byte of the body is read: 401, the same answer for an
 *    unknown id, a wrong secret and a revoked credential (and the connection is closed).
 * 2. At most 10 requests a second per terminal (burst 20): 429 with Retry-After.
 * 3. The body, read by the bounded reader: at most 512 KiB (413), a JSON array (400) of at most 1,000 payloads (413).
 * 4. Every element gets its own result; the answer lists them in order with their counts (200).
 * 5. When the ingestion queue is full or the database cannot take the write: 503 with Retry-After — nothing of the
 *    batch was stored, the terminal sends it again. Never a 500.
 */
import { databaseAppError } from '../../db/errors';
import { AppError } from '../../domain/errors/app-error';
import { parseBatch, terminalIdPattern } from '../../domain/telemetry/batch';
import { BATCH_MAX_BYTES } from '../../domain/telemetry/payload';
import { readBoundedBody } from '../../http/bounded-body';
import type { Logger } from '../../log';
import { countOutcomes, type IngestMessage } from './ingest';
import type { RateLimiter } from './rate-limit';
import type { Telemetry } from './runtime';
import { terminalSecretMatches } from './secret';

export type IngestErrorCode = 'unauthorized' | 'rate_limited' | 'too_large' | 'bad_request' | 'busy';

const messages: Record<IngestErrorCode, string> = {
  unauthorized: 'Authorization: Bearer <terminalId>.<secret> is missing, unknown, wrong or revoked.',
  rate_limited: 'Too many requests from this terminal; wait Retry-After seconds.',
  too_large: 'The batch is too large (at most 1,000 messages and 512 KiB).',
  bad_request: 'The body must be a JSON array of payloads (docs/terminal-protocol.md).',
  busy: 'Ingestion is busy; nothing of this batch was stored. Send it again after Retry-After seconds.',
};

function refuse(status: number, code: IngestErrorCode, opts: { detail?: string; retryAfter?: number; close?: boolean } = {}): Response {
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (opts.retryAfter) headers['retry-after'] = String(opts.retryAfter);
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="terminals"';
  if (opts.close) headers.connection = 'close';
  return Response.json({ error: code, message: messages[code], ...(opts.detail ? { detail: opts.detail } : {}) }, { status, headers });
}

const unknownHash = '0'.repeat(64);

/** `<id>.<secret>` from the header, or null. */
export function bearerCredential(header: string | null): { id: string; secret: string } | null {
  const m = /^Bearer ([^.\s]{1,64})\.(\S{1,128})$/.exec(header?.trim() ?? '');
  if (!m || !terminalIdPattern.test(m[1] as string)) return null;
  return { id: m[1] as string, secret: m[2] as string };
}

export async function handleIngestRequest(req: Request, t: Telemetry, limiter: RateLimiter, log: Logger): Promise<Response> {
  const cancelBody = () => req.body?.cancel().catch(() => {});
  try {
    const cred = bearerCredential(req.headers.get('authorization'));
    const entry = cred ? await t.directory.get(cred.id) : null;
    // the hash is compared for an unknown id too, so that the answer takes as long either way
    const secretOk = cred ? terminalSecretMatches(entry?.secretHash ?? unknownHash, cred.secret) : false;
    if (!cred || !entry || entry.revoked || !secretOk) {
      await cancelBody();
      return refuse(401, 'unauthorized', { close: true });
    }
    const wait = limiter.take(entry.id);
    if (wait > 0) {
      await cancelBody();
      return refuse(429, 'rate_limited', { retryAfter: wait });
    }
    let body: Uint8Array;
    try {
      body = await readBoundedBody(req, BATCH_MAX_BYTES);
    } catch (e) {
      if (e instanceof AppError && e.code === 'PAYLOAD_TOO_LARGE') return refuse(413, 'too_large', { close: true });
      return refuse(400, 'bad_request', { detail: 'the body could not be read' });
    }
    const gateway = entry.kind === 'GATEWAY';
    const batch = parseBatch(body, { gateway });
    if (!batch.ok)
      return batch.reason === 'too_large' ? refuse(413, 'too_large', { detail: batch.detail }) : refuse(400, 'bad_request', { detail: batch.detail });
    const receivedAt = new Date();
    const publisher = { kind: gateway ? 'gateway' : 'terminal', id: entry.id } as const;
    const msgs: IngestMessage[] = batch.items.map((item) => ({
      publisher,
      terminalId: gateway ? item.terminal : entry.id,
      payload: { parsed: item.result },
      receivedAt,
    }));
    const pending = t.queue.offer(msgs);
    if (!pending) return refuse(503, 'busy', { retryAfter: 1 });
    const outcomes = await pending;
    return Response.json({ counts: countOutcomes(outcomes), results: outcomes }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    const app = databaseAppError(e);
    log.error({ err: e, code: app?.code }, 'telemetry: HTTPS batch not stored');
    return refuse(503, 'busy', { retryAfter: 2 });
  }
}
