/**
 * npm run ingest — the ingestion worker for an external broker (server/mqtt/worker.ts).
 *   MQTT_URL        the broker, e.g. mqtt://mqtt.internal:1883 or mqtts://…:8883 (required)
 *   MQTT_USERNAME / MQTT_PASSWORD   the worker's own credentials at the broker
 *   MQTT_PROTOCOL   5 (default) or 4 (MQTT 3.1.1)
 *   WORKER_ID       a stable name per worker (default: the host name): its session at the broker
 *   DATABASE_URL    PostgreSQL (required: the embedded PGlite belongs to the app process, which then uses its own
 *                   embedded listener instead)
 *   TELEMETRY_RAW_DAYS  raw retention in days (default 90): older samples are refused as too_old
 *   INGEST_DB_DRIVER    pg (default, node-postgres pool) or prisma
 *   INGEST_LEAVE_ON_STOP=1  on SIGTERM, leave the shared subscription and end the session (a worker removed for
 *                       good); by default the session stays and the broker keeps this worker's share for its restart
 *   TELEMETRY_ROLLUP=off  do not run the roll-up and purge job here (by default every worker offers to run it every
 *                       minute; an advisory lock lets one run at a time)
 * Stops on SIGTERM/SIGINT after storing and acknowledging what it took.
 */
import { createDb } from '../server/db/client';
import { directUrl, resolveDbTarget } from '../server/db/target';
import { log } from '../server/log';
import { startIngestWorker, workerClientId } from '../server/mqtt/worker';
import { rawRetentionDays } from '../server/services/telemetry/ingest';
import { startRollupLoop } from '../server/services/telemetry/rollup';
import { pgPoolRunner, prismaRunner } from '../server/services/telemetry/sql-runner';

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(2);
}

async function main() {
  const url = process.env.MQTT_URL?.trim();
  if (!url)
    fail('MQTT_URL is not set: name the broker the worker reads from (e.g. mqtt://127.0.0.1:1883). Without a broker, `npm run dev` serves an embedded one.');
  if (!/^mqtts?:\/\/|^wss?:\/\//.test(url)) fail(`MQTT_URL must be an mqtt://, mqtts://, ws:// or wss:// URL (got "${url.split(':')[0]}:…")`);
  const target = resolveDbTarget();
  if (target.kind !== 'postgres')
    fail('npm run ingest needs DATABASE_URL (PostgreSQL). The embedded database belongs to the app process: unset MQTT_URL and the app serves MQTT itself.');
  rawRetentionDays(); // a bad TELEMETRY_RAW_DAYS stops here, named
  const protocol = process.env.MQTT_PROTOCOL?.trim() === '4' ? 4 : 5;
  const poolSize = Number(process.env.INGEST_DB_POOL_SIZE) || 4;
  const driver = process.env.INGEST_DB_DRIVER?.trim() === 'prisma' ? 'prisma' : 'pg';
  const sql = driver === 'prisma' ? prismaRunner((await createDb(target)).db, 'postgres') : pgPoolRunner(target.url, poolSize);
  const worker = startIngestWorker({
    url,
    sql,
    log,
    clientId: workerClientId(),
    protocolVersion: protocol,
    listenUrl: directUrl(target, 'listen'),
    ...(process.env.MQTT_USERNAME ? { username: process.env.MQTT_USERNAME } : {}),
    ...(process.env.MQTT_PASSWORD ? { password: process.env.MQTT_PASSWORD } : {}),
  });
  await worker.ready;
  log.info({ clientId: workerClientId(), driver }, 'ingest worker: subscribed');
  const rollup = process.env.TELEMETRY_ROLLUP?.trim() === 'off' ? null : startRollupLoop((await createDb(target)).db, { everyMs: 60_000 });
  if (process.send) process.send({ ready: true });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, ...worker.stats }, 'ingest worker: stopping');
    await rollup?.stop();
    await worker.stop({ leave: process.env.INGEST_LEAVE_ON_STOP === '1' });
    log.info(worker.stats, 'ingest worker: stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  setInterval(() => log.info(worker.stats, 'ingest worker: progress'), 60_000).unref();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
