/**
 * Ingestion of a batch of terminal messages (MQTT through the embedded broker or the worker, HTTPS batches): nothing
 * lost, nothing invented. Each message gets one result:
 * - accepted: stored now; duplicate: that terminal's seq was already stored (or twice in this batch) — stored once;
 * - future: more than 5 minutes ahead of the server's clock; too_old: older than the raw retention
 *   (TELEMETRY_RAW_DAYS, default 90);
 * - malformed: not a payload of docs/terminal-protocol.md (the rest of the batch goes on);
 * - not_allowed: this publisher may not report for that terminal (authorize.ts), or it is unknown, revoked, retired.
 * Everything but `accepted` is counted in the terminal's health row (malformed / refused / duplicates) in the same
 * statement that stores the samples (store.ts), and problems are logged, at most one line per terminal per 10 s.
 */
import { checkTime, type IngestResult, MESSAGE_MAX_BYTES, type ParseResult, parsePayload } from '../../domain/telemetry/payload';
import { type Logger, log as rootLog } from '../../log';
import { authorizeReport, type Publisher } from './authorize';
import type { TerminalDirectory, TerminalEntry } from './directory';
import type { SqlRunner } from './sql-runner';
import { type HealthDelta, type SampleRow, sampleKey, writeBatch } from './store';

export type { Publisher } from './authorize';

export type IngestMessage = {
  publisher: Publisher;
  /** the terminal the message is for (MQTT: the topic's; HTTPS: the caller's, or the element's for a gateway); null when it names none */
  terminalId: string | null;
  /** raw bytes (MQTT), or what the HTTPS batch reader already made of the element */
  payload: Uint8Array | { parsed: ParseResult };
  receivedAt: Date;
};

export type IngestOutcome = { result: IngestResult; detail?: string };

export type IngestContext = {
  sql: SqlRunner;
  directory: TerminalDirectory;
  /** raw retention in days (too_old beyond it) */
  retentionDays: number;
  log?: Logger;
};

/** The retention setting: TELEMETRY_RAW_DAYS, a whole number of days ≥ 1 (default 90). */
export function rawRetentionDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TELEMETRY_RAW_DAYS?.trim();
  if (!raw) return 90;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 3650) throw new Error(`TELEMETRY_RAW_DAYS must be a whole number of days from 1 to 3650 (got "${raw}")`);
  return n;
}

type Counter = HealthDelta & { problemAt: number };

