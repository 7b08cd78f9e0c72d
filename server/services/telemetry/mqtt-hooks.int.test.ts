import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFor } from '../../domain/telemetry-topics';
import { log } from '../../log';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { createTelemetryWorld, type TelemetryWorld, type TestTerminal } from '../../testing/telemetry';
import { handleAclHook, handleAuthHook } from './mqtt-hooks';
import { createTelemetry, type Telemetry } from './runtime';
import { prismaRunner } from './sql-runner';

let t: TestDb;
let w: TelemetryWorld;
let tel: Telemetry;
const SECRET = 'hook-secret-for-tests';
const req = (body: unknown, secret: string | null = SECRET) =>
  new Request('http://localhost/api/mqtt/x', { method: 'POST', headers: secret ? { 'x-rp-hook-secret': secret } : {}, body: JSON.stringify(body) });
const result = async (res: Response) => ((await res.json()) as { result: string }).result;

beforeAll(async () => {
  process.env.MQTT_HOOK_SECRET = SECRET;
  t = await openTestDb();
  w = await createTelemetryWorld(t.db, uniqueTag('hooks'));
  tel = createTelemetry(prismaRunner(t.db, t.kind));
});
afterAll(async () => {
  delete process.env.MQTT_HOOK_SECRET;
  await tel?.stop();
  await t?.close();
});

describe('EMQX HTTP authentication and authorization hooks', () => {
  it('need the shared secret', async () => {
    const a = w.terminals[0] as TestTerminal;
    expect((await handleAuthHook(req({ username: a.id, password: a.secret }, null), tel, log)).status).toBe(403);
    expect((await handleAuthHook(req({ username: a.id, password: a.secret }, 'wrong'), tel, log)).status).toBe(403);
  });

  it('authenticate terminals and gateways by their secret; other usernames are left to the broker', async () => {
    const a = w.terminals[0] as TestTerminal;
    expect(await result(await handleAuthHook(req({ username: a.id, password: a.secret }), tel, log))).toBe('allow');
    expect(await result(await handleAuthHook(req({ username: w.gateway.id, password: w.gateway.secret }), tel, log))).toBe('allow');
    expect(await result(await handleAuthHook(req({ username: a.id, password: 'nope' }), tel, log))).toBe('deny');
    expect(await result(await handleAuthHook(req({ username: 'ingest-worker', password: 'x' }), tel, log))).toBe('ignore');
  });

  it('authorize a publish to its own topic (a gateway: its terminals’), refuse and count anything else', async () => {
    const [a, b, , d] = w.terminals as TestTerminal[];
    if (!a || !b || !d) throw new Error('world');
    const acl = async (username: string, topic: string, action = 'publish') => result(await handleAclHook(req({ username, topic, action }), tel, log));
    expect(await acl(a.id, topicFor(a.id))).toBe('allow');
    expect(await acl(a.id, topicFor(b.id))).toBe('deny');
    expect(await acl(a.id, 'rp/t/+/data', 'subscribe')).toBe('deny');
    expect(await acl(w.gateway.id, topicFor(b.id))).toBe('allow');
    expect(await acl(w.gateway.id, topicFor(d.id))).toBe('deny');
    expect(await acl('ingest-worker', '$share/rp-ingest/rp/t/+/data', 'subscribe')).toBe('ignore');
    expect((await t.db.terminalHealth.findUniqueOrThrow({ where: { terminalId: a.id } })).refused).toBe(1n);
    expect((await t.db.terminalHealth.findUniqueOrThrow({ where: { terminalId: w.gateway.id } })).refused).toBe(1n);
  });
});
