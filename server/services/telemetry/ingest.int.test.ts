import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { createTelemetryWorld, createTestTerminal, type TelemetryWorld } from '../../testing/telemetry';
import { TerminalDirectory } from './directory';
import { type IngestContext, type IngestMessage, ingestBatch, rawRetentionDays } from './ingest';
import { prismaRunner } from './sql-runner';

let t: TestDb;
let w: TelemetryWorld;
let other: TelemetryWorld;
let ctx: IngestContext;
const now = () => new Date();
const enc = (o: unknown) => Buffer.from(JSON.stringify(o));
const body = (seq: number, ageMs = 0, extra: Record<string, unknown> = {}) =>
  enc({ seq, ts: new Date(Date.now() - ageMs).toISOString(), state: 'running', ...extra });
const asTerminal = (id: string, payload: Buffer, terminalId = id): IngestMessage => ({
  publisher: { kind: 'terminal', id },
  terminalId,
  payload,
  receivedAt: now(),
});

/** A terminal's health row as it was made with the terminal: nothing heard, nothing counted. */
const untouched = { firstSeenAt: null, lastSeenAt: null, lastAt: null, accepted: 0n, duplicates: 0n, refused: 0n, malformed: 0n };
async function health(id: string) {
  return t.db.terminalHealth.findUnique({ where: { terminalId: id } });
}
async function stored(num: number) {
  return t.db.telemetrySample.findMany({ where: { terminal: num }, orderBy: { seq: 'asc' }, select: { seq: true, at: true, state: true } });
}

beforeAll(async () => {
  t = await openTestDb();
  w = await createTelemetryWorld(t.db, uniqueTag('ingest'));
  other = await createTelemetryWorld(t.db, uniqueTag('ingest-b'), { terminals: 1 });
  const sql = prismaRunner(t.db, t.kind);
  ctx = { sql, directory: new TerminalDirectory(sql), retentionDays: 90 };
});
afterAll(() => t?.close());