class ProblemLog {
  readonly #last = new Map<string, { at: number; suppressed: number }>();
  constructor(readonly log: Logger) {}
  note(terminal: string, result: IngestResult, detail: string) {
    const now = Date.now();
    const seen = this.#last.get(terminal);
    if (seen && now - seen.at < 10_000) {
      seen.suppressed++;
      return;
    }
    if (this.#last.size > 100_000) this.#last.clear();
    this.#last.set(terminal, { at: now, suppressed: 0 });
    this.log.warn({ terminal, result, detail, suppressedSinceLast: seen?.suppressed ?? 0 }, 'telemetry: message not stored');
  }
}
const problemLogs = new WeakMap<Logger, ProblemLog>();
function problemLog(log: Logger) {
  let p = problemLogs.get(log);
  if (!p) {
    p = new ProblemLog(log);
    problemLogs.set(log, p);
  }
  return p;
}

/** Stores a batch (at most BATCH_MAX_MESSAGES) and counts what it refused; the outcomes are in the messages' order. */
export async function ingestBatch(ctx: IngestContext, messages: IngestMessage[]): Promise<IngestOutcome[]> {
  const ids = new Set<string>();
  for (const m of messages) {
    if (m.terminalId) ids.add(m.terminalId);
    if (m.publisher.kind !== 'trusted') ids.add(m.publisher.id);
  }
  const entries = await ctx.directory.lookup(ids);
  const outcomes: IngestOutcome[] = new Array(messages.length);
  const counters = new Map<string, Counter>();
  const rows: SampleRow[] = [];
  const pending: { index: number; key: string }[] = [];
  const inBatch = new Set<string>();
  const problems = problemLog(ctx.log ?? rootLog);
  const receivedAt = new Date(Math.max(0, ...messages.map((m) => m.receivedAt.getTime())));

  const counter = (e: TerminalEntry): Counter => {
    let c = counters.get(e.id);
    if (!c) {
      c = {
        terminalId: e.id,
        integratorId: e.integratorId,
        smeClientId: e.smeClientId,
        num: e.num,
        candidates: 0,
        refused: 0,
        malformed: 0,
        problem: null,
        problemAt: 0,
      };
      counters.set(e.id, c);
    }
    return c;
  };
  const refuse = (index: number, result: IngestResult, detail: string, against: TerminalEntry | null, logAs: string) => {
    outcomes[index] = { result, detail };
    problems.note(logAs, result, detail);
    if (!against) return;
    const c = counter(against);
    if (result === 'malformed') c.malformed++;
    else c.refused++;
    c.problem = `${result}: ${detail}`;
  };

  for (const [index, m] of messages.entries()) {
    const pub = m.publisher.kind === 'trusted' ? null : (entries.get(m.publisher.id) ?? null);
    const namedId = m.terminalId ?? '';
    const named = m.terminalId ? (entries.get(m.terminalId) ?? null) : null;
    const logAs = m.publisher.kind === 'trusted' ? namedId : m.publisher.id;
    if (!m.terminalId) {
      // only a gateway's element can name no terminal: it cannot be read, and it is the gateway's problem
      const parsed = 'parsed' in m.payload ? m.payload.parsed : null;
      const detail = parsed && !parsed.ok ? parsed.detail : 'no terminal named';
      const pubOk = pub && !pub.revoked ? pub : null;
      refuse(index, pubOk ? 'malformed' : 'not_allowed', detail, pub, logAs);
      continue;
    }
    const auth = authorizeReport(m.publisher, pub, named, namedId);
    if (!auth.ok) {
      refuse(index, 'not_allowed', auth.why, auth.countAgainst, logAs);
      continue;
    }
    const terminal = named as TerminalEntry;
    const parsed = 'parsed' in m.payload ? m.payload.parsed : parsePayload(m.payload, { maxBytes: MESSAGE_MAX_BYTES });
    if (!parsed.ok) {
      refuse(index, 'malformed', `${parsed.reason}: ${parsed.detail}`, terminal, logAs);
      continue;
    }
    const sample = parsed.sample;
    const time = checkTime(sample.at, m.receivedAt, ctx.retentionDays);
    if (time !== 'ok') {
      refuse(index, time, `ts ${sample.at.toISOString()}`, terminal, logAs);
      continue;
    }
    const key = sampleKey(terminal.num, sample.seq);
    const c = counter(terminal);
    c.candidates++;
    if (inBatch.has(key)) {
      outcomes[index] = { result: 'duplicate' };
      continue;
    }
    inBatch.add(key);
    pending.push({ index, key });
    rows.push({
      num: terminal.num,
      seq: sample.seq,
      at: sample.at,
      state: sample.state,
      alarm: sample.alarm ?? null,
      count: sample.count ?? null,
      good: sample.good ?? null,
      wh: sample.wh ?? null,
      extra: sample.extra ?? null,
    });
  }

  const stored = await writeBatch(ctx.sql, rows, [...counters.values()], receivedAt);
  for (const p of pending) outcomes[p.index] = { result: stored.has(p.key) ? 'accepted' : 'duplicate' };
  return outcomes;
}

/** Outcome counts, for answers and logs. */
export function countOutcomes(outcomes: IngestOutcome[]): Record<IngestResult, number> {
  const counts: Record<IngestResult, number> = { accepted: 0, duplicate: 0, future: 0, too_old: 0, malformed: 0, not_allowed: 0 };
  for (const o of outcomes) counts[o.result]++;
  return counts;
}
