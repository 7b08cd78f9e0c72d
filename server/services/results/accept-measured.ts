/**
 * The engineer accepts a measured month into the project's figures: the measurement is taken again inside one
 * transaction (the figures accepted are the figures computed, not what a page showed a minute ago), refused when a
 * window has too little data, and booked as the month the result window ends in, with its windows, coverage and
 * working frozen in `basis`; audited. From then on payback and the cash-flow chart use the measured savings through
 * the one payback rule (server/domain/projects/payback.ts), like any measured month.
 */
import type { ScopedDb } from '../../db/scoped';
import { audit, toJson } from '../../db/tx';
import { AppError } from '../../domain/errors/app-error';
import type { AcceptedBasis } from '../../domain/results/accepted';
import type { DayWindow } from '../../domain/results/windows';
import { measureProject } from './measure-project';

export async function acceptMeasuredMonth(db: ScopedDb, actorId: string, input: { projectId: string; baseline: DayWindow; result: DayWindow }) {
  return db.$transaction(async (tx) => {
    const m = await measureProject(tx, input.projectId, { baseline: input.baseline, result: input.result });
    if (m.project.status !== 'COMMISSIONED' && m.project.status !== 'VERIFIED') throw new AppError('PRECONDITION_FAILED', 'measured.notCommissioned');
    if (m.notYet) throw new AppError('PRECONDITION_FAILED', m.notYet);
    if (!m.measurement || !m.working || m.working.refused || m.working.monthlyFen === null || !m.month)
      throw new AppError('PRECONDITION_FAILED', 'results.coverageTooLow', {
        before: (m.measurement?.total.before.coverageBp ?? 0) / 100,
        after: (m.measurement?.total.after.coverageBp ?? 0) / 100,
        min: (m.minCoverageBp / 100).toString(),
      });
    const t = m.measurement.total;
    const basis: AcceptedBasis = {
      baseline: input.baseline,
      result: input.result,
      coverageBeforeBp: t.before.coverageBp ?? 0,
      coverageAfterBp: t.after.coverageBp ?? 0,
      utilizationBeforeBp: t.before.utilizationBp,
      utilizationAfterBp: t.after.utilizationBp,
      outputPerHourChangeBp: t.outputPerHourChangeBp,
      whPerPartChangeBp: t.whPerPartChangeBp,
      machines: m.measurement.machines.length,
      steps: m.working.steps,
    };
    const { integratorId, smeClientId, id: projectId } = m.project;
    const row = await tx.measuredSaving.upsert({
      where: { projectId_month: { projectId, month: m.month } },
      create: {
        integratorId,
        smeClientId,
        projectId,
        month: m.month,
        amountFen: m.working.monthlyFen,
        source: 'DATA',
        basis: toJson(basis),
        note: null,
        createdById: actorId,
      },
      update: { amountFen: m.working.monthlyFen, source: 'DATA', basis: toJson(basis), note: null },
      select: { id: true, month: true, amountFen: true },
    });
    await audit(tx, {
      integratorId,
      actorId,
      action: 'project.measuredAccepted',
      entity: 'Project',
      entityId: projectId,
      data: {
        month: m.month,
        amountFen: m.working.monthlyFen,
        baseline: input.baseline,
        result: input.result,
        coverageBeforeBp: basis.coverageBeforeBp,
        coverageAfterBp: basis.coverageAfterBp,
      },
    });
    return row;
  });
}
