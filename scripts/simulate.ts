/**
 * npm run simulate — the demo fleet's terminals (prisma/seed/telemetry.ts) report: first the last 7 days as history,
 * then live, one message a minute per terminal (server/services/telemetry/simulator.ts).
 *
 *   npm run simulate                     over MQTT to MQTT_URL (default mqtt://127.0.0.1:${MQTT_PORT:-1883}), with each
 *                                        terminal's (or its gateway's) demo credentials; the app's ingestion must be
 *                                        listening there (the embedded broker of npm run dev, or npm run ingest)
 *   npm run simulate -- --direct         no broker: straight into the ingestion path in this process, and the roll-up
 *                                        runs here too (for a database no server has open)
 *   --days N                             days of history (default 7; 0 for none)
 *   --once                               send the history (and, with --direct, roll it up), then stop
 *
 * With the embedded database (PGlite) only one process may have it open: `npm run dev` runs the simulator itself;
 * use this script with PostgreSQL (DATABASE_URL), or while no server runs.
 */
import { createDb } from '../server/db/client';
import { resolveDbTarget } from '../server/db/target';
import { TerminalDirectory } from '../server/services/telemetry/directory';
import { rawRetentionDays } from '../server/services/telemetry/ingest';
import { runRollup, startRollupLoop } from '../server/services/telemetry/rollup';
import { ingestSink, loadDemoFleet, mqttSink, startSimulator } from '../server/services/telemetry/simulator-runner';
import { prismaRunner } from '../server/services/telemetry/sql-runner';

const args = process.argv.slice(2);
const direct = args.includes('--direct');
const once = args.includes('--once');
const daysArg = args.indexOf('--days');
const days = daysArg >= 0 ? Number(args[daysArg + 1]) : 7;
if (!Number.isInteger(days) || days < 0 || days > 30) throw new Error('--days takes a whole number from 0 to 30');

const target = resolveDbTarget();
const handle = await createDb(target);
const fleet = await loadDemoFleet(handle.db);
if (!fleet.length) {
  console.log('No demo terminals (serials TM-2409-…): run npm run db:setup (or db:seed) first.');
  await handle.close();
  process.exit(1);
}
let sink: ReturnType<typeof mqttSink>;
if (direct) {
  const sql = prismaRunner(handle.db, target.kind);
  sink = ingestSink({ sql, directory: new TerminalDirectory(sql), retentionDays: rawRetentionDays() });
} else {
  // the broker is the way in; the database is not needed any more (and PGlite must be left to its server)
  await handle.close();
  const url = process.env.MQTT_URL?.trim() || `mqtt://127.0.0.1:${process.env.MQTT_PORT ?? 1883}`;
  console.log(`Publishing for ${fleet.length} demo terminals to ${url.replace(/\/\/[^@]*@/, '//')}`);
  sink = mqttSink(url);
}
const started = performance.now();
const sim = startSimulator({ fleet, sink, backfillDays: days });
const sent = await sim.backfilled;
console.log(`History: ${sent} messages for ${fleet.length} terminals (${days} days) in ${Math.round(performance.now() - started)} ms.`);
if (once) {
  await sim.stop();
  if (direct) {
    const r = await runRollup(handle.db, { maxBatches: 100_000 });
    console.log(`Rolled up ${r.hours} machine-hours and ${r.spans} spans in ${r.ms} ms.`);
    await handle.close();
  }
  process.exit(0);
}
const loop = direct ? startRollupLoop(handle.db) : null;
console.log('Live: one message a minute per terminal. Ctrl-C to stop.');
const stop = async () => {
  await sim.stop();
  await loop?.stop();
  if (direct) await handle.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
