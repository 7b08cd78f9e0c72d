/** Calendar dates are those of Asia/Shanghai (UTC+8, no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** Today's date in Asia/Shanghai as YYYY-MM-DD. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** A calendar date (YYYY-MM-DD) as the UTC midnight that date-only columns hold. */
export function dateOnly(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** A calendar date plus whole days (YYYY-MM-DD in, YYYY-MM-DD out). */
export function addDays(isoDate: string, days: number): string {
  return new Date(dateOnly(isoDate).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Asia/Shanghai calendar day (YYYY-MM-DD) of a moment: 2026-03-01T23:30Z is 2026-03-02 in Shanghai. */
export function shanghaiDate(at: Date): string {
  return shanghaiToday(at);
}

/** The day a date-only column holds (stored as that day's UTC midnight) as YYYY-MM-DD. */
export function calendarDay(dateOnlyValue: Date): string {
  return dateOnlyValue.toISOString().slice(0, 10);
}
