/**
 * The roll-up and purge job (`npm run telemetry:rollup`, and every minute inside the ingest worker and the dev
 * server through startRollupLoop). docs/decisions/0020-telemetry-rollup-and-reads.md says why it works this way.
 *
 * 1. Queue: the (terminal, hour) pairs that received samples since the watermark (found through the BRIN index on
 *    receivedAt, re-reading an overlap so that a transaction that committed late is not missed) go into
 *    TelemetryRollupPending, with the hour that a sample's heartbeat reaches into, and for a sample that arrived
 *    more than an hour late the hour of the terminal's next stored sample (whose counter difference it changes).
 * 2. Compute: queued pairs in batches — the engine over the hour with the SME's calendar, MachineHour upserted and
 *    that hour's spans replaced (server/services/telemetry/rollup-batch.ts). A closed hour leaves the queue; the open
 *    hour stays and is computed again (up to now) at most every `openEveryMs` while samples arrive, and once more
 *    when it closes. Late data puts its hours back in the queue, so they are recomputed.
 * 3. Re-plan: an SME whose shift calendar changed gets its stored hours planned again (replan.ts), in bounded steps.
 * 4. Purge: raw samples received more than TELEMETRY_RAW_DAYS (default 90) days ago, in bounded chunks.
 * Every step is one transaction that first takes a transaction-level advisory lock: one runner at a time across
 * processes (a second one finds the lock taken and stops). Runs on PGlite and PostgreSQL alike.
 */
import type { PrismaClient } from '../../db/generated/client';
import { DEFAULT_HEARTBEAT_TIMEOUT_MS } from '../../domain/telemetry/engine';
import { log } from '../../log';
import { rawRetentionDays } from './ingest';
import { replanStep } from './replan';
import { rollUpUnits, unitsOf } from './rollup-batch';

/** The advisory lock key of the job ('rpRollup' as an int). */
export const ROLLUP_LOCK_KEY = 0x72_70_52_6c;
const STATE_ID = 'main';

export type RollupOptions = {
  /** Queued pairs computed per transaction (default 200). */
  batchSize?: number;
  /** At most this many batches per run (default 500): a run stays bounded; the rest waits for the next one. */
  maxBatches?: number;
  /** Re-read samples received this long before the watermark (default 60 s). */
  overlapMs?: number;
  /** Read at most this much receipt time per queue step (default 10 min), so a backlog is taken in steps. */
  scanWindowMs?: number;
  /** An open hour with new samples is computed again at most this often (default 60 s). */
  openEveryMs?: number;
  /** Raw samples are kept this many days (default TELEMETRY_RAW_DAYS or 90). */
  rawDays?: number;
  /** Rows deleted per purge statement (default 20,000), and at most this many statements per run (default 50). */
  purgeChunk?: number;
  maxPurgeChunks?: number;
  /** Stored hours planned again per step after a calendar change (default 5,000), at most this many steps a run (default 40). */
  replanBatch?: number;
  maxReplanSteps?: number;
  heartbeatTimeoutMs?: number;
};

export type RollupReport = {
  busy: boolean;
  queued: number;
  units: number;
  hours: number;
  spans: number;
  /** stored hours planned again after a calendar change */
  replanned: number;
  purged: number;
  ms: number;
};

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Runs `fn` in a transaction holding the job's lock, or returns null when another runner holds it. */
async function locked<T>(db: PrismaClient, fn: (tx: Tx, now: Date) => Promise<T>): Promise<T | null> {
  return db.$transaction(
    async (tx) => {
      const [got] = await tx.$queryRaw<{ ok: boolean; now: Date }[]>`SELECT pg_try_advisory_xact_lock(${ROLLUP_LOCK_KEY}::bigint) AS ok, now() AS now`;
      if (!got?.ok) return null;
      return fn(tx, got.now);
    },
    { maxWait: 30_000, timeout: 300_000 },
  );
}

