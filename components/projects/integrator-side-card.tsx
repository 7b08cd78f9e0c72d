import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { CostEntryForm, MarkPaidButton } from '@/components/projects/cost-forms';
import { lineLabel } from '@/components/projects/labels';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Empty, Table, Td } from '@/components/ui/table';
import { formatMoney, formatYuan } from '@/server/domain/money/money';
import { shanghaiToday } from '@/server/domain/time';
import type { getProject } from '@/server/services/projects/get-project';

type Side = NonNullable<Awaited<ReturnType<typeof getProject>>['integratorSide']>;

/** The integrator's side (staff only): budget lines against supplier costs, the variance and the margin. */
export async function IntegratorSideCard({ projectId, side, costsOpen }: { projectId: string; side: Side; costsOpen: boolean }) {
  const t = await getTranslations('projects');
  const tAll = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const cell = (f: bigint) => formatYuan(f);
  const money = (f: bigint) => formatMoney(f, locale);
  return (
    <Card
      title={t('integrator.title')}
      action={<span className="text-xs text-slate-500">{t('detail.priceBookVersion', { version: side.priceBookVersion })}</span>}
    >
      <p className="mb-3 text-xs text-amber-800" data-testid="staff-only-note">
        {t('integrator.staffOnly')}
      </p>
      <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="integrator-totals">
        <div className="rounded-lg bg-slate-50 px-3 py-2">
          <dt className="text-xs text-slate-500">{t('budget')}</dt>
          <dd className="font-semibold tabular-nums">{money(side.budget.total)}</dd>
        </div>
        <div className="rounded-lg bg-slate-50 px-3 py-2">
          <dt className="text-xs text-slate-500">{t('supplierCosts')}</dt>
          <dd className="font-semibold tabular-nums">{money(side.actual.totalFen)}</dd>
        </div>
        <div className="rounded-lg bg-slate-50 px-3 py-2">
          <dt className="text-xs text-slate-500">{t('detail.variance')}</dt>
          <dd className={`font-semibold tabular-nums ${side.actual.over ? 'text-red-700' : ''}`}>{money(side.actual.varianceFen)}</dd>
        </div>
        <div className="rounded-lg bg-slate-50 px-3 py-2">
          <dt className="text-xs text-slate-500">{t('integrator.margin')}</dt>
          <dd className="font-semibold tabular-nums" data-testid="integrator-margin">
            {money(side.margin.marginFen)}
          </dd>
          <dd className="text-xs text-slate-500">{side.margin.onContract ? t('integrator.marginHint') : t('integrator.marginHintPlan')}</dd>
        </div>
      </dl>
      <Table head={[t('plan.category'), t('plan.description'), t('plan.quantity'), t('plan.unitPrice'), t('budget'), t('detail.actual'), t('detail.variance')]}>
        {side.costLines.map((l) => (
          <tr key={l.id} className={l.over ? 'bg-red-50/60' : ''} data-testid="cost-line-row">
            <Td>{t(`categories.${l.category}` as 'categories.HARDWARE')}</Td>
            <Td className="max-w-[14rem] whitespace-normal">{lineLabel(tAll as never, l)}</Td>
            <Td numeric>{l.quantity}</Td>
            <Td numeric>{cell(l.unitPriceFen)}</Td>
            <Td numeric>{cell(l.totalFen)}</Td>
            <Td numeric>{l.actualFen ? cell(l.actualFen) : '—'}</Td>
            <Td numeric className={l.over ? 'font-semibold text-red-700' : ''}>
              <span title={l.over ? t('detail.over') : undefined}>
                {l.actualFen ? cell(l.varianceFen) : '—'}
                {l.over ? (
                  <>
                    <span aria-hidden> ▲</span>
                    <span className="sr-only">{t('detail.over')}</span>
                  </>
                ) : null}
              </span>
            </Td>
          </tr>
        ))}
        {side.actual.unassignedFen ? (
          <tr>
            <Td>—</Td>
            <Td>{t('detail.unassigned')}</Td>
            <Td numeric>—</Td>
            <Td numeric>—</Td>
            <Td numeric>—</Td>
            <Td numeric>{cell(side.actual.unassignedFen)}</Td>
            <Td numeric>—</Td>
          </tr>
        ) : null}
        <tr className={`font-semibold ${side.actual.over ? 'text-red-700' : ''}`}>
          <Td>{t('detail.totals')}</Td>
          <Td>{''}</Td>
          <Td numeric>{''}</Td>
          <Td numeric>{''}</Td>
          <Td numeric>{cell(side.budget.total)}</Td>
          <Td numeric>{cell(side.actual.totalFen)}</Td>
          <Td numeric>{cell(side.actual.varianceFen)}</Td>
        </tr>
      </Table>
      <h3 className="mb-2 mt-5 text-sm font-semibold text-slate-700">{t('detail.costs')}</h3>
      {side.costEntries.length ? (
        <Table head={[t('detail.invoiceDate'), t('detail.supplier'), t('detail.invoiceNo'), t('detail.line'), t('detail.amount'), t('detail.paid')]}>
          {side.costEntries.map((e) => (
            <tr key={e.id} data-testid="cost-entry-row">
              <Td>{format.dateTime(e.invoiceDate, { dateStyle: 'medium', timeZone: 'UTC' })}</Td>
              <Td>{e.supplier}</Td>
              <Td className="font-mono">{e.invoiceNo}</Td>
              <Td className="max-w-[14rem] whitespace-normal">
                {e.costLineId
                  ? lineLabel(tAll as never, side.costLines.find((l) => l.id === e.costLineId) ?? { itemCode: null, description: null })
                  : t('detail.noLine')}
              </Td>
              <Td numeric>{cell(e.amountFen)}</Td>
              <Td>{e.paid ? <Badge tone="teal">{t('detail.paid')}</Badge> : <MarkPaidButton id={e.id} />}</Td>
            </tr>
          ))}
        </Table>
      ) : (
        <Empty>{t('detail.noCosts')}</Empty>
      )}
      {costsOpen ? (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <CostEntryForm
            projectId={projectId}
            lines={side.costLines.map((l) => ({
              id: l.id,
              label: `${t(`categories.${l.category}` as 'categories.HARDWARE')} · ${lineLabel(tAll as never, l)}`,
            }))}
            today={shanghaiToday()}
          />
        </div>
      ) : null}
    </Card>
  );
}
