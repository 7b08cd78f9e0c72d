/**
 * "A terminal was revoked, rotated or re-assigned": every process that caches terminals (the app with its embedded
 * broker and HTTPS route, each ingestion worker) must forget it at once.
 * - PostgreSQL: the use case that changes a terminal calls `notifyTerminalChanged` inside its transaction; PostgreSQL
 *   delivers the NOTIFY on `rp_terminal_changed` at commit to every process listening (`listenTerminalChanges`).
 * - PGlite has no cross-process notify (one process owns the folder anyway): after the commit, the use case calls
 *   `terminalChanged(ids)`, which tells the caches of this process at once; a short TTL bounds anything missed.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { TERMINAL_CHANGED_CHANNEL } from '../../domain/telemetry-topics';
import type { Logger } from '../../log';
import { processSlot } from '../../process-slot';

type Bus = EventEmitter & { __rp?: true };
const slot = processSlot<Bus>('__rpTerminalChanges');
// one bus per process, whichever bundle (instrumentation, route handler) loaded this module
const bus: Bus = slot.value ?? new EventEmitter();
bus.setMaxListeners(100);
slot.value = bus;

/** Tells this process's caches that these terminals changed (null: forget every terminal). */
export function terminalChanged(ids: string[] | null): void {
  bus.emit('changed', ids);
}

export function onTerminalChanged(listener: (ids: string[] | null) => void): () => void {
  bus.on('changed', listener);
  return () => bus.off('changed', listener);
}

/** Inside the transaction that revokes, rotates or re-assigns: every listening process hears it at commit. */
export async function notifyTerminalChanged(tx: { $executeRawUnsafe: (sql: string, ...values: unknown[]) => Promise<number> }, ids: string[]): Promise<void> {
  if (ids.length > 0) await tx.$executeRawUnsafe(`SELECT pg_notify('${TERMINAL_CHANGED_CHANNEL}', id) FROM unnest($1::text[]) AS id`, ids);
}

/**
 * LISTENs on PostgreSQL and passes every change to `terminalChanged`. The connection is kept: when it drops, it
 * reconnects, and since notifications may have been missed meanwhile, every cached terminal is forgotten.
 */
export function listenTerminalChanges(url: string, log: Logger): { stop: () => Promise<void>; ready: Promise<void> } {
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 500;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((r) => {
    markReady = r;
  });
  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url });
    client = c;
    let retried = false;
    const retry = () => {
      if (stopped || retried) return;
      retried = true;
      terminalChanged(null);
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 10_000);
    };
    c.on('notification', (n) => {
      if (n.channel === TERMINAL_CHANGED_CHANNEL && n.payload) terminalChanged([n.payload]);
    });
    c.on('error', (e) => log.warn({ err: e }, 'telemetry: terminal-change listener lost its connection'));
    c.on('end', retry);
    try {
      await c.connect();
      await c.query(`LISTEN ${TERMINAL_CHANGED_CHANNEL}`);
      delay = 500;
      markReady();
    } catch (e) {
      log.warn({ err: e }, 'telemetry: terminal-change listener could not connect; retrying');
      await c.end().catch(() => {});
      retry();
    }
  };
  void connect();
  return {
    ready,
    stop: async () => {
      stopped = true;
      await client?.end().catch(() => {});
    },
  };
}