/** Step 1: queue what arrived since the watermark, one window of receipt time. Null when the lock was taken. */
async function queueStep(db: PrismaClient, o: Required<RollupOptions>): Promise<{ queued: number; more: boolean } | null> {
  return locked(db, async (tx, now) => {
    const [state] = await tx.$queryRaw<{ watermark: Date }[]>`SELECT "watermark" FROM "TelemetryRollupState" WHERE "id" = ${STATE_ID} FOR UPDATE`;
    let watermark = state?.watermark ?? null;
    if (!watermark) {
      // first run: start at the oldest sample kept
      const [first] = await tx.$queryRaw<{ min: Date | null }[]>`SELECT min("receivedAt") AS min FROM "TelemetrySample"`;
      watermark = new Date((first?.min ?? now).getTime() - 1);
      await tx.$executeRaw`INSERT INTO "TelemetryRollupState" ("id", "watermark") VALUES (${STATE_ID}, ${watermark}) ON CONFLICT ("id") DO NOTHING`;
    }
    const lo = new Date(watermark.getTime() - o.overlapMs);
    const hi = new Date(Math.min(now.getTime(), watermark.getTime() + o.scanWindowMs));
    const timeout = `${Math.round(o.heartbeatTimeoutMs / 1000)} seconds`;
    const queued = await tx.$executeRaw`
      INSERT INTO "TelemetryRollupPending" ("terminal", "hour")
      SELECT DISTINCT s."terminal", v.h FROM "TelemetrySample" s,
        LATERAL (VALUES (date_trunc('hour', s."at", 'UTC')), (date_trunc('hour', s."at" + ${timeout}::interval, 'UTC'))) AS v(h)
      WHERE s."receivedAt" > ${lo} AND s."receivedAt" <= ${hi}
      ON CONFLICT ("terminal", "hour") DO UPDATE SET "dirty" = true`;
    // a sample more than an hour late changes the counter difference of the terminal's next stored sample
    await tx.$executeRaw`
      INSERT INTO "TelemetryRollupPending" ("terminal", "hour")
      SELECT DISTINCT p."terminal", date_trunc('hour', n."at", 'UTC') FROM (
        SELECT DISTINCT s."terminal", date_trunc('hour', s."at", 'UTC') AS h FROM "TelemetrySample" s
        WHERE s."receivedAt" > ${lo} AND s."receivedAt" <= ${hi} AND s."at" < s."receivedAt" - interval '1 hour') p
      CROSS JOIN LATERAL (SELECT x."at" FROM "TelemetrySample" x WHERE x."terminal" = p."terminal" AND x."at" >= p.h + interval '1 hour'
        ORDER BY x."at" LIMIT 1) n
      ON CONFLICT ("terminal", "hour") DO UPDATE SET "dirty" = true`;
    await tx.$executeRaw`UPDATE "TelemetryRollupState" SET "watermark" = ${hi}, "lastRunAt" = ${now} WHERE "id" = ${STATE_ID}`;
    return { queued, more: hi.getTime() < now.getTime() };
  });
}

/**
 * Step 2: one batch of queued pairs that are due — new, closed since they were computed, or open with new samples
 * and not computed for openEveryMs — and not already computed in this run (started at `runStart`).
 */
async function computeStep(db: PrismaClient, o: Required<RollupOptions>, runStart: Date) {
  return locked(db, async (tx, now) => {
    const openBefore = new Date(now.getTime() - o.openEveryMs);
    const pairs = await tx.$queryRaw<{ terminal: number; hour: Date }[]>`
      SELECT "terminal", "hour" FROM "TelemetryRollupPending"
      WHERE ("computedAt" IS NULL OR ("computedAt" < ${runStart}
        AND ("hour" + interval '1 hour' <= ${now} OR ("dirty" AND "computedAt" < ${openBefore}))))
      ORDER BY "hour", "terminal" LIMIT ${o.batchSize} FOR UPDATE SKIP LOCKED`;
    if (!pairs.length) return { pairs: 0, units: 0, hours: 0, spans: 0 };
    const units = await unitsOf(tx, pairs);
    const written = await rollUpUnits(tx, units, now, o.heartbeatTimeoutMs);
    const terminals = pairs.map((p) => p.terminal);
    const hours = pairs.map((p) => p.hour.toISOString());
    // closed hours are final until late data queues them again; open ones wait for their next turn
    await tx.$executeRaw`
      DELETE FROM "TelemetryRollupPending" q USING unnest(${terminals}::int[], ${hours}::timestamptz[]) AS u(t, h)
      WHERE q."terminal" = u.t AND q."hour" = u.h AND q."hour" + interval '1 hour' <= ${now}`;
    await tx.$executeRaw`
      UPDATE "TelemetryRollupPending" q SET "dirty" = false, "computedAt" = ${now}
      FROM unnest(${terminals}::int[], ${hours}::timestamptz[]) AS u(t, h) WHERE q."terminal" = u.t AND q."hour" = u.h`;
    return { pairs: pairs.length, units: units.length, ...written };
  });
}

