/**
 * The plant floor of one SME: every machine in service with its status now, grouped by workshop and line, its
 * utilization today and this week, and the machines silent for longer than a shift. Four reads whatever the number
 * of machines (machines with their terminal's health, the lines, and the machine-hour sums of the week and of today).
 */
import type { ScopedOrTx } from '../../db/tx';
import { AppError } from '../../domain/errors/app-error';
import { minutesOf, type ShiftCalendar } from '../../domain/telemetry/calendar';
import { emptyTotals, sumRecords, type Totals } from '../../domain/telemetry/rollup';
import { totalsOfRow } from './machine-hour-rows';
import {
  calendarOf,
  dayStart,
  lastHeard,
  type MachineLiveStatus,
  machineStatuses,
  plannedSeconds,
  shownFigures,
  statusOf,
  today,
  weekStartDay,
  withSilentTime,
} from './reads-common';

const sumFields = {
  plannedS: true,
  runningS: true,
  idleS: true,
  stoppedS: true,
  alarmS: true,
  setupS: true,
  unknownS: true,
  plannedRunningS: true,
  plannedIdleS: true,
  plannedStoppedS: true,
  plannedAlarmS: true,
  plannedSetupS: true,
  plannedUnknownS: true,
  parts: true,
  goodParts: true,
  wh: true,
  samples: true,
} as const;

type Sums = { [K in keyof typeof sumFields]: K extends 'goodParts' ? number | null : K extends 'wh' ? bigint | null : number | null };

function totalsOfSums(s: Sums | undefined): Totals {
  if (!s) return emptyTotals();
  const n = (v: number | null) => v ?? 0;
  return totalsOfRow({
    plannedS: n(s.plannedS),
    runningS: n(s.runningS),
    idleS: n(s.idleS),
    stoppedS: n(s.stoppedS),
    alarmS: n(s.alarmS),
    setupS: n(s.setupS),
    unknownS: n(s.unknownS),
    plannedRunningS: n(s.plannedRunningS),
    plannedIdleS: n(s.plannedIdleS),
    plannedStoppedS: n(s.plannedStoppedS),
    plannedAlarmS: n(s.plannedAlarmS),
    plannedSetupS: n(s.plannedSetupS),
    plannedUnknownS: n(s.plannedUnknownS),
    parts: n(s.parts),
    goodParts: s.goodParts,
    wh: s.wh,
    samples: n(s.samples),
  });
}

/** The longest shift of the calendar in seconds: "silent for longer than a shift" (8 h when shifts are odd). */
export function shiftLengthSeconds(calendar: ShiftCalendar): number {
  const lengths = calendar.shifts.map((s) => {
    const a = minutesOf(s.start);
    let b = minutesOf(s.end);
    while (b <= a) b += 1440;
    return (b - a) * 60;
  });
  return Math.max(...lengths, 0) || 8 * 3600;
}

