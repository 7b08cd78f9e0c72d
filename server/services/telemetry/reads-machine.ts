/**
 * One machine's telemetry for its page: its status now, a day's state timeline as a strip per shift, and its figures
 * by day (utilization, output, energy) from the machine-hour roll-ups. Through the tenant gate: another tenant's
 * machine is NOT_FOUND; an SME owner sees only their own SME's machines.
 */
import type { ScopedOrTx } from '../../db/tx';
import { AppError } from '../../domain/errors/app-error';
import { plannedIntervals, resolveCalendar, shiftOccurrences } from '../../domain/telemetry/calendar';
import { stateName, type TimelineState } from '../../domain/telemetry/payload';
import { emptyStateSeconds, emptyTotals, sumRecords, type Totals } from '../../domain/telemetry/rollup';
import { addDays, shanghaiDate } from '../../domain/time';
import { totalsOfRow } from './machine-hour-rows';
import { calendarOf, DAY_MS, dayStart, daysBetween, lastHeard, plannedSeconds, shownFigures, statusOf, today, withSilentTime } from './reads-common';

const HOUR_MS = 3600_000;

const healthSelect = { lastSeenAt: true, lastAt: true, lastState: true, lastAlarm: true, firstSeenAt: true } as const;

async function loadMachine(db: ScopedOrTx, id: string) {
  const m = await db.machine.findUnique({
    where: { id },
    select: {
      id: true,
      assetTag: true,
      smeClientId: true,
      idealCycleS: true,
      terminals: { where: { revokedAt: null, kind: 'TERMINAL' }, select: { id: true, serial: true, health: { select: healthSelect } }, take: 1 },
    },
  });
  if (!m) throw new AppError('NOT_FOUND');
  return { ...m, terminal: m.terminals[0] ?? null };
}

/** Status now and when last heard of. */
export async function machineStatus(db: ScopedOrTx, machineId: string, now = new Date()) {
  const m = await loadMachine(db, machineId);
  const health = m.terminal?.health ?? null;
  return {
    machineId: m.id,
    terminal: m.terminal ? { id: m.terminal.id, serial: m.terminal.serial } : null,
    status: statusOf(Boolean(m.terminal), health, now),
    alarm: health?.lastState === 4 ? (health.lastAlarm ?? null) : null,
    lastHeardAt: lastHeard(health),
    firstSeenAt: health?.firstSeenAt ?? null,
  };
}

type Span = { from: Date; to: Date; state: TimelineState; alarm: string | null };

/** The spans of [from, to) in order, the gaps between stored spans filled as unknown. */
function fillGaps(stored: readonly { from: Date; to: Date; state: number; alarm: string | null }[], from: Date, to: Date): Span[] {
  const out: Span[] = [];
  let cursor = from.getTime();
  const hi = to.getTime();
  for (const s of stored) {
    const a = Math.max(s.from.getTime(), cursor);
    const b = Math.min(s.to.getTime(), hi);
    if (b <= a) continue;
    if (a > cursor) out.push({ from: new Date(cursor), to: new Date(a), state: 'unknown', alarm: null });
    const last = out[out.length - 1];
    const state = stateName(s.state);
    if (last && last.state === state && last.alarm === s.alarm && last.to.getTime() === a) last.to = new Date(b);
    else out.push({ from: new Date(a), to: new Date(b), state, alarm: s.alarm });
    cursor = b;
  }
  if (cursor < hi) out.push({ from: new Date(cursor), to: new Date(hi), state: 'unknown', alarm: null });
  return out;
}

/** Time in each state within and outside the planned intervals. */
function totalsOfSpans(spans: readonly Span[], planned: readonly { from: Date; to: Date }[]): Totals {
  const t = emptyTotals();
  t.planned = emptyStateSeconds();
  t.unplanned = emptyStateSeconds();
  for (const s of spans) {
    const len = (s.to.getTime() - s.from.getTime()) / 1000;
    let inPlan = 0;
    for (const p of planned) inPlan += Math.max(0, Math.min(s.to.getTime(), p.to.getTime()) - Math.max(s.from.getTime(), p.from.getTime())) / 1000;
    t.seconds += len;
    t.plannedSeconds += inPlan;
    t.planned[s.state] += inPlan;
    t.unplanned[s.state] += len - inPlan;
  }
  return t;
}

/**
 * A day's timeline (default today in Asia/Shanghai): one strip per shift that starts on that day (from the SME's
 * calendar; a day without shifts gives one strip for the whole day), each with its spans up to now, its breaks, and
 * its utilization and output. Unknown where nothing was heard.
 */
