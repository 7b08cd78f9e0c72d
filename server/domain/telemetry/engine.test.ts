import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, type ShiftCalendar } from './calendar';
import { affectedHours, canonicalSamples, computeHours, mergeSamples, stateSpans } from './engine';
import { type Sample, type StateName, stateCodes } from './payload';
import { rollUpByDay, rollUpByShift, sumRecords } from './rollup';

/** Shanghai wall time on 2026-05-04 (a Monday) unless a day is given: "10:00" or "2026-05-05 00:02:30". */
const sh = (t: string) => new Date(`${t.includes('-') ? t.replace(' ', 'T') : `2026-05-04T${t}`}${t.split(':').length === 2 ? ':00' : ''}+08:00`);
type Extra = Partial<Omit<Sample, 'seq' | 'at' | 'state'>>;
const s = (seq: number, t: string, state: StateName, extra: Extra = {}): Sample => ({ seq: BigInt(seq), at: sh(t), state: stateCodes[state], ...extra });
const ALL_DAY: ShiftCalendar = {
  shifts: [{ name: 'All', start: '00:00', end: '24:00', breaks: [] }],
  workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
  nonWorkingDates: [],
  workingDates: [],
};
const spansText = (samples: Sample[], from: string, to: string, timeout?: number) =>
  stateSpans(samples, sh(from), sh(to), timeout).map(
    (x) => `${new Date(x.from.getTime() + 8 * 3600_000).toISOString().slice(11, 19)} ${x.state}${x.alarm !== undefined ? `:${x.alarm}` : ''}`,
  );
const hours = (samples: Sample[], from: string, to: string, calendar = ALL_DAY, heartbeatTimeoutMs?: number) =>
  computeHours({ samples, from: sh(from), to: sh(to), calendar, heartbeatTimeoutMs });

describe('the timeline', () => {
  it('a state holds until the next sample, at most the heartbeat timeout; the rest is unknown', () => {
    const samples = [s(1, '10:00', 'running'), s(2, '10:02', 'idle'), s(3, '10:20', 'stopped'), s(4, '10:21', 'alarm', { alarm: 'E7' })];
    expect(spansText(samples, '09:50', '10:40')).toEqual([
      '09:50:00 unknown',
      '10:00:00 running',
      '10:02:00 idle',
      '10:07:00 unknown',
      '10:20:00 stopped',
      '10:21:00 alarm:E7',
      '10:26:00 unknown',
    ]);
  });
  it('a silent machine is unknown, never stopped; a shorter or longer timeout is a setting', () => {
    expect(spansText([s(1, '10:00', 'stopped')], '10:00', '11:00')).toEqual(['10:00:00 stopped', '10:05:00 unknown']);
    expect(spansText([s(1, '10:00', 'running')], '10:00', '11:00', 60_000)).toEqual(['10:00:00 running', '10:01:00 unknown']);
    expect(spansText([], '10:00', '11:00')).toEqual(['10:00:00 unknown']);
  });
  it('equal neighbours merge; a sample before the window carries its state in; samples after the window are ignored', () => {
    const samples = [s(1, '09:58', 'running'), s(2, '10:01', 'running'), s(3, '10:03', 'running'), s(4, '10:30', 'idle')];
    expect(spansText(samples, '10:00', '10:30')).toEqual(['10:00:00 running', '10:08:00 unknown']);
  });
  it('times are truncated to the second, and the later seq wins at the same second', () => {
    const samples = [s(2, '10:00:00.900', 'idle'), s(1, '10:00:00.100', 'running')];
    expect(spansText(samples, '10:00', '10:10')).toEqual(['10:00:00 idle', '10:05:00 unknown']);
  });
  it('alarms with different codes stay apart; an alarm without a code is ""', () => {
    const samples = [s(1, '10:00', 'alarm', { alarm: 'E1' }), s(2, '10:01', 'alarm', { alarm: 'E2' }), s(3, '10:02', 'alarm')];
    expect(spansText(samples, '10:00', '10:03')).toEqual(['10:00:00 alarm:E1', '10:01:00 alarm:E2', '10:02:00 alarm:']);
  });
});

