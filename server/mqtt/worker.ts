/**
 * The ingestion worker (`npm run ingest`): a process of its own that reads the terminals' messages from the broker
 * named by MQTT_URL (Mosquitto, EMQX) and stores them (docs/decisions/0019-connected-machines.md).
 * - Shared subscription `$share/rp-ingest/rp/t/+/data`, QoS 1: several workers split the load.
 * - Persistent session (clean: false, a stable client id per worker, MQTT 5 session expiry): what arrives while the
 *   worker is down or restarting waits at the broker.
 * - A message is acknowledged only after its batch committed (deferred-acks.ts); a worker killed mid-stream loses
 *   nothing: the broker sends the unacknowledged messages again, and a message stored twice is stored once.
 * - The broker enforces who may publish where (Mosquitto's acl_file, EMQX's HTTP authorization calling the app), so
 *   messages are taken as from the topic's terminal (`trusted`); unknown, revoked or retired terminals are still refused.
 * - A write that fails (database down) is tried again until it succeeds: nothing is acknowledged meanwhile.
 * - SIGTERM: stop taking messages, write and acknowledge what was taken, then disconnect (the session stays, and the
 *   broker queues this worker's share until it is back: worker ids must be stable). A worker removed for good leaves
 *   (INGEST_LEAVE_ON_STOP=1): it unsubscribes first, so its share goes to the others, then ends its session.
 */
import os from 'node:os';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { SHARED_SUBSCRIPTION, terminalOfTopic } from '../domain/telemetry-topics';
import type { Logger } from '../log';
import type { IngestMessage, IngestOutcome } from '../services/telemetry/ingest';
import { createTelemetry, type Telemetry } from '../services/telemetry/runtime';
import type { SqlRunner } from '../services/telemetry/sql-runner';
import { deferAcks } from './deferred-acks';

export type WorkerOptions = {
  url: string;
  sql: SqlRunner;
  log: Logger;
  clientId?: string;
  username?: string;
  password?: string;
  protocolVersion?: 4 | 5;
  /** PostgreSQL URL to LISTEN for terminal changes */
  listenUrl?: string;
  maxBatch?: number;
  maxDelayMs?: number;
  maxQueued?: number;
  concurrency?: number;
};

export type WorkerStats = { received: number; stored: number; acked: number; batches: number; failures: number };

export type IngestWorker = {
  client: MqttClient;
  telemetry: Telemetry;
  stats: WorkerStats;
  ready: Promise<void>;
  /**
   * Stores and acknowledges what it took, then disconnects. The session stays at the broker (a restart: what arrives
   * meanwhile waits for this worker), unless `leave`: then the worker leaves the shared subscription first and ends its
   * session — for a worker that is removed for good, whose share the broker would otherwise keep queueing for it.
   */
  stop: (opts?: { leave?: boolean }) => Promise<void>;
};

/** The stable client id of this worker: WORKER_ID, else the host name (one session per worker at the broker). */
export function workerClientId(env: Record<string, string | undefined> = process.env): string {
  const id = (env.WORKER_ID?.trim() || os.hostname()).replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 40);
  return `rp-ingest-${id}`;
}

/** Retries a write until it succeeds (or the worker stops): a message is never acknowledged without being stored. */
function retrying(write: (b: IngestMessage[]) => Promise<IngestOutcome[]>, log: Logger, stats: WorkerStats, stopped: () => boolean) {
  return async (batch: IngestMessage[]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const started = performance.now();
        const out = await write(batch);
        stats.batches++;
        log.debug({ messages: batch.length, ms: Math.round(performance.now() - started) }, 'ingest worker: batch stored');
        return out;
      } catch (e) {
        stats.failures++;
        if (stopped()) throw e;
        const wait = Math.min(250 * 2 ** Math.min(attempt, 6), 10_000);
        log.error({ err: e, attempt, messages: batch.length, retryInMs: wait }, 'ingest worker: batch not stored; trying again (nothing acknowledged)');
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  };
}

