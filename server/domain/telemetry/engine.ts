/**
 * The state engine: a terminal's samples → a timeline of states and hour records. Pure and deterministic: the same
 * set of samples gives the same output whatever order they arrive in and however often each arrives.
 *
 * Rules
 * - Time resolution is one second: sample times and the window are truncated to the whole second.
 * - Samples are read in time order (then by seq). The same seq is the same message: it counts once.
 * - A sample's state holds from its time until the next sample, but never longer than the heartbeat timeout (default
 *   5 minutes) after it; time not covered so is 'unknown' — never stopped, never running. A state crosses hour,
 *   shift and day boundaries and is split at each.
 * - Parts, good parts and energy are differences between consecutive readings of each counter (counters.ts), counted
 *   in the slice that holds the later reading. A reading after a gap counts everything since the previous reading.
 * - What the caller passes: the samples with a time in [from, to) and the latest sample before `from` (it carries
 *   the state into the window and is the counters' baseline). Samples at or after `to` are ignored.
 */
import { plannedIntervals, type ShiftCalendar, shiftOccurrences } from './calendar';
import { counterDelta, meterDeltaWh } from './counters';
import { type Sample, stateName, type TimelineState } from './payload';
import { emptyStateSeconds, type HourRecord } from './rollup';

export const DEFAULT_HEARTBEAT_TIMEOUT_MS = 5 * 60_000;
const HOUR_MS = 3600_000;

export type StateSpan = { from: Date; to: Date; state: TimelineState; alarm?: string };
export type EngineInput = {
  samples: readonly Sample[];
  from: Date;
  to: Date;
  calendar: ShiftCalendar;
  heartbeatTimeoutMs?: number;
};

const sec = (t: number) => Math.floor(t / 1000) * 1000;

function sampleKey(s: Sample): string {
  const extra = s.extra ? JSON.stringify(Object.entries(s.extra).sort(([a], [b]) => (a < b ? -1 : 1))) : '';
  return [s.at.getTime(), s.state, s.alarm ?? '', s.count ?? '', s.good ?? '', s.wh ?? '', extra].join('\u0000');
}

/**
 * The samples as the engine reads them: one per seq, in time order (then seq). The store keeps the first message of
 * a seq (mergeSamples); should two different ones reach the engine anyway, it keeps the one whose content sorts
 * first, so that the result still does not depend on the input order.
 */
export function canonicalSamples(samples: readonly Sample[]): Sample[] {
  const bySeq = new Map<bigint, { sample: Sample; key: string }>();
  for (const s of samples) {
    const key = sampleKey(s);
    const kept = bySeq.get(s.seq);
    if (!kept || key < kept.key) bySeq.set(s.seq, { sample: s, key });
  }
  return [...bySeq.values()].map((v) => v.sample).sort((a, b) => sec(a.at.getTime()) - sec(b.at.getTime()) || (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
}

/**
 * What the store does with incoming messages: a seq it already holds (or that came earlier in the same delivery) is
 * a duplicate and changes nothing — the first message of a seq wins, even if a later one differs.
 */
export function mergeSamples(existing: readonly Sample[], incoming: readonly Sample[]): { merged: Sample[]; accepted: Sample[]; duplicates: Sample[] } {
  const seen = new Set(existing.map((s) => s.seq));
  const accepted: Sample[] = [];
  const duplicates: Sample[] = [];
  for (const s of incoming) {
    if (seen.has(s.seq)) duplicates.push(s);
    else {
      seen.add(s.seq);
      accepted.push(s);
    }
  }
  return { merged: canonicalSamples([...existing, ...accepted]), accepted, duplicates };
}

type Span = { from: number; to: number; state: TimelineState; alarm?: string };

function spansOf(sorted: readonly Sample[], lo: number, hi: number, timeout: number): Span[] {
  const out: Span[] = [];
  const push = (from: number, to: number, state: TimelineState, alarm?: string) => {
    if (to <= from) return;
    const last = out[out.length - 1];
    if (last && last.to === from && last.state === state && last.alarm === alarm) last.to = to;
    else out.push(alarm === undefined ? { from, to, state } : { from, to, state, alarm });
  };
  let cursor = lo;
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i] as Sample;
    const at = sec(s.at.getTime());
    const next = sorted[i + 1];
    const end = Math.min(next ? sec(next.at.getTime()) : Number.POSITIVE_INFINITY, at + timeout, hi);
    const start = Math.max(at, lo);
    if (end <= start) continue;
    push(cursor, start, 'unknown');
    const state = stateName(s.state);
    push(start, end, state, state === 'alarm' ? (s.alarm ?? '') : undefined);
    cursor = end;
  }
  push(cursor, hi, 'unknown');
  return out;
}

/** The timeline of [from, to): contiguous spans, equal neighbours merged, no data as 'unknown'. */
export function stateSpans(samples: readonly Sample[], from: Date, to: Date, heartbeatTimeoutMs = DEFAULT_HEARTBEAT_TIMEOUT_MS): StateSpan[] {
  const lo = sec(from.getTime());
  const hi = sec(to.getTime());
  return spansOf(canonicalSamples(samples), lo, hi, sec(heartbeatTimeoutMs)).map((s) => ({ ...s, from: new Date(s.from), to: new Date(s.to) }));
}

type Slice = { from: number; to: number; shift: string | null; shiftDay: string | null };

