/**
 * A simulator of a fleet's terminals: realistic payloads (docs/terminal-protocol.md) for the demo and the tests.
 * Pure and deterministic: the messages of any window are a function of the terminal's profile, the SME's calendar
 * and the window, so a backfill of the last 7 days and the live stream agree, and sending a window twice repeats
 * the same seq numbers (stored once).
 *
 * The model, per terminal (its profile comes from a hash of its key):
 * - time runs in 5-minute blocks; one message a minute (the protocol's heartbeat), so every change of state, which
 *   happens at a block boundary, is reported when it happens;
 * - outside planned time the machine is stopped (switched off); in a break it idles;
 * - in a shift: often a setup at the start, then half-hour stretches that are mostly running or mostly idle (waiting
 *   for material, an operator) according to the machine's utilization, an occasional setup, and now and then an
 *   alarm with a code (FANUC-like numbers);
 * - parts at the machine's cycle time while running; the part counter is reset at midnight (Asia/Shanghai), as
 *   many machines' daily counters are; about 1 % of parts are rejects (good < count);
 * - the energy meter counts kWh at the machine's running, idle and standby power, cumulative since 2026-01-01;
 * - a continuous process (heat treatment) runs around the clock, with a rare over-temperature alarm;
 * - a terminal with `silentAfter` sends nothing from that moment on (the machine whose terminal goes silent).
 * - an injected change (`profile.change`, for proving the measured results): from `at` on, planned blocks that would
 *   not run are made running with the probability that raises the expected running share of planned time by the
 *   factor `utilization`, and every power draw is scaled so that the expected energy per part is `energyPerPart` times
 *   what it was (both expectations taken over a fixed 16-week reference of the machine's own model, see `changeTuning`).
 * seq is the message's time in epoch milliseconds: increasing, unique per terminal, stable across restarts.
 */
import { plannedIntervals, type ShiftCalendar, shiftOccurrences } from '../../domain/telemetry/calendar';
import type { StateName } from '../../domain/telemetry/payload';
import { addDays, shanghaiDate } from '../../domain/time';

const BLOCK_MS = 5 * 60_000;
const MESSAGE_MS = 60_000;
const DAY_MS = 86_400_000;
/** The energy meters' reference: their reading is cumulative since then. */
const ENERGY_EPOCH = Date.parse('2026-01-01T00:00:00+08:00');

export const ALARM_CODES = ['SV0401', 'SV0410', 'OT0500', 'SP9030', 'EX1012', 'PS0070'] as const;

export type SimProfile = {
  key: string;
  seed: number;
  /** share of stretches that are mostly running */
  utilization: number;
  cycleS: number;
  runKw: number;
  idleKw: number;
  offKw: number;
  rejectRate: number;
  baseWh: number;
  /** seconds past the minute at which this terminal sends (terminals are not synchronised) */
  offsetMs: number;
  /** a continuous process (a heat-treatment furnace): it runs around the clock, whatever the shift calendar says */
  continuous: boolean;
  /** a known change from `at` (epoch ms): running share of planned time × utilization, energy per part × energyPerPart */
  change?: SimChange;
};

export type SimChange = { at: number; utilization: number; energyPerPart: number };

export type SimPayload = { seq: number; ts: number; state: StateName; alarm?: string; count: number; good: number; kwh: string };

