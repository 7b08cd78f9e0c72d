/**
 * A commissioned project with hour records for the measured-results, usage-evidence and watch tests: an all-day
 * calendar (every hour planned, so planned seconds are days × 86,400), the project's machines, its savings lines,
 * and one MachineHour row per machine and hour of the given spans, written directly (the roll-up job has its own tests).
 */

import { createProjectRecord, type TenantWorld } from '../../prisma/seed/factories';
import type { PrismaClient } from '../db/generated/client';
import { toJson } from '../db/tx';
import { addDays, shanghaiDate } from '../domain/time';

export const allDayCalendar = {
  shifts: [
    { name: 'A', start: '00:00', end: '12:00', breaks: [] },
    { name: 'B', start: '12:00', end: '24:00', breaks: [] },
  ],
  workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
  nonWorkingDates: [],
  workingDates: [],
};

/** One hour's figures: running seconds (of 3,600 planned), parts, Wh, good parts. */
export type HourShape = { runningS: number; parts: number; wh: number; good?: number; unknownS?: number };

export async function hourRows(
  db: PrismaClient,
  own: { integratorId: string; smeClientId: string },
  machineIds: readonly string[],
  fromDay: string,
  days: number,
  shape: HourShape,
) {
  const start = Date.parse(`${fromDay}T00:00:00+08:00`);
  const rows = [];
  for (const machineId of machineIds)
    for (let h = 0; h < days * 24; h++) {
      const unknown = shape.unknownS ?? 0;
      rows.push({
        ...own,
        machineId,
        hour: new Date(start + h * 3_600_000),
        plannedS: 3600,
        runningS: shape.runningS,
        idleS: 3600 - shape.runningS - unknown,
        stoppedS: 0,
        alarmS: 0,
        setupS: 0,
        unknownS: unknown,
        plannedRunningS: shape.runningS,
        plannedIdleS: 3600 - shape.runningS - unknown,
        plannedStoppedS: 0,
        plannedAlarmS: 0,
        plannedSetupS: 0,
        plannedUnknownS: unknown,
        parts: shape.parts,
        goodParts: shape.good ?? null,
        wh: BigInt(shape.wh),
        samples: 60,
      });
    }
  for (let i = 0; i < rows.length; i += 2000) await db.machineHour.createMany({ data: rows.slice(i, i + 2000) });
}

/**
 * A project of the world's first SME, commissioned `goLiveDaysAgo` days ago (Shanghai days), with `machines` machines
 * and the given savings lines; the SME's calendar is all day. Returns ids and the days that matter.
 */
export async function seedCommissionedProject(
  db: PrismaClient,
  w: TenantWorld,
  opts: { machines: number; goLiveDaysAgo: number; status?: 'COMMISSIONED' | 'VERIFIED'; savings?: Record<string, unknown>[]; smeIndex?: number },
) {
  const sme = w.smes[opts.smeIndex ?? 0]?.id as string;
  const own = { integratorId: w.integrator.id, smeClientId: sme };
  if (!(await db.shiftCalendar.findFirst({ where: { smeClientId: sme } }))) await db.shiftCalendar.create({ data: { ...own, definition: allDayCalendar } });
  const rec = await createProjectRecord(db, own);
  const machines = await db.machine.findMany({
    where: { smeClientId: sme, status: { not: 'RETIRED' } },
    orderBy: { assetTag: 'asc' },
    take: opts.machines,
    select: { id: true, assetTag: true },
  });
  await db.projectMachine.createMany({ data: machines.map((m) => ({ ...own, projectId: rec.projectId, machineId: m.id })) });
  const today = shanghaiDate(new Date());
  const goLive = addDays(today, -opts.goLiveDaysAgo);
  const at = new Date(Date.parse(`${goLive}T10:00:00+08:00`));
  const status = opts.status ?? 'COMMISSIONED';
  await db.project.update({ where: { id: rec.projectId }, data: { status } });
  await db.projectStatusChange.create({ data: { ...own, projectId: rec.projectId, from: 'IN_PROGRESS', to: 'COMMISSIONED', transition: 'commission', at } });
  if (status === 'VERIFIED')
    await db.projectStatusChange.create({
      data: { ...own, projectId: rec.projectId, from: 'COMMISSIONED', to: 'VERIFIED', transition: 'verify', at: new Date(at.getTime() + 86_400_000) },
    });
  for (const [i, s] of (opts.savings ?? []).entries())
    await db.savingsLine.create({
      data: { ...own, projectId: rec.projectId, kind: String(s.kind), params: toJson(s), monthlyFen: BigInt(String(s.monthlyFen ?? 0)), sortOrder: i },
    });
  return { ...rec, own, sme, machineIds: machines.map((m) => m.id), assetTags: machines.map((m) => m.assetTag), goLive, today };
}
