import { describe, expect, it } from 'vitest';
import {
  calendarSchema,
  DEFAULT_CALENDAR,
  isDefault,
  isWorkingDay,
  type PlannedInterval,
  plannedIntervals,
  resolveCalendar,
  type ShiftCalendar,
  shiftOccurrences,
} from './calendar';

/** A moment given as Shanghai wall time ("2026-05-04 08:00"). */
const sh = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const show = (list: PlannedInterval[]) =>
  list.map(
    (p) =>
      `${p.shiftDay} ${p.shift} ${new Date(p.from.getTime() + 8 * 3600_000).toISOString().slice(5, 16)}–${new Date(p.to.getTime() + 8 * 3600_000).toISOString().slice(5, 16)}`,
  );
const hours = (list: PlannedInterval[]) => list.reduce((s, p) => s + (p.to.getTime() - p.from.getTime()), 0) / 3600_000;

const nights: ShiftCalendar = {
  shifts: [
    { name: 'Day', start: '06:00', end: '14:00', breaks: [] },
    { name: 'Night', start: '22:00', end: '06:00', breaks: [{ start: '02:00', end: '02:30' }] },
  ],
  workingWeekdays: [1, 2, 3, 4, 5],
  nonWorkingDates: ['2026-05-01', '2026-05-04', '2026-05-05'],
  workingDates: ['2026-05-09'],
};

describe('the default calendar', () => {
  it('plans two 8-hour shifts less a 30-minute meal break each on a Monday: 15 h', () => {
    const list = plannedIntervals(DEFAULT_CALENDAR, sh('2026-05-04 00:00'), sh('2026-05-05 00:00'));
    expect(show(list)).toEqual([
      '2026-05-04 A 05-04T08:00–05-04T12:00',
      '2026-05-04 A 05-04T12:30–05-04T16:00',
      '2026-05-04 B 05-04T16:00–05-04T20:00',
      '2026-05-04 B 05-04T20:30–05-05T00:00',
    ]);
    expect(hours(list)).toBe(15);
  });
  it('plans Monday to Saturday, 90 h a week, and nothing on Sunday', () => {
    expect(hours(plannedIntervals(DEFAULT_CALENDAR, sh('2026-05-04 00:00'), sh('2026-05-11 00:00')))).toBe(90);
    expect(plannedIntervals(DEFAULT_CALENDAR, sh('2026-05-10 00:00'), sh('2026-05-11 00:00'))).toEqual([]);
  });
  it('says it is the default, and an SME without a calendar gets it', () => {
    expect(isDefault(DEFAULT_CALENDAR)).toBe(true);
    expect(resolveCalendar(null)).toEqual({ calendar: DEFAULT_CALENDAR, isDefault: true });
    expect(resolveCalendar({ shifts: 'garbage' })).toEqual({ calendar: DEFAULT_CALENDAR, isDefault: true });
    expect(resolveCalendar(nights)).toEqual({ calendar: nights, isDefault: false });
    expect(isDefault({ ...DEFAULT_CALENDAR, workingWeekdays: [1, 2, 3, 4, 5] })).toBe(false);
    expect(calendarSchema.parse(DEFAULT_CALENDAR)).toEqual(DEFAULT_CALENDAR);
    expect(() => DEFAULT_CALENDAR.shifts[0]?.breaks.push({ start: '09:00', end: '09:10' })).toThrow(TypeError);
  });
  it('the times are stored in UTC: 08:00 Shanghai is 00:00Z', () => {
    expect(plannedIntervals(DEFAULT_CALENDAR, sh('2026-05-04 00:00'), sh('2026-05-04 09:00'))[0]?.from.toISOString()).toBe('2026-05-04T00:00:00.000Z');
  });
});

describe('a night shift that crosses midnight', () => {
  it('belongs to the day it starts on, and its break after midnight is not planned', () => {
    // Thursday 2026-05-07 night: 22:00 → Friday 06:00.
    const list = plannedIntervals(nights, sh('2026-05-07 20:00'), sh('2026-05-08 08:00'));
    expect(show(list)).toEqual([
      '2026-05-07 Night 05-07T22:00–05-08T02:00',
      '2026-05-07 Night 05-08T02:30–05-08T06:00',
      '2026-05-08 Day 05-08T06:00–05-08T08:00',
    ]);
  });
  it('a Friday night shift runs into Saturday (not a working day) and counts for Friday', () => {
    const list = plannedIntervals(nights, sh('2026-05-16 00:00'), sh('2026-05-17 00:00'));
    expect(show(list)).toEqual(['2026-05-15 Night 05-16T00:00–05-16T02:00', '2026-05-15 Night 05-16T02:30–05-16T06:00']);
  });
  it('a Sunday night is not worked, so Monday 00:00–06:00 is not planned', () => {
    expect(show(plannedIntervals(nights, sh('2026-05-11 00:00'), sh('2026-05-11 07:00')))).toEqual(['2026-05-11 Day 05-11T06:00–05-11T07:00']);
  });
  it('clips to the window, to the second', () => {
    const list = plannedIntervals(nights, sh('2026-05-07 23:15'), sh('2026-05-07 23:45'));
    expect(show(list)).toEqual(['2026-05-07 Night 05-07T23:15–05-07T23:45']);
  });
  it('lists whole occurrences with their breaks for a timeline strip per shift', () => {
    const occ = shiftOccurrences(nights, sh('2026-05-08 00:00'), sh('2026-05-09 00:00'));
    expect(occ.map((o) => `${o.shiftDay} ${o.shift} ${o.breaks.length}`)).toEqual(['2026-05-07 Night 1', '2026-05-08 Day 0', '2026-05-08 Night 1']);
  });
});