/** 32-bit FNV-1a of a string. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A uniform number in [0, 1) from a seed and two integers (a small avalanche hash). */
function rand(seed: number, a: number, b: number): number {
  let h = (seed ^ Math.imul(a | 0, 0x9e3779b1) ^ Math.imul((a / 4294967296) | 0, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** A terminal's profile: utilization 45–92 %, cycle 40–150 s, 4–15 kW running. `utilization` may be forced. */
export function profileFor(key: string, opts: { utilization?: number; continuous?: boolean; change?: SimChange } = {}): SimProfile {
  const seed = hashString(key);
  const r = (i: number) => rand(seed, i, 7);
  return {
    key,
    seed,
    utilization: opts.utilization ?? 0.45 + r(1) * 0.47,
    cycleS: Math.round(40 + r(2) * 110),
    runKw: 4 + r(3) * 11,
    idleKw: 0.8 + r(4) * 1.2,
    offKw: 0.05 + r(5) * 0.1,
    rejectRate: 0.004 + r(6) * 0.012,
    baseWh: Math.round(r(8) * 50_000_000),
    offsetMs: Math.floor(r(9) * 60) * 1000,
    continuous: opts.continuous ?? false,
    ...(opts.change ? { change: opts.change } : {}),
  };
}

/** Planned intervals and shift starts per Shanghai day, cached per calendar. */
const dayCache = new WeakMap<ShiftCalendar, Map<string, { planned: [number, number][]; shifts: [number, number][] }>>();
function dayPlan(calendar: ShiftCalendar, day: string) {
  let byDay = dayCache.get(calendar);
  if (!byDay) {
    byDay = new Map();
    dayCache.set(calendar, byDay);
  }
  let plan = byDay.get(day);
  if (!plan) {
    const from = new Date(Date.parse(`${day}T00:00:00+08:00`));
    const to = new Date(from.getTime() + DAY_MS);
    plan = {
      planned: plannedIntervals(calendar, from, to).map((p) => [p.from.getTime(), p.to.getTime()] as [number, number]),
      shifts: shiftOccurrences(calendar, from, to).map((o) => [o.from.getTime(), o.to.getTime()] as [number, number]),
    };
    if (byDay.size > 2_000) byDay.clear();
    byDay.set(day, plan);
  }
  return plan;
}

type BlockState = { state: StateName; alarm?: string };

/** The state of the block starting at `start` (block starts are offsetMs past a 5-minute boundary). */
export function blockState(p: SimProfile, calendar: ShiftCalendar, start: number): BlockState {
  if (!p.change || start < p.change.at || p.continuous) return naturalBlockState(p, calendar, start);
  return boostedBlockState(p, calendar, start, changeTuning(p, calendar).convert);
}

/** Whether the block starting at `start` lies in planned time (a shift, not a break). */
function plannedBlock(calendar: ShiftCalendar, start: number): boolean {
  const mid = start + BLOCK_MS / 2;
  return dayPlan(calendar, shanghaiDate(new Date(mid))).planned.some(([a, b]) => a <= mid && mid < b);
}

function boostedBlockState(p: SimProfile, calendar: ShiftCalendar, start: number, convert: number): BlockState {
  const s = naturalBlockState(p, calendar, start);
  if (s.state === 'running' || convert <= 0 || !plannedBlock(calendar, start)) return s;
  return rand(p.seed, Math.floor(start / BLOCK_MS), 13) < convert ? { state: 'running' } : s;
}

/** The reference the injected change is tuned on: 16 weeks from Monday 2026-01-05 (Shanghai). */
const TUNING_FROM = Date.parse('2026-01-05T00:00:00+08:00');
const TUNING_WEEKS = 16;
const tuningCache = new Map<string, { convert: number; power: number }>();

/**
 * How the injected change is made: the probability of turning a non-running planned block into a running one
 * (q = (f − 1) R ÷ (1 − R), R the running share of planned blocks in the reference), and the factor on every power draw
 * that makes energy per part `energyPerPart` times the reference's (the boost alone already spreads idle energy over
 * more parts).
 */
export function changeTuning(p: SimProfile, calendar: ShiftCalendar): { convert: number; power: number } {
  const c = p.change;
  if (!c) return { convert: 0, power: 1 };
  const k = `${p.seed}|${p.utilization}|${c.utilization}|${c.energyPerPart}|${calendarKey(calendar)}`;
  const hit = tuningCache.get(k);
  if (hit) return hit;
  const first = firstBlockAtOrAfter(p, TUNING_FROM);
  const end = TUNING_FROM + TUNING_WEEKS * 7 * DAY_MS;
  let planned = 0;
  let running = 0;
  for (let b = first; b < end; b += BLOCK_MS) {
    if (!plannedBlock(calendar, b)) continue;
    planned++;
    if (naturalBlockState(p, calendar, b).state === 'running') running++;
  }
  const r = planned ? running / planned : 0;
  const convert = r > 0 && r < 1 ? Math.min(1, Math.max(0, ((c.utilization - 1) * r) / (1 - r))) : 0;
  const perPart = (stateAt: (b: number) => StateName) => {
    let wh = 0;
    let runBlocks = 0;
    for (let b = first; b < end; b += BLOCK_MS) {
      const st = stateAt(b);
      wh += powerKw(p, st);
      if (st === 'running') runBlocks++;
    }
    return runBlocks ? wh / runBlocks : 0;
  };
  const before = perPart((b) => naturalBlockState(p, calendar, b).state);
  const boosted = perPart((b) => boostedBlockState(p, calendar, b, convert).state);
  const out = { convert, power: boosted > 0 ? (c.energyPerPart * before) / boosted : c.energyPerPart };
  tuningCache.set(k, out);
  return out;
}

function naturalBlockState(p: SimProfile, calendar: ShiftCalendar, start: number): BlockState {
  const mid = start + BLOCK_MS / 2;
  if (p.continuous) {
    return rand(p.seed, Math.floor(start / BLOCK_MS), 5) < 0.005 ? { state: 'alarm', alarm: 'OT0500' } : { state: 'running' };
  }
  const plan = dayPlan(calendar, shanghaiDate(new Date(mid)));
  const shift = plan.shifts.find(([a, b]) => a <= mid && mid < b);
  if (!shift) return { state: 'stopped' };
  if (!plan.planned.some(([a, b]) => a <= mid && mid < b)) return { state: 'idle' }; // a break
  const block = Math.floor(start / BLOCK_MS);
  if (mid - shift[0] < 2 * BLOCK_MS && rand(p.seed, Math.floor(shift[0] / BLOCK_MS), 11) < 0.5) return { state: 'setup' };
  const r = rand(p.seed, block, 1);
  if (r < 0.015) return { state: 'alarm', alarm: ALARM_CODES[Math.floor(rand(p.seed, block, 4) * ALARM_CODES.length)] as string };
  if (r < 0.035) return { state: 'setup' };
  const busy = rand(p.seed, Math.floor(start / (6 * BLOCK_MS)), 2) < p.utilization;
  const x = rand(p.seed, block, 3);
  return { state: busy ? (x < 0.93 ? 'running' : 'idle') : x < 0.75 ? 'idle' : 'running' };
}

function powerKw(p: SimProfile, s: StateName): number {
  return s === 'running' ? p.runKw : s === 'stopped' ? p.offKw : s === 'alarm' ? p.idleKw * 1.5 : p.idleKw;
}

/** The power drawn in the block starting at `start` (scaled after an injected change). */
function blockPowerKw(p: SimProfile, calendar: ShiftCalendar, start: number, s: StateName): number {
  const kw = powerKw(p, s);
  return p.change && start >= p.change.at ? kw * changeTuning(p, calendar).power : kw;
}

/** Energy of one Shanghai day's blocks in Wh (blocks starting within the day), cached per profile and calendar. */
const energyCache = new Map<string, number>();
function dayEnergyWh(p: SimProfile, calendar: ShiftCalendar, day: string): number {
  const k = `${p.key}|${p.seed}|${p.change ? `${p.change.at}|${p.change.utilization}|${p.change.energyPerPart}` : ''}|${day}|${calendarKey(calendar)}`;
  const hit = energyCache.get(k);
  if (hit !== undefined) return hit;
  let wh = 0;
  const start = firstBlockAtOrAfter(p, Date.parse(`${day}T00:00:00+08:00`));
  const end = firstBlockAtOrAfter(p, Date.parse(`${day}T00:00:00+08:00`) + DAY_MS);
  for (let b = start; b < end; b += BLOCK_MS) wh += (blockPowerKw(p, calendar, b, blockState(p, calendar, b).state) * 1000 * BLOCK_MS) / 3600_000;
  if (energyCache.size > 500_000) energyCache.clear();
  energyCache.set(k, wh);
  return wh;
}

const calendarKeys = new WeakMap<ShiftCalendar, string>();
function calendarKey(c: ShiftCalendar): string {
  let k = calendarKeys.get(c);
  if (!k) {
    k = String(hashString(JSON.stringify(c)));
    calendarKeys.set(c, k);
  }
  return k;
}

function firstBlockAtOrAfter(p: SimProfile, t: number): number {
  return Math.ceil((t - p.offsetMs) / BLOCK_MS) * BLOCK_MS + p.offsetMs;
}

/** The meter reading (Wh) at the start of the block `blockStart`. */
function meterWhAt(p: SimProfile, calendar: ShiftCalendar, blockStart: number): number {
  const day = shanghaiDate(new Date(blockStart));
  let wh = p.baseWh;
  for (let d = shanghaiDate(new Date(ENERGY_EPOCH)); d < day; d = addDays(d, 1)) wh += dayEnergyWh(p, calendar, d);
  const dayFirst = firstBlockAtOrAfter(p, Date.parse(`${day}T00:00:00+08:00`));
  for (let b = dayFirst; b < blockStart; b += BLOCK_MS) wh += (blockPowerKw(p, calendar, b, blockState(p, calendar, b).state) * 1000 * BLOCK_MS) / 3600_000;
  return wh;
}

/** Parts made since the counter's reset at the first block of the Shanghai day, up to the start of `blockStart`. */
function partsAt(p: SimProfile, calendar: ShiftCalendar, blockStart: number): number {
  const day = shanghaiDate(new Date(blockStart));
  let parts = 0;
  for (let b = firstBlockAtOrAfter(p, Date.parse(`${day}T00:00:00+08:00`)); b < blockStart; b += BLOCK_MS) {
    if (blockState(p, calendar, b).state === 'running') parts += BLOCK_MS / 1000 / p.cycleS;
  }
  return parts;
}

/** The terminal's messages with a time in [from, to), in time order. */
export function simulateTerminal(p: SimProfile, calendar: ShiftCalendar, from: Date, to: Date, opts: { silentAfter?: Date | null } = {}): SimPayload[] {
  const out: SimPayload[] = [];
  const end = Math.min(to.getTime(), opts.silentAfter?.getTime() ?? Number.POSITIVE_INFINITY);
  let t = Math.ceil((from.getTime() - p.offsetMs) / MESSAGE_MS) * MESSAGE_MS + p.offsetMs;
  if (t >= end) return out;
  let block = Math.floor((t - p.offsetMs) / BLOCK_MS) * BLOCK_MS + p.offsetMs;
  let parts = partsAt(p, calendar, block);
  let wh = meterWhAt(p, calendar, block);
  let day = shanghaiDate(new Date(block));
  let state = blockState(p, calendar, block);
  for (; t < end; t += MESSAGE_MS) {
    while (t >= block + BLOCK_MS) {
      if (state.state === 'running') parts += BLOCK_MS / 1000 / p.cycleS;
      wh += (blockPowerKw(p, calendar, block, state.state) * 1000 * BLOCK_MS) / 3600_000;
      block += BLOCK_MS;
      state = blockState(p, calendar, block);
      const d = shanghaiDate(new Date(block));
      if (d !== day) {
        day = d;
        parts = 0; // the daily counter reset
      }
    }
    const within = (t - block) / 1000;
    const count = Math.floor(parts + (state.state === 'running' ? within / p.cycleS : 0));
    const meter = wh + (blockPowerKw(p, calendar, block, state.state) * 1000 * within) / 3600;
    out.push({
      seq: t,
      ts: t,
      state: state.state,
      ...(state.alarm ? { alarm: state.alarm } : {}),
      count,
      good: count - Math.floor(count * p.rejectRate),
      kwh: (Math.floor(meter) / 1000).toFixed(3),
    });
  }
  return out;
}

/** The JSON text a terminal sends for a payload (timestamps as ISO text with the Shanghai offset, as Chinese terminals do). */
export function payloadJson(m: SimPayload): string {
  const ts = new Date(m.ts + 8 * 3600_000).toISOString().replace('Z', '+08:00');
  return JSON.stringify({ seq: m.seq, ts, state: m.state, ...(m.alarm ? { alarm: m.alarm } : {}), count: m.count, good: m.good, kwh: m.kwh });
}
