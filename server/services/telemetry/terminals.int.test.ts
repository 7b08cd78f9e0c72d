/**
 * Registering terminals and gateways through the procedures: the secret once, only its hash stored; retired machines
 * refused; one live terminal per machine (replacing revokes the old one); rotation and revocation take effect at once
 * (a NOTIFY on rp_terminal_changed, delivered on commit); gateways of the same SME only; who may read and change what.
 */
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { TRPCError } from '@trpc/server';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTenantWorld, seedTerminal, type TenantWorld } from '../../../prisma/seed/factories';
import { transactionOptions } from '../../db/client';
import { PrismaClient } from '../../db/generated/client';
import type { AppError } from '../../domain/errors/app-error';
import { TERMINAL_CHANGED_CHANNEL, topicFor } from '../../domain/telemetry-topics';
import { errorMessage } from '../../i18n/messages';
import { type Caller, callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { hashTerminalSecret, terminalSecretMatches } from './secret';

let t: TestDb;
let w: TenantWorld;
let engineer: Caller;
let admin: Caller;
let owner: Caller;
let official: Caller;
let machines: { id: string; assetTag: string; smeClientId: string }[];
let otherSmeMachine: { id: string; assetTag: string };
/** Payloads NOTIFY delivered on the terminal channel, in order. */
const notified: string[] = [];
let stopListening: () => Promise<void> = async () => {};

/** The test database, with a listener on the terminal channel (PGlite: on the same instance; PostgreSQL: a session of its own). */
async function openListening(): Promise<TestDb> {
  const cfg = inject('testDb');
  if (cfg.kind === 'pglite') {
    const lite = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(cfg.template)]) });
    const unlisten = await lite.listen(TERMINAL_CHANGED_CHANNEL, (payload) => notified.push(payload));
    stopListening = unlisten;
    const db = new PrismaClient({ adapter: new PrismaPGlite(lite), transactionOptions });
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await db.$disconnect();
        await lite.close();
      },
    };
  }
  const listener = new pg.Client({ connectionString: cfg.url });
  await listener.connect();
  listener.on('notification', (n) => notified.push(n.payload ?? ''));
  await listener.query(`LISTEN ${TERMINAL_CHANGED_CHANNEL}`);
  stopListening = () => listener.end();
  return openTestDb();
}

/** NOTIFY arrives asynchronously after the commit: wait a little for it. */
async function notifiedWith(id: string) {
  for (let i = 0; i < 50 && !notified.includes(id); i++) await new Promise((r) => setTimeout(r, 20));
  return notified.includes(id);
}

async function codeOf(p: Promise<unknown>) {
  return p.then(
    () => 'OK',
    (e: unknown) => (e instanceof TRPCError ? `${e.code}:${(e.cause as { messageKey?: string } | undefined)?.messageKey ?? e.message}` : String(e)),
  );
}

beforeAll(async () => {
  t = await openListening();
  w = await createTenantWorld(t.db, uniqueTag('Trm'), { machinesPerSme: 8 });
  engineer = await callerAs(t.db, w.users.engineer.id);
  admin = await callerAs(t.db, w.users.admin.id);
  owner = await callerAs(t.db, w.users.smeOwner.id);
  official = await callerAs(t.db, w.users.official.id);
  const sme = w.smes[0]?.id as string;
  await t.db.machine.updateMany({ where: { smeClientId: sme }, data: { status: 'IN_SERVICE' } });
  machines = await t.db.machine.findMany({
    where: { smeClientId: sme },
    orderBy: { assetTag: 'asc' },
    select: { id: true, assetTag: true, smeClientId: true },
  });
  otherSmeMachine = await t.db.machine.findFirstOrThrow({
    where: { smeClientId: w.smes[1]?.id, status: { not: 'RETIRED' } },
    select: { id: true, assetTag: true },
  });
});
afterAll(async () => {
  await stopListening();
  await t.close();
});

const m = (i: number) => machines[i] as { id: string; assetTag: string };