describe('holidays and 调休 (make-up working days)', () => {
  it.each([
    ['2026-05-01', false, 'a holiday on a Friday'],
    ['2026-05-04', false, 'a holiday on a Monday'],
    ['2026-05-06', true, 'an ordinary Wednesday'],
    ['2026-05-09', true, 'a Saturday worked to make up for the holiday'],
    ['2026-05-16', false, 'an ordinary Saturday'],
    ['2026-05-10', false, 'a Sunday'],
  ])('%s is worked: %s (%s)', (day, worked) => expect(isWorkingDay(nights, day)).toBe(worked));
  it('a 调休 Saturday is planned like any weekday', () => {
    expect(hours(plannedIntervals(nights, sh('2026-05-09 00:00'), sh('2026-05-10 00:00')))).toBe(5.5 + 8 + 2); // Friday's night, Saturday's day, Saturday night until midnight
    expect(hours(plannedIntervals(nights, sh('2026-05-01 00:00'), sh('2026-05-02 00:00')))).toBe(6 - 0.5); // Thursday's night only
  });
});

describe('other shapes', () => {
  it('a 24-hour shift (00:00–24:00) and a shift ending at its own start time both last 24 h', () => {
    for (const [start, end] of [
      ['00:00', '24:00'],
      ['07:30', '07:30'],
    ]) {
      const cal = calendarSchema.parse({
        shifts: [{ name: 'All', start, end, breaks: [] }],
        workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
        nonWorkingDates: [],
        workingDates: [],
      });
      expect(hours(plannedIntervals(cal, sh('2026-05-04 00:00'), sh('2026-05-11 00:00')))).toBe(168);
    }
  });
  it('an empty or inverted window has no planned time', () => {
    expect(plannedIntervals(DEFAULT_CALENDAR, sh('2026-05-04 10:00'), sh('2026-05-04 10:00'))).toEqual([]);
    expect(plannedIntervals(DEFAULT_CALENDAR, sh('2026-05-04 11:00'), sh('2026-05-04 10:00'))).toEqual([]);
  });
});

describe('validating an edited calendar', () => {
  const shift = (start: string, end: string, breaks: { start: string; end: string }[] = [], name = 'S') => ({ name, start, end, breaks });
  const cal = (shifts: unknown[], more: object = {}) => ({ shifts, workingWeekdays: [1, 2, 3, 4, 5], nonWorkingDates: [], workingDates: [], ...more });
  const problems = (v: unknown) => {
    const r = calendarSchema.safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
  };
  it.each<[string, unknown, string[]]>([
    ['a valid night calendar', nights, []],
    ['an hour 25', cal([shift('25:00', '26:00')]), ['shifts.0.start:timeOfDay', 'shifts.0.end:timeOfDay']],
    ['a time without a leading zero', cal([shift('8:00', '16:00')]), ['shifts.0.start:timeOfDay']],
    ['24:00 as a start is read as 00:00', cal([shift('24:00', '08:00')]), []],
    ['no shift', cal([]), ['shifts:required']],
    ['five shifts', cal(['00', '05', '10', '15', '20'].map((h, i) => shift(`${h}:00`, `${h}:30`, [], `S${i}`))), ['shifts:range']],
    ['two shifts with one name', cal([shift('08:00', '16:00', [], 'A'), shift('16:00', '24:00', [], 'A')]), ['shifts.1.name:duplicateName']],
    ['overlapping shifts', cal([shift('08:00', '16:00', [], 'A'), shift('15:00', '23:00', [], 'B')]), ['shifts.1.start:shiftOverlap']],
    ['a night shift overlapping the next morning', cal([shift('22:00', '06:00', [], 'N'), shift('05:00', '13:00', [], 'D')]), ['shifts.1.start:shiftOverlap']],
    ['a break outside its shift', cal([shift('08:00', '16:00', [{ start: '16:00', end: '16:30' }])]), ['shifts.0.breaks.0.end:breakOutsideShift']],
    ['a break starting before its shift', cal([shift('08:00', '16:00', [{ start: '07:30', end: '08:30' }])]), ['shifts.0.breaks.0.end:breakOutsideShift']],
    [
      'overlapping breaks',
      cal([
        shift('08:00', '16:00', [
          { start: '12:00', end: '12:30' },
          { start: '12:15', end: '12:45' },
        ]),
      ]),
      ['shifts.0.breaks.1.start:breakOverlap'],
    ],
    ['a break after midnight inside a night shift', cal([shift('22:00', '06:00', [{ start: '02:00', end: '02:30' }])]), []],
    ['weekday 0', cal([shift('08:00', '16:00')], { workingWeekdays: [0] }), ['workingWeekdays.0:weekday']],
    ['weekday 8', cal([shift('08:00', '16:00')], { workingWeekdays: [8] }), ['workingWeekdays.0:weekday']],
    ['a weekday twice', cal([shift('08:00', '16:00')], { workingWeekdays: [1, 1] }), ['workingWeekdays:weekday']],
    [
      'a date both worked and not',
      cal([shift('08:00', '16:00')], { nonWorkingDates: ['2026-05-09'], workingDates: ['2026-05-09'] }),
      ['workingDates.0:dateBothWays'],
    ],
    ['an impossible date', cal([shift('08:00', '16:00')], { workingDates: ['2026-02-30'] }), ['workingDates.0:date']],
    ['a shift name with a control character', cal([shift('08:00', '16:00', [], 'A\u0000')]), ['shifts.0.name:badCharacters']],
  ])('%s', (_name, value, expected) => expect(problems(value)).toEqual(expected));
});