describe('ingestBatch', () => {
  it('stores a sample once, however often it arrives, and late and out-of-order samples in their place', async () => {
    const [a] = w.terminals as [TelemetryWorld['terminals'][0]];
    const first = await ingestBatch(ctx, [asTerminal(a.id, body(3, 60_000)), asTerminal(a.id, body(1, 180_000)), asTerminal(a.id, body(3, 60_000))]);
    expect(first.map((o) => o.result)).toEqual(['accepted', 'accepted', 'duplicate']);
    const again = await ingestBatch(ctx, [asTerminal(a.id, body(3, 60_000)), asTerminal(a.id, body(2, 120_000)), asTerminal(a.id, body(4, 4 * 3600_000))]);
    expect(again.map((o) => o.result)).toEqual(['duplicate', 'accepted', 'accepted']);
    const rows = await stored(a.num);
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4]);
    const h = await health(a.id);
    expect(h).toMatchObject({ accepted: 4n, duplicates: 2n, refused: 0n, malformed: 0n });
    // the newest sample (seq 3, a minute old) stays "status now" although a four-hour-old one arrived after it
    expect(Math.abs((h?.lastAt?.getTime() ?? 0) - (Date.now() - 60_000))).toBeLessThan(5_000);
    expect(h?.firstSeenAt).toBeInstanceOf(Date);
  });

  it('refuses and counts a timestamp in the future or beyond retention; a malformed message does not stop the batch', async () => {
    const b = w.terminals[1] as TelemetryWorld['terminals'][0];
    const out = await ingestBatch(ctx, [
      asTerminal(b.id, body(10, -6 * 60_000)),
      asTerminal(b.id, body(11, 91 * 86_400_000)),
      asTerminal(b.id, Buffer.from('{"seq": 12, "ts":')),
      asTerminal(b.id, enc({ seq: 13, ts: new Date().toISOString(), state: 'flying' })),
      asTerminal(b.id, Buffer.alloc(5000, 32)),
      asTerminal(b.id, body(14, -4 * 60_000)),
      asTerminal(b.id, body(15, 89 * 86_400_000)),
    ]);
    expect(out.map((o) => o.result)).toEqual(['future', 'too_old', 'malformed', 'malformed', 'malformed', 'accepted', 'accepted']);
    expect(await health(b.id)).toMatchObject({ accepted: 2n, refused: 2n, malformed: 3n });
    expect((await stored(b.num)).map((r) => Number(r.seq))).toEqual([14, 15]);
  });

  it('a terminal reports only for itself, a gateway only for the terminals assigned to it; refusals count against the publisher', async () => {
    const [a, b, , d] = w.terminals as TelemetryWorld['terminals'];
    if (!a || !b || !d) throw new Error('world');
    const out = await ingestBatch(ctx, [
      asTerminal(a.id, body(100), b.id), // a for b
      { publisher: { kind: 'gateway', id: w.gateway.id }, terminalId: b.id, payload: body(100), receivedAt: now() }, // carried
      { publisher: { kind: 'gateway', id: w.gateway.id }, terminalId: d.id, payload: body(100), receivedAt: now() }, // not carried
      { publisher: { kind: 'gateway', id: w.gateway.id }, terminalId: 'nosuchterminal', payload: body(1), receivedAt: now() },
      asTerminal(w.gateway.id, body(1)), // a gateway credential as a terminal
      { publisher: { kind: 'terminal', id: 'nosuchterminal' }, terminalId: 'nosuchterminal', payload: body(1), receivedAt: now() },
    ]);
    expect(out.map((o) => o.result)).toEqual(['not_allowed', 'accepted', 'not_allowed', 'not_allowed', 'not_allowed', 'not_allowed']);
    expect((await stored(b.num)).some((r) => Number(r.seq) === 100)).toBe(true);
    expect(await stored(d.num)).toEqual([]);
    expect((await health(a.id))?.refused).toBe(1n);
    expect((await health(w.gateway.id))?.refused).toBe(3n);
    expect(await health(d.id)).toMatchObject(untouched);
  });

  it('cross-tenant: a terminal or gateway of one integrator naming another integrator’s terminal writes nothing of theirs', async () => {
    const theirs = other.terminals[0] as TelemetryWorld['terminals'][0];
    const a = w.terminals[0] as TelemetryWorld['terminals'][0];
    const out = await ingestBatch(ctx, [
      asTerminal(a.id, body(500), theirs.id),
      { publisher: { kind: 'gateway', id: w.gateway.id }, terminalId: theirs.id, payload: body(501), receivedAt: now() },
      { publisher: { kind: 'gateway', id: w.gateway.id }, terminalId: w.otherSmeTerminal.id, payload: body(502), receivedAt: now() },
    ]);
    expect(out.map((o) => o.result)).toEqual(['not_allowed', 'not_allowed', 'not_allowed']);
    expect(await stored(theirs.num)).toEqual([]);
    expect(await stored(w.otherSmeTerminal.num)).toEqual([]);
    expect(await health(theirs.id)).toMatchObject(untouched);
    expect(await health(w.otherSmeTerminal.id)).toMatchObject(untouched);
  });

  it('a refusal does not tell whether the terminal named is unknown, another integrator’s or only not assigned (no probing for ids)', async () => {
    const theirs = other.terminals[0] as TelemetryWorld['terminals'][0];
    const [a, , , d] = w.terminals as TelemetryWorld['terminals'];
    if (!a || !d) throw new Error('world');
    const viaGateway = (terminalId: string): IngestMessage => ({
      publisher: { kind: 'gateway', id: w.gateway.id },
      terminalId,
      payload: body(600),
      receivedAt: now(),
    });
    const unknownId = 'c'.repeat(25);
    const out = await ingestBatch(ctx, [
      viaGateway(unknownId),
      viaGateway(theirs.id),
      viaGateway(d.id),
      asTerminal(a.id, body(601), unknownId),
      asTerminal(a.id, body(602), theirs.id),
    ]);
    expect(out.map((o) => o.result)).toEqual(['not_allowed', 'not_allowed', 'not_allowed', 'not_allowed', 'not_allowed']);
    const ids = [unknownId, theirs.id, d.id];
    const words = out.map((o) => (o.detail ?? '').replace(new RegExp(ids.join('|'), 'g'), '<id>'));
    expect(new Set(words.slice(0, 3)).size).toBe(1);
    expect(new Set(words.slice(3)).size).toBe(1);
    expect(words[0]).toContain('unknown or not assigned');
    // what the gateway's own health row says is the same words
    expect((await health(w.gateway.id))?.lastProblem?.replace(new RegExp(ids.join('|'), 'g'), '<id>')).toBe(`not_allowed: ${words[2]}`);
  });

  it('revocation takes effect at once when the directory is told, and a retired machine’s terminal is refused', async () => {
    const [integratorId, smeClientId] = [w.integrator.id, (w.smes[0] as { id: string }).id];
    const [m1, m2] = w.spareMachines as [string, string];
    const r = await createTestTerminal(t.db, { integratorId, smeClientId, machineId: m1 });
    expect((await ingestBatch(ctx, [asTerminal(r.id, body(1))]))[0]?.result).toBe('accepted');
    await t.db.terminal.update({ where: { id: r.id }, data: { revokedAt: new Date() } });
    ctx.directory.invalidate([r.id]);
    expect((await ingestBatch(ctx, [asTerminal(r.id, body(2))]))[0]?.result).toBe('not_allowed');
    const g = await createTestTerminal(t.db, { integratorId, smeClientId, kind: 'GATEWAY' });
    const carried = await createTestTerminal(t.db, { integratorId, smeClientId, machineId: m2, gatewayId: g.id });
    expect(
      (await ingestBatch(ctx, [{ publisher: { kind: 'gateway', id: g.id }, terminalId: carried.id, payload: body(1), receivedAt: now() }]))[0]?.result,
    ).toBe('accepted');
    await t.db.terminal.update({ where: { id: g.id }, data: { revokedAt: new Date() } });
    ctx.directory.invalidate([g.id]);
    expect(
      (await ingestBatch(ctx, [{ publisher: { kind: 'gateway', id: g.id }, terminalId: carried.id, payload: body(2), receivedAt: now() }]))[0]?.result,
    ).toBe('not_allowed');
    await t.db.machine.update({ where: { id: m1 }, data: { status: 'RETIRED' } });
    await t.db.terminal.update({ where: { id: r.id }, data: { revokedAt: null } });
    ctx.directory.invalidate([r.id]);
    expect((await ingestBatch(ctx, [asTerminal(r.id, body(3))]))[0]?.result).toBe('not_allowed');
  });

  it('reads TELEMETRY_RAW_DAYS', () => {
    expect(rawRetentionDays({})).toBe(90);
    expect(rawRetentionDays({ TELEMETRY_RAW_DAYS: '30' })).toBe(30);
    expect(() => rawRetentionDays({ TELEMETRY_RAW_DAYS: 'ninety' })).toThrow(/TELEMETRY_RAW_DAYS/);
  });
});
