/**
 * The two windows a measurement compares, as Asia/Shanghai calendar days (YYYY-MM-DD, both ends included):
 * - baseline: from the day the terminals first reported to the day before go-live (commissioning), or a period the
 *   engineer chooses; at least MIN_BASELINE_DAYS days, ending before the result window starts;
 * - result: by default days 31–90 after commissioning (the first month is settling in), cut to the last complete day;
 *   at least MIN_RESULT_DAYS days.
 */
import { calendarDateProblem } from '../inputs/calendar-date';
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

/** A date field of the windows form (and of the page's address): baseline from/to, result from/to. */
export type WindowField = 'bf' | 'bt' | 'rf' | 'rt';

/**
 * What is wrong with a pair of windows: the message key (under "errors."), the figures its sentence names, and the
 * fields to mark.
 */
export type WindowProblem = { key: string; params: Record<string, string | number>; fields: WindowField[] };

/** What is wrong with a pair of windows, or null. `today` is the Shanghai day now (not complete). */
export function checkWindows(baseline: DayWindow, result: DayWindow, today: string): WindowProblem | null {
  if (baseline.to < baseline.from) return { key: 'results.windowBackwards', params: { window: 'baseline', ...baseline }, fields: ['bf', 'bt'] };
  if (result.to < result.from) return { key: 'results.windowBackwards', params: { window: 'result', ...result }, fields: ['rf', 'rt'] };
  if (windowDays(baseline) < MIN_BASELINE_DAYS)
    return { key: 'results.baselineTooShort', params: { ...baseline, days: windowDays(baseline), min: MIN_BASELINE_DAYS }, fields: ['bf', 'bt'] };
  if (windowDays(result) < MIN_RESULT_DAYS)
    return { key: 'results.resultTooShort', params: { ...result, days: windowDays(result), min: MIN_RESULT_DAYS }, fields: ['rf', 'rt'] };
  if (baseline.to >= result.from) return { key: 'results.windowsOverlap', params: { baselineTo: baseline.to, resultFrom: result.from }, fields: ['bt', 'rf'] };
  if (result.to >= today) return { key: 'results.resultNotComplete', params: { to: result.to, lastDay: addDays(today, -1) }, fields: ['rt'] };
  return null;
}

/**
 * The windows a page address asks for (?bf=&bt=&rf=&rt=): none unless all four are given; a text that is not a real
 * day (2026-02-31, "xx") is a problem naming the field and the text, never a schema's dump.
 */
export function windowsFromAddress(q: Partial<Record<WindowField, string | string[] | undefined>>): {
  typed: Record<WindowField, string> | null;
  chosen: { baseline: DayWindow; result: DayWindow } | null;
  problem: WindowProblem | null;
} {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
  const typed = { bf: one(q.bf), bt: one(q.bt), rf: one(q.rf), rt: one(q.rt) };
  if (!typed.bf && !typed.bt && !typed.rf && !typed.rt) return { typed: null, chosen: null, problem: null };
  const fields = ['bf', 'bt', 'rf', 'rt'] as const;
  for (const field of fields) {
    const value = typed[field];
    if (!value) return { typed, chosen: null, problem: { key: 'results.dateMissing', params: { field }, fields: [field] } };
    if (calendarDateProblem(value))
      return { typed, chosen: null, problem: { key: 'results.dateInvalid', params: { field, value: value.slice(0, 20) }, fields: [field] } };
  }
  return { typed, chosen: { baseline: { from: typed.bf, to: typed.bt }, result: { from: typed.rf, to: typed.rt } }, problem: null };
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