/** [lo, hi) cut at every hour and at every shift start and end. */
function slicesOf(calendar: ShiftCalendar, lo: number, hi: number): Slice[] {
  const occurrences = shiftOccurrences(calendar, new Date(lo), new Date(hi));
  const cuts = new Set<number>([lo, hi]);
  for (let h = Math.floor(lo / HOUR_MS) * HOUR_MS + HOUR_MS; h < hi; h += HOUR_MS) cuts.add(h);
  for (const o of occurrences) for (const t of [o.from.getTime(), o.to.getTime()]) if (t > lo && t < hi) cuts.add(t);
  const points = [...cuts].sort((a, b) => a - b);
  const slices: Slice[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const occ = occurrences.find((o) => o.from.getTime() <= from && from < o.to.getTime());
    slices.push({ from, to: points[i + 1] as number, shift: occ?.shift ?? null, shiftDay: occ?.shiftDay ?? null });
  }
  return slices;
}

function newRecord(s: Slice): HourRecord {
  return {
    hour: new Date(Math.floor(s.from / HOUR_MS) * HOUR_MS),
    from: new Date(s.from),
    to: new Date(s.to),
    shift: s.shift,
    shiftDay: s.shiftDay,
    seconds: (s.to - s.from) / 1000,
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

/** Index of the slice holding t (slices are sorted and contiguous), or -1. */
function sliceIndex(slices: readonly Slice[], t: number): number {
  let lo = 0;
  let hi = slices.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = slices[mid] as Slice;
    if (t < s.from) hi = mid - 1;
    else if (t >= s.to) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function addTime(records: HourRecord[], slices: readonly Slice[], spans: readonly Span[], planned: readonly { from: number; to: number }[]) {
  const points = new Set<number>();
  for (const list of [slices, spans, planned]) for (const x of list) points.add(x.from).add(x.to);
  const sorted = [...points].sort((a, b) => a - b);
  const alarms = records.map(() => new Map<string, number>());
  let si = 0;
  let pi = 0;
  let ki = 0;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const p = sorted[i] as number;
    const q = sorted[i + 1] as number;
    while (ki < slices.length && (slices[ki] as Slice).to <= p) ki++;
    while (si < spans.length && (spans[si] as Span).to <= p) si++;
    while (pi < planned.length && (planned[pi] as { to: number }).to <= p) pi++;
    const slice = slices[ki];
    const span = spans[si];
    if (!slice || !span || p < slice.from || p < span.from) continue;
    const record = records[ki] as HourRecord;
    const seconds = (q - p) / 1000;
    const inPlan = pi < planned.length && (planned[pi] as { from: number }).from <= p;
    (inPlan ? record.planned : record.unplanned)[span.state] += seconds;
    if (inPlan) record.plannedSeconds += seconds;
    if (span.state === 'alarm') {
      const m = alarms[ki] as Map<string, number>;
      m.set(span.alarm ?? '', (m.get(span.alarm ?? '') ?? 0) + seconds);
    }
  }
  records.forEach((r, i) => {
    r.alarms = [...(alarms[i] as Map<string, number>)]
      .map(([code, seconds]) => ({ code, seconds }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  });
}

function addCounts(records: HourRecord[], slices: readonly Slice[], sorted: readonly Sample[]) {
  let count: number | undefined;
  let good: number | undefined;
  let wh: bigint | undefined;
  for (const s of sorted) {
    const k = sliceIndex(slices, sec(s.at.getTime()));
    const r = k >= 0 ? records[k] : undefined;
    if (r) r.samples += 1;
    if (s.count !== undefined) {
      if (r && count !== undefined) r.parts += counterDelta(count, s.count);
      count = s.count;
    }
    if (s.good !== undefined) {
      if (r && good !== undefined) r.good = (r.good ?? 0) + counterDelta(good, s.good);
      good = s.good;
    }
    if (s.wh !== undefined) {
      if (r && wh !== undefined) r.wh = (r.wh ?? 0n) + meterDeltaWh(wh, s.wh);
      wh = s.wh;
    }
  }
  for (const r of records) {
    if (r.good !== null) r.partsWithGood = r.parts;
    if (r.wh !== null) r.partsWithWh = r.parts;
  }
}

/**
 * Hour records for [from, to) (whole seconds; normally whole hours, `to` at most now). A slice that was neither
 * planned nor has any data is left out: its absence means nothing was planned and nothing was heard.
 */
export function computeHours(input: EngineInput): HourRecord[] {
  const lo = sec(input.from.getTime());
  const hi = sec(input.to.getTime());
  if (hi <= lo) return [];
  const sorted = canonicalSamples(input.samples);
  const spans = spansOf(sorted, lo, hi, sec(input.heartbeatTimeoutMs ?? DEFAULT_HEARTBEAT_TIMEOUT_MS));
  const slices = slicesOf(input.calendar, lo, hi);
  const planned = plannedIntervals(input.calendar, new Date(lo), new Date(hi)).map((p) => ({ from: p.from.getTime(), to: p.to.getTime() }));
  const records = slices.map(newRecord);
  addTime(records, slices, spans, planned);
  addCounts(records, slices, sorted);
  return records.filter((r) => r.plannedSeconds > 0 || r.samples > 0 || r.planned.unknown + r.unplanned.unknown < r.seconds);
}

/**
 * The hours to compute again when a sample at `at` arrives late: from its hour to the hour holding whichever is
 * later of its heartbeat timeout and the next stored sample (whose counter difference it changes), inclusive.
 */
export function affectedHours(at: Date, nextSampleAt: Date | null, heartbeatTimeoutMs = DEFAULT_HEARTBEAT_TIMEOUT_MS): { from: Date; to: Date } {
  const start = Math.floor(at.getTime() / HOUR_MS) * HOUR_MS;
  const last = Math.max(at.getTime() + heartbeatTimeoutMs, nextSampleAt?.getTime() ?? 0);
  return { from: new Date(start), to: new Date(Math.floor(last / HOUR_MS) * HOUR_MS + HOUR_MS) };
}
