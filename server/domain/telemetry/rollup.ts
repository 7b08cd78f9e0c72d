/**
 * Hour records are the unit the store keeps; shifts, days, weeks are sums of them. A record covers one slice of one
 * UTC hour (hours are also Asia/Shanghai hours: +08:00 has no daylight saving) that lies within one shift occurrence
 * or outside every shift, so an hour that a shift boundary cuts (a shift starting at 07:30) has two records.
 */
import { shanghaiDate } from '../time';
import type { TimelineState } from './payload';

export type StateSeconds = Record<TimelineState, number>;

export type AlarmSeconds = { code: string; seconds: number };

/** Sums over any set of records. Seconds and parts are whole numbers; energy is whole Wh. */
export type Totals = {
  /** Length of the time covered by the records. */
  seconds: number;
  /** Planned (worked, not break) time within it. */
  plannedSeconds: number;
  /** Seconds in each state within planned time (sums to plannedSeconds). */
  planned: StateSeconds;
  /** Seconds in each state outside planned time: breaks, off shift, non-working days. */
  unplanned: StateSeconds;
  /** Parts counted (positive counter differences, resets and rollovers handled). */
  parts: number;
  /** Good parts counted, or null when no reading carried a good-part counter. */
  good: number | null;
  /** Parts counted in the records where good parts were known too (the basis of quality). */
  partsWithGood: number;
  /** Energy consumed in Wh, or null when no reading carried the meter. */
  wh: bigint | null;
  /** Parts counted in the records where energy was known too (the basis of energy per part). */
  partsWithWh: number;
  /** Time in alarm per alarm code ('' when the terminal gave none), ordered by code. */
  alarms: AlarmSeconds[];
  /** Messages (distinct sequence numbers) received with a timestamp in the records. */
  samples: number;
};

export type HourRecord = Totals & {
  /** The UTC start of the hour. */
  hour: Date;
  /** The slice of the hour this record covers, [from, to). */
  from: Date;
  to: Date;
  /** The shift occurrence this slice lies in, or null outside every shift. */
  shift: string | null;
  /** The Asia/Shanghai day that shift started on (YYYY-MM-DD), or null. */
  shiftDay: string | null;
};

export const timelineStates: readonly TimelineState[] = ['running', 'idle', 'stopped', 'alarm', 'setup', 'unknown'];

export function emptyStateSeconds(): StateSeconds {
  return { running: 0, idle: 0, stopped: 0, alarm: 0, setup: 0, unknown: 0 };
}

export function emptyTotals(): Totals {
  return {
    seconds: 0,
    plannedSeconds: 0,
    planned: emptyStateSeconds(),
    unplanned: emptyStateSeconds(),
    parts: 0,
    good: null,
    partsWithGood: 0,
    wh: null,
    partsWithWh: 0,
    alarms: [],
    samples: 0,
  };
}

/** a + b, as a new value. */
export function addTotals(a: Totals, b: Totals): Totals {
  const planned = emptyStateSeconds();
  const unplanned = emptyStateSeconds();
  for (const s of timelineStates) {
    planned[s] = a.planned[s] + b.planned[s];
    unplanned[s] = a.unplanned[s] + b.unplanned[s];
  }
  const alarms = new Map<string, number>();
  for (const x of [...a.alarms, ...b.alarms]) alarms.set(x.code, (alarms.get(x.code) ?? 0) + x.seconds);
  return {
    seconds: a.seconds + b.seconds,
    plannedSeconds: a.plannedSeconds + b.plannedSeconds,
    planned,
    unplanned,
    parts: a.parts + b.parts,
    good: a.good === null && b.good === null ? null : (a.good ?? 0) + (b.good ?? 0),
    partsWithGood: a.partsWithGood + b.partsWithGood,
    wh: a.wh === null && b.wh === null ? null : (a.wh ?? 0n) + (b.wh ?? 0n),
    partsWithWh: a.partsWithWh + b.partsWithWh,
    alarms: [...alarms].map(([code, seconds]) => ({ code, seconds })).sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0)),
    samples: a.samples + b.samples,
  };
}

/** The totals of some records (records stored as HourRecord, or totals read back from the store). */
export function sumRecords(records: readonly Totals[]): Totals {
  return records.reduce<Totals>((sum, r) => addTotals(sum, r), emptyTotals());
}

/** Sums of records grouped by a key, in the order of each group's earliest record. */
export function rollUp<K extends string>(records: readonly HourRecord[], keyOf: (r: HourRecord) => K | null): { key: K; from: Date; totals: Totals }[] {
  const groups = new Map<K, { key: K; from: Date; totals: Totals }>();
  for (const r of records) {
    const key = keyOf(r);
    if (key === null) continue;
    const g = groups.get(key);
    if (!g) groups.set(key, { key, from: r.from, totals: addTotals(emptyTotals(), r) });
    else {
      g.totals = addTotals(g.totals, r);
      if (r.from < g.from) g.from = r.from;
    }
  }
  return [...groups.values()].sort((a, b) => a.from.getTime() - b.from.getTime() || (a.key < b.key ? -1 : 1));
}

/** Per shift occurrence (its shift day and name); time outside every shift is left out. */
export function rollUpByShift(records: readonly HourRecord[]): { shiftDay: string; shift: string; totals: Totals }[] {
  return rollUp(records, (r) => (r.shift === null || r.shiftDay === null ? null : `${r.shiftDay}|${r.shift}`)).map((g) => {
    const [shiftDay, shift] = [g.key.slice(0, 10), g.key.slice(11)];
    return { shiftDay, shift, totals: g.totals };
  });
}

/** Per Asia/Shanghai calendar day of the hour (a night shift's hours after midnight count on the next day). */
export function rollUpByDay(records: readonly HourRecord[]): { day: string; totals: Totals }[] {
  return rollUp(records, (r) => shanghaiDate(r.hour)).map((g) => ({ day: g.key, totals: g.totals }));
}
