/**
 * The one JSON payload a terminal sends (docs/terminal-protocol.md): over MQTT one object per message, from a gateway
 * one object per terminal topic, over HTTPS an array of them. Parsing never throws: every message that cannot be
 * used comes back as a reason ('too_large' | 'not_json' | 'invalid') and a short detail for the integrator's view.
 */
import { z } from 'zod';

/** Size limits, checked on the raw bytes before JSON.parse. */
export const MESSAGE_MAX_BYTES = 4 * 1024;
export const BATCH_MAX_MESSAGES = 1_000;
export const BATCH_MAX_BYTES = 512 * 1024;
/** A terminal clock may run at most this far ahead of the server's. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** What the ingestion answers for each message (per message in an HTTPS batch, counted per terminal for MQTT). */
export const ingestResults = ['accepted', 'duplicate', 'future', 'too_old', 'malformed', 'not_allowed'] as const;
export type IngestResult = (typeof ingestResults)[number];

/** The states a terminal reports, and 'unknown' (no data within the heartbeat timeout), which only the server says. */
export const stateNames = ['running', 'idle', 'stopped', 'alarm', 'setup'] as const;
export type StateName = (typeof stateNames)[number];
export type TimelineState = StateName | 'unknown';

/** The small integers the database stores (smallint). 0 is never sent by a terminal. */
export const stateCodes = { unknown: 0, running: 1, idle: 2, stopped: 3, alarm: 4, setup: 5 } as const satisfies Record<TimelineState, number>;
export type StateCode = (typeof stateCodes)[StateName];
export type TimelineStateCode = (typeof stateCodes)[TimelineState];

const namesByCode: readonly TimelineState[] = ['unknown', 'running', 'idle', 'stopped', 'alarm', 'setup'];
/** The state name of a stored code; anything that is not a known code reads as 'unknown'. */
export function stateName(code: number): TimelineState {
  return namesByCode[code] ?? 'unknown';
}

/** One message, normalised: what the store keeps and the engine reads. */
export type Sample = {
  /** The terminal's sequence number (unique per terminal; the same seq is the same message). */
  seq: bigint;
  /** The terminal's own timestamp. */
  at: Date;
  state: StateCode;
  /** Alarm code, only with state alarm. */
  alarm?: string;
  /** Part counter (cumulative, may reset or roll over). */
  count?: number;
  /** Good-part counter (cumulative, may reset or roll over). */
  good?: number;
  /** Energy meter reading in whole Wh (the kWh text with at most 3 decimals, read exactly). */
  wh?: bigint;
  extra?: Record<string, number | string>;
};

export type ParseFailure = { ok: false; reason: 'too_large' | 'not_json' | 'invalid'; detail: string };
export type ParseResult = { ok: true; sample: Sample } | ParseFailure;
export type ParseLimits = { maxBytes: number };

const SEQ_MAX = (1n << 63n) - 1n; // PostgreSQL bigint
const COUNTER_MAX = 2 ** 53 - 1;
const EPOCH_MS_MIN = Date.UTC(2000, 0, 1);
const EPOCH_MS_MAX = Date.UTC(2100, 0, 1);
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const printable = /^[^\u0000-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]*$/;

/** A field read by a function that returns its value or why it is not acceptable (one precise message each). */
function field<T>(read: (v: unknown) => { value: T } | string) {
  return z.unknown().transform((v, ctx) => {
    const r = read(v);
    if (typeof r === 'string') {
      ctx.addIssue({ code: 'custom', message: r });
      return z.NEVER;
    }
    return r.value;
  });
}

const seqField = field<bigint>((v) => {
  if (v === undefined) return 'seq is required';
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return 'seq must be a whole number';
    if (v < 0) return 'seq must not be negative';
    return v > Number.MAX_SAFE_INTEGER ? 'seq too large (send it as a string of digits)' : { value: BigInt(v) };
  }
  if (typeof v !== 'string' || !/^\d{1,40}$/.test(v)) return 'seq must be a whole number';
  const seq = BigInt(v);
  return seq > SEQ_MAX ? 'seq too large' : { value: seq };
});

const counterField = (name: string) =>
  field<number>((v) => {
    if (typeof v !== 'number') return `${name} must be a number`;
    if (!Number.isInteger(v)) return `${name} must be a whole number`;
    if (v < 0) return `${name} must not be negative`;
    return v > COUNTER_MAX ? `${name} must be below 2^53` : { value: v };
  });

/** kWh as JSON text: at most 12 integer digits and 3 decimals (numbers up to 15 significant digits print exactly). */
const kwhText = /^(\d{1,12})(?:\.(\d{1,3}))?$/;

/** The kWh reading as whole Wh, from its decimal text (no floating-point arithmetic), or null. */
export function kwhToWh(v: string | number): bigint | null {
  const text = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v;
  const m = kwhText.exec(text);
  if (!m) return null;
  return BigInt(m[1] as string) * 1000n + BigInt((m[2] ?? '').padEnd(3, '0'));
}

const isoTs = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** The moment of an ISO 8601 text with an explicit offset (Z or ±HH:MM), checking every field; or null. */
export function parseIsoTimestamp(s: string): Date | null {
  const m = isoTs.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const sec = Number(m[6] ?? '0');
  const ms = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  const zone = m[8] as string;
  const offsetMin = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  if ([y, mo, d, h, mi].some((n) => n === undefined)) return null;
  const t = Date.UTC(y as number, (mo as number) - 1, d as number, h as number, mi as number, sec, ms);
  const check = new Date(Date.UTC(y as number, (mo as number) - 1, d as number));
  if (check.getUTCDate() !== d || check.getUTCMonth() !== (mo as number) - 1 || (h as number) > 23 || (mi as number) > 59 || sec > 59) return null;
  if (Math.abs(offsetMin) > 14 * 60 || Number(zone.slice(-2)) > 59) return null;
  return new Date(t - offsetMin * 60_000);
}

