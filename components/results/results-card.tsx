import { getLocale, getTranslations } from 'next-intl/server';
import { AcceptMeasuredForm } from '@/components/results/accept-measured-form';
import { resultSentences } from '@/components/results/sentences';
import { Card } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { sentenceMoney } from '@/server/domain/money/money';
import type { Tracking } from '@/server/domain/projects/payback';
import { MIN_COVERAGE_BP } from '@/server/domain/results/measure';
import type { DayWindow, WindowField } from '@/server/domain/results/windows';
import { pct, signedPct } from '@/server/domain/results/working';
import type { MeasurementView } from '@/server/services/results/view';

/** Windows the page refused (from its address): the sentence, the fields it concerns, and the dates as typed. */
export type WindowsRefusal = { message: string; fields: WindowField[]; typed: Record<WindowField, string> };

const p = (bp: number | null) => (bp === null ? '—' : `${pct(bp)} %`);
const s = (bp: number | null) => (bp === null ? '—' : `${signedPct(bp)} %`);
/** The window with less data: the one that kept a machine's figure from being computed. */
const lowest = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.min(a, b));

/**
 * Results from the machines' data: the two windows with their coverage, the figures per machine and in total, and
 * the money worked from the project's savings lines. Staff may change the windows and accept the month.
 */
export async function ResultsCard({
  projectId,
  view,
  refusal = null,
  staff,
  canAccept,
  tracking,
  latest,
}: {
  projectId: string;
  view: MeasurementView;
  /** The windows asked for were refused: the figures below are the default windows'. */
  refusal?: WindowsRefusal | null;
  staff: boolean;
  canAccept: boolean;
  /** Measured months against the estimate (the one payback rule's tracking): the owner's "on track / ahead / behind". */
  tracking: Tracking;
  /** The latest measured month, with its windows when it was accepted from data: what the verdict rests on. */
  latest: { month: string; basis: { baseline: DayWindow; result: DayWindow } | null } | null;
}) {
  const t = await getTranslations('results');
  const locale = await getLocale();
  const tr = (key: string, params?: Record<string, string | number>) => t(key as Parameters<typeof t>[0], params);
  const total = view.total;
  return (
    <Card title={t('title')}>
      <div className="space-y-3 text-sm" data-testid="results">
        <p className="flex flex-wrap items-center gap-2">
          <span className="text-slate-600">{t('owner.title')}</span>
          <span
            className={`rounded-full px-3 py-1 text-base font-semibold ${tracking.kind === 'behind' ? 'bg-amber-100 text-amber-900' : tracking.kind === 'noData' ? 'bg-slate-100 text-slate-600' : 'bg-teal-100 text-teal-900'}`}
            data-testid="results-tracking"
          >
            {t(`owner.${tracking.kind}`)}
          </span>
        </p>
        {tracking.kind !== 'noData' && latest ? (
          <p className="text-xs text-slate-600" data-testid="results-tracking-basis">
            {(() => {
              const m = sentenceMoney(locale, [tracking.measuredFen, tracking.expectedFen]);
              const params = { months: tracking.months, measured: m(tracking.measuredFen), expected: m(tracking.expectedFen), month: latest.month };
              return latest.basis
                ? t('owner.basedOnData', {
                    ...params,
                    baseline: `${latest.basis.baseline.from} – ${latest.basis.baseline.to}`,
                    result: `${latest.basis.result.from} – ${latest.basis.result.to}`,
                  })
                : t('owner.basedOnTyped', params);
            })()}
          </p>
        ) : null}
        <dl className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          <div className="rounded-lg bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-500">{t('baseline')}</dt>
            <dd data-testid="results-baseline">
              {view.baseline ? `${view.baseline.from} – ${view.baseline.to}` : '—'}
              {total ? ` · ${t('coverage', { value: p(total.before.coverageBp) })}` : ''}
            </dd>
          </div>
          <div className="rounded-lg bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-500">{t('result')}</dt>
            <dd data-testid="results-result">
              {view.result ? `${view.result.from} – ${view.result.to}` : '—'}
              {total ? ` · ${t('coverage', { value: p(total.after.coverageBp) })}` : ''}
            </dd>
          </div>
        </dl>
        {view.defaultCalendar ? <p className="text-xs text-amber-800">{t('defaultCalendar')}</p> : null}
        {view.notYet ? (
          <p className="rounded-lg bg-slate-50 px-3 py-2 text-slate-600" data-testid="results-not-yet">
            {t(`notYet.${view.notYet.replace('results.', '')}` as 'notYet.notCommissioned', {
              min: 7,
              firstReport: view.firstReportDay ?? '—',
              goLive: view.goLiveDay ?? '—',
            })}
          </p>
        ) : null}
        {view.working ? (
          <ul
            className={`space-y-1 rounded-lg px-3 py-2 ${view.working.refused ? 'bg-amber-50 text-amber-900' : 'bg-teal-50 text-teal-900'}`}
            data-testid="results-working"
          >
            {resultSentences(tr, locale, view.working.steps).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : null}
        {view.machines.length && total ? (
          <Table head={[t('machine'), t('coverageHead'), t('utilization'), t('outputPerHour'), t('energyPerPart')]}>
            {view.machines.map((m) => (
              <tr key={m.machineId} data-testid="results-machine">
                <Td className="font-mono">{m.assetTag}</Td>
                <Td numeric>
                  {p(m.coverageBeforeBp)} → {p(m.coverageAfterBp)}
                </Td>
                <Td numeric>
                  {m.refused
                    ? t('tooLittleData', { value: p(lowest(m.coverageBeforeBp, m.coverageAfterBp)), min: p(MIN_COVERAGE_BP) })
                    : `${p(m.utilizationBeforeBp)} → ${p(m.utilizationAfterBp)}`}
                </Td>
                <Td numeric>{s(m.outputPerHourChangeBp)}</Td>
                <Td numeric>{s(m.whPerPartChangeBp)}</Td>
              </tr>
            ))}
          </Table>
        ) : null}
        {/* before the default result window has come (days 31–90), the engineer may still choose one */}
        {staff && canAccept && view.baseline ? (
          <AcceptMeasuredForm
            projectId={projectId}
            baseline={view.baseline}
            result={view.result}
            month={view.month}
            acceptable={Boolean(view.working && !view.working.refused && !view.notYet)}
            refusal={refusal}
          />
        ) : refusal ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="results-refused">
            {refusal.message}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
