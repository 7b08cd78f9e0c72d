/**
 * The ingestion worker against a real Mosquitto (started by the test on its own port): shared subscription, QoS 1,
 * acknowledgement after commit, and the restart test — the worker killed mid-stream (SIGKILL, a child process, on
 * PostgreSQL; on PGlite, which one process owns, its connection cut without a word) and started again: every published
 * message is stored exactly once.
 */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { topicFor } from '../domain/telemetry-topics';
import { log } from '../log';
import { prismaRunner } from '../services/telemetry/sql-runner';
import { openTestDb, type TestDb, uniqueTag } from '../testing/db';
import { type Mosquitto, mosquittoBinary, startMosquitto } from '../testing/mosquitto';
import { createTelemetryWorld, type TelemetryWorld, type TestTerminal } from '../testing/telemetry';
import { type IngestWorker, startIngestWorker } from './worker';

let t: TestDb;
let w: TelemetryWorld;
let broker: Mosquitto | null;
const publishers: mqtt.MqttClient[] = [];
const workers: IngestWorker[] = [];

const payload = (seq: number) => JSON.stringify({ seq, ts: new Date(Date.now() - 1000).toISOString(), state: 'running', count: seq });
const stored = async (nums: number[]) => t.db.telemetrySample.count({ where: { terminal: { in: nums } } });
async function until(check: () => Promise<boolean>, ms: number, what: string) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
async function publisher() {
  const c = await mqtt.connectAsync(broker?.url as string, { clientId: `pub-${Math.random().toString(36).slice(2)}`, reconnectPeriod: 0 });
  publishers.push(c);
  return c;
}
/** A worker; `dead.value = true` makes its database calls hang for good, as if its process were gone. */
function worker(clientId: string, dead = { value: false }) {
  const real = prismaRunner(t.db, t.kind);
  const sql = { ...real, query: <T>(q: string, p: unknown[]) => (dead.value ? new Promise<T[]>(() => {}) : real.query<T>(q, p)) };
  const wk = startIngestWorker({ url: broker?.url as string, sql, log, clientId, maxDelayMs: 10 });
  workers.push(wk);
  return wk;
}
/** Publishes `count` messages per terminal, QoS 1, seq from `from`, in rounds of 50 per terminal spread over `ms`. */
async function stream(c: mqtt.MqttClient, terms: TestTerminal[], from: number, count: number, ms = 0) {
  const rounds = Math.ceil(count / 50);
  for (let r = 0; r < rounds; r++) {
    const seqs = Array.from({ length: Math.min(50, count - r * 50) }, (_, k) => from + r * 50 + k);
    await Promise.all(terms.flatMap((x) => seqs.map((seq) => c.publishAsync(topicFor(x.id), payload(seq), { qos: 1 }))));
    if (ms) await new Promise((res) => setTimeout(res, ms / rounds));
  }
}

beforeAll(async () => {
  broker = await startMosquitto();
  if (!broker) return;
  t = await openTestDb();
  w = await createTelemetryWorld(t.db, uniqueTag('worker'));
});
afterAll(async () => {
  for (const p of publishers) p.end(true);
  for (const wk of workers) await wk.stop().catch(() => {});
  await broker?.stop();
  await t?.close();
});

