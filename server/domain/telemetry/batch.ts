/**
 * The HTTPS batch (POST /api/terminals/ingest): a JSON array of payloads from one terminal, or from a gateway an array
 * of `{ terminal: "<id>", ...payload }`. The batch as a whole is refused only when it cannot be read (too large, not
 * JSON, not an array, too many messages); otherwise every element gets its own result, so one bad message never
 * loses the others. Never throws.
 */
import { BATCH_MAX_BYTES, BATCH_MAX_MESSAGES, MESSAGE_MAX_BYTES, type ParseFailure, type ParseResult, parseJsonBytes, validatePayload } from './payload';

/** A terminal or gateway id as the app makes them (letters, digits, '-' and '_'). */
export const terminalIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

export type BatchItem = { index: number; terminal: string | null; result: ParseResult };
export type BatchResult = { ok: true; items: BatchItem[] } | ParseFailure;

function parseItem(value: unknown, index: number, gateway: boolean): BatchItem {
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  } catch {
    return { index, terminal: null, result: { ok: false, reason: 'invalid', detail: 'unreadable element' } };
  }
  if (size > MESSAGE_MAX_BYTES)
    return { index, terminal: null, result: { ok: false, reason: 'too_large', detail: `${size} bytes, limit ${MESSAGE_MAX_BYTES}` } };
  if (!gateway) return { index, terminal: null, result: validatePayload(value) };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { index, terminal: null, result: { ok: false, reason: 'invalid', detail: 'element must be a JSON object' } };
  }
  const { terminal, ...payload } = value as Record<string, unknown>;
  if (typeof terminal !== 'string' || !terminalIdPattern.test(terminal)) {
    return { index, terminal: null, result: { ok: false, reason: 'invalid', detail: 'terminal must be a terminal id' } };
  }
  return { index, terminal, result: validatePayload(payload) };
}

/** Reads an HTTPS batch; `gateway` says whether elements name their terminal. */
export function parseBatch(buf: Buffer | Uint8Array | string, opts: { gateway: boolean }): BatchResult {
  const json = parseJsonBytes(buf, BATCH_MAX_BYTES);
  if (!json.ok) return json;
  if (!Array.isArray(json.value)) return { ok: false, reason: 'invalid', detail: 'body must be a JSON array of payloads' };
  if (json.value.length === 0) return { ok: false, reason: 'invalid', detail: 'empty batch' };
  if (json.value.length > BATCH_MAX_MESSAGES) return { ok: false, reason: 'too_large', detail: `${json.value.length} messages, limit ${BATCH_MAX_MESSAGES}` };
  return { ok: true, items: json.value.map((v, i) => parseItem(v, i, opts.gateway)) };
}
