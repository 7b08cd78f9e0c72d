/**
 * Measured results of a retrofit from the machines' hour records: a baseline window (before the new way of working
 * went live) against a result window (e.g. days 31–90 after commissioning), per machine and in total.
 * Every ratio is an integer: basis points (1 % = 100 bp) or hundredths, rounded half up from integer sums, so that a
 * figure is the same on every machine and in every test. Time is over the **covered** planned time (planned time with
 * data, as in server/domain/telemetry/figures.ts): unknown time is never counted as running or stopped. A window whose
 * coverage (covered ÷ planned) is below the stated minimum gives no figure: it is refused, and says how much data it has.
 */

/** Sums of a machine's hour records over one window, with the planned time no record covers counted as planned. */
export type WindowTotals = {
  /** Planned seconds by the SME's calendar over the window (silent hours included). */
  plannedS: number;
  /** Planned seconds with data. */
  coveredS: number;
  /** Running seconds within planned time. */
  runningS: number;
  parts: number;
  /** Parts of the records where good parts were reported, and those good parts. */
  partsWithGood: number;
  good: number;
  /** Parts of the records where the energy meter reported, and that energy (Wh). */
  partsWithWh: number;
  wh: bigint;
};

export const EMPTY_TOTALS: WindowTotals = { plannedS: 0, coveredS: 0, runningS: 0, parts: 0, partsWithGood: 0, good: 0, partsWithWh: 0, wh: 0n };

export function addTotals(a: WindowTotals, b: WindowTotals): WindowTotals {
  return {
    plannedS: a.plannedS + b.plannedS,
    coveredS: a.coveredS + b.coveredS,
    runningS: a.runningS + b.runningS,
    parts: a.parts + b.parts,
    partsWithGood: a.partsWithGood + b.partsWithGood,
    good: a.good + b.good,
    partsWithWh: a.partsWithWh + b.partsWithWh,
    wh: a.wh + b.wh,
  };
}

/** Below this coverage (basis points of planned time with data) a window gives no figure. */
export const MIN_COVERAGE_BP = 8000;

/** round(n ÷ d) half up for non-negative d > 0, on bigints; n may be negative (rounds half away from zero). */
export function ratioRound(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('ratio of a non-positive denominator');
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return neg ? -q : q;
}

const big = (n: number) => BigInt(Math.round(n));

/** Covered ÷ planned in basis points, rounded down (a window never passes a threshold by rounding); null when nothing was planned. */
export function coverageBp(t: WindowTotals): number | null {
  return t.plannedS > 0 ? Number((big(t.coveredS) * 10_000n) / big(t.plannedS)) : null;
}

export type WindowFigures = {
  coverageBp: number | null;
  /** running ÷ covered planned time, bp */
  utilizationBp: number | null;
  /** parts per covered planned hour, in hundredths of a part */
  outputPerHourCenti: number | null;
  /** Wh per part, in hundredths of a Wh */
  whPerPartCenti: number | null;
  /** (parts − good) ÷ parts, bp, over the records with good parts */
  scrapBp: number | null;
};

export function windowFigures(t: WindowTotals): WindowFigures {
  const covered = big(t.coveredS);
  return {
    coverageBp: coverageBp(t),
    utilizationBp: covered > 0n ? Number(ratioRound(big(t.runningS) * 10_000n, covered)) : null,
    outputPerHourCenti: covered > 0n ? Number(ratioRound(big(t.parts) * 360_000n, covered)) : null,
    whPerPartCenti: t.partsWithWh > 0 ? Number(ratioRound(t.wh * 100n, big(t.partsWithWh))) : null,
    scrapBp: t.partsWithGood > 0 ? Number(ratioRound(big(t.partsWithGood - t.good) * 10_000n, big(t.partsWithGood))) : null,
  };
}

/** (after − before) ÷ before in basis points; null without both or with a zero before. */
export function relativeBp(before: number | null, after: number | null): number | null {
  if (before === null || after === null || before === 0) return null;
  return Number(ratioRound(big(after - before) * 10_000n, big(before)));
}

export type Comparison = {
  before: WindowFigures;
  after: WindowFigures;
  /** Either window below the minimum coverage: no change is stated. */
  refused: boolean;
  /** utilization after − before, in bp (percentage points × 100) */
  utilizationPointsBp: number | null;
  /** relative changes, bp */
  utilizationChangeBp: number | null;
  outputPerHourChangeBp: number | null;
  whPerPartChangeBp: number | null;
};

export function compareWindows(before: WindowTotals, after: WindowTotals, minCoverageBp = MIN_COVERAGE_BP): Comparison {
  const b = windowFigures(before);
  const a = windowFigures(after);
  const refused = b.coverageBp === null || a.coverageBp === null || b.coverageBp < minCoverageBp || a.coverageBp < minCoverageBp;
  if (refused)
    return { before: b, after: a, refused, utilizationPointsBp: null, utilizationChangeBp: null, outputPerHourChangeBp: null, whPerPartChangeBp: null };
  return {
    before: b,
    after: a,
    refused,
    utilizationPointsBp: b.utilizationBp !== null && a.utilizationBp !== null ? a.utilizationBp - b.utilizationBp : null,
    utilizationChangeBp: relativeBp(b.utilizationBp, a.utilizationBp),
    outputPerHourChangeBp: relativeBp(b.outputPerHourCenti, a.outputPerHourCenti),
    whPerPartChangeBp: relativeBp(b.whPerPartCenti, a.whPerPartCenti),
  };
}

export type MachineWindows = { machineId: string; assetTag: string; before: WindowTotals; after: WindowTotals };

export type Measurement = {
  machines: (Comparison & { machineId: string; assetTag: string })[];
  /** All machines together (sums of their seconds, parts and energy, so each weighs by its planned time). */
  total: Comparison;
  totals: { before: WindowTotals; after: WindowTotals };
  minCoverageBp: number;
};

export function measure(machines: readonly MachineWindows[], minCoverageBp = MIN_COVERAGE_BP): Measurement {
  let before = EMPTY_TOTALS;
  let after = EMPTY_TOTALS;
  for (const m of machines) {
    before = addTotals(before, m.before);
    after = addTotals(after, m.after);
  }
  return {
    machines: machines.map((m) => ({ machineId: m.machineId, assetTag: m.assetTag, ...compareWindows(m.before, m.after, minCoverageBp) })),
    total: compareWindows(before, after, minCoverageBp),
    totals: { before, after },
    minCoverageBp,
  };
}

/**
 * A window's totals from the sums of its hour records (server/domain/telemetry/rollup.ts `Totals`) and the planned
 * seconds of the SME's calendar over the window: planned time no record covers (the machine was silent) is planned
 * and unknown, so it lowers the coverage, never the utilization.
 */
export function fromTotals(
  t: {
    plannedSeconds: number;
    planned: { running: number; unknown: number };
    parts: number;
    good: number | null;
    partsWithGood: number;
    wh: bigint | null;
    partsWithWh: number;
  },
  calendarPlannedS: number,
): WindowTotals {
  return {
    plannedS: Math.max(t.plannedSeconds, Math.round(calendarPlannedS)),
    coveredS: t.plannedSeconds - t.planned.unknown,
    runningS: t.planned.running,
    parts: t.parts,
    partsWithGood: t.good === null ? 0 : t.partsWithGood,
    good: t.good ?? 0,
    partsWithWh: t.wh === null ? 0 : t.partsWithWh,
    wh: t.wh ?? 0n,
  };
}
