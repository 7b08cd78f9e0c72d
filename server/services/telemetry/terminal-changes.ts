/**
 * "A terminal was revoked, rotated or re-assigned": every process that caches terminals (the app with its embedded
 * broker and HTTPS route, each ingestion worker) must forget it at once.
 * - The use case that changes a terminal runs in `changeTerminals` (terminal-credentials.ts): inside its transaction a
 *   NOTIFY on `rp_terminal_changed`, which PostgreSQL delivers at commit to every process listening
 *   (`listenTerminalChanges`); after the commit `terminalChanged(ids)`, which tells this process's caches at once
 *   (PGlite has no cross-process notify; one process owns its folder anyway). A short TTL bounds anything missed.
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