export async function plantFloor(db: ScopedOrTx, smeClientId: string, now = new Date()) {
  const sme = await db.smeClient.findUnique({ where: { id: smeClientId }, select: { id: true, legalName: true, legalNameEn: true } });
  if (!sme) throw new AppError('NOT_FOUND');
  const { calendar, defaultCalendar } = await calendarOf(db, smeClientId);
  const day = today(now);
  const dayFrom = dayStart(day);
  const weekFrom = dayStart(weekStartDay(day));
  const [machines, lines, week, todays] = await Promise.all([
    db.machine.findMany({
      where: { smeClientId, status: { not: 'RETIRED' } },
      orderBy: { assetTag: 'asc' },
      select: {
        id: true,
        assetTag: true,
        kind: true,
        lineId: true,
        terminals: {
          where: { revokedAt: null, kind: 'TERMINAL' },
          take: 1,
          select: { id: true, createdAt: true, health: { select: { lastSeenAt: true, lastAt: true, lastState: true, lastAlarm: true, firstSeenAt: true } } },
        },
      },
    }),
    db.productionLine.findMany({
      where: { smeClientId },
      select: { id: true, name: true, workshop: { select: { id: true, name: true, site: { select: { id: true, name: true } } } } },
    }),
    db.machineHour.groupBy({ by: ['machineId'], where: { smeClientId, hour: { gte: weekFrom, lt: now } }, _sum: sumFields, _min: { hour: true } }),
    db.machineHour.groupBy({ by: ['machineId'], where: { smeClientId, hour: { gte: dayFrom, lt: now } }, _sum: sumFields }),
  ]);
  const weekBy = new Map(week.map((g) => [g.machineId, g._sum as Sums]));
  const firstHourBy = new Map(week.map((g) => [g.machineId, g._min.hour]));
  const todayBy = new Map(todays.map((g) => [g.machineId, g._sum as Sums]));
  const silentAfter = shiftLengthSeconds(calendar);
  const counts = Object.fromEntries(machineStatuses.map((s) => [s, 0])) as Record<MachineLiveStatus, number>;
  // planned seconds from a moment to now: the same few moments for every machine (the week's and the day's start)
  const plannedCache = new Map<number, number>();
  const plannedUntilNow = (from: Date) => {
    let v = plannedCache.get(from.getTime());
    if (v === undefined) {
      v = plannedSeconds(calendar, from, now);
      plannedCache.set(from.getTime(), v);
    }
    return v;
  };
  const weekTotals: Totals[] = [];
  const todayTotals: Totals[] = [];
  const items = machines.map((m) => {
    const terminal = m.terminals[0] ?? null;
    const health = terminal?.health ?? null;
    const status = statusOf(Boolean(terminal), health, now);
    counts[status] += 1;
    const heard = lastHeard(health);
    // planned time since the machine first reported (its first hour this week, or when its terminal was first
    // heard of) that no row covers: unknown
    const firstHour = firstHourBy.get(m.id) ?? null;
    const firstSeen = health?.firstSeenAt ?? null;
    const known = [firstHour, firstSeen].filter((d): d is Date => d !== null).map((d) => d.getTime());
    const since = known.length ? new Date(Math.min(...known)) : null;
    const silentFrom = (from: Date) => (since ? new Date(Math.max(from.getTime(), since.getTime())) : now);
    const w = withSilentTime(totalsOfSums(weekBy.get(m.id)), plannedUntilNow(silentFrom(weekFrom)));
    const t = withSilentTime(totalsOfSums(todayBy.get(m.id)), plannedUntilNow(silentFrom(dayFrom)));
    if (terminal) {
      weekTotals.push(w);
      todayTotals.push(t);
    }
    const quietSince = heard ?? terminal?.createdAt ?? null;
    const brief = (x: Totals) => {
      const f = shownFigures(x, { defaultCalendar });
      return { utilization: f.utilization, coverage: f.coverage, lowCoverage: f.lowCoverage, output: f.output };
    };
    return {
      id: m.id,
      assetTag: m.assetTag,
      kind: m.kind,
      lineId: m.lineId,
      status,
      alarm: status === 'alarm' ? (health?.lastAlarm ?? null) : null,
      lastHeardAt: heard,
      silentLong: Boolean(terminal && quietSince && now.getTime() - quietSince.getTime() > silentAfter * 1000),
      today: brief(t),
      week: brief(w),
    };
  });
  const lineOf = new Map(lines.map((l) => [l.id, l]));
  const groups = new Map<
    string,
    { workshopId: string; site: string; workshop: string; lines: Map<string, { lineId: string; name: string; machines: typeof items }> }
  >();
  const unassigned: typeof items = [];
  for (const it of items) {
    const line = it.lineId ? lineOf.get(it.lineId) : undefined;
    if (!line) {
      unassigned.push(it);
      continue;
    }
    let g = groups.get(line.workshop.id);
    if (!g) {
      g = { workshopId: line.workshop.id, site: line.workshop.site.name, workshop: line.workshop.name, lines: new Map() };
      groups.set(line.workshop.id, g);
    }
    let l = g.lines.get(line.id);
    if (!l) {
      l = { lineId: line.id, name: line.name, machines: [] };
      g.lines.set(line.id, l);
    }
    l.machines.push(it);
  }
  const byName = <T extends { name?: string; site?: string; workshop?: string }>(a: T, b: T) =>
    `${a.site ?? ''}/${a.workshop ?? a.name ?? ''}`.localeCompare(`${b.site ?? ''}/${b.workshop ?? b.name ?? ''}`, 'zh-CN');
  return {
    sme,
    defaultCalendar,
    silentAfterSeconds: silentAfter,
    connected: weekTotals.length,
    counts,
    today: shownFigures(sumRecords(todayTotals), { defaultCalendar }),
    week: shownFigures(sumRecords(weekTotals), { defaultCalendar }),
    groups: [...groups.values()].sort(byName).map((g) => ({ ...g, lines: [...g.lines.values()].sort(byName) })),
    unassigned,
    silent: items
      .filter((i) => i.silentLong)
      .map((i) => ({ id: i.id, assetTag: i.assetTag, lastHeardAt: i.lastHeardAt }))
      .sort((a, b) => (a.lastHeardAt?.getTime() ?? 0) - (b.lastHeardAt?.getTime() ?? 0)),
  };
}