const tsField = field<Date>((v) => {
  if (v === undefined) return 'ts is required';
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return 'ts in epoch milliseconds must be a whole number';
    if (v < EPOCH_MS_MIN) return 'ts must be epoch milliseconds (not seconds), after 2000';
    return v > EPOCH_MS_MAX ? 'ts beyond 2100' : { value: new Date(v) };
  }
  const at = typeof v === 'string' && v.length <= 40 ? parseIsoTimestamp(v) : null;
  return at ? { value: at } : 'ts must be ISO 8601 with an offset (e.g. 2026-05-01T08:00:00+08:00) or epoch milliseconds';
});

const kwhField = field<bigint>((v) => {
  const wh = typeof v === 'string' || typeof v === 'number' ? kwhToWh(v) : null;
  return wh === null ? 'kwh must be a non-negative decimal with at most 3 decimals' : { value: wh };
});

const signalName = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/;

/** Why an `extra` value is not a flat object of at most 16 named numbers or texts, or null. */
function extraProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'extra must be an object';
  const keys = Object.keys(v);
  if (keys.length > 16) return 'extra: at most 16 signals';
  for (const key of keys) {
    if (!signalName.test(key)) return 'extra: names are 1–32 letters, digits, _ . - starting with a letter';
    const value = (v as Record<string, unknown>)[key];
    if (typeof value === 'number') continue; // JSON numbers are always finite
    if (typeof value !== 'string') return 'extra: values must be numbers or text';
    if (value.length > 64 || !printable.test(value)) return 'extra: text values are at most 64 printable characters';
  }
  return null;
}

const extraSchema = z.unknown().transform((v, ctx) => {
  const problem = extraProblem(v);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return { ...(v as Record<string, number | string>) };
});

/** The payload object as documented (unknown fields are refused, so that a typo is seen rather than lost). */
export const payloadSchema = z
  .strictObject({
    seq: seqField,
    ts: tsField,
    state: z.enum(stateNames, { error: `state must be one of ${stateNames.join(', ')}` }),
    alarm: z
      .string({ error: 'alarm must be text' })
      .min(1, 'alarm must not be empty')
      .max(32, 'alarm at most 32 characters')
      .regex(printable, 'alarm: control characters')
      .optional(),
    count: counterField('count').optional(),
    good: counterField('good').optional(),
    kwh: kwhField.optional(),
    extra: extraSchema.optional(),
  })
  .refine((p) => p.alarm === undefined || p.state === 'alarm', { message: 'alarm is only allowed with state alarm', path: ['alarm'] });
/** The payload as a terminal writes it (the JSON shape of docs/terminal-protocol.md). */
export type Payload = {
  seq: number | string;
  ts: string | number;
  state: StateName;
  alarm?: string;
  count?: number;
  good?: number;
  kwh?: string | number;
  extra?: Record<string, number | string>;
};

function toSample(p: z.output<typeof payloadSchema>): Sample {
  const sample: Sample = { seq: p.seq, at: p.ts, state: stateCodes[p.state] };
  if (p.alarm !== undefined) sample.alarm = p.alarm;
  if (p.count !== undefined) sample.count = p.count;
  if (p.good !== undefined) sample.good = p.good;
  if (p.kwh !== undefined) sample.wh = p.kwh;
  if (p.extra !== undefined) sample.extra = p.extra;
  return sample;
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid payload';
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.slice(0, 3).join(', ')}`.slice(0, 200);
  const path = issue.path.map(String).join('.');
  const message = issue.message.startsWith('Invalid') || issue.message.startsWith('Too') ? `${path || 'payload'}: ${issue.message}` : issue.message;
  return message.slice(0, 200);
}

/** Validates an already parsed JSON value as one payload. */
export function validatePayload(value: unknown): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'invalid', detail: 'payload must be a JSON object' };
  const parsed = payloadSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: issueText(parsed.error) };
  return { ok: true, sample: toSample(parsed.data) };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The JSON value in raw bytes, after the byte limit; never throws. */
export function parseJsonBytes(buf: Buffer | Uint8Array | string, maxBytes: number): { ok: true; value: unknown } | ParseFailure {
  try {
    const size = typeof buf === 'string' ? Buffer.byteLength(buf, 'utf8') : buf.byteLength;
    if (size > maxBytes) return { ok: false, reason: 'too_large', detail: `${size} bytes, limit ${maxBytes}` };
    let text = typeof buf === 'string' ? buf : utf8.decode(buf);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: 'not_json', detail: 'not valid UTF-8 JSON' };
  }
}

/** One message (MQTT): bytes → Sample, or why not. Never throws. */
export function parsePayload(buf: Buffer | Uint8Array | string, limits: ParseLimits = { maxBytes: MESSAGE_MAX_BYTES }): ParseResult {
  const json = parseJsonBytes(buf, limits.maxBytes);
  if (!json.ok) return json;
  try {
    return validatePayload(json.value);
  } catch {
    return { ok: false, reason: 'invalid', detail: 'invalid payload' };
  }
}

/** Whether a sample's own timestamp can be stored: at most 5 minutes ahead of the server, not older than retention. */
export function checkTime(sampleTs: Date, receivedAt: Date, retentionDays: number): 'ok' | 'future' | 'too_old' {
  const t = sampleTs.getTime();
  if (t - receivedAt.getTime() > FUTURE_TOLERANCE_MS) return 'future';
  if (receivedAt.getTime() - t > retentionDays * 86_400_000) return 'too_old';
  return 'ok';
}