describe(`terminals (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('registers a terminal to one machine: the secret comes back once and only its hash is kept', async () => {
    const r = await engineer.terminals.register({ machineId: m(0).id, serial: ' ＴＭ-0001 ' });
    expect(r.serial).toBe('TM-0001');
    expect(r.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.username).toBe(r.terminalId);
    expect(r.topic).toBe(topicFor(r.terminalId));
    const row = await t.db.terminal.findUniqueOrThrow({ where: { id: r.terminalId } });
    expect(row.secretHash).toBe(hashTerminalSecret(r.secret));
    expect(JSON.stringify(superjson.serialize(row))).not.toContain(r.secret);
    // no reader ever gets it again, nor the hash
    for (const c of [engineer, admin, owner]) {
      const text = superjson.stringify([
        await c.terminals.ofMachine({ machineId: m(0).id }),
        await c.terminals.ofSme({ smeClientId: m(0) && (machines[0]?.smeClientId as string), includeRevoked: true }),
      ]);
      expect(text).toContain('TM-0001');
      expect(text).not.toContain(r.secret);
      expect(text).not.toContain(row.secretHash);
    }
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: r.terminalId, action: 'terminal.register' } });
    expect(JSON.stringify(audit.data)).not.toContain(r.secret);
  });

  it('refuses a retired machine, a second live terminal without replacing, a serial already used', async () => {
    await t.db.machine.update({ where: { id: m(1).id }, data: { status: 'RETIRED' } });
    expect(await codeOf(engineer.terminals.register({ machineId: m(1).id, serial: 'TM-R' }))).toBe('PRECONDITION_FAILED:terminals.machineRetired');
    await t.db.machine.update({ where: { id: m(1).id }, data: { status: 'IN_SERVICE' } });
    expect(await codeOf(engineer.terminals.register({ machineId: m(0).id, serial: 'TM-0002' }))).toBe('CONFLICT:terminals.machineHasTerminal');
    expect(await codeOf(engineer.terminals.register({ machineId: m(1).id, serial: 'TM-0001' }))).toBe('CONFLICT:terminals.serialTaken');
    expect(await codeOf(engineer.terminals.register({ machineId: m(1).id, serial: 'TM 0001' }))).toMatch(/^BAD_REQUEST/);
    // the message names the machine, in the user's language
    const zh = await callerAs(t.db, w.users.engineer.id, 'zh-CN');
    const err = (await zh.terminals.register({ machineId: m(1).id, serial: 'TM-0001' }).catch((e: TRPCError) => e)) as TRPCError;
    const text = errorMessage('zh-CN', err.message, (err.cause as AppError).params);
    expect(text).toBe(`序列号 TM-0001 已登记（设备 ${m(0).assetTag}）。`);
  });

  it('replacing revokes the old terminal in the same transaction, and says so at once', async () => {
    const old = await t.db.terminal.findFirstOrThrow({ where: { machineId: m(0).id, revokedAt: null } });
    const r = await engineer.terminals.register({ machineId: m(0).id, serial: 'TM-0002', replace: true });
    expect(r.replaced).toBe('TM-0001');
    const after = await t.db.terminal.findUniqueOrThrow({ where: { id: old.id } });
    expect(after.revokedAt).not.toBeNull();
    expect(await notifiedWith(old.id)).toBe(true);
    expect(await t.db.auditEvent.count({ where: { entityId: r.terminalId, action: 'terminal.replace' } })).toBe(1);
    // the revoked serial cannot be registered again: it names a device that was withdrawn
    expect(await codeOf(engineer.terminals.register({ machineId: m(2).id, serial: 'TM-0001' }))).toBe('CONFLICT:terminals.serialRevoked');
    const list = await engineer.terminals.ofMachine({ machineId: m(0).id });
    expect(list.live?.serial).toBe('TM-0002');
    expect(list.history.map((h) => [h.serial, h.status])).toEqual([['TM-0001', 'revoked']]);
  });

  it('rotating gives a new secret once; the old one stops matching; brokers are told', async () => {
    const live = await t.db.terminal.findFirstOrThrow({ where: { machineId: m(0).id, revokedAt: null } });
    notified.length = 0;
    const r = await admin.terminals.rotate({ id: live.id, secretSetAt: live.secretSetAt });
    const row = await t.db.terminal.findUniqueOrThrow({ where: { id: live.id } });
    expect(terminalSecretMatches(row.secretHash, r.secret)).toBe(true);
    expect(row.secretHash).not.toBe(live.secretHash);
    expect(await notifiedWith(live.id)).toBe(true);
    expect(await t.db.auditEvent.count({ where: { entityId: live.id, action: 'terminal.rotate' } })).toBe(1);
  });

  it('ten rotations at once: exactly the secrets answered with success work, the others answer CONFLICT (changed meanwhile)', async () => {
    const { terminalId: id } = await engineer.terminals.register({ machineId: m(6).id, serial: 'TM-ROT-10' });
    const live = await t.db.terminal.findUniqueOrThrow({ where: { id } });
    const before = await t.db.auditEvent.count({ where: { entityId: live.id, action: 'terminal.rotate' } });
    // ten clicks on what one page showed: each names the credential it saw
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? admin : engineer).terminals.rotate({ id: live.id, secretSetAt: live.secretSetAt })),
    );
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.secret] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect([won.length, lost.length]).toEqual([1, 9]);
    for (const e of lost)
      expect(`${(e as TRPCError).code}:${((e as TRPCError).cause as AppError | undefined)?.messageKey}`).toBe('CONFLICT:terminals.concurrent');
    const row = await t.db.terminal.findUniqueOrThrow({ where: { id: live.id } });
    expect(won.map((s) => terminalSecretMatches(row.secretHash, s))).toEqual(won.map(() => true));
    // one audit entry per rotation that took effect
    expect(await t.db.auditEvent.count({ where: { entityId: live.id, action: 'terminal.rotate' } })).toBe(before + won.length);
    // naming a credential already replaced is CONFLICT too; naming the current one rotates
    expect(await codeOf(admin.terminals.rotate({ id: live.id, secretSetAt: live.secretSetAt }))).toBe('CONFLICT:terminals.concurrent');
    const now = await t.db.terminal.findUniqueOrThrow({ where: { id } });
    expect(await codeOf(admin.terminals.rotate({ id: live.id, secretSetAt: now.secretSetAt }))).toBe('OK');
  });

  it('revoking takes effect at once: NOTIFY on commit, nothing can be done to it afterwards', async () => {
    const r = await engineer.terminals.register({ machineId: m(3).id, serial: 'TM-0003' });
    notified.length = 0;
    await engineer.terminals.revoke({ id: r.terminalId });
    expect(await notifiedWith(r.terminalId)).toBe(true);
    expect((await t.db.terminal.findUniqueOrThrow({ where: { id: r.terminalId } })).revokedAt).not.toBeNull();
    // its health row leaves the counts at once (kept in step by a trigger)
    expect((await t.db.terminalHealth.findUniqueOrThrow({ where: { terminalId: r.terminalId } })).live).toBe(false);
    expect(await codeOf(engineer.terminals.rotate({ id: r.terminalId, secretSetAt: new Date() }))).toBe('PRECONDITION_FAILED:terminals.revoked');
    expect(await codeOf(engineer.terminals.revoke({ id: r.terminalId }))).toBe('PRECONDITION_FAILED:terminals.revoked');
    // a refused revocation notifies nobody
    notified.length = 0;
    await codeOf(engineer.terminals.revoke({ id: r.terminalId }));
    await new Promise((res) => setTimeout(res, 100));
    expect(notified).toEqual([]);
    // the machine can take a new terminal
    await engineer.terminals.register({ machineId: m(3).id, serial: 'TM-0004' });
  });

  it('gateways: registered for an SME, carry terminals of that SME only, release them when revoked', async () => {
    const g = await engineer.terminals.registerGateway({ smeClientId: w.smes[0]?.id as string, serial: 'GW-01' });
    expect(g.kind).toBe('GATEWAY');
    expect(g.secret).toHaveLength(43);
    const other = await engineer.terminals.registerGateway({ smeClientId: w.smes[1]?.id as string, serial: 'GW-02' });
    const term = await t.db.terminal.findFirstOrThrow({ where: { machineId: m(0).id, revokedAt: null } });
    notified.length = 0;
    expect((await engineer.terminals.assignGateway({ terminalId: term.id, gatewayId: g.terminalId })).changed).toBe(true);
    expect(await notifiedWith(term.id)).toBe(true);
    expect(await codeOf(engineer.terminals.assignGateway({ terminalId: term.id, gatewayId: other.terminalId }))).toBe(
      'PRECONDITION_FAILED:terminals.gatewayOtherSme',
    );
    expect(await codeOf(engineer.terminals.assignGateway({ terminalId: g.terminalId, gatewayId: g.terminalId }))).toBe('BAD_REQUEST:terminals.notATerminal');
    expect(await codeOf(engineer.terminals.register({ machineId: otherSmeMachine.id, serial: 'TM-X', gatewayId: g.terminalId }))).toBe(
      'PRECONDITION_FAILED:terminals.gatewayOtherSme',
    );
    expect(await codeOf(engineer.terminals.register({ machineId: m(4).id, serial: 'GW-01' }))).toBe('CONFLICT:terminals.serialIsGateway');
    const sme = await engineer.terminals.ofSme({ smeClientId: w.smes[0]?.id as string });
    expect(sme.gateways.map((x) => x.serial)).toEqual(['GW-01']);
    expect(sme.terminals.find((x) => x.id === term.id)?.gatewaySerial).toBe('GW-01');
    notified.length = 0;
    const revoked = await engineer.terminals.revoke({ id: g.terminalId });
    expect(revoked.released).toBe(1);
    expect((await t.db.terminal.findUniqueOrThrow({ where: { id: term.id } })).gatewayId).toBeNull();
    expect(await notifiedWith(g.terminalId)).toBe(true);
    expect(await notifiedWith(term.id)).toBe(true);
    expect(await codeOf(engineer.terminals.assignGateway({ terminalId: term.id, gatewayId: g.terminalId }))).toBe(
      'PRECONDITION_FAILED:terminals.gatewayRevoked',
    );
  });

  it('health: never reported, reporting, silent — with the counts staff need; the owner sees serial, machine and last seen only', async () => {
    const live = await t.db.terminal.findFirstOrThrow({ where: { machineId: m(0).id, revokedAt: null } });
    const seen = new Date(Date.now() - 60 * 60_000);
    // the terminal's health row was made with it (a trigger), empty: a terminal that never reported
    expect(await t.db.terminalHealth.findUnique({ where: { terminalId: live.id } })).toMatchObject({ live: true, lastSeenAt: null, accepted: 0n });
    await t.db.terminalHealth.update({
      where: { terminalId: live.id },
      data: {
        firstSeenAt: seen,
        lastSeenAt: seen,
        refused: 3n,
        malformed: 2n,
        lastProblem: 'topic',
      },
    });
    const sme = await engineer.terminals.ofSme({ smeClientId: w.smes[0]?.id as string });
    const row = sme.terminals.find((x) => x.id === live.id);
    expect(row?.status).toBe('silent');
    expect(row?.staff).toMatchObject({ refused: 3n, malformed: 2n, lastProblem: 'topic' });
    expect(sme.counts.silent).toBe(1);
    expect(sme.counts.never).toBeGreaterThanOrEqual(1);
    const mine = await owner.terminals.ofSme({ smeClientId: w.smes[0]?.id as string });
    const ownRow = mine.terminals.find((x) => x.id === live.id);
    expect(ownRow).toMatchObject({ serial: 'TM-0002', assetTag: m(0).assetTag, status: 'silent', staff: null });
    expect(ownRow?.lastSeenAt?.getTime()).toBe(seen.getTime());
    // the owner changes nothing; the county sees nothing
    // one call at a time: a refusal must not reject before its handler is attached
    for (const call of [
      () => owner.terminals.register({ machineId: m(5).id, serial: 'TM-OWN' }),
      () => owner.terminals.rotate({ id: live.id, secretSetAt: live.secretSetAt }),
      () => owner.terminals.revoke({ id: live.id }),
      () => owner.terminals.registerGateway({ smeClientId: w.smes[0]?.id as string, serial: 'GW-OWN' }),
      () => official.terminals.ofSme({ smeClientId: w.smes[0]?.id as string }),
      () => official.terminals.ofMachine({ machineId: m(0).id }),
    ])
      expect(await codeOf(call())).toMatch(/^FORBIDDEN/);
    // the owner's own SME only
    expect(await codeOf(owner.terminals.ofSme({ smeClientId: w.smes[1]?.id as string }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(owner.terminals.ofMachine({ machineId: otherSmeMachine.id }))).toMatch(/^NOT_FOUND/);
  });

  it('seedTerminal keeps the live terminal a machine already has', async () => {
    const live = await t.db.terminal.findFirstOrThrow({ where: { machineId: m(3).id, revokedAt: null } });
    const again = await seedTerminal(t.db, { machineId: m(3).id, serial: 'SEED-1' });
    expect(again).toEqual({ id: live.id, secret: null, created: false });
    expect((await t.db.terminalHealth.findUniqueOrThrow({ where: { terminalId: live.id } })).firstSeenAt).not.toBeNull();
  });
});
