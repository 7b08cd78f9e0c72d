import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { createTerminalRecord, insertSamples, type RawSample } from '../../../prisma/seed/telemetry';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { ROLLUP_LOCK_KEY, runRollup } from './rollup';

const HOUR = 3600_000;
const MIN = 60_000;
/** Planned all day, every day: every second of an hour is planned, so the figures below are plain. */
const allDay = {
  shifts: [{ name: 'D', start: '00:00', end: '24:00', breaks: [] }],
  workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
  nonWorkingDates: [],
  workingDates: [],
};

let t: TestDb;
let w: TenantWorld;
let machineA: string;
let machineB: string;
let termA: number;
let termB: number;
/** A whole hour five hours ago: closed, and far from the open one. */
let h0: Date;

const hourRow = (machineId: string, hour: Date) => t.db.machineHour.findUnique({ where: { machineId_hour: { machineId, hour } } });

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('RU'), { machinesPerSme: 2 });
  const sA = w.smes[0] as { id: string };
  const sB = w.smes[1] as { id: string };
  const own = { integratorId: w.integrator.id };
  machineA = (await t.db.machine.findFirstOrThrow({ where: { smeClientId: sA.id }, select: { id: true } })).id;
  machineB = (await t.db.machine.findFirstOrThrow({ where: { smeClientId: sB.id }, select: { id: true } })).id;
  await t.db.shiftCalendar.create({ data: { ...own, smeClientId: sA.id, definition: allDay } });
  termA = (await createTerminalRecord(t.db, { ...own, smeClientId: sA.id, machineId: machineA, serial: `A-${sA.id}`, secret: 's' })).num;
  termB = (await createTerminalRecord(t.db, { ...own, smeClientId: sB.id, machineId: machineB, serial: `B-${sB.id}`, secret: 's' })).num;
  h0 = new Date(Math.floor((Date.now() - 5 * HOUR) / HOUR) * HOUR);
  // machine A: running for the first half hour, then idle; a sample a minute; one part a minute
  const a: RawSample[] = Array.from({ length: 60 }, (_, i) => ({
    seq: 1000 + i,
    at: new Date(h0.getTime() + i * MIN),
    state: i < 30 ? 'running' : 'idle',
    count: 500 + i,
    wh: 1_000_000n + BigInt(i * 100),
  }));
  await insertSamples(t.db, termA, a);
  // machine B (default calendar): one sample, then silence
  await insertSamples(t.db, termB, [{ seq: 1, at: new Date(h0.getTime() + 10 * MIN), state: 'running', count: 7 }]);
});
afterAll(() => t?.close());

