/**
 * An SME's shift calendar: which time is planned production time. Everything is read in Asia/Shanghai (UTC+8, no
 * daylight saving). A shift belongs to the day it starts on (its "shift day"), even when it ends after midnight; that
 * day decides whether the shift is worked: an extra working date (调休, e.g. a Saturday worked to make up for a
 * holiday) is worked whatever its weekday, an extra non-working date is not, and any other day by its weekday.
 * Breaks are not planned time. Validation messages are catalogue keys under "validation." (see the report for the
 * new ones: timeOfDay, shiftOverlap, breakOutsideShift, breakOverlap, weekday, dateBothWays, duplicateName).
 */
import { z } from 'zod';
import { calendarDate } from '../inputs/calendar-date';
import { safeText } from '../inputs/safe-text';
import { addDays, shanghaiDate } from '../time';
import { minutesOf } from './clock';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MIN = 1440;

/** "HH:MM", 00:00–23:59; shift and break ends may also be "24:00". */
const timeOfDay = z.string({ error: 'timeOfDay' }).regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'timeOfDay');

const breakSchema = z.object({ start: timeOfDay, end: timeOfDay });
const shiftSchema = z.object({ name: safeText(20), start: timeOfDay, end: timeOfDay, breaks: z.array(breakSchema).max(6) });

export type CalendarBreak = z.output<typeof breakSchema>;
export type Shift = z.output<typeof shiftSchema>;

// in a module of its own, without zod: the calendar editor uses it in the browser
export { minutesOf } from './clock';

/** A shift as minutes from the start of its shift day: [start, end), end > start, end ≤ start + 24 h. */
function shiftSpan(s: { start: string; end: string }): [number, number] {
  const start = minutesOf(s.start) % DAY_MIN;
  let end = minutesOf(s.end);
  while (end <= start) end += DAY_MIN;
  return [start, end];
}

/** A break as minutes from the start of its shift day, placed inside the shift (a break after midnight of a night shift). */
function breakSpan(shift: [number, number], b: CalendarBreak): [number, number] {
  let start = minutesOf(b.start) % DAY_MIN;
  while (start < shift[0]) start += DAY_MIN;
  let end = minutesOf(b.end);
  while (end <= start) end += DAY_MIN;
  return [start, end];
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

export const calendarSchema = z
  .object({
    shifts: z.array(shiftSchema).min(1, 'required').max(4, 'range'),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    workingWeekdays: z.array(z.number({ error: 'weekday' }).int('weekday').min(1, 'weekday').max(7, 'weekday')).max(7),
    nonWorkingDates: z.array(calendarDate).max(400, 'range'),
    workingDates: z.array(calendarDate).max(400, 'range'),
  })
  .superRefine((c, ctx) => {
    const spans = c.shifts.map(shiftSpan);
    c.shifts.forEach((s, i) => {
      const span = spans[i] as [number, number];
      if (c.shifts.findIndex((o) => o.name === s.name) !== i) ctx.addIssue({ code: 'custom', path: ['shifts', i, 'name'], message: 'duplicateName' });
      // Shifts repeat every day: compare with the others shifted by one day either way.
      for (let j = 0; j < i; j++) {
        const other = spans[j] as [number, number];
        if ([-DAY_MIN, 0, DAY_MIN].some((d) => overlaps(span, [other[0] + d, other[1] + d]))) {
          ctx.addIssue({ code: 'custom', path: ['shifts', i, 'start'], message: 'shiftOverlap' });
        }
      }
      const breaks = s.breaks.map((b) => breakSpan(span, b));
      breaks.forEach((b, k) => {
        if (b[1] > span[1]) ctx.addIssue({ code: 'custom', path: ['shifts', i, 'breaks', k, 'end'], message: 'breakOutsideShift' });
        else if (breaks.slice(0, k).some((o) => overlaps(o, b)))
          ctx.addIssue({ code: 'custom', path: ['shifts', i, 'breaks', k, 'start'], message: 'breakOverlap' });
      });
    });
    if (new Set(c.workingWeekdays).size !== c.workingWeekdays.length) ctx.addIssue({ code: 'custom', path: ['workingWeekdays'], message: 'weekday' });
    const off = new Set(c.nonWorkingDates);
    c.workingDates.forEach((d, i) => {
      if (off.has(d)) ctx.addIssue({ code: 'custom', path: ['workingDates', i], message: 'dateBothWays' });
    });
  });
export type ShiftCalendar = z.output<typeof calendarSchema>;
export type ShiftCalendarInput = z.input<typeof calendarSchema>;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}

