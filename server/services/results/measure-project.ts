/**
 * A project's measured results from its machines' hour records: the windows (given, or the defaults: first report
 * to go-live, days 31–90 after commissioning), per machine and in total, and the money worked from the project's own
 * savings lines. Read through the tenant gate; nothing is written here (accepting a month is accept-measured.ts).
 */
import type { ScopedOrTx } from '../../db/tx';
import { AppError } from '../../domain/errors/app-error';
import type { SavingsInput } from '../../domain/projects/savings';
import { savingsFromStored } from '../../domain/results/accepted';
import { EMPTY_TOTALS, type Measurement, MIN_COVERAGE_BP, measure } from '../../domain/results/measure';
import { bookedMonth, checkWindows, type DayWindow, defaultWindows, windowDays } from '../../domain/results/windows';
import { moneyWorking, type Working } from '../../domain/results/working';
import { shanghaiDate } from '../../domain/time';
import { calendarOf } from '../telemetry/reads-common';
import { machineWindowTotals, windowMoments } from './window-totals';

export type ProjectMeasurement = {
  goLiveDay: string | null;
  firstReportDay: string | null;
  baseline: DayWindow | null;
  result: DayWindow | null;
  /** Why there is no measurement yet (a message key), or null. */
  notYet: string | null;
  measurement: Measurement | null;
  working: Working | null;
  /** The month an acceptance would book, and whether one is already accepted from data for it. */
  month: string | null;
  defaultCalendar: boolean;
  minCoverageBp: number;
  /** Savings lines that could not be read (left out of the working). */
  unreadableLines: number;
};

/** Loads what a measurement needs: the project's machines, savings lines, commissioning day and first report. */
async function projectBasis(db: ScopedOrTx, projectId: string) {
  const p = await db.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      integratorId: true,
      smeClientId: true,
      status: true,
      machines: { select: { machine: { select: { id: true, assetTag: true } } } },
      savings: { orderBy: { sortOrder: 'asc' }, select: { params: true } },
      statusChanges: { where: { to: 'COMMISSIONED' }, orderBy: { at: 'desc' }, take: 1, select: { at: true } },
    },
  });
  if (!p) throw new AppError('NOT_FOUND');
  const machines = p.machines.map((m) => m.machine).sort((a, b) => a.assetTag.localeCompare(b.assetTag));
  const first = machines.length
    ? await db.machineHour.aggregate({ where: { machineId: { in: machines.map((m) => m.id) }, samples: { gt: 0 } }, _min: { hour: true } })
    : null;
  const savings = p.savings.map((s) => savingsFromStored(s.params));
  return {
    p,
    machines,
    savings: savings.filter((s): s is SavingsInput => s !== null),
    unreadableLines: savings.filter((s) => s === null).length,
    goLiveDay: p.statusChanges[0] ? shanghaiDate(p.statusChanges[0].at) : null,
    firstReportDay: first?._min.hour ? shanghaiDate(first._min.hour) : null,
  };
}

export async function measureProject(
  db: ScopedOrTx,
  projectId: string,
  opts: { baseline?: DayWindow | null; result?: DayWindow | null; now?: Date } = {},
): Promise<ProjectMeasurement & { project: { id: string; integratorId: string; smeClientId: string; status: string } }> {
  const b = await projectBasis(db, projectId);
  const today = shanghaiDate(opts.now ?? new Date());
  const defaults = defaultWindows({ firstReportDay: b.firstReportDay, goLiveDay: b.goLiveDay, today });
  const baseline = opts.baseline ?? defaults.baseline;
  const result = opts.result ?? defaults.result;
  const { calendar, defaultCalendar } = await calendarOf(db, b.p.smeClientId);
  const empty = {
    project: { id: b.p.id, integratorId: b.p.integratorId, smeClientId: b.p.smeClientId, status: b.p.status },
    goLiveDay: b.goLiveDay,
    firstReportDay: b.firstReportDay,
    baseline,
    result,
    measurement: null,
    working: null,
    month: result ? bookedMonth(result) : null,
    defaultCalendar,
    minCoverageBp: MIN_COVERAGE_BP,
    unreadableLines: b.unreadableLines,
  };
  if (!b.goLiveDay) return { ...empty, notYet: 'results.notCommissioned' };
  if (!b.machines.length) return { ...empty, notYet: 'results.noMachines' };
  if (!baseline) return { ...empty, notYet: 'results.noBaseline' };
  if (!result) return { ...empty, notYet: 'results.resultNotYet' };
  const problem = checkWindows(baseline, result, today);
  if (problem) {
    // windows the engineer chose are the user's error; default windows that are not ready yet are simply "not yet"
    if (opts.baseline || opts.result) throw new AppError('BAD_REQUEST', problem.key, problem.params);
    return { ...empty, notYet: problem.key };
  }
  const ids = b.machines.map((m) => m.id);
  const [before, after] = await Promise.all([
    machineWindowTotals(db, ids, windowMoments(baseline), calendar),
    machineWindowTotals(db, ids, windowMoments(result), calendar),
  ]);
  const measurement = measure(
    b.machines.map((m) => ({ machineId: m.id, assetTag: m.assetTag, before: before.get(m.id) ?? EMPTY_TOTALS, after: after.get(m.id) ?? EMPTY_TOTALS })),
  );
  return { ...empty, notYet: null, measurement, working: moneyWorking(measurement, b.savings, windowDays(result)) };
}
