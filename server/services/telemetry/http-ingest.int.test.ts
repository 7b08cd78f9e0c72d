import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { log } from '../../log';
import { callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { createTelemetryWorld, createTestTerminal, type TelemetryWorld, type TestTerminal } from '../../testing/telemetry';
import { handleIngestRequest } from './http-ingest';
import { IngestQueue } from './queue';
import { RateLimiter } from './rate-limit';
import { createTelemetry, type Telemetry } from './runtime';
import { hashTerminalSecret, newTerminalSecret } from './secret';
import { prismaRunner } from './sql-runner';
import { terminalChanged } from './terminal-changes';

let t: TestDb;
let w: TelemetryWorld;
let other: TelemetryWorld;
let tel: Telemetry;
const limiter = () => new RateLimiter(1000, 1000);

const sample = (seq: number, ageMs = 0, extra: Record<string, unknown> = {}) => ({
  seq,
  ts: new Date(Date.now() - ageMs).toISOString(),
  state: 'idle',
  ...extra,
});
const bearer = (x: TestTerminal) => `Bearer ${x.id}.${x.secret}`;

/** A request whose body records whether anyone read it. */
function post(auth: string | null, body: unknown, opts: { raw?: string; declare?: boolean } = {}) {
  const bytes = Buffer.from(opts.raw ?? JSON.stringify(body));
  const state = { read: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        state.read = true;
        c.enqueue(new Uint8Array(bytes));
        c.close();
      },
    },
    new CountQueuingStrategy({ highWaterMark: 0 }),
  );
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) headers.authorization = auth;
  if (opts.declare) headers['content-length'] = String(bytes.byteLength);
  const req = new Request('http://localhost/api/terminals/ingest', { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
  return { req, state };
}
async function call(auth: string | null, body: unknown, opts: { raw?: string; declare?: boolean; tel?: Telemetry; limiter?: RateLimiter } = {}) {
  const { req, state } = post(auth, body, opts);
  const res = await handleIngestRequest(req, opts.tel ?? tel, opts.limiter ?? limiter(), log);
  return { res, status: res.status, json: (await res.json()) as Record<string, unknown>, bodyRead: state.read };
}
const results = (json: Record<string, unknown>) => (json.results as { result: string }[]).map((r) => r.result);
const seqs = async (num: number) =>
  (await t.db.telemetrySample.findMany({ where: { terminal: num }, select: { seq: true }, orderBy: { seq: 'asc' } })).map((r) => Number(r.seq));

beforeAll(async () => {
  t = await openTestDb();
  w = await createTelemetryWorld(t.db, uniqueTag('https'));
  other = await createTelemetryWorld(t.db, uniqueTag('https-b'), { terminals: 1 });
  tel = createTelemetry(prismaRunner(t.db, t.kind), { queue: { maxDelayMs: 2 } });
});
afterAll(async () => {
  await tel?.stop();
  await t?.close();
});

describe('POST /api/terminals/ingest', () => {
  it('checks the credential before reading the body: the same 401 for no header, an unknown id and a wrong secret', async () => {
    const a = w.terminals[0] as TestTerminal;
    for (const auth of [null, 'Basic abc', `Bearer nosuchterminal.${a.secret}`, `Bearer ${a.id}.wrong-secret`, `Bearer ${a.id}`]) {
      const r = await call(auth, [sample(1)]);
      expect(r.status).toBe(401);
      expect(r.json.error).toBe('unauthorized');
      expect(r.bodyRead).toBe(false);
    }
    expect(await seqs(a.num)).toEqual([]);
  });

  it('answers a result per message: duplicates stored once, late and out-of-order stored, future and too old refused and counted, malformed counted', async () => {
    const a = w.terminals[0] as TestTerminal;
    const r = await call(bearer(a), [
      sample(5, 1000),
      sample(3, 3 * 3600_000),
      sample(5, 1000),
      sample(6, -10 * 60_000),
      sample(7, 100 * 86_400_000),
      { seq: 8, ts: 'yesterday', state: 'idle' },
      'not an object',
      sample(9, 2000),
    ]);
    expect(r.status).toBe(200);
    expect(results(r.json)).toEqual(['accepted', 'accepted', 'duplicate', 'future', 'too_old', 'malformed', 'malformed', 'accepted']);
    expect(r.json.counts).toMatchObject({ accepted: 3, duplicate: 1, future: 1, too_old: 1, malformed: 2, not_allowed: 0 });
    const again = await call(bearer(a), [sample(5, 1000), sample(4, 2 * 3600_000)]);
    expect(results(again.json)).toEqual(['duplicate', 'accepted']);
    expect(await seqs(a.num)).toEqual([3, 4, 5, 9]);
    const h = await t.db.terminalHealth.findUniqueOrThrow({ where: { terminalId: a.id } });
    expect(h).toMatchObject({ accepted: 4n, duplicates: 2n, refused: 2n, malformed: 2n });
  });

  it('refuses what it cannot read as a whole: too large (413), not an array or not JSON (400)', async () => {
    const a = w.terminals[1] as TestTerminal;
    const big = `[${Array.from({ length: 1200 }, (_, i) => JSON.stringify(sample(i, 0, { extra: { note: 'x'.repeat(60), m: 'y'.repeat(60), k: 'z'.repeat(60), j: 'w'.repeat(60), i: 'v'.repeat(60), h: 'u'.repeat(60) } }))).join(',')}]`;
    expect(big.length).toBeGreaterThan(512 * 1024);
    expect((await call(bearer(a), null, { raw: big })).status).toBe(413);
    expect((await call(bearer(a), null, { raw: big, declare: true })).status).toBe(413);
    expect(
      (
        await call(
          bearer(a),
          Array.from({ length: 1001 }, (_, i) => sample(i)),
        )
      ).status,
    ).toBe(413);
    expect((await call(bearer(a), sample(1))).status).toBe(400);
    expect((await call(bearer(a), null, { raw: '[{"seq":' })).status).toBe(400);
    expect((await call(bearer(a), [])).status).toBe(400);
    expect(await seqs(a.num)).toEqual([]);
  });

  it('a gateway reports only for the terminals assigned to it; the others are refused and counted against the gateway', async () => {
    const [carried, , , notCarried] = w.terminals as TestTerminal[];
    const theirs = other.terminals[0] as TestTerminal;
    if (!carried || !notCarried) throw new Error('world');
    const r = await call(bearer(w.gateway), [
      { terminal: carried.id, ...sample(50) },
      { terminal: notCarried.id, ...sample(50) },
      { terminal: theirs.id, ...sample(50) },
      { terminal: w.otherSmeTerminal.id, ...sample(50) },
      sample(51), // names no terminal
    ]);
    expect(results(r.json)).toEqual(['accepted', 'not_allowed', 'not_allowed', 'not_allowed', 'malformed']);
    expect(await seqs(carried.num)).toContain(50);
    for (const x of [notCarried, theirs, w.otherSmeTerminal]) expect(await seqs(x.num)).toEqual([]);
    // its health row, made with the terminal, heard nothing
    expect(await t.db.terminalHealth.findUnique({ where: { terminalId: theirs.id } })).toMatchObject({ lastSeenAt: null, accepted: 0n, refused: 0n });
    expect(await t.db.terminalHealth.findUniqueOrThrow({ where: { terminalId: w.gateway.id } })).toMatchObject({ refused: 3n, malformed: 1n });
    // a terminal naming another terminal in its batch has its own id used: the field is unknown to a terminal's payload
    const own = await call(bearer(carried), [{ terminal: theirs.id, ...sample(52) }]);
    expect(results(own.json)).toEqual(['malformed']);
    expect(await seqs(theirs.num)).toEqual([]);
  });

  it('a revoked terminal is refused at once (the change reaches the cache), a rotated secret likewise', async () => {
    const x = w.terminals[4] as TestTerminal;
    expect((await call(bearer(x), [sample(1)])).status).toBe(200);
    await t.db.terminal.update({ where: { id: x.id }, data: { revokedAt: new Date() } });
    terminalChanged([x.id]);
    const r = await call(bearer(x), [sample(2)]);
    expect(r.status).toBe(401);
    expect(r.bodyRead).toBe(false);
    expect(await seqs(x.num)).toEqual([1]);
    const y = w.terminals[3] as TestTerminal;
    expect((await call(bearer(y), [sample(1)])).status).toBe(200);
    const secret = newTerminalSecret();
    await t.db.terminal.update({ where: { id: y.id }, data: { secretHash: hashTerminalSecret(secret) } });
    terminalChanged([y.id]);
    expect((await call(bearer(y), [sample(2)])).status).toBe(401);
    expect((await call(bearer({ ...y, secret }), [sample(3)])).status).toBe(200);
  });

  it('rotating or revoking through the app takes effect for the very next message, with nothing else said to the cache', async () => {
    const engineer = await callerAs(t.db, w.users.engineer.id);
    const z = await createTestTerminal(t.db, { integratorId: w.integrator.id, smeClientId: w.smes[0]?.id as string, machineId: w.spareMachines.at(-1) });
    expect((await call(bearer(z), [sample(1)])).status).toBe(200);
    const { secretSetAt } = await t.db.terminal.findUniqueOrThrow({ where: { id: z.id }, select: { secretSetAt: true } });
    const rotated = await engineer.terminals.rotate({ id: z.id, secretSetAt });
    expect((await call(bearer(z), [sample(2)])).status).toBe(401);
    expect((await call(bearer({ ...z, secret: rotated.secret }), [sample(3)])).status).toBe(200);
    await engineer.terminals.revoke({ id: z.id });
    expect((await call(bearer({ ...z, secret: rotated.secret }), [sample(4)])).status).toBe(401);
    expect(await seqs(z.num)).toEqual([1, 3]);
  });

  it('limits requests per terminal (429 with Retry-After)', async () => {
    const a = w.terminals[2] as TestTerminal;
    const tight = new RateLimiter(1, 2);
    expect((await call(bearer(a), [sample(1)], { limiter: tight })).status).toBe(200);
    expect((await call(bearer(a), [sample(2)], { limiter: tight })).status).toBe(200);
    const r = await call(bearer(a), [sample(3)], { limiter: tight });
    expect(r.status).toBe(429);
    expect(r.res.headers.get('retry-after')).toBe('1');
    expect(r.bodyRead).toBe(false);
  });

  it('answers 503 busy with Retry-After when the queue is full or the database fails, never 500', async () => {
    const a = w.terminals[2] as TestTerminal;
    const stuck = new IngestQueue(() => new Promise(() => {}), { maxQueued: 1000, maxDelayMs: 1 });
    void stuck.submit(
      Array.from({ length: 1000 }, () => ({ publisher: { kind: 'trusted' as const }, terminalId: 'x', payload: Buffer.from('{}'), receivedAt: new Date() })),
    );
    const full = await call(bearer(a), [sample(10)], { tel: { ...tel, queue: stuck } });
    expect(full.status).toBe(503);
    expect(full.res.headers.get('retry-after')).toBe('1');
    const failing = new IngestQueue(async () => {
      throw new Error('connection terminated');
    });
    const down = await call(bearer(a), [sample(11)], { tel: { ...tel, queue: failing } });
    expect(down.status).toBe(503);
    expect(down.json.error).toBe('busy');
    expect(await seqs(a.num)).not.toContain(10);
  });
});