describe(`telemetry roll-up (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('computes each machine-hour from the raw samples, with the calendar, and its spans', async () => {
    const r = await runRollup(t.db);
    expect(r.busy).toBe(false);
    const row = await hourRow(machineA, h0);
    expect(row).toMatchObject({ plannedS: 3600, runningS: 1800, idleS: 1800, unknownS: 0, plannedRunningS: 1800, parts: 59, samples: 60 });
    expect(row?.wh).toBe(5900n);
    expect(row?.defaultCalendar).toBe(false);
    // the last sample (h0 + 59 min) holds its state 5 minutes, into the next hour; then unknown, never stopped
    const next = await hourRow(machineA, new Date(h0.getTime() + HOUR));
    expect(next).toMatchObject({ idleS: 240, unknownS: 3360, stoppedS: 0, plannedUnknownS: 3360 });
    const spans = await t.db.machineStateSpan.findMany({ where: { machineId: machineA }, orderBy: { from: 'asc' } });
    expect(spans.map((s) => [s.from.getTime() - h0.getTime(), s.to.getTime() - h0.getTime(), s.state])).toEqual([
      [0, 30 * MIN, 1],
      [30 * MIN, HOUR, 2],
      [HOUR, HOUR + 4 * MIN, 2],
    ]);
    const b = await hourRow(machineB, h0);
    expect(b).toMatchObject({ runningS: 300, stoppedS: 0, unknownS: 3300, defaultCalendar: true });
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = await t.db.machineHour.findMany({ where: { machineId: { in: [machineA, machineB] } }, orderBy: [{ machineId: 'asc' }, { hour: 'asc' }] });
    const spansBefore = await t.db.machineStateSpan.count({ where: { machineId: { in: [machineA, machineB] } } });
    await runRollup(t.db);
    const after = await t.db.machineHour.findMany({ where: { machineId: { in: [machineA, machineB] } }, orderBy: [{ machineId: 'asc' }, { hour: 'asc' }] });
    const strip = (rows: typeof before) => rows.map(({ computedAt: _c, ...r }) => r);
    expect(strip(after)).toEqual(strip(before));
    expect(await t.db.machineStateSpan.count({ where: { machineId: { in: [machineA, machineB] } } })).toBe(spansBefore);
  });

  it('recomputes the hours that late data lands in, and the hour of the next reading whose counter it changes', async () => {
    // an alarm that the terminal buffered and sends hours later, in the idle half of h0
    await insertSamples(t.db, termA, [{ seq: 5000, at: new Date(h0.getTime() + 45 * MIN + 30_000), state: 'alarm', alarm: 'E-301', count: 545 }]);
    await runRollup(t.db);
    const row = await hourRow(machineA, h0);
    expect(row).toMatchObject({ runningS: 1800, idleS: 1770, alarmS: 30, parts: 59 });
    expect(row?.alarms).toEqual({ 'E-301': 30 });
    const spans = await t.db.machineStateSpan.findMany({ where: { machineId: machineA, state: 4 } });
    expect(spans.map((s) => s.alarm)).toEqual(['E-301']);

    // B was silent after one reading; hours later its buffered readings arrive, and one more (late) in between
    const h2 = new Date(h0.getTime() + 2 * HOUR);
    await insertSamples(t.db, termB, [{ seq: 3, at: new Date(h2.getTime() + 5 * MIN), state: 'running', count: 20 }]);
    await runRollup(t.db);
    expect((await hourRow(machineB, h2))?.parts).toBe(13);
    // a reading at h0 + 1 h 30 arrives last: h0 + 1 h gets its parts, and h2's difference starts from it
    await insertSamples(t.db, termB, [{ seq: 2, at: new Date(h0.getTime() + HOUR + 30 * MIN), state: 'running', count: 15 }]);
    await runRollup(t.db);
    expect((await hourRow(machineB, new Date(h0.getTime() + HOUR)))?.parts).toBe(8);
    expect((await hourRow(machineB, h2))?.parts).toBe(5);
  });

  it('plans the stored hours again when the calendar changes: the same figures as computing them from scratch', async () => {
    const sA = (w.smes[0] as { id: string }).id;
    // a shift from minute 10 to minute 40 of h0 (Asia/Shanghai is UTC+8, so the minutes are the same)
    const hh = String((h0.getUTCHours() + 8) % 24).padStart(2, '0');
    const shortShift = { ...allDay, shifts: [{ name: 'S', start: `${hh}:10`, end: `${hh}:40`, breaks: [] }] };
    await t.db.shiftCalendar.update({
      where: { smeClientId_integratorId: { smeClientId: sA, integratorId: w.integrator.id } },
      data: { definition: shortShift },
    });
    await t.db.$executeRaw`UPDATE "SmeClient" SET "calendarChangedAt" = clock_timestamp() WHERE "id" = ${sA}`;
    // (no overlap re-read: the samples of the test before would have their hours computed again, already with the new calendar)
    const r = await runRollup(t.db, { replanBatch: 1, overlapMs: 0 });
    expect(r.replanned).toBeGreaterThanOrEqual(2);
    expect((await t.db.smeClient.findUniqueOrThrow({ where: { id: sA } })).calendarChangedAt).toBeNull();
    // minutes 10–30 running, 30–40 idle (the late alarm at 45:30 lies outside the shift)
    expect(await hourRow(machineA, h0)).toMatchObject({ plannedS: 1800, plannedRunningS: 1200, plannedIdleS: 600, plannedAlarmS: 0, plannedUnknownS: 0 });
    expect(await hourRow(machineA, new Date(h0.getTime() + HOUR))).toMatchObject({ plannedS: 0, plannedIdleS: 0, plannedUnknownS: 0, idleS: 240 });
    const strip = (rows: Awaited<ReturnType<typeof t.db.machineHour.findMany>>) => rows.map(({ computedAt: _c, ...x }) => x);
    const replanned = strip(await t.db.machineHour.findMany({ where: { machineId: machineA }, orderBy: { hour: 'asc' } }));
    // from scratch: every stored hour of A computed again from its raw samples with the calendar it has now
    for (const row of replanned) {
      await t.db.telemetryRollupPending.upsert({
        where: { terminal_hour: { terminal: termA, hour: row.hour } },
        create: { terminal: termA, hour: row.hour },
        update: { dirty: true, computedAt: null },
      });
    }
    await runRollup(t.db);
    expect(strip(await t.db.machineHour.findMany({ where: { machineId: machineA }, orderBy: { hour: 'asc' } }))).toEqual(replanned);
    // back to planned all day
    await t.db.shiftCalendar.update({ where: { smeClientId_integratorId: { smeClientId: sA, integratorId: w.integrator.id } }, data: { definition: allDay } });
    await t.db.$executeRaw`UPDATE "SmeClient" SET "calendarChangedAt" = clock_timestamp() WHERE "id" = ${sA}`;
    await runRollup(t.db);
    expect(await hourRow(machineA, h0)).toMatchObject({ plannedS: 3600, plannedRunningS: 1800, plannedIdleS: 1770, plannedAlarmS: 30 });
  });

  it('computes the open hour up to now, and keeps it queued until it closes', async () => {
    const open = new Date(Math.floor(Date.now() / HOUR) * HOUR);
    const at = new Date(Math.max(open.getTime(), Date.now() - 2 * MIN));
    await insertSamples(t.db, termA, [{ seq: 9000, at, state: 'running', count: 900 }]);
    await runRollup(t.db);
    const row = await hourRow(machineA, open);
    expect(row?.runningS).toBeGreaterThan(0);
    expect(row?.runningS).toBeLessThanOrEqual(Math.ceil((Date.now() - at.getTime()) / 1000));
    const queued = await t.db.telemetryRollupPending.findMany({ where: { terminal: termA, hour: open } });
    expect(queued).toHaveLength(1);
    expect(queued[0]?.dirty).toBe(false);
    // closed hours left the queue
    expect(await t.db.telemetryRollupPending.count({ where: { terminal: termA, hour: h0 } })).toBe(0);
  });

  it('purges raw samples older than the retention window, in chunks, and keeps the roll-ups', async () => {
    const old = new Date(Date.now() - 100 * 86_400_000);
    await insertSamples(
      t.db,
      termB,
      Array.from({ length: 25 }, (_, i) => ({ seq: 100 + i, at: new Date(old.getTime() + i * MIN), state: 'idle' as const, receivedAt: old })),
    );
    const r = await runRollup(t.db, { rawDays: 90, purgeChunk: 10 });
    expect(r.purged).toBeGreaterThanOrEqual(25);
    expect(await t.db.telemetrySample.count({ where: { terminal: termB, receivedAt: { lt: new Date(Date.now() - 90 * 86_400_000) } } })).toBe(0);
    expect(await t.db.telemetrySample.count({ where: { terminal: termA } })).toBe(62);
    expect(await hourRow(machineA, h0)).not.toBeNull();
  });

  it.skipIf(process.env.TEST_DB !== 'postgres')('lets one runner work at a time: a second one finds the lock taken', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    const holder = t.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK_KEY}::bigint)`;
      locked();
      await held;
    });
    await isLocked;
    const r = await runRollup(t.db);
    release();
    await holder;
    expect(r.busy).toBe(true);
    expect((await runRollup(t.db)).busy).toBe(false);
  });
});
