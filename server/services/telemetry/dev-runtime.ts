/**
 * The demo's telemetry inside one server process, with no broker: the simulator sends the demo fleet's messages
 * straight into the ingestion path (ingestBatch) and the roll-up job runs every minute. Started by the server when
 * TELEMETRY_SIMULATOR=direct (the end-to-end server does so); `npm run dev` with the embedded MQTT broker publishes
 * over MQTT instead (mqttSink) — the same simulator, the same ingestion.
 */
import type { PrismaClient } from '../../db/generated/client';
import type { DbTarget } from '../../db/target';
import { log } from '../../log';
import { TerminalDirectory } from './directory';
import { rawRetentionDays } from './ingest';
import { startRollupLoop } from './rollup';
import { ingestSink, loadDemoFleet, startSimulator } from './simulator-runner';
import { prismaRunner } from './sql-runner';

export async function startDirectTelemetry(db: PrismaClient, kind: DbTarget['kind'], opts: { backfillDays?: number; rollupEveryMs?: number } = {}) {
  const sql = prismaRunner(db, kind);
  const fleet = await loadDemoFleet(db);
  const sim = fleet.length
    ? startSimulator({
        fleet,
        sink: ingestSink({ sql, directory: new TerminalDirectory(sql), retentionDays: rawRetentionDays() }),
        backfillDays: opts.backfillDays ?? 7,
      })
    : null;
  const rollup = startRollupLoop(db, { everyMs: opts.rollupEveryMs ?? 60_000 });
  log.info({ terminals: fleet.length }, 'telemetry: simulator (direct) and roll-up started');
  return {
    stop: async () => {
      await sim?.stop();
      await rollup.stop();
    },
  };
}