/**
 * The calendar of an SME that has not set one, shown as "default calendar" beside every figure computed with it:
 * two 8-hour shifts, 08:00–16:00 and 16:00–24:00, each with a 30-minute meal break (12:00–12:30, 20:00–20:30),
 * Monday to Saturday; no public holidays (the SME adds them). Planned time: 15 h a working day, 90 h a week.
 */
export const DEFAULT_CALENDAR: ShiftCalendar = deepFreeze({
  shifts: [
    { name: 'A', start: '08:00', end: '16:00', breaks: [{ start: '12:00', end: '12:30' }] },
    { name: 'B', start: '16:00', end: '24:00', breaks: [{ start: '20:00', end: '20:30' }] },
  ],
  workingWeekdays: [1, 2, 3, 4, 5, 6],
  nonWorkingDates: [],
  workingDates: [],
});

/** Whether a calendar is the default one (same shifts, breaks, weekdays and dates). */
export function isDefault(calendar: ShiftCalendar): boolean {
  return JSON.stringify(calendar) === JSON.stringify(DEFAULT_CALENDAR);
}

/** The calendar stored for an SME (JSON, or null when it has none), read through the schema; unreadable → default. */
export function resolveCalendar(stored: unknown): { calendar: ShiftCalendar; isDefault: boolean } {
  const parsed = stored == null ? null : calendarSchema.safeParse(stored);
  const calendar = parsed?.success ? parsed.data : DEFAULT_CALENDAR;
  return { calendar, isDefault: isDefault(calendar) };
}

/** Whether shifts starting on a Shanghai calendar day (YYYY-MM-DD) are worked. */
export function isWorkingDay(calendar: ShiftCalendar, day: string): boolean {
  if (calendar.workingDates.includes(day)) return true;
  if (calendar.nonWorkingDates.includes(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
  return calendar.workingWeekdays.includes(weekday);
}

/** The UTC moment of a Shanghai day's midnight plus some minutes. */
function shanghaiMoment(day: string, minutes: number): number {
  return Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS + minutes * 60_000;
}

export type ShiftOccurrence = { shift: string; shiftDay: string; from: Date; to: Date; breaks: { from: Date; to: Date }[] };
export type PlannedInterval = { from: Date; to: Date; shift: string; shiftDay: string };

/** Every worked shift (whole, breaks included) that overlaps [fromUtc, toUtc), in time order, not clipped. */
export function shiftOccurrences(calendar: ShiftCalendar, fromUtc: Date, toUtc: Date): ShiftOccurrence[] {
  const out: ShiftOccurrence[] = [];
  if (!(toUtc.getTime() > fromUtc.getTime())) return out;
  const last = shanghaiDate(toUtc);
  for (let day = addDays(shanghaiDate(fromUtc), -1); day <= last; day = addDays(day, 1)) {
    if (!isWorkingDay(calendar, day)) continue;
    for (const s of calendar.shifts) {
      const span = shiftSpan(s);
      const from = shanghaiMoment(day, span[0]);
      const to = shanghaiMoment(day, span[1]);
      if (to <= fromUtc.getTime() || from >= toUtc.getTime()) continue;
      const breaks = s.breaks
        .map((b) => breakSpan(span, b))
        .sort((a, b) => a[0] - b[0])
        .map(([a, b]) => ({ from: new Date(shanghaiMoment(day, a)), to: new Date(shanghaiMoment(day, Math.min(b, span[1]))) }));
      out.push({ shift: s.name, shiftDay: day, from: new Date(from), to: new Date(to), breaks });
    }
  }
  return out.sort((a, b) => a.from.getTime() - b.from.getTime());
}

/** Planned (worked, not break) time within [fromUtc, toUtc), clipped, in time order. */
export function plannedIntervals(calendar: ShiftCalendar, fromUtc: Date, toUtc: Date): PlannedInterval[] {
  const lo = fromUtc.getTime();
  const hi = toUtc.getTime();
  const out: PlannedInterval[] = [];
  for (const occ of shiftOccurrences(calendar, fromUtc, toUtc)) {
    let cursor = occ.from.getTime();
    const push = (a: number, b: number) => {
      const from = Math.max(a, lo);
      const to = Math.min(b, hi);
      if (to > from) out.push({ from: new Date(from), to: new Date(to), shift: occ.shift, shiftDay: occ.shiftDay });
    };
    for (const b of occ.breaks) {
      push(cursor, b.from.getTime());
      cursor = Math.max(cursor, b.to.getTime());
    }
    push(cursor, occ.to.getTime());
  }
  return out;
}
