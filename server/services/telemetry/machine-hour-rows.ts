/**
 * The store's shape of the engine's output, and back: one MachineHour row per machine and UTC hour (the engine's
 * hour records are slices of an hour cut at shift boundaries; the row is their sum), and the totals a row stands for
 * when read back (server/domain/telemetry/rollup.ts). Pure, so that the job and the reads agree on one mapping.
 */
import { type HourRecord, sumRecords, type Totals, type timelineStates } from '../../domain/telemetry/rollup';

export type MachineHourValues = {
  hour: Date;
  plannedS: number;
  runningS: number;
  idleS: number;
  stoppedS: number;
  alarmS: number;
  setupS: number;
  unknownS: number;
  plannedRunningS: number;
  plannedIdleS: number;
  plannedStoppedS: number;
  plannedAlarmS: number;
  plannedSetupS: number;
  plannedUnknownS: number;
  parts: number;
  goodParts: number | null;
  wh: bigint | null;
  samples: number;
  /** alarm code → seconds in alarm within the hour ('' when the terminal gave no code), or null when none */
  alarms: Record<string, number> | null;
};

const round = (s: number) => Math.round(s);

/** The row of one hour from the engine's records of that hour (all records must share `hour`). Null when there are none. */
export function machineHourValues(records: readonly HourRecord[]): MachineHourValues | null {
  const first = records[0];
  if (!first) return null;
  const t = sumRecords(records);
  const all = (s: (typeof timelineStates)[number]) => round(t.planned[s] + t.unplanned[s]);
  return {
    hour: first.hour,
    plannedS: round(t.plannedSeconds),
    runningS: all('running'),
    idleS: all('idle'),
    stoppedS: all('stopped'),
    alarmS: all('alarm'),
    setupS: all('setup'),
    unknownS: all('unknown'),
    plannedRunningS: round(t.planned.running),
    plannedIdleS: round(t.planned.idle),
    plannedStoppedS: round(t.planned.stopped),
    plannedAlarmS: round(t.planned.alarm),
    plannedSetupS: round(t.planned.setup),
    plannedUnknownS: round(t.planned.unknown),
    parts: t.parts,
    goodParts: t.good,
    wh: t.wh,
    samples: t.samples,
    alarms: t.alarms.length ? Object.fromEntries(t.alarms.map((a) => [a.code, round(a.seconds)])) : null,
  };
}

/** Groups hour records by their UTC hour, in time order. */
export function recordsByHour(records: readonly HourRecord[]): HourRecord[][] {
  const byHour = new Map<number, HourRecord[]>();
  for (const r of records) {
    const k = r.hour.getTime();
    const list = byHour.get(k);
    if (list) list.push(r);
    else byHour.set(k, [r]);
  }
  return [...byHour.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
}

/** What a stored row reads back as (alarms as JSON, seconds per state, counts). */
export type MachineHourRow = Omit<MachineHourValues, 'hour' | 'alarms'> & { alarms?: unknown };

/**
 * The totals a row stands for. Time outside planned time is the row's state seconds minus its planned ones; the
 * hour's length is the sum of its state seconds (unknown included). Good parts and energy are known for all of
 * the row's parts when the row carries them (a row is the basis of quality and energy per part as a whole).
 */
export function totalsOfRow(r: MachineHourRow): Totals {
  const planned = {
    running: r.plannedRunningS,
    idle: r.plannedIdleS,
    stopped: r.plannedStoppedS,
    alarm: r.plannedAlarmS,
    setup: r.plannedSetupS,
    unknown: r.plannedUnknownS,
  };
  const unplanned = {
    running: r.runningS - r.plannedRunningS,
    idle: r.idleS - r.plannedIdleS,
    stopped: r.stoppedS - r.plannedStoppedS,
    alarm: r.alarmS - r.plannedAlarmS,
    setup: r.setupS - r.plannedSetupS,
    unknown: r.unknownS - r.plannedUnknownS,
  };
  const alarms =
    r.alarms && typeof r.alarms === 'object' && !Array.isArray(r.alarms)
      ? Object.entries(r.alarms as Record<string, unknown>)
          .filter((e): e is [string, number] => typeof e[1] === 'number')
          .map(([code, seconds]) => ({ code, seconds }))
          .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      : [];
  return {
    seconds: r.runningS + r.idleS + r.stoppedS + r.alarmS + r.setupS + r.unknownS,
    plannedSeconds: r.plannedS,
    planned,
    unplanned,
    parts: r.parts,
    good: r.goodParts,
    partsWithGood: r.goodParts === null ? 0 : r.parts,
    wh: r.wh,
    partsWithWh: r.wh === null ? 0 : r.parts,
    alarms,
    samples: r.samples,
  };
}