export function startIngestWorker(opts: WorkerOptions): IngestWorker {
  const { log } = opts;
  const stats: WorkerStats = { received: 0, stored: 0, acked: 0, batches: 0, failures: 0 };
  let stopping = false;
  let hardStop = false;
  const maxQueued = opts.maxQueued ?? 10_000;
  const telemetry = createTelemetry(opts.sql, {
    log,
    ...(opts.listenUrl ? { listenUrl: opts.listenUrl } : {}),
    queue: { maxBatch: opts.maxBatch ?? 1000, maxDelayMs: opts.maxDelayMs ?? 20, maxQueued, concurrency: opts.concurrency ?? 2 },
    wrapIngest: (write) => retrying(write, log, stats, () => hardStop),
  });
  const protocolVersion = opts.protocolVersion ?? 5;
  const clientOpts: IClientOptions = {
    clientId: opts.clientId ?? workerClientId(),
    clean: false,
    protocolVersion,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    keepalive: 60,
    ...(opts.username ? { username: opts.username } : {}),
    ...(opts.password ? { password: opts.password } : {}),
    // MQTT 5: the session outlives a restart (a week); the broker sends at most as many unacknowledged messages as the
    // queue holds (its Receive Maximum is the back-pressure: nothing waits in memory beyond the queue's bound)
    ...(protocolVersion === 5 ? { properties: { sessionExpiryInterval: 7 * 24 * 3600, receiveMaximum: Math.min(65535, maxQueued) } } : {}),
  };
  const client = mqtt.connect(opts.url, clientOpts);
  const acks = deferAcks(client);
  let markReady: () => void = () => {};
  const ready = new Promise<void>((r) => {
    markReady = r;
  });

  client.on('connect', (connack) => {
    log.info({ sessionPresent: connack.sessionPresent, clientId: clientOpts.clientId }, 'ingest worker: connected');
    // subscribing again is harmless and covers a session the broker lost
    client.subscribe(SHARED_SUBSCRIPTION, { qos: 1 }, (err, granted) => {
      // no grant and no error: mqtt.js had already resubscribed it on this reconnect
      const g = granted?.[0]?.qos;
      if (err || (granted?.length && g !== 0 && g !== 1 && g !== 2)) log.error({ err, granted }, 'ingest worker: the broker refused the subscription');
      else markReady();
    });
  });
  client.on('error', (e) => log.warn({ err: e }, 'ingest worker: MQTT error'));
  client.on('offline', () => log.warn('ingest worker: broker unreachable; reconnecting'));

  client.on('message', (topic, payload, packet) => {
    if (stopping) return; // not acknowledged: the broker sends it again to this session or another worker
    stats.received++;
    const done = packet.qos > 0 && packet.messageId !== undefined ? acks.hold(packet.messageId) : null;
    const msg: IngestMessage = {
      publisher: { kind: 'trusted' },
      terminalId: terminalOfTopic(topic) ?? `topic:${topic.slice(0, 80)}`,
      payload,
      receivedAt: new Date(),
    };
    telemetry.queue.submit([msg]).then(
      () => {
        stats.stored++;
        if (done) {
          stats.acked++;
          done();
        }
      },
      // only when stopping hard: nothing acknowledged, the broker keeps it
      () => {},
    );
  });

  return {
    client,
    telemetry,
    stats,
    ready,
    stop: async (stopOpts = {}) => {
      if (stopOpts.leave && client.connected) await client.unsubscribeAsync(SHARED_SUBSCRIPTION).catch(() => {});
      stopping = true;
      const drained = telemetry.stop();
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000).unref());
      if ((await Promise.race([drained, timeout])) === 'timeout') {
        hardStop = true;
        log.error('ingest worker: could not store what it had taken within 15 s; leaving it unacknowledged at the broker');
      }
      const disconnect = stopOpts.leave && protocolVersion === 5 ? { properties: { sessionExpiryInterval: 0 } } : {};
      await new Promise<void>((r) => client.end(false, disconnect, () => r()));
      await opts.sql.close?.();
    },
  };
}
