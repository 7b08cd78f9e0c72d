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
import { ingestSink, loadDemoFleet, mqttSink, startSimulator } from './simulator-runner';
import { prismaRunner } from './sql-runner';

export async function startDirectTelemetry(db: PrismaClient, kind: DbTarget['kind'], opts: { backfillDays?: number; rollupEveryMs?: number } = {}) {
  const sql = prismaRunner(db, kind);
  const fleet = await loadDemoFleet(db);
  const sim = fleet.length
    ? startSimulator({
        fleet,
        sink: ingestSink({ sql, directory: new TerminalDirectory(sql), retentionDays: rawRetentionDays() }),
        backfillDays: opts.backfillDays ?? 7,
        paceMs: 250,
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

/**
 * `npm run dev`: the demo fleet's terminals publish over MQTT to the app's own embedded listener, exactly as fitted
 * terminals would (their credentials, their topics, QoS 1), and the roll-up job runs every minute. When the listener
 * could not start (its port is taken, e.g. by a Mosquitto already on 1883), the same simulator writes directly.
 */
export async function startDevTelemetry(
  db: PrismaClient,
  kind: DbTarget['kind'],
  broker: { port: number } | null,
  opts: { backfillDays?: number; rollupEveryMs?: number } = {},
) {
  if (!broker) {
    log.warn('telemetry: no embedded MQTT listener, the demo simulator writes directly (set MQTT_PORT to a free port to go through MQTT)');
    return startDirectTelemetry(db, kind, opts);
  }
  const fleet = await loadDemoFleet(db);
  const sim = fleet.length
    ? startSimulator({ fleet, sink: mqttSink(`mqtt://127.0.0.1:${broker.port}`), backfillDays: opts.backfillDays ?? 7, paceMs: 250 })
    : null;
  const rollup = startRollupLoop(db, { everyMs: opts.rollupEveryMs ?? 60_000 });
  log.info({ terminals: fleet.length, port: broker.port }, 'telemetry: demo terminals publish to the embedded MQTT listener; roll-up started');
  return {
    stop: async () => {
      await sim?.stop();
      await rollup.stop();
    },
  };
}