/** Step 3: one chunk of raw samples past retention. */
async function purgeStep(db: PrismaClient, o: Required<RollupOptions>) {
  return locked(db, async (tx, now) => {
    const before = new Date(now.getTime() - o.rawDays * 86_400_000);
    const n = await tx.$executeRaw`
      DELETE FROM "TelemetrySample" WHERE ("terminal", "seq") IN (
        SELECT "terminal", "seq" FROM "TelemetrySample" WHERE "receivedAt" < ${before} LIMIT ${o.purgeChunk})`;
    await tx.$executeRaw`UPDATE "TelemetryRollupState" SET "lastPurgeAt" = ${now} WHERE "id" = ${STATE_ID}`;
    return n;
  });
}

function withDefaults(opts: RollupOptions): Required<RollupOptions> {
  return {
    batchSize: opts.batchSize ?? 200,
    maxBatches: opts.maxBatches ?? 500,
    overlapMs: opts.overlapMs ?? 60_000,
    scanWindowMs: opts.scanWindowMs ?? 10 * 60_000,
    openEveryMs: opts.openEveryMs ?? 60_000,
    rawDays: opts.rawDays ?? rawRetentionDays(),
    purgeChunk: opts.purgeChunk ?? 20_000,
    maxPurgeChunks: opts.maxPurgeChunks ?? 50,
    replanBatch: opts.replanBatch ?? 5_000,
    maxReplanSteps: opts.maxReplanSteps ?? 40,
    heartbeatTimeoutMs: opts.heartbeatTimeoutMs ?? DEFAULT_HEARTBEAT_TIMEOUT_MS,
  };
}

/** One run of the job: queue, compute, purge. `busy` when another runner held the lock. */
export async function runRollup(db: PrismaClient, opts: RollupOptions = {}): Promise<RollupReport> {
  const o = withDefaults(opts);
  const started = performance.now();
  const report: RollupReport = { busy: false, queued: 0, units: 0, hours: 0, spans: 0, replanned: 0, purged: 0, ms: 0 };
  const done = () => ({ ...report, ms: Math.round(performance.now() - started) });
  for (;;) {
    const q = await queueStep(db, o);
    if (!q) return { ...done(), busy: true };
    report.queued += q.queued;
    if (!q.more) break;
  }
  const [clock] = await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  const runStart = clock?.now ?? new Date();
  for (let i = 0; i < o.maxBatches; i++) {
    const step = await computeStep(db, o, runStart);
    if (!step) return { ...done(), busy: true };
    report.units += step.units;
    report.hours += step.hours;
    report.spans += step.spans;
    if (step.pairs < o.batchSize) break;
  }
  for (let i = 0; i < o.maxReplanSteps; i++) {
    const step = await locked(db, (tx) => replanStep(tx, o.replanBatch));
    if (!step) return { ...done(), busy: true };
    report.replanned += step.rows;
    if (step.rows === 0 && step.cleared === 0) break;
  }
  for (let i = 0; i < o.maxPurgeChunks; i++) {
    const n = await purgeStep(db, o);
    if (n === null) return { ...done(), busy: true };
    report.purged += n;
    if (n < o.purgeChunk) break;
  }
  return done();
}

/**
 * Runs the job every `everyMs` (default 60 s) until stopped; one run at a time in this process, and across processes
 * through the lock. Failures are logged and the next run tries again.
 */
export function startRollupLoop(
  db: PrismaClient,
  opts: RollupOptions & { everyMs?: number; onRun?: (r: RollupReport) => void } = {},
): { stop: () => Promise<void> } {
  const everyMs = opts.everyMs ?? 60_000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = runRollup(db, opts)
      .then((r) => {
        opts.onRun?.(r);
        if (r.hours || r.purged || r.replanned) log.debug({ rollup: r }, 'telemetry roll-up');
      })
      .catch((err: unknown) => log.error({ err }, 'telemetry roll-up failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
