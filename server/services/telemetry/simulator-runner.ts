/**
 * Runs the simulator (simulator.ts) for the demo fleet: the live stream from the start, so that a newcomer sees
 * machines running within a minute, and a backfill of the last days behind it, both through a sink — over MQTT to a broker with each terminal's (or its
 * gateway's) credentials, or straight into the ingestion path (ingestBatch) in the same process. Either way the
 * messages pass the same checks as a real terminal's.
 */
import mqtt, { type MqttClient } from 'mqtt';
import type { PrismaClient } from '../../db/generated/client';
import { resolveCalendar, type ShiftCalendar } from '../../domain/telemetry/calendar';
import { BATCH_MAX_MESSAGES } from '../../domain/telemetry/payload';
import { topicFor } from '../../domain/telemetry-topics';
import { type Logger, log as rootLog } from '../../log';
import { DEMO_SERIALS, type DemoRole, demoRoleOf, demoTerminalSecret } from './demo-terminals';
import { type IngestContext, ingestBatch } from './ingest';
import { payloadJson, profileFor, type SimProfile, simulateTerminal } from './simulator';

const HOUR_MS = 3600_000;

export type SimTerminal = {
  terminalId: string;
  serial: string;
  secret: string;
  /** the gateway that carries it, if any: it publishes through the gateway's connection */
  gateway: { id: string; secret: string } | null;
  calendar: ShiftCalendar;
  role: DemoRole;
  profile: SimProfile;
};

/** Where messages go: one call per terminal and window, the messages in time order (JSON text). */
export type SimSink = { send(t: SimTerminal, messages: string[]): Promise<void>; close?: () => Promise<void> };

/** The demo terminals (the serials demo-terminals.ts names), each with its SME's calendar and its demo-only secret. */
export async function loadDemoFleet(db: PrismaClient): Promise<SimTerminal[]> {
  const rows = await db.terminal.findMany({
    where: { serial: { in: [...DEMO_SERIALS] }, kind: 'TERMINAL', revokedAt: null },
    orderBy: { serial: 'asc' },
    select: {
      id: true,
      serial: true,
      gateway: { select: { id: true, serial: true, revokedAt: true } },
      machine: { select: { kind: true } },
      smeClient: { select: { calendar: { select: { definition: true } } } },
    },
  });
  return rows.map((r) => ({
    terminalId: r.id,
    serial: r.serial,
    secret: demoTerminalSecret(r.serial),
    gateway: r.gateway && !r.gateway.revokedAt ? { id: r.gateway.id, secret: demoTerminalSecret(r.gateway.serial) } : null,
    calendar: resolveCalendar(r.smeClient.calendar?.definition ?? null).calendar,
    role: demoRoleOf(r.serial),
    profile: profileFor(r.serial, { continuous: r.machine?.kind === 'HEAT_TREATMENT_FURNACE' }),
  }));
}

/** A faulty terminal's misspelt message once an hour (at :17), which ingestion counts as malformed. */
function faultyMessages(from: number, to: number): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  for (let h = Math.floor(from / HOUR_MS) * HOUR_MS + 17 * 60_000; h < to; h += HOUR_MS) {
    if (h >= from) out.push({ at: h, text: JSON.stringify({ seq: h + 1, ts: h + 1, state: 'running', cuont: 1 }) });
  }
  return out;
}

/** The messages of one terminal in [from, to): what its role in the demo makes it send. */
export function windowMessages(t: SimTerminal, from: number, to: number, silentAfter: Date | null): string[] {
  if (t.role === 'never' || to <= from) return [];
  const payloads = simulateTerminal(t.profile, t.calendar, new Date(from), new Date(to), { silentAfter: t.role === 'silent' ? silentAfter : null });
  if (t.role !== 'faulty') return payloads.map(payloadJson);
  return [...payloads.map((p) => ({ at: p.ts, text: payloadJson(p) })), ...faultyMessages(from, to)].sort((a, b) => a.at - b.at).map((m) => m.text);
}

export type SimulatorOptions = {
  fleet: SimTerminal[];
  sink: SimSink;
  /** days of history sent first (default 7; 0 for none) */
  backfillDays?: number;
  /** how often the live stream sends what accumulated (default 10 s; terminals still stamp one message a minute) */
  tickMs?: number;
  /** a pause between two windows of history, so that the app stays responsive while it lands (default none) */
  paceMs?: number;
  /** the silent terminal stops this long before the simulator started (default 26 h, or half a shorter history) */
  silentForMs?: number;
  now?: () => Date;
  log?: Logger;
};

/**
 * Starts the simulator: the live stream at once, every tickMs, and the backfill behind it (in 6-hour windows across
 * the whole fleet, newest first). `backfilled` resolves with the number of messages sent as history.
 */
