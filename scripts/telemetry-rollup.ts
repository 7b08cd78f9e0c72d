/**
 * npm run telemetry:rollup — one run of the telemetry roll-up and purge job (server/services/telemetry/rollup.ts):
 * queue what arrived, compute the machine-hours and state spans, purge raw samples older than TELEMETRY_RAW_DAYS
 * (default 90). Safe to schedule (cron, systemd timer) beside the ingest workers: one runner at a time.
 * With --loop it keeps running every minute (what the ingest worker and the dev server do themselves).
 */
import { createDb } from '../server/db/client';
import { resolveDbTarget } from '../server/db/target';
import { type RollupReport, runRollup, startRollupLoop } from '../server/services/telemetry/rollup';

const print = (r: RollupReport) =>
  console.log(
    r.busy
      ? 'Another roll-up is running; nothing done.'
      : `Queued ${r.queued} machine-hour(s), computed ${r.hours} hour(s) and ${r.spans} span(s), purged ${r.purged} raw sample(s) in ${r.ms} ms.`,
  );

const handle = await createDb(resolveDbTarget());
if (process.argv.includes('--loop')) {
  const loop = startRollupLoop(handle.db, { onRun: print });
  const stop = async () => {
    await loop.stop();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else {
  try {
    print(await runRollup(handle.db));
  } finally {
    await handle.close();
  }
  process.exit(0);
}
