import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, plannedIntervals } from '../../domain/telemetry/calendar';
import { computeHours } from '../../domain/telemetry/engine';
import { parsePayload, stateCodes } from '../../domain/telemetry/payload';
import { sumRecords } from '../../domain/telemetry/rollup';
import { ALARM_CODES, payloadJson, profileFor, simulateTerminal } from './simulator';
import type { SimTerminal } from './simulator-runner';

const day = (d: string) => new Date(`${d}T00:00:00+08:00`);
const HOUR = 3600_000;

describe('fleet simulator', () => {
  const p = profileFor('demo-terminal-1', { utilization: 0.8 });
  const from = day('2026-11-23'); // a Monday
  const to = new Date(from.getTime() + 2 * 86_400_000);
  const msgs = simulateTerminal(p, DEFAULT_CALENDAR, from, to);

  it('sends one message a minute, seq increasing, every one a valid payload of the protocol', () => {
    expect(msgs).toHaveLength(2 * 1440);
    for (let i = 1; i < msgs.length; i++) expect((msgs[i]?.seq ?? 0) - (msgs[i - 1]?.seq ?? 0)).toBe(60_000);
    for (const m of msgs.slice(0, 300)) {
      const parsed = parsePayload(payloadJson(m));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.sample.at.getTime()).toBe(m.ts);
    }
  });

  it('is a function of the window: a backfill and the live stream agree message for message', () => {
    const mid = new Date(from.getTime() + 29 * HOUR + 17 * 60_000 + 5_000);
    const split = [...simulateTerminal(p, DEFAULT_CALENDAR, from, mid), ...simulateTerminal(p, DEFAULT_CALENDAR, mid, to)];
    expect(split).toEqual(msgs);
  });

  it('stops the machine outside shifts, idles it in breaks, and runs it mostly in planned time; alarms carry codes', () => {
    const planned = plannedIntervals(DEFAULT_CALENDAR, from, to);
    const inPlan = (t: number) => planned.some((x) => x.from.getTime() <= t && t < x.to.getTime());
    const off = msgs.filter((m) => !inPlan(m.ts) && new Date(m.ts + 8 * HOUR).getUTCHours() < 7);
    expect(off.every((m) => m.state === 'stopped')).toBe(true);
    const lunch = msgs.filter((m) => {
      const h = new Date(m.ts + 8 * HOUR);
      return h.getUTCHours() === 12 && h.getUTCMinutes() >= 2 && h.getUTCMinutes() < 28;
    });
    expect(lunch.every((m) => m.state === 'idle')).toBe(true);
    const states = new Set(msgs.filter((m) => inPlan(m.ts)).map((m) => m.state));
    expect(states).toContain('running');
    expect(states).toContain('idle');
    const alarms = msgs.filter((m) => m.state === 'alarm');
    for (const a of alarms) expect(ALARM_CODES).toContain(a.alarm);
  });

  it('counts parts at the cycle time, resets the counter at midnight, and never lets the energy meter go back', () => {
    for (let i = 1; i < msgs.length; i++) {
      const a = msgs[i - 1] as (typeof msgs)[number];
      const b = msgs[i] as (typeof msgs)[number];
      if (b.count < a.count) expect(new Date(b.ts + 8 * HOUR).getUTCHours()).toBe(0);
      expect(Number(b.kwh)).toBeGreaterThanOrEqual(Number(a.kwh));
      expect(b.good).toBeLessThanOrEqual(b.count);
    }
    const resets = msgs.filter((m, i) => i > 0 && m.count < (msgs[i - 1]?.count ?? 0));
    expect(resets).toHaveLength(1);
  });

  it('gives the state engine a working day whose utilization follows the profile', () => {
    const samples = msgs.map((m) => ({
      seq: BigInt(m.seq),
      at: new Date(m.ts),
      state: stateCodes[m.state],
      count: m.count,
      wh: BigInt(Math.round(Number(m.kwh) * 1000)),
    }));
    const t = sumRecords(computeHours({ samples, from, to: new Date(from.getTime() + 86_400_000), calendar: DEFAULT_CALENDAR }));
    expect(t.plannedSeconds).toBe(15 * 3600);
    expect(t.planned.unknown).toBe(0);
    const utilization = t.planned.running / t.plannedSeconds;
    expect(utilization).toBeGreaterThan(0.5);
    expect(utilization).toBeLessThan(0.95);
    expect(t.parts).toBeGreaterThan(100);
    expect(t.wh).not.toBeNull();
  });

  it('goes silent: nothing from silentAfter on', () => {
    const silentAfter = new Date(from.getTime() + 10 * HOUR);
    const quiet = simulateTerminal(p, DEFAULT_CALENDAR, from, to, { silentAfter });
    expect(quiet.length).toBe(600);
    expect(quiet.every((m) => m.ts < silentAfter.getTime())).toBe(true);
  });

  it('runs a continuous process around the clock', () => {
    const furnace = profileFor('furnace-1', { continuous: true });
    const night = simulateTerminal(furnace, DEFAULT_CALENDAR, new Date(from.getTime() + 2 * HOUR), new Date(from.getTime() + 5 * HOUR));
    expect(night.filter((m) => m.state === 'running').length).toBeGreaterThan(night.length * 0.8);
  });

  it('gives each terminal its own profile, the same every time', () => {
    expect(profileFor('a')).toEqual(profileFor('a'));
    expect(profileFor('a').cycleS === profileFor('b').cycleS && profileFor('a').runKw === profileFor('b').runKw).toBe(false);
  });
});

describe('the running simulator', () => {
  it('sends the live stream first — a sample of the last minutes before any history — then the history newest first', async () => {
    const { startSimulator } = await import('./simulator-runner');
    const sent: { first: number; last: number }[] = [];
    const t: SimTerminal = {
      terminalId: 't1',
      serial: 'TM-2409-000001',
      secret: 's',
      gateway: null,
      calendar: DEFAULT_CALENDAR,
      role: 'reports',
      profile: profileFor('t1', { utilization: 0.8 }),
    };
    const startedAt = new Date('2026-11-25T03:00:00Z');
    const sim = startSimulator({
      fleet: [t],
      now: () => startedAt,
      backfillDays: 1,
      tickMs: 60_000,
      sink: {
        async send(_t, messages) {
          const ts = messages.map((m) => (JSON.parse(m) as { ts: string }).ts).map((x) => new Date(x).getTime());
          sent.push({ first: Math.min(...ts), last: Math.max(...ts) });
        },
      },
    });
    await sim.backfilled;
    await sim.stop();
    // the first window sent is the live one: within the two minutes before the start
    expect(startedAt.getTime() - (sent[0]?.first ?? 0)).toBeLessThanOrEqual(2 * 60_000);
    // then the history, each window older than the one before, down to a day back
    const history = sent.slice(1);
    for (let i = 1; i < history.length; i++) expect(history[i]?.last).toBeLessThan(history[i - 1]?.first ?? 0);
    expect(startedAt.getTime() - (history.at(-1)?.first ?? 0)).toBeGreaterThan(23 * HOUR);
  });
});
