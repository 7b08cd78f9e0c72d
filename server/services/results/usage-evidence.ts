/**
 * "Really used" evidence for a set of machines: their hour records over the last `days` complete Shanghai days and
 * over the baseline before go-live (first report to the day before commissioning), as the domain's evidence.
 * Taken at a claim's submission (frozen into its snapshot) and by the watch after verification.
 */
import type { ScopedOrTx } from '../../db/tx';
import { type UsageEvidence, usageEvidence } from '../../domain/results/usage';
import { defaultWindows } from '../../domain/results/windows';
import { addDays, shanghaiDate } from '../../domain/time';
import { calendarOf } from '../telemetry/reads-common';
import { machineWindowTotals, windowMoments } from './window-totals';

export async function machinesUsage(
  db: ScopedOrTx,
  p: { smeClientId: string; machines: readonly { id: string; assetTag: string }[]; goLiveDay: string | null; days: number; now?: Date },
): Promise<UsageEvidence> {
  const today = shanghaiDate(p.now ?? new Date());
  const recent = { from: addDays(today, -p.days), to: addDays(today, -1) };
  const ids = p.machines.map((m) => m.id);
  const { calendar } = await calendarOf(db, p.smeClientId);
  const first = ids.length ? await db.machineHour.aggregate({ where: { machineId: { in: ids }, samples: { gt: 0 } }, _min: { hour: true } }) : null;
  const { baseline } = defaultWindows({ firstReportDay: first?._min.hour ? shanghaiDate(first._min.hour) : null, goLiveDay: p.goLiveDay, today });
  const [now, before] = await Promise.all([
    machineWindowTotals(db, ids, windowMoments(recent), calendar),
    baseline ? machineWindowTotals(db, ids, windowMoments(baseline), calendar) : Promise.resolve(null),
  ]);
  return usageEvidence(
    { days: p.days, ...recent },
    p.machines.flatMap((m) => {
      const r = now.get(m.id);
      return r ? [{ assetTag: m.assetTag, recent: r, baseline: before?.get(m.id) ?? null }] : [];
    }),
  );
}
