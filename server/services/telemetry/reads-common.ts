/**
 * What the telemetry reads share: a machine's status now from its terminal's health row, Shanghai days and weeks as
 * UTC moments, the SME's calendar, the planned time a silent machine did not report (unknown, never stopped), and
 * the figures as the pages show them. All reads go through the tenant gate (a scoped handle).
 */
import type { ScopedOrTx } from '../../db/tx';
import { plannedIntervals, resolveCalendar, type ShiftCalendar } from '../../domain/telemetry/calendar';
import { DEFAULT_HEARTBEAT_TIMEOUT_MS } from '../../domain/telemetry/engine';
import { figures } from '../../domain/telemetry/figures';
import { stateName } from '../../domain/telemetry/payload';
import type { Totals } from '../../domain/telemetry/rollup';
import { addDays, shanghaiDate } from '../../domain/time';

export const HEARTBEAT_TIMEOUT_MS = DEFAULT_HEARTBEAT_TIMEOUT_MS;
const DAY_MS = 86_400_000;

/**
 * A machine's status now. Without a live terminal: 'noTerminal'; a terminal that never reported: 'never'; nothing
 * heard within the heartbeat timeout: 'offline' (unknown — never "stopped"); otherwise the state last reported.
 */
export const machineStatuses = ['running', 'idle', 'stopped', 'alarm', 'setup', 'offline', 'never', 'noTerminal'] as const;
export type MachineLiveStatus = (typeof machineStatuses)[number];

export type HealthLike = { lastSeenAt: Date | null; lastAt: Date | null; lastState: number | null; lastAlarm: string | null } | null;

export function statusOf(hasTerminal: boolean, health: HealthLike, now: Date): MachineLiveStatus {
  if (!hasTerminal) return 'noTerminal';
  if (!health?.lastSeenAt) return 'never';
  if (!health.lastAt || health.lastState === null || now.getTime() - health.lastAt.getTime() > HEARTBEAT_TIMEOUT_MS) return 'offline';
  const s = stateName(health.lastState);
  return s === 'unknown' ? 'offline' : s;
}

/**
 * When the machine was last heard of: the terminal's own time of its latest sample (a buffer sent late tells
 * nothing newer about the machine than its timestamps), or, without one, when the server last received anything.
 */
export function lastHeard(health: HealthLike): Date | null {
  if (!health?.lastSeenAt) return null;
  return health.lastAt ?? health.lastSeenAt;
}

/** UTC moment of a Shanghai day's midnight. */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`));
}

/** The Monday (Shanghai) of the week holding `day`. */
export function weekStartDay(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
  return addDays(day, 1 - weekday);
}

export function today(now: Date): string {
  return shanghaiDate(now);
}

/** The SME's calendar, or the stated default when it has none. */
export async function calendarOf(db: ScopedOrTx, smeClientId: string): Promise<{ calendar: ShiftCalendar; defaultCalendar: boolean }> {
  const row = await db.shiftCalendar.findFirst({ where: { smeClientId }, select: { definition: true } });
  const { calendar, isDefault } = resolveCalendar(row?.definition ?? null);
  return { calendar, defaultCalendar: !row || isDefault };
}

/** Planned seconds of [from, to). */
export function plannedSeconds(calendar: ShiftCalendar, from: Date, to: Date): number {
  if (to <= from) return 0;
  return plannedIntervals(calendar, from, to).reduce((s, p) => s + (p.to.getTime() - p.from.getTime()) / 1000, 0);
}

/**
 * Totals with the planned time the rows do not cover counted as unknown: a machine that reported nothing has no
 * rows for those hours, and that time is planned and unknown (its coverage falls), never stopped.
 */
export function withSilentTime(t: Totals, calendarPlannedSeconds: number): Totals {
  const missing = Math.round(calendarPlannedSeconds - t.plannedSeconds);
  if (missing <= 0) return t;
  return {
    ...t,
    seconds: t.seconds + missing,
    plannedSeconds: t.plannedSeconds + missing,
    planned: { ...t.planned, unknown: t.planned.unknown + missing },
  };
}

/** The figures a page shows for a period (ratios as fractions, null without a basis). */
export function shownFigures(t: Totals, opts: { defaultCalendar: boolean; idealCycleSeconds?: number | null }) {
  const f = figures(t, opts);
  return {
    plannedSeconds: f.plannedSeconds,
    coveredSeconds: f.coveredSeconds,
    coverage: f.utilization.coverage,
    lowCoverage: f.utilization.lowCoverage,
    defaultCalendar: opts.defaultCalendar,
    utilization: f.utilization.value,
    availability: f.availability.value,
    oee: f.oee.value,
    output: f.output.value ?? 0,
    goodParts: f.goodParts.value,
    energyWh: f.energyWh.value,
    whPerPart: f.whPerPart.value,
  };
}
export type ShownFigures = ReturnType<typeof shownFigures>;

/** Days from `first` to `last` inclusive (YYYY-MM-DD). */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last && out.length < 400; d = addDays(d, 1)) out.push(d);
  return out;
}

export { DAY_MS };