/** How far back the live stream starts (terminals stamp one message a minute). */
const LIVE_LEAD_MS = 2 * 60_000;

export function startSimulator(opts: SimulatorOptions): { stop: () => Promise<void>; backfilled: Promise<number> } {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? rootLog;
  const started = now().getTime();
  // the silent terminal stops 26 h before the start, or halfway through a shorter history (still longer than a shift)
  const history = (opts.backfillDays ?? 7) * 24 * HOUR_MS;
  const silentAfter = new Date(started - (opts.silentForMs ?? (history > 0 ? Math.min(26 * HOUR_MS, history / 2) : 26 * HOUR_MS)));
  const tickMs = opts.tickMs ?? 10_000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  // the live stream starts at once, two minutes back (terminals stamp one message a minute): a newcomer sees machines
  // running within a minute of the start, while the history fills in behind it
  let cursor = started - LIVE_LEAD_MS;
  const sendWindow = async (from: number, to: number) => {
    let n = 0;
    for (const t of opts.fleet) {
      if (stopped) break;
      const messages = windowMessages(t, from, to, silentAfter);
      if (!messages.length) continue;
      await opts.sink.send(t, messages);
      n += messages.length;
    }
    return n;
  };
  let live: Promise<unknown> = Promise.resolve();
  const tick = () => {
    const to = now().getTime();
    const from = cursor;
    cursor = to;
    live = sendWindow(from, to)
      .catch((err: unknown) => log.warn({ err }, 'simulator: live window not sent'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, tickMs);
      });
  };
  tick();
  // history newest first (today's timeline fills first), in 6-hour windows, each after the live window in flight and
  // a pause, so that the app stays responsive while it lands (late data lands in its place; "status now" never rewinds)
  const backfilled = (async () => {
    const days = opts.backfillDays ?? 7;
    const oldest = started - days * 86_400_000;
    let n = 0;
    for (let to = started - LIVE_LEAD_MS; to > oldest && !stopped; to -= 6 * HOUR_MS) {
      await live;
      n += await sendWindow(Math.max(oldest, to - 6 * HOUR_MS), to);
      if (opts.paceMs) await new Promise((r) => setTimeout(r, opts.paceMs));
    }
    log.info({ messages: n, terminals: opts.fleet.length, days }, 'simulator: history sent');
    return n;
  })();
  void backfilled.catch((err: unknown) => log.error({ err }, 'simulator: history not sent'));
  return {
    backfilled,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await backfilled.catch(() => 0);
      await live;
      await opts.sink.close?.();
    },
  };
}

/** Straight into ingestion in this process (the dev server, tests, seeding the e2e database): batches of ≤ 1,000. */
export function ingestSink(ctx: IngestContext): SimSink {
  return {
    async send(t, messages) {
      const publisher = t.gateway ? { kind: 'gateway' as const, id: t.gateway.id } : { kind: 'terminal' as const, id: t.terminalId };
      for (let i = 0; i < messages.length; i += BATCH_MAX_MESSAGES) {
        const receivedAt = new Date();
        await ingestBatch(
          ctx,
          messages.slice(i, i + BATCH_MAX_MESSAGES).map((m) => ({ publisher, terminalId: t.terminalId, payload: Buffer.from(m, 'utf8'), receivedAt })),
        );
      }
    },
  };
}

/**
 * Over MQTT (QoS 1) to `url`: one connection per terminal or gateway, as plants wire them, with its id and secret;
 * each terminal's messages on its own topic. Publishes up to 200 messages at a time and waits for their PUBACKs.
 */
export function mqttSink(url: string, opts: { log?: Logger } = {}): SimSink {
  const clients = new Map<string, Promise<MqttClient>>();
  const connect = (id: string, secret: string) => {
    let c = clients.get(id);
    if (!c) {
      c = mqtt.connectAsync(url, { username: id, password: secret, clientId: `sim-${id}`, clean: true, reconnectPeriod: 2_000, connectTimeout: 10_000 });
      c.catch((err: unknown) => {
        clients.delete(id);
        (opts.log ?? rootLog).warn({ err, id }, 'simulator: could not connect to the broker');
      });
      clients.set(id, c);
    }
    return c;
  };
  return {
    async send(t, messages) {
      const via = t.gateway ?? { id: t.terminalId, secret: t.secret };
      const client = await connect(via.id, via.secret);
      const topic = topicFor(t.terminalId);
      for (let i = 0; i < messages.length; i += 200) {
        await Promise.all(messages.slice(i, i + 200).map((m) => client.publishAsync(topic, m, { qos: 1 })));
      }
    },
    async close() {
      const all = await Promise.allSettled([...clients.values()]);
      await Promise.all(all.map((r) => (r.status === 'fulfilled' ? r.value.endAsync() : undefined)));
      clients.clear();
    },
  };
}