describe('hour records', () => {
  it('split a state across an hour boundary, and seconds add up to the hour', () => {
    const r = hours([s(1, '10:58', 'running'), s(2, '11:02', 'idle')], '10:00', '12:00');
    expect(r.map((x) => [x.hour.toISOString(), x.planned.running, x.planned.idle, x.planned.unknown, x.plannedSeconds, x.samples])).toEqual([
      ['2026-05-04T02:00:00.000Z', 120, 0, 3480, 3600, 1],
      ['2026-05-04T03:00:00.000Z', 120, 300, 3180, 3600, 1],
    ]);
  });
  it('a shift starting at 07:30 cuts the hour in two records', () => {
    const cal: ShiftCalendar = { ...ALL_DAY, shifts: [{ name: 'Day', start: '07:30', end: '19:30', breaks: [] }] };
    const r = hours([s(1, '07:20', 'running'), s(2, '07:24', 'running'), s(3, '07:28', 'running'), s(4, '07:32', 'running')], '07:00', '08:00', cal);
    expect(r.map((x) => [x.shift, x.from.toISOString(), x.seconds, x.plannedSeconds, x.planned.running, x.unplanned.running, x.samples])).toEqual([
      [null, '2026-05-03T23:00:00.000Z', 1800, 0, 0, 600, 3],
      ['Day', '2026-05-03T23:30:00.000Z', 1800, 1800, 420, 0, 1],
    ]);
  });
  it('a meal break is not planned time, even when the machine runs through it', () => {
    const samples = Array.from(
      { length: 41 },
      (_, i): Sample => ({ seq: BigInt(i), at: new Date(sh('11:55').getTime() + i * 60_000), state: stateCodes.running }),
    ); // every minute 11:55–12:35
    const total = sumRecords(hours(samples, '11:00', '13:00', DEFAULT_CALENDAR));
    expect([total.plannedSeconds, total.planned.running, total.unplanned.running, total.planned.unknown]).toEqual([5400, 300 + 600, 1800, 5400 - 900]); // runs 11:55 → 12:40 (last sample + 5 min)
  });
  it('a Sunday is not planned under the default calendar: time is unplanned, and silent unplanned hours are left out', () => {
    const r = hours([s(1, '2026-05-10 09:00', 'running')], '2026-05-10 00:00', '2026-05-11 00:00', DEFAULT_CALENDAR);
    expect(r.map((x) => [x.hour.toISOString(), x.plannedSeconds, x.unplanned.running])).toEqual([['2026-05-10T01:00:00.000Z', 0, 300]]);
  });
  it('a 调休 Saturday worked on a Monday-to-Friday calendar is planned', () => {
    const cal: ShiftCalendar = { ...DEFAULT_CALENDAR, workingWeekdays: [1, 2, 3, 4, 5], workingDates: ['2026-05-09'] };
    const planned = (day: string) => sumRecords(hours([], `${day} 00:00`, `${day} 23:59:59`, cal)).plannedSeconds;
    expect([planned('2026-05-09'), planned('2026-05-16')]).toEqual([15 * 3600 - 1, 0]);
  });
  it('a night shift across midnight rolls up to its shift day, while days split at Shanghai midnight', () => {
    const cal: ShiftCalendar = { ...ALL_DAY, shifts: [{ name: 'N', start: '22:00', end: '06:00', breaks: [] }] };
    const samples = [s(1, '23:58', 'running'), s(2, '2026-05-05 00:02', 'running')];
    const r = hours(samples, '22:00', '2026-05-05 06:00', cal);
    expect(rollUpByShift(r).map((g) => [g.shiftDay, g.shift, g.totals.planned.running, g.totals.plannedSeconds])).toEqual([
      ['2026-05-04', 'N', 240 + 300, 8 * 3600],
    ]);
    expect(rollUpByDay(r).map((g) => [g.day, g.totals.planned.running])).toEqual([
      ['2026-05-04', 120],
      ['2026-05-05', 120 + 300],
    ]);
  });
  it('the default calendar splits shifts A and B at 16:00 and counts alarms by code', () => {
    const samples = [s(1, '15:57', 'alarm', { alarm: 'E-301' }), s(2, '16:01', 'alarm', { alarm: 'E-301' }), s(3, '16:03', 'alarm', { alarm: 'E-9' })];
    const shifts = rollUpByShift(hours(samples, '15:00', '17:00', DEFAULT_CALENDAR));
    expect(shifts.map((g) => [g.shift, g.totals.alarms])).toEqual([
      ['A', [{ code: 'E-301', seconds: 180 }]],
      [
        'B',
        [
          { code: 'E-301', seconds: 180 },
          { code: 'E-9', seconds: 300 },
        ],
      ],
    ]);
  });
});

describe('counters in hour records', () => {
  it('count parts between readings in the hour of the later reading; resets and rollovers never go negative', () => {
    const samples = [
      s(1, '09:59', 'running', { count: 100, good: 99, wh: 5_000n }), // baseline before the window
      s(2, '10:10', 'running', { count: 150, good: 148, wh: 7_250n }),
      s(3, '10:20', 'running', { count: 20, good: 20, wh: 100n }), // counter and meter reset
      s(4, '11:05', 'running', { count: 65_530, good: 65_500 }),
      s(5, '11:10', 'running', { count: 4, good: 2, wh: 400n }), // 16-bit rollover; meter read again
    ];
    const r = hours(samples, '10:00', '12:00');
    expect(r.map((x) => [x.parts, x.good, x.wh, x.partsWithGood, x.partsWithWh])).toEqual([
      [50 + 20, 49 + 20, 2_250n + 100n, 70, 70],
      [65_510 + 10, 65_480 + 38, 300n, 65_520, 65_520],
    ]);
  });
  it('a terminal without a good counter or a meter has null good parts and energy', () => {
    const r = hours([s(1, '10:00', 'running', { count: 1 }), s(2, '10:01', 'running', { count: 5 })], '10:00', '11:00');
    expect(r.map((x) => [x.parts, x.good, x.wh])).toEqual([[4, null, null]]);
  });
});

