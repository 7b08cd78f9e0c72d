/**
 * Telemetry rows for tests, the demo and the bench: terminals fitted to machines, and raw samples written straight
 * into the store (what the ingestion path writes after validation). Not for production paths.
 */
import type { Prisma } from '../../server/db/generated/client';
import { type StateName, stateCodes } from '../../server/domain/telemetry/payload';
import { DEMO_FLEET, type DemoSme, demoGatewaySerial, demoTerminalSecret, demoTerminalSerial } from '../../server/services/telemetry/demo-terminals';
import { hashTerminalSecret } from '../../server/services/telemetry/secret';

type Db = Prisma.TransactionClient;

/** A terminal (or a gateway, without machineId) with a known secret; returns its id and num. */
export async function createTerminalRecord(
  db: Db,
  t: { integratorId: string; smeClientId: string; machineId?: string | null; serial: string; secret: string; gatewayId?: string | null },
) {
  return db.terminal.create({
    data: {
      integratorId: t.integratorId,
      smeClientId: t.smeClientId,
      kind: t.machineId ? 'TERMINAL' : 'GATEWAY',
      serial: t.serial,
      machineId: t.machineId ?? null,
      gatewayId: t.gatewayId ?? null,
      secretHash: hashTerminalSecret(t.secret),
    },
    select: { id: true, num: true },
  });
}

export type RawSample = {
  seq: bigint | number;
  at: Date;
  state: StateName;
  alarm?: string;
  count?: number;
  good?: number;
  wh?: bigint;
  receivedAt?: Date;
};

/** Writes raw samples of one terminal (a repeated seq is kept once, as ingestion does). */
export async function insertSamples(db: Db, terminal: number, samples: readonly RawSample[]) {
  if (!samples.length) return 0;
  return db.telemetrySample.createMany({
    data: samples.map((s) => ({
      terminal,
      seq: BigInt(s.seq),
      at: s.at,
      state: stateCodes[s.state],
      alarm: s.alarm ?? null,
      count: s.count === undefined ? null : BigInt(s.count),
      good: s.good === undefined ? null : BigInt(s.good),
      wh: s.wh ?? null,
      ...(s.receivedAt ? { receivedAt: s.receivedAt } : {}),
    })),
    skipDuplicates: true,
  });
}

/** Wanfeng's calendar in the demo: two 8-hour shifts on the half hour, Monday to Saturday, New Year's Day off. */
export const WANFENG_CALENDAR = {
  shifts: [
    { name: '早班', start: '07:30', end: '15:30', breaks: [{ start: '11:30', end: '12:00' }] },
    { name: '中班', start: '15:30', end: '23:30', breaks: [{ start: '19:30', end: '20:00' }] },
  ],
  workingWeekdays: [1, 2, 3, 4, 5, 6],
  nonWorkingDates: ['2027-01-01'],
  workingDates: [],
};

/**
 * The demo's connected machines: terminals on the first 24 machines in service of the first SME (six of them behind a
 * workshop gateway; the last one goes silent) plus one just fitted that has never reported, and on the first 12 of
 * the second SME (one sends a malformed message now and then). The first SME gets its own shift calendar; the second
 * uses the default. No samples: the simulator sends them (npm run dev, npm run simulate).
 */
export async function seedDemoTerminals(db: Db, a: { integratorId: string; calendarSmeId: string; defaultSmeId: string }) {
  let terminals = 0;
  const fitTerminals = async (smeClientId: string, code: DemoSme, count: number, gatewayFor: number) => {
    const machines = await db.machine.findMany({
      where: { smeClientId, status: { not: 'RETIRED' } },
      orderBy: { assetTag: 'asc' },
      take: count,
      select: { id: true, assetTag: true },
    });
    const gwSerial = demoGatewaySerial(code);
    const gateway = gatewayFor
      ? await createTerminalRecord(db, { integratorId: a.integratorId, smeClientId, serial: gwSerial, secret: demoTerminalSecret(gwSerial) })
      : null;
    for (const [i, m] of machines.entries()) {
      // what each terminal does in the demo (silent, never, faulty) is demo-terminals.ts's table, not its serial
      const serial = demoTerminalSerial(code, i);
      await createTerminalRecord(db, {
        integratorId: a.integratorId,
        smeClientId,
        machineId: m.id,
        serial,
        secret: demoTerminalSecret(serial),
        gatewayId: gateway && i < gatewayFor ? gateway.id : null,
      });
      terminals++;
    }
  };
  await fitTerminals(a.calendarSmeId, 'WF', DEMO_FLEET.WF, DEMO_FLEET.wfBehindGateway);
  await fitTerminals(a.defaultSmeId, 'BY', DEMO_FLEET.BY, 0);
  await db.shiftCalendar.create({ data: { integratorId: a.integratorId, smeClientId: a.calendarSmeId, definition: WANFENG_CALENDAR } });
  return terminals;
}
