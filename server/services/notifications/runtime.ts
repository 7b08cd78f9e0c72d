/**
 * The delivery job in a server process: started once (instrumentation.ts), it runs the outbox every
 * `NOTIFY_INTERVAL_SECONDS` (default 30) for retries, and right after a mutation has committed (`kickNotifications`,
 * called by the tRPC layer) so that a notice goes out within a second or two. Runs never overlap; each is bounded
 * (deliver.ts `BATCH`), and a full batch schedules the next at once. Until the job is started (tests, scripts) a kick
 * does nothing.
 */
import type { PrismaClient } from '../../db/generated/client';
import { log } from '../../log';
import { processSlot } from '../../process-slot';
import { BATCH, deliverPending } from './deliver';

type Runner = { kick: () => void; stop: () => void };
const slot = processSlot<Runner>('__rpNotifications');

export function startNotificationDelivery(getDb: () => Promise<PrismaClient>, intervalMs = Number(process.env.NOTIFY_INTERVAL_SECONDS ?? 30) * 1000): Runner {
  if (slot.value) return slot.value;
  let running = false;
  let again = false;
  let soon: NodeJS.Timeout | undefined;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const r = await deliverPending(await getDb());
        if (r.events >= BATCH) again = true;
      } while (again);
    } catch (err) {
      log.error({ err }, 'notification delivery run failed');
    } finally {
      running = false;
    }
  };
  const every = setInterval(() => void run(), Math.max(intervalMs, 1000));
  every.unref();
  const runner: Runner = {
    kick() {
      if (soon) return;
      soon = setTimeout(() => {
        soon = undefined;
        void run();
      }, 250);
      soon.unref();
    },
    stop() {
      clearInterval(every);
      if (soon) clearTimeout(soon);
      slot.value = undefined;
    },
  };
  slot.value = runner;
  return runner;
}

/** After a change has committed: deliver what it left in the outbox soon. A no-op where the job is not running. */
export function kickNotifications(): void {
  slot.value?.kick();
}