describe('order and duplicates do not matter', () => {
  const stream = [
    s(1, '10:00', 'running', { count: 10, good: 10, wh: 1_000n }),
    s(2, '10:03', 'idle', { count: 14, good: 13, wh: 1_050n }),
    s(3, '10:30', 'running', { count: 14, good: 13, wh: 1_060n }),
    s(4, '10:59:30', 'alarm', { alarm: 'E1', count: 30, good: 29, wh: 1_200n }),
    s(5, '11:01', 'running', { count: 2, good: 2, wh: 1_210n }),
  ];
  it('late, out-of-order and duplicated samples give identical records and spans', () => {
    const expected = hours(stream, '10:00', '12:00');
    const late = [stream[4], stream[0], stream[3], stream[3], stream[1], stream[0], stream[2]] as Sample[];
    expect(hours(late, '10:00', '12:00')).toEqual(expected);
    expect(stateSpans(late, sh('10:00'), sh('12:00'))).toEqual(stateSpans(stream, sh('10:00'), sh('12:00')));
  });
  it('two different messages with one seq: the engine keeps one whatever the order', () => {
    const a = s(9, '10:10', 'running');
    const b = s(9, '10:10', 'stopped');
    expect(canonicalSamples([a, b])).toEqual(canonicalSamples([b, a]));
    expect(canonicalSamples([a, b])).toHaveLength(1);
  });
  it('the store keeps the first message of a seq (mergeSamples)', () => {
    const first = s(2, '10:03', 'idle');
    const again = s(2, '10:04', 'alarm');
    const m = mergeSamples([s(1, '10:00', 'running'), first], [again, s(3, '10:05', 'running'), s(3, '10:05', 'running')]);
    expect(m.duplicates).toHaveLength(2);
    expect(m.accepted.map((x) => x.seq)).toEqual([3n]);
    expect(m.merged.map((x) => [x.seq, x.state])).toEqual([
      [1n, stateCodes.running],
      [2n, stateCodes.idle],
      [3n, stateCodes.running],
    ]);
  });
  it('names the hours to compute again when a sample arrives late', () => {
    expect(affectedHours(sh('10:58'), null)).toEqual({ from: sh('10:00'), to: sh('12:00') });
    expect(affectedHours(sh('10:20'), null)).toEqual({ from: sh('10:00'), to: sh('11:00') });
    expect(affectedHours(sh('10:20'), sh('13:40'))).toEqual({ from: sh('10:00'), to: sh('14:00') });
  });
});

describe('property: random streams, shuffled and duplicated, give the same hour records', () => {
  function rng(seed: number) {
    let x = seed >>> 0;
    return () => {
      x = (x + 0x6d2b79f5) >>> 0;
      let t = x;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const states: StateName[] = ['running', 'idle', 'stopped', 'alarm', 'setup'];
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %d', (seed) => {
    const r = rng(seed);
    const from = sh('2026-05-04 06:00').getTime();
    const samples: Sample[] = [];
    let t = from - 600_000;
    let count = Math.floor(r() * 70_000);
    let wh = BigInt(Math.floor(r() * 1e6));
    for (let i = 0; i < 80 + Math.floor(r() * 150); i++) {
      t += Math.floor(r() * (r() < 0.1 ? 1_800_000 : 240_000)); // mostly close together, some long gaps
      count = r() < 0.05 ? Math.floor(r() * 10) : (count + Math.floor(r() * 40)) % 65_536;
      wh = r() < 0.03 ? 0n : wh + BigInt(Math.floor(r() * 500));
      const state = states[Math.floor(r() * states.length)] as StateName;
      samples.push({
        seq: BigInt(i),
        at: new Date(t + Math.floor(r() * 1000)),
        state: stateCodes[state],
        ...(state === 'alarm' ? { alarm: `E${Math.floor(r() * 3)}` } : {}),
        count,
        good: count,
        wh,
      });
    }
    const window = { from: new Date(from), to: new Date(from + 24 * 3600_000), calendar: DEFAULT_CALENDAR };
    const expected = computeHours({ ...window, samples });
    const shuffled = [...samples, ...samples.filter(() => r() < 0.3)].map((x) => [r(), x] as const).sort((a, b) => a[0] - b[0]);
    expect(computeHours({ ...window, samples: shuffled.map(([, x]) => x) })).toEqual(expected);
    for (const rec of expected) {
      const states6 = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
      expect(states6(rec.planned) + states6(rec.unplanned)).toBe(rec.seconds);
      expect(states6(rec.planned)).toBe(rec.plannedSeconds);
      expect(rec.parts).toBeGreaterThanOrEqual(0);
      expect(rec.wh === null || rec.wh >= 0n).toBe(true);
      expect(Number.isInteger(rec.seconds) && Number.isInteger(rec.plannedSeconds)).toBe(true);
    }
    expect(sumRecords(expected).plannedSeconds).toBe(15 * 3600);
  });
});
