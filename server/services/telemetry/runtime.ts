/**
 * The ingestion pieces of one process, wired once: the terminal directory (kept fresh by terminal-changes.ts), the
 * bounded micro-batching queue and ingestBatch behind it. The app process (HTTPS route, embedded broker) shares one
 * through `appTelemetry()`; the worker and the tests make their own with `createTelemetry`.
 */
import { getDb } from '../../db/client';
import { directUrl, resolveDbTarget } from '../../db/target';
import { type Logger, log as rootLog } from '../../log';
import { processSlot } from '../../process-slot';
import { TerminalDirectory } from './directory';
import { type IngestContext, type IngestMessage, type IngestOutcome, ingestBatch, rawRetentionDays } from './ingest';
import { IngestQueue, type QueueOptions } from './queue';
import { prismaRunner, type SqlRunner } from './sql-runner';
import { listenTerminalChanges, onTerminalChanged } from './terminal-changes';

export type Telemetry = {
  ctx: IngestContext;
  directory: TerminalDirectory;
  queue: IngestQueue;
  ingest: (batch: IngestMessage[]) => Promise<IngestOutcome[]>;
  stop: () => Promise<void>;
};

export function createTelemetry(
  sql: SqlRunner,
  opts: {
    listenUrl?: string;
    log?: Logger;
    queue?: QueueOptions;
    retentionDays?: number;
    directoryTtlMs?: number;
    /** e.g. the worker's retry-until-stored around each batch write */
    wrapIngest?: (write: (batch: IngestMessage[]) => Promise<IngestOutcome[]>) => (batch: IngestMessage[]) => Promise<IngestOutcome[]>;
  } = {},
): Telemetry {
  const log = opts.log ?? rootLog;
  const directory = new TerminalDirectory(sql, opts.directoryTtlMs ? { ttlMs: opts.directoryTtlMs } : {});
  const ctx: IngestContext = { sql, directory, retentionDays: opts.retentionDays ?? rawRetentionDays(), log };
  const ingest = (batch: IngestMessage[]) => ingestBatch(ctx, batch);
  const queue = new IngestQueue(opts.wrapIngest ? opts.wrapIngest(ingest) : ingest, { concurrency: sql.kind === 'pglite' ? 1 : 2, ...opts.queue });
  const unsubscribe = onTerminalChanged((ids) => directory.invalidate(ids));
  const listener = opts.listenUrl ? listenTerminalChanges(opts.listenUrl, log) : null;
  return {
    ctx,
    directory,
    queue,
    ingest,
    stop: async () => {
      unsubscribe();
      await listener?.stop();
      await queue.drain();
    },
  };
}

const telemetry = processSlot<Promise<Telemetry>>('__rpTelemetry');

/** The app process's telemetry (shared by the HTTPS route and the embedded broker, whichever bundle asks). */
export function appTelemetry(): Promise<Telemetry> {
  if (!telemetry.value) {
    telemetry.value = (async () => {
      const target = resolveDbTarget();
      const db = await getDb();
      return createTelemetry(prismaRunner(db, target.kind), target.kind === 'postgres' ? { listenUrl: directUrl(target, 'listen') } : {});
    })().catch((e) => {
      telemetry.value = undefined;
      throw e;
    });
  }
  return telemetry.value;
}
