/**
 * The figures shown for a machine over any period (an hour, a shift, a day, a week), from the totals of its hour
 * records. Definitions (one home for each; callers never re-derive them):
 * - covered time = planned time − planned time in 'unknown'. Unknown time is never counted as running or stopped:
 *   every time-based figure is over the covered planned time, and carries its coverage (covered ÷ planned) so that
 *   a figure resting on little data says so (lowCoverage below MIN_COVERAGE, 80 %).
 * - utilization (稼动率) = running ÷ covered planned time.
 * - availability (时间开动率) = (running + idle) ÷ covered planned time: the share of planned time the machine was
 *   up and able to produce. Stopped, alarm (breakdown) and setup/changeover are availability losses; idle (powered,
 *   waiting: minor stops, no material) is a performance loss, as in the TPM six big losses.
 * - performance (性能开动率) = ideal cycle time × parts ÷ operating time, operating time = running + idle (planned or
 *   not, like the parts). With availability as above this keeps OEE = ideal cycle × good parts ÷ covered planned
 *   time and counts idle time once. Not capped: a value above 100 % says the ideal cycle time is set too slow.
 * - quality = good parts ÷ parts, over the records where good parts were reported.
 * - OEE = availability × performance × quality, only with an ideal cycle time and good-part counts; otherwise null.
 * - energy per part = Wh ÷ parts over the records where the meter reported, rounded half-up to 0.01 Wh.
 * Ratios are fractions (0.85 = 85 %), null when their basis is zero or missing.
 */
import type { Totals } from './rollup';

export const MIN_COVERAGE = 0.8;

export type Figure<T> = {
  value: T | null;
  /** Covered ÷ planned time of the period, null when nothing was planned. */
  coverage: number | null;
  /** Coverage below the threshold: show the figure as resting on partial data. */
  lowCoverage: boolean;
  /** Planned time came from the default calendar (the SME has not set its own). */
  defaultCalendar: boolean;
};

export type Figures = {
  plannedSeconds: number;
  coveredSeconds: number;
  utilization: Figure<number>;
  availability: Figure<number>;
  performance: Figure<number>;
  quality: Figure<number>;
  oee: Figure<number>;
  /** Parts produced (output). */
  output: Figure<number>;
  goodParts: Figure<number>;
  energyWh: Figure<bigint>;
  whPerPart: Figure<number>;
};

export type FigureOptions = {
  /** The machine's ideal cycle time in seconds per part, if known. */
  idealCycleSeconds?: number | null;
  defaultCalendar: boolean;
  minCoverage?: number;
};

/** Wh ÷ parts rounded half-up to 0.01 Wh, exactly (integer arithmetic). */
export function energyPerPart(wh: bigint, parts: number): number | null {
  if (parts <= 0) return null;
  const p = BigInt(parts);
  const centi = (wh * 200n + p) / (2n * p);
  return Number(centi) / 100;
}

/** Planned seconds with data ÷ planned seconds of any totals (an hour record, a shift, a day); null when nothing was planned. */
export function coverageOf(t: Totals): number | null {
  return t.plannedSeconds > 0 ? (t.plannedSeconds - t.planned.unknown) / t.plannedSeconds : null;
}

export function figures(t: Totals, opts: FigureOptions): Figures {
  const covered = t.plannedSeconds - t.planned.unknown;
  const coverage = coverageOf(t);
  const lowCoverage = coverage === null || coverage < (opts.minCoverage ?? MIN_COVERAGE);
  const wrap = <T>(value: T | null): Figure<T> => ({ value, coverage, lowCoverage, defaultCalendar: opts.defaultCalendar });
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

  const availability = ratio(t.planned.running + t.planned.idle, covered);
  const operating = t.planned.running + t.planned.idle + t.unplanned.running + t.unplanned.idle;
  const ideal = opts.idealCycleSeconds ?? null;
  const performance = ideal !== null && ideal > 0 ? ratio(ideal * t.parts, operating) : null;
  const quality = t.good !== null ? ratio(t.good, t.partsWithGood) : null;
  const oee = availability !== null && performance !== null && quality !== null ? availability * performance * quality : null;

  return {
    plannedSeconds: t.plannedSeconds,
    coveredSeconds: covered,
    utilization: wrap(ratio(t.planned.running, covered)),
    availability: wrap(availability),
    performance: wrap(performance),
    quality: wrap(quality),
    oee: wrap(oee),
    output: wrap(t.parts),
    goodParts: wrap(t.good),
    energyWh: wrap(t.wh),
    whPerPart: wrap(t.wh !== null ? energyPerPart(t.wh, t.partsWithWh) : null),
  };
}
