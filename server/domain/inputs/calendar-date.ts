/**
 * One schema for a calendar day typed by a person (YYYY-MM-DD): the day must exist (no 2026-02-31, which JavaScript's
 * Date would silently roll over to 2026-03-03), and its year must be plausible for this product. A calendar day is an
 * Asia/Shanghai day (server/domain/time.ts) stored as the UTC midnight that date-only columns hold.
 */
import { z } from 'zod';

export const minYear = 1950;
export const maxYear = 2100;

/** Whether y-m-d is a day of the Gregorian calendar. */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] as number);
}

/** Why a text is not an acceptable calendar day, as a catalogue key under "validation.", or null when it is one. */
export function calendarDateProblem(s: string): 'date' | 'dateRange' | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return 'date';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDay(y, mo, d)) return 'date';
  return y < minYear || y > maxYear ? 'dateRange' : null;
}

/** Why a text is not an acceptable month (YYYY-MM), or null. */
export function calendarMonthProblem(s: string): 'month' | 'dateRange' | null {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (!m) return 'month';
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12) return 'month';
  return y < minYear || y > maxYear ? 'dateRange' : null;
}

/** A calendar day, YYYY-MM-DD, that exists, in the years minYear–maxYear. */
export const calendarDate = z.string({ error: 'date' }).superRefine((s, ctx) => {
  const problem = calendarDateProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { min: minYear, max: maxYear } });
});

/** A calendar month, YYYY-MM, in the years minYear–maxYear. */
export const calendarMonth = z.string({ error: 'month' }).superRefine((s, ctx) => {
  const problem = calendarMonthProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { min: minYear, max: maxYear } });
});
