/**
 * The sums of each machine's hour records over a window [from, to), read through the tenant gate in three grouped
 * queries whatever the number of machines, with the planned time no record covers counted as planned and unknown
 * (server/domain/results/measure.ts `fromTotals`): a machine that sent nothing has full planned time and no coverage.
 */
import type { ScopedOrTx } from '../../db/tx';
import { EMPTY_TOTALS, fromTotals, type WindowTotals } from '../../domain/results/measure';
import type { DayWindow } from '../../domain/results/windows';
import type { ShiftCalendar } from '../../domain/telemetry/calendar';
import { addDays } from '../../domain/time';
import { dayStart, plannedSeconds } from '../telemetry/reads-common';

/** A window of Shanghai days (both ends included) as UTC moments [from, to). */
export function windowMoments(w: DayWindow): { from: Date; to: Date } {
  return { from: dayStart(w.from), to: dayStart(addDays(w.to, 1)) };
}

export async function machineWindowTotals(
  db: ScopedOrTx,
  machineIds: readonly string[],
  range: { from: Date; to: Date },
  /** null: planned time is what the records say (no silent time added) */
  calendar: ShiftCalendar | null,
): Promise<Map<string, WindowTotals>> {
  const calendarPlanned = calendar ? plannedSeconds(calendar, range.from, range.to) : 0;
  const out = new Map<string, WindowTotals>();
  if (!machineIds.length) return out;
  const where = { machineId: { in: [...machineIds] }, hour: { gte: range.from, lt: range.to } };
  const [all, withGood, withWh] = await Promise.all([
    db.machineHour.groupBy({
      by: ['machineId'],
      where,
      _sum: { plannedS: true, plannedRunningS: true, plannedUnknownS: true, parts: true },
    }),
    db.machineHour.groupBy({ by: ['machineId'], where: { ...where, goodParts: { not: null } }, _sum: { parts: true, goodParts: true } }),
    db.machineHour.groupBy({ by: ['machineId'], where: { ...where, wh: { not: null } }, _sum: { parts: true, wh: true } }),
  ]);
  for (const id of machineIds) {
    const a = all.find((r) => r.machineId === id)?._sum;
    const g = withGood.find((r) => r.machineId === id)?._sum;
    const e = withWh.find((r) => r.machineId === id)?._sum;
    if (!a) {
      out.set(id, { ...EMPTY_TOTALS, plannedS: Math.round(calendarPlanned) });
      continue;
    }
    out.set(
      id,
      fromTotals(
        {
          plannedSeconds: a.plannedS ?? 0,
          planned: { running: a.plannedRunningS ?? 0, unknown: a.plannedUnknownS ?? 0 },
          parts: a.parts ?? 0,
          good: g ? (g.goodParts ?? 0) : null,
          partsWithGood: g?.parts ?? 0,
          wh: e ? (e.wh ?? 0n) : null,
          partsWithWh: e?.parts ?? 0,
        },
        calendarPlanned,
      ),
    );
  }
  return out;
}
