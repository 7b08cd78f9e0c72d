import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { createTerminalRecord, insertSamples } from '../../../prisma/seed/telemetry';
import { callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { runRollup } from './rollup';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Two 12-hour shifts, every day: all time is planned, and "longer than a shift" is 12 hours. */
const allDay = {
  shifts: [
    { name: 'A', start: '00:00', end: '12:00', breaks: [] },
    { name: 'B', start: '12:00', end: '24:00', breaks: [] },
  ],
  workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
  nonWorkingDates: [],
  workingDates: [],
};

let t: TestDb;
let w: TenantWorld;
let sme: string;
let machines: { id: string; assetTag: string }[];

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('RD'), { machinesPerSme: 6 });
  sme = w.smes[0]?.id as string;
  const own = { integratorId: w.integrator.id, smeClientId: sme };
  await t.db.shiftCalendar.create({ data: { ...own, definition: allDay } });
  machines = await t.db.machine.findMany({
    where: { smeClientId: sme, status: { not: 'RETIRED' } },
    orderBy: { assetTag: 'asc' },
    select: { id: true, assetTag: true },
    take: 3,
  });
  const [live, silent, never] = machines as unknown as [{ id: string }, { id: string }, { id: string }];
  const now = Date.now();
  const a = await createTerminalRecord(t.db, { ...own, machineId: live.id, serial: `L-${sme}`, secret: 's' });
  const b = await createTerminalRecord(t.db, { ...own, machineId: silent.id, serial: `S-${sme}`, secret: 's' });
  const c = await createTerminalRecord(t.db, { ...own, machineId: never.id, serial: `N-${sme}`, secret: 's' });
  // running for the last 3 hours, a sample a minute
  await insertSamples(
    t.db,
    a.num,
    Array.from({ length: 180 }, (_, i) => ({ seq: i + 1, at: new Date(now - (180 - i) * MIN), state: 'running' as const, count: i })),
  );
  // silent: two hours of idling that ended 20 hours ago
  await insertSamples(
    t.db,
    b.num,
    Array.from({ length: 120 }, (_, i) => ({ seq: i + 1, at: new Date(now - 22 * HOUR + i * MIN), state: 'idle' as const })),
  );
  const health = (terminalId: string, at: Date | null, state: number | null) =>
    // the row was made with the terminal (a trigger): what it has heard is set here
    t.db.terminalHealth.update({ where: { terminalId }, data: { firstSeenAt: at, lastSeenAt: at, lastAt: at, lastState: state, accepted: at ? 1n : 0n } });
  await health(a.id, new Date(now - MIN), 1);
  await health(b.id, new Date(now - 20 * HOUR - MIN), 2);
  await health(c.id, null, null);
  await runRollup(t.db);
});
afterAll(() => t?.close());

