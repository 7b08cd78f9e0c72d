/**
 * The watch after verification: are the retrofitted machines still reporting and still used at 30, 90 and 180 days?
 * - silent: nothing heard from the machine's terminal for more than one shift (SILENT_AFTER_HOURS);
 * - unused: it reports, but ran less than UNUSED_BELOW_BP of its covered planned time over the last RECENT_DAYS days
 *   (or had no planned time with data there);
 * - a checkpoint (30/90/180 days after verification) counts the machines that reported for at least
 *   REPORTING_MIN_BP of their planned hours over the 30 days before it, and those of them that ran at least
 *   UNUSED_BELOW_BP of it.
 */
import { type WindowTotals, windowFigures } from './measure';

export const CHECKPOINT_DAYS = [30, 90, 180] as const;
export const SILENT_AFTER_HOURS = 8;
export const UNUSED_BELOW_BP = 500;
export const RECENT_DAYS = 7;
export const REPORTING_MIN_BP = 5000;

export type MachineNow = { machineId: string; assetTag: string; lastHeard: Date | null; recent: WindowTotals };
export type MachineFlag = 'ok' | 'silent' | 'unused';

export function machineFlag(m: MachineNow, now: Date): MachineFlag {
  if (!m.lastHeard || now.getTime() - m.lastHeard.getTime() > SILENT_AFTER_HOURS * 3_600_000) return 'silent';
  const u = windowFigures(m.recent).utilizationBp;
  return u === null || u < UNUSED_BELOW_BP ? 'unused' : 'ok';
}

export type CheckpointCount = { day: number; reached: boolean; reporting: number; used: number; machines: number };

/** One checkpoint from the machines' totals over the 30 days before it. */
export function countCheckpoint(day: number, reached: boolean, totals: readonly WindowTotals[]): CheckpointCount {
  let reporting = 0;
  let used = 0;
  for (const t of totals) {
    const f = windowFigures(t);
    if (f.coverageBp === null || f.coverageBp < REPORTING_MIN_BP) continue;
    reporting++;
    if (f.utilizationBp !== null && f.utilizationBp >= UNUSED_BELOW_BP) used++;
  }
  return { day, reached, reporting, used, machines: totals.length };
}

/** Days since verification (Shanghai days; the verification day is day 0) and the checkpoints reached. */
export function checkpointsReached(verifiedDay: string, today: string): { days: number; reached: number[] } {
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${verifiedDay}T00:00:00Z`)) / 86_400_000);
  return { days, reached: CHECKPOINT_DAYS.filter((d) => days >= d) };
}
