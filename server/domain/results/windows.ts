/**
 * The two windows a measurement compares, as Asia/Shanghai calendar days (YYYY-MM-DD, both ends included):
 * - baseline: from the day the terminals first reported to the day before go-live (commissioning), or a period the
 *   engineer chooses; at least MIN_BASELINE_DAYS days, ending before the result window starts;
 * - result: by default days 31–90 after commissioning (the first month is settling in), cut to the last complete day;
 *   at least MIN_RESULT_DAYS days.
 */
import { addDays } from '../time';

export type DayWindow = { from: string; to: string };

export const MIN_BASELINE_DAYS = 7;
export const MIN_RESULT_DAYS = 7;
/** The default result window: days 31–90 after commissioning (day 1 = the commissioning day). */
export const RESULT_FROM_DAY = 31;
export const RESULT_TO_DAY = 90;

/** Days in a window, both ends included. */
export function windowDays(w: DayWindow): number {
  return Math.round((Date.parse(`${w.to}T00:00:00Z`) - Date.parse(`${w.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The message key of what is wrong with a pair of windows, or null. `today` is the Shanghai day now (not complete). */
export function checkWindows(baseline: DayWindow, result: DayWindow, today: string): string | null {
  if (baseline.to < baseline.from || result.to < result.from) return 'results.windowBackwards';
  if (windowDays(baseline) < MIN_BASELINE_DAYS) return 'results.baselineTooShort';
  if (windowDays(result) < MIN_RESULT_DAYS) return 'results.resultTooShort';
  if (baseline.to >= result.from) return 'results.windowsOverlap';
  if (result.to >= today) return 'results.resultNotComplete';
  return null;
}

/**
 * The default windows for a project: baseline from the first report to the day before commissioning, result days
 * 31–90 after commissioning cut to yesterday. Null parts when there is no first report or no commissioning yet.
 */
export function defaultWindows(p: { firstReportDay: string | null; goLiveDay: string | null; today: string }): {
  baseline: DayWindow | null;
  result: DayWindow | null;
} {
  const baseline = p.firstReportDay && p.goLiveDay && p.firstReportDay < p.goLiveDay ? { from: p.firstReportDay, to: addDays(p.goLiveDay, -1) } : null;
  if (!p.goLiveDay) return { baseline, result: null };
  const from = addDays(p.goLiveDay, RESULT_FROM_DAY - 1);
  const last = addDays(p.today, -1);
  const end = addDays(p.goLiveDay, RESULT_TO_DAY - 1);
  const to = [end, last].sort()[0] as string; // the earlier of two days
  return { baseline, result: to >= from ? { from, to } : null };
}

/** The calendar month (YYYY-MM) a measured month is booked to: the month the result window ends in. */
export function bookedMonth(result: DayWindow): string {
  return result.to.slice(0, 7);
}