describe(`telemetry reads (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('says running, offline (never stopped) and never reported; no terminal is its own status', async () => {
    const api = await callerAs(t.db, w.users.smeOwner.id);
    const [live, silent, never] = machines as unknown as [{ id: string }, { id: string }, { id: string }];
    expect((await api.telemetry.machineStatus({ machineId: live.id })).status).toBe('running');
    expect((await api.telemetry.machineStatus({ machineId: silent.id })).status).toBe('offline');
    expect((await api.telemetry.machineStatus({ machineId: never.id })).status).toBe('never');
    const other = await t.db.machine.findFirstOrThrow({ where: { smeClientId: sme, id: { notIn: machines.map((m) => m.id) } }, select: { id: true } });
    expect((await api.telemetry.machineStatus({ machineId: other.id })).status).toBe('noTerminal');
  });

  it('shows the plant floor: statuses counted, the silent machines listed, utilization with its coverage', async () => {
    const api = await callerAs(t.db, w.users.engineer.id);
    const floor = await api.telemetry.floor({ smeClientId: sme });
    expect(floor.counts).toMatchObject({ running: 1, offline: 1, never: 1 });
    expect(floor.connected).toBe(3);
    // silent for 20 hours (longer than a 12-hour shift); the terminal fitted just now that never reported is not yet
    expect(floor.silentAfterSeconds).toBe(12 * 3600);
    expect(floor.silent.map((s) => s.assetTag)).toEqual([machines[1]?.assetTag]);
    const tiles = [...floor.groups.flatMap((g) => g.lines.flatMap((l) => l.machines)), ...floor.unassigned];
    const live = tiles.find((m) => m.id === machines[0]?.id);
    expect(live?.week.utilization).toBe(1);
    // the silent machine idled, then reported nothing: its planned time since is unknown, so its coverage falls
    const silent = tiles.find((m) => m.id === machines[1]?.id);
    expect(silent?.week.utilization).toBe(0);
    expect(silent?.week.lowCoverage).toBe(true);
    expect(floor.defaultCalendar).toBe(false);
  });

  it('gives a day timeline whose spans cover the day up to now, unknown where nothing was heard', async () => {
    const api = await callerAs(t.db, w.users.admin.id);
    const tl = await api.telemetry.machineTimeline({ machineId: machines[0]?.id as string });
    expect(tl.strips).toHaveLength(2);
    const spans = tl.strips.flatMap((x) => x.spans);
    expect(spans.some((s) => s.state === 'running')).toBe(true);
    for (let i = 1; i < spans.length; i++) expect(spans[i]?.from.getTime()).toBe(spans[i - 1]?.to.getTime());
    const days = await api.telemetry.machineDays({ machineId: machines[0]?.id as string, days: 30 });
    expect(days.days).toHaveLength(30);
    expect(days.days.filter((d) => d.output > 0).length).toBeGreaterThan(0);
  });

  it('lists terminal health for staff by state, and refuses it to the SME owner and the county', async () => {
    const api = await callerAs(t.db, w.users.admin.id);
    const all = await api.telemetry.terminalHealth({ page: 1, pageSize: 50 });
    expect(all.counts).toMatchObject({ all: 3, reporting: 1, silent: 1, never: 1 });
    // the SMEs with a live terminal, for choosing one: only this SME of the world has terminals
    expect((await api.telemetry.connectedSmes()).map((x) => x.id)).toEqual([sme]);
    const silent = await api.telemetry.terminalHealth({ state: 'silent', page: 1, pageSize: 50 });
    expect(silent.rows.map((r) => r.machine?.id)).toEqual([machines[1]?.id]);
    // each state's page holds the terminals its count names; a filter by SME or by serial counts them the same way
    for (const state of ['reporting', 'silent', 'never'] as const) {
      const page = await api.telemetry.terminalHealth({ state, page: 1, pageSize: 50 });
      expect(page.total).toBe(1);
      expect(page.rows.map((r) => r.state)).toEqual([state]);
    }
    expect((await api.telemetry.terminalHealth({ smeClientId: sme, page: 1, pageSize: 50 })).counts).toEqual(all.counts);
    const bySerial = await api.telemetry.terminalHealth({ q: `s-${sme}`, page: 1, pageSize: 50 });
    expect([bySerial.counts.all, bySerial.counts.silent, bySerial.rows.map((r) => r.machine?.id)]).toEqual([1, 1, [machines[1]?.id]]);
    // the search also finds a terminal by its machine's asset tag
    const tag = (await t.db.machine.findUniqueOrThrow({ where: { id: machines[1]?.id as string }, select: { assetTag: true } })).assetTag;
    const byTag = await api.telemetry.terminalHealth({ q: tag, page: 1, pageSize: 50 });
    expect(byTag.rows.map((r) => r.machine?.id)).toContain(machines[1]?.id);
    expect(byTag.rows.every((r) => r.machine?.assetTag.includes(tag) || r.serial.toLowerCase().includes(tag.toLowerCase()))).toBe(true);
    // another tenant's SME, or none, answers NOT_FOUND (not an empty page)
    const other = await createTenantWorld(t.db, uniqueTag('RD-B'), { machinesPerSme: 1 });
    for (const smeClientId of [other.smes[0]?.id as string, 'cnosuchsme000000000000000'])
      expect(((await api.telemetry.terminalHealth({ smeClientId, page: 1, pageSize: 50 }).catch((e: unknown) => e)) as TRPCError).code).toBe('NOT_FOUND');
    // a revoked terminal leaves the counts and the pages at once
    const never = await t.db.terminal.findFirstOrThrow({ where: { machineId: machines[2]?.id, revokedAt: null } });
    await t.db.terminal.update({ where: { id: never.id }, data: { revokedAt: new Date() } });
    const after = await api.telemetry.terminalHealth({ page: 1, pageSize: 50 });
    expect([after.counts, after.rows.length]).toEqual([{ all: 2, reporting: 1, silent: 1, never: 0, problems: 0 }, 2]);
    await t.db.terminal.update({ where: { id: never.id }, data: { revokedAt: null } });
    for (const who of [w.users.smeOwner.id, w.users.official.id]) {
      const err = await (await callerAs(t.db, who)).telemetry.terminalHealth({ page: 1, pageSize: 5 }).catch((e: unknown) => e);
      expect((err as TRPCError).code).toBe('FORBIDDEN');
      const list = await (await callerAs(t.db, who)).telemetry.connectedSmes().catch((e: unknown) => e);
      expect((list as TRPCError).code).toBe('FORBIDDEN');
    }
    const county = await callerAs(t.db, w.users.official.id);
    const err = await county.telemetry.floor({ smeClientId: sme }).catch((e: unknown) => e);
    expect((err as TRPCError).code).toBe('NOT_FOUND');
  });
  it('lists the gateways the page’s state and search select: each as alive as the terminals it carries', async () => {
    const api = await callerAs(t.db, w.users.admin.id);
    const own = { integratorId: w.integrator.id, smeClientId: sme };
    const gwLive = await createTerminalRecord(t.db, { ...own, serial: `GWL-${sme}`, secret: 's' });
    const gwSilent = await createTerminalRecord(t.db, { ...own, serial: `GWS-${sme}`, secret: 's' });
    const gwEmpty = await createTerminalRecord(t.db, { ...own, serial: `GWE-${sme}`, secret: 's' });
    await t.db.terminal.update({ where: { integratorId_serial: { integratorId: w.integrator.id, serial: `L-${sme}` } }, data: { gatewayId: gwLive.id } });
    await t.db.terminal.update({ where: { integratorId_serial: { integratorId: w.integrator.id, serial: `S-${sme}` } }, data: { gatewayId: gwSilent.id } });
    try {
      const gateways = async (f: { state?: 'reporting' | 'silent' | 'never' | 'problems'; q?: string }) =>
        (await api.telemetry.terminalHealth({ ...f, page: 1, pageSize: 50 })).gateways.map((g) => g.serial);
      expect(await gateways({})).toEqual([`GWE-${sme}`, `GWL-${sme}`, `GWS-${sme}`]);
      expect(await gateways({ state: 'reporting' })).toEqual([`GWL-${sme}`]);
      expect(await gateways({ state: 'silent' })).toEqual([`GWS-${sme}`]);
      expect(await gateways({ state: 'never' })).toEqual([`GWE-${sme}`]);
      expect(await gateways({ state: 'problems' })).toEqual([]);
      // a search matches the gateway's own serial, or a terminal it carries
      expect(await gateways({ q: `gwe-${sme}` })).toEqual([`GWE-${sme}`]);
      expect(await gateways({ q: `S-${sme}` })).toEqual([`GWS-${sme}`]);
      expect(await gateways({ q: 'nothing-like-this' })).toEqual([]);
      expect(await gateways({ q: `S-${sme}`, state: 'reporting' })).toEqual([]);
      await t.db.terminalHealth.update({ where: { terminalId: gwEmpty.id }, data: { refused: 2n } });
      expect(await gateways({ state: 'problems' })).toEqual([`GWE-${sme}`]);
    } finally {
      await t.db.terminal.updateMany({ where: { gatewayId: { in: [gwLive.id, gwSilent.id] } }, data: { gatewayId: null } });
      await t.db.terminal.updateMany({ where: { id: { in: [gwLive.id, gwSilent.id, gwEmpty.id] } }, data: { revokedAt: new Date() } });
    }
  });
});
