/** The measured results as a page shows them: plain fields, no raw totals beyond what a figure needs. */
import type { ProjectMeasurement } from './measure-project';

export function measurementView(m: ProjectMeasurement) {
  const total = m.measurement?.total ?? null;
  return {
    goLiveDay: m.goLiveDay,
    firstReportDay: m.firstReportDay,
    baseline: m.baseline,
    result: m.result,
    notYet: m.notYet,
    month: m.month,
    defaultCalendar: m.defaultCalendar,
    minCoverageBp: m.minCoverageBp,
    unreadableLines: m.unreadableLines,
    total: total && {
      refused: total.refused,
      before: total.before,
      after: total.after,
      utilizationPointsBp: total.utilizationPointsBp,
      utilizationChangeBp: total.utilizationChangeBp,
      outputPerHourChangeBp: total.outputPerHourChangeBp,
      whPerPartChangeBp: total.whPerPartChangeBp,
    },
    machines: (m.measurement?.machines ?? []).map((x) => ({
      machineId: x.machineId,
      assetTag: x.assetTag,
      refused: x.refused,
      coverageBeforeBp: x.before.coverageBp,
      coverageAfterBp: x.after.coverageBp,
      utilizationBeforeBp: x.before.utilizationBp,
      utilizationAfterBp: x.after.utilizationBp,
      outputPerHourChangeBp: x.outputPerHourChangeBp,
      whPerPartChangeBp: x.whPerPartChangeBp,
    })),
    working: m.working && { refused: m.working.refused, steps: m.working.steps, monthlyFen: m.working.monthlyFen },
  };
}
export type MeasurementView = ReturnType<typeof measurementView>;
