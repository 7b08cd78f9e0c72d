import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '../domain/telemetry-topics';
import { log } from '../log';
import { createTelemetry, type Telemetry } from '../services/telemetry/runtime';
import { prismaRunner } from '../services/telemetry/sql-runner';
import { terminalChanged } from '../services/telemetry/terminal-changes';
import { openTestDb, type TestDb, uniqueTag } from '../testing/db';
import { createTelemetryWorld, type TelemetryWorld, type TestTerminal } from '../testing/telemetry';
import { type EmbeddedBroker, MqttPortInUseError, startEmbeddedBroker } from './embedded-broker';

let t: TestDb;
let w: TelemetryWorld;
let tel: Telemetry;
let broker: EmbeddedBroker;
const clients: mqtt.MqttClient[] = [];

const payload = (seq: number, ageMs = 0) => JSON.stringify({ seq, ts: new Date(Date.now() - ageMs).toISOString(), state: 'running', count: seq });
async function connect(x: { id: string; secret: string }, opts: mqtt.IClientOptions = {}) {
  const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, {
    username: x.id,
    password: x.secret,
    clientId: `c-${x.id}`,
    reconnectPeriod: 0,
    ...opts,
  });
  clients.push(c);
  return c;
}
const seqs = async (num: number) =>
  (await t.db.telemetrySample.findMany({ where: { terminal: num }, select: { seq: true }, orderBy: { seq: 'asc' } })).map((r) => Number(r.seq));
const health = (id: string) => t.db.terminalHealth.findUnique({ where: { terminalId: id } });

beforeAll(async () => {
  t = await openTestDb();
  w = await createTelemetryWorld(t.db, uniqueTag('aedes'));
  tel = createTelemetry(prismaRunner(t.db, t.kind));
  broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', telemetry: tel, log });
});
afterAll(async () => {
  for (const c of clients) c.end(true);
  await broker?.close();
  await tel?.stop();
  await t?.close();
});

describe('embedded MQTT listener (aedes)', () => {
  it('acknowledges a QoS 1 message only once it is stored: every PUBACK finds its row', async () => {
    const a = w.terminals[0] as TestTerminal;
    const c = await connect(a);
    for (let seq = 1; seq <= 30; seq++) {
      await c.publishAsync(topicFor(a.id), payload(seq, (30 - seq) * 1000), { qos: 1 });
      expect(await seqs(a.num)).toContain(seq); // the acknowledgement came after the commit
    }
    await Promise.all([3, 7, 30].map((seq) => c.publishAsync(topicFor(a.id), payload(seq, (30 - seq) * 1000), { qos: 1 })));
    expect((await seqs(a.num)).length).toBe(30);
    expect(await health(a.id)).toMatchObject({ accepted: 30n, duplicates: 3n });
  });

  it('many connections at once are written together and nothing is lost', async () => {
    const conns = await Promise.all(w.terminals.slice(1, 4).map((x) => connect(x as TestTerminal)));
    await Promise.all(
      conns.map((c, i) => {
        const x = w.terminals[i + 1] as TestTerminal;
        return Promise.all(Array.from({ length: 100 }, (_, k) => c.publishAsync(topicFor(x.id), payload(1000 + k, 1000), { qos: 1 })));
      }),
    );
    for (const x of w.terminals.slice(1, 4)) expect((await seqs((x as TestTerminal).num)).filter((s) => s >= 1000).length).toBe(100);
  });

  it('refuses a wrong or unknown credential, and every subscription', async () => {
    const a = w.terminals[0] as TestTerminal;
    await expect(connect({ id: a.id, secret: 'wrong' })).rejects.toThrow();
    await expect(connect({ id: 'nosuchterminal', secret: a.secret })).rejects.toThrow();
    const c = await connect(a, { clientId: 'sub-test' });
    // SUBACK 0x80 (failure): mqtt.js reports it as an error
    await expect(c.subscribeAsync('rp/t/+/data', { qos: 1 })).rejects.toThrow(/Subscribe error/);
  });

  it('a terminal publishes only under its own topic, a gateway only for its terminals; refusals counted against the publisher, the connection stays', async () => {
    const [a, b, , d] = w.terminals as TestTerminal[];
    if (!a || !b || !d) throw new Error('world');
    const c = await connect(a, { clientId: 'own-topic-test' });
    await c.publishAsync(topicFor(b.id), payload(7), { qos: 1 });
    await c.publishAsync('rp/other/topic', payload(8), { qos: 1 });
    await c.publishAsync(topicFor(a.id), 'not json', { qos: 1 });
    expect(c.connected).toBe(true);
    expect(await seqs(b.num)).not.toContain(7);
    expect(await health(a.id)).toMatchObject({ refused: 2n, malformed: 1n });
    const g = await connect(w.gateway);
    await g.publishAsync(topicFor(b.id), payload(2000), { qos: 1 });
    await g.publishAsync(topicFor(d.id), payload(2000), { qos: 1 });
    expect(await seqs(b.num)).toContain(2000);
    expect(await seqs(d.num)).not.toContain(2000);
    expect((await health(w.gateway.id))?.refused).toBe(1n);
  });

  it('a revoked terminal is disconnected at once and cannot connect again', async () => {
    const e = w.terminals[4] as TestTerminal;
    const c = await connect(e);
    await c.publishAsync(topicFor(e.id), payload(1), { qos: 1 });
    const closed = new Promise<void>((r) => c.once('close', () => r()));
    await t.db.terminal.update({ where: { id: e.id }, data: { revokedAt: new Date() } });
    terminalChanged([e.id]);
    await closed;
    await expect(connect(e, { clientId: 'again' })).rejects.toThrow();
    expect(await seqs(e.num)).toEqual([1]);
  });

  it('names MQTT_PORT when the port is taken', async () => {
    await expect(startEmbeddedBroker({ port: broker.port, host: '127.0.0.1', telemetry: tel, log })).rejects.toThrow(MqttPortInUseError);
    await expect(startEmbeddedBroker({ port: broker.port, host: '127.0.0.1', telemetry: tel, log })).rejects.toThrow(/MQTT_PORT/);
  });
});