describe.runIf(process.env.CI || mosquittoBinary())('ingestion worker with Mosquitto', () => {
  it('stores every message once through the shared subscription, split between two workers; unknown terminals refused', async () => {
    const a = worker('rp-ingest-test-a');
    const b = worker('rp-ingest-test-b');
    await Promise.all([a.ready, b.ready]);
    const terms = w.terminals.slice(0, 3);
    const c = await publisher();
    await stream(c, terms, 1, 200);
    await c.publishAsync(topicFor('nosuchterminal'), payload(1), { qos: 1 });
    await stream(c, terms, 1, 20); // sent again: duplicates
    await until(async () => (await stored(terms.map((x) => x.num))) >= 600, 30_000, '600 samples');
    await until(async () => a.stats.acked + b.stats.acked >= 661, 10_000, 'all acknowledged');
    expect(await stored(terms.map((x) => x.num))).toBe(600);
    expect(a.stats.received).toBeGreaterThan(0);
    expect(b.stats.received).toBeGreaterThan(0);
    const health = await t.db.terminalHealth.findMany({ where: { terminalId: { in: terms.map((x) => x.id) } } });
    expect(health.map((h) => [Number(h.accepted), Number(h.duplicates)]).sort()).toEqual([
      [200, 20],
      [200, 20],
      [200, 20],
    ]);
    // removed for good: they leave the group, or the broker would keep queueing their share for them
    await a.stop({ leave: true });
    await b.stop({ leave: true });
  });

  it('worker restart: killed mid-stream and started again, every published message is stored exactly once', async () => {
    const terms = w.terminals.slice(3, 5);
    const nums = terms.map((x) => x.num);
    const total = 1500 * terms.length;
    const cfg = inject('testDb');
    const clientId = `rp-ingest-restart-${process.pid}`;
    let child: ChildProcess | null = null;
    const dead = { value: false };
    const startChild = async () => {
      if (cfg.kind !== 'postgres') {
        const wk = worker(clientId, dead);
        await wk.ready;
        return wk;
      }
      child = fork(path.join(process.cwd(), 'scripts/ingest.ts'), [], {
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, MQTT_URL: broker?.url, DATABASE_URL: cfg.url, WORKER_ID: `restart-${process.pid}`, LOG_LEVEL: 'error' },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      await new Promise<void>((resolve, reject) => {
        child?.once('message', () => resolve());
        child?.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
      });
      return null;
    };
    const kill = async (inProcess: IngestWorker | null) => {
      if (child) {
        const exited = new Promise((r) => child?.once('exit', r));
        child.kill('SIGKILL');
        await exited;
        child = null;
        return;
      }
      // PGlite (one process owns it): the worker's writes never happen any more and its connection is cut without
      // DISCONNECT — what it had not committed is neither stored nor acknowledged by it
      dead.value = true;
      await new Promise((r) => setTimeout(r, 300)); // messages go on arriving at it meanwhile
      inProcess?.client.stream.destroy();
      inProcess?.client.end(true);
    };
    const first = await startChild();
    const c = await publisher();
    const streaming = stream(c, terms, 1, 1500, 6000);
    await until(async () => (await stored(nums)) >= 400, 30_000, 'the first samples');
    await kill(first);
    const atKill = await stored(nums);
    expect(atKill).toBeLessThan(total);
    await new Promise((r) => setTimeout(r, 300)); // the stream goes on while no worker runs
    dead.value = false;
    const second =
      cfg.kind === 'postgres'
        ? await startChild()
        : await (async () => {
            const wk = worker(clientId);
            await wk.ready;
            return wk;
          })();
    await streaming;
    await until(async () => (await stored(nums)) >= total, 40_000, `${total} samples`).catch(async (e) => {
      console.log('DIAG', atKill, await stored(nums), first?.stats, second?.stats);
      throw e;
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await stored(nums)).toBe(total);
    const rows = await t.db.telemetrySample.groupBy({
      by: ['terminal'],
      where: { terminal: { in: nums } },
      _count: true,
      _min: { seq: true },
      _max: { seq: true },
    });
    for (const r of rows) expect([r._count, Number(r._min.seq), Number(r._max.seq)]).toEqual([1500, 1, 1500]);
    const health = await t.db.terminalHealth.findMany({ where: { terminalId: { in: terms.map((x) => x.id) } } });
    expect(health.map((h) => Number(h.accepted))).toEqual([1500, 1500]);
    if (child) {
      const exited = new Promise((r) => child?.once('exit', r));
      (child as ChildProcess).kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    await second?.stop();
  });
});