export async function machineTimeline(db: ScopedOrTx, machineId: string, day?: string, now = new Date()) {
  // the machine and its SME's calendar in one read (this is the page's most frequent read)
  const m = await db.machine.findUnique({
    where: { id: machineId },
    select: { idealCycleS: true, smeClient: { select: { calendar: { select: { definition: true } } } } },
  });
  if (!m) throw new AppError('NOT_FOUND');
  const stored = m.smeClient.calendar?.definition ?? null;
  const resolved = resolveCalendar(stored);
  const calendar = resolved.calendar;
  const defaultCalendar = stored === null || resolved.isDefault;
  const d = day ?? today(now);
  const start = dayStart(d);
  const end = new Date(start.getTime() + DAY_MS);
  const occurrences = shiftOccurrences(calendar, new Date(start.getTime() - DAY_MS), new Date(end.getTime() + DAY_MS)).filter((o) => o.shiftDay === d);
  const strips = occurrences.length
    ? occurrences.map((o) => ({ shift: o.shift as string | null, from: o.from, to: o.to, breaks: o.breaks }))
    : [{ shift: null, from: start, to: end, breaks: [] as { from: Date; to: Date }[] }];
  const lo = new Date(Math.min(...strips.map((s) => s.from.getTime())));
  const hi = new Date(Math.max(...strips.map((s) => s.to.getTime())));
  const [spanRows, hours] = await Promise.all([
    db.machineStateSpan.findMany({
      where: { machineId, from: { gte: new Date(lo.getTime() - HOUR_MS), lt: hi }, to: { gt: lo } },
      orderBy: { from: 'asc' },
      select: { from: true, to: true, state: true, alarm: true },
    }),
    db.machineHour.findMany({
      where: { machineId, hour: { gte: new Date(Math.floor(lo.getTime() / HOUR_MS) * HOUR_MS), lt: hi } },
      select: { hour: true, parts: true },
    }),
  ]);
  const idealCycleSeconds = m.idealCycleS === null ? null : Number(m.idealCycleS);
  return {
    day: d,
    defaultCalendar,
    strips: strips.map((s) => {
      const until = new Date(Math.min(s.to.getTime(), Math.max(now.getTime(), s.from.getTime())));
      const spans = fillGaps(spanRows, s.from, until);
      const totals = totalsOfSpans(spans, plannedIntervals(calendar, s.from, until));
      // parts by the hours that start within the shift (shifts start on the hour in nearly every plant)
      totals.parts = hours.filter((h) => h.hour >= s.from && h.hour < s.to).reduce((n, h) => n + h.parts, 0);
      return { shift: s.shift, from: s.from, to: s.to, breaks: s.breaks, spans, figures: shownFigures(totals, { defaultCalendar, idealCycleSeconds }) };
    }),
  };
}

/** Figures by Shanghai day for the last `days` days (today included, up to now), from the machine-hour roll-ups. */
export async function machineDays(db: ScopedOrTx, machineId: string, days: number, now = new Date()) {
  const m = await loadMachine(db, machineId);
  const { calendar, defaultCalendar } = await calendarOf(db, m.smeClientId);
  const last = today(now);
  const first = addDays(last, 1 - days);
  const rows = await db.machineHour.findMany({
    where: { machineId, hour: { gte: dayStart(first), lt: now } },
    orderBy: { hour: 'asc' },
    select: {
      hour: true,
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
      alarms: true,
      defaultCalendar: true,
    },
  });
  const byDay = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = shanghaiDate(r.hour);
    const list = byDay.get(k);
    if (list) list.push(r);
    else byDay.set(k, [r]);
  }
  // before the first hour the machine ever reported there is nothing to say; after it, unreported planned time is unknown
  const firstReported = rows[0] ? shanghaiDate(rows[0].hour) : null;
  const idealCycleSeconds = m.idealCycleS === null ? null : Number(m.idealCycleS);
  const perDay = daysBetween(first, last).map((day) => {
    const list = byDay.get(day) ?? [];
    const totals = sumRecords(list.map(totalsOfRow));
    const reported = firstReported !== null && day >= firstReported;
    const until = new Date(Math.min(dayStart(day).getTime() + DAY_MS, now.getTime()));
    const full = reported ? withSilentTime(totals, plannedSeconds(calendar, dayStart(day), until)) : totals;
    return { day, reported, totals: full, defaultCalendar: defaultCalendar || list.some((r) => r.defaultCalendar) };
  });
  const lastWeek = perDay.slice(-7);
  return {
    defaultCalendar,
    /** the last 7 days together (today included) */
    week: shownFigures(sumRecords(lastWeek.map((d) => d.totals)), { defaultCalendar: lastWeek.some((d) => d.defaultCalendar), idealCycleSeconds }),
    days: perDay.map((d) => ({ day: d.day, reported: d.reported, ...shownFigures(d.totals, { defaultCalendar: d.defaultCalendar, idealCycleSeconds }) })),
  };
}
