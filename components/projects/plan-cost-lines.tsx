'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/form';
import { PendingNote } from '@/components/ui/pending';
import { ScrollArea } from '@/components/ui/scroll-area';
import { formatMoney, parseYuan } from '@/server/domain/money/money';
import { type CostCategory, costCategories } from '@/server/domain/projects/codes';
import { lineLabel } from './labels';

export type LineRow = { category: CostCategory; itemCode: string | null; description: string; quantity: string; unitPrice: string; manual: boolean };
export const rowTotal = (r: LineRow) => (parseYuan(r.unitPrice) ?? 0n) * BigInt(Number.parseInt(r.quantity, 10) || 0);

/**
 * The plan's cost lines: generated from the price book for the machines and modules picked (computed on the server,
 * which takes a moment: a note says so and the lines shown are the previous ones, dimmed), or edited by hand.
 */
export function PlanCostLines({
  rows,
  edited,
  computing,
  editLines,
  regenerate,
}: {
  rows: LineRow[];
  edited: boolean;
  computing: boolean;
  editLines: (fn: (rs: LineRow[]) => LineRow[]) => void;
  regenerate: () => void;
}) {
  const t = useTranslations('projects');
  const tAll = useTranslations();
  const locale = useLocale();
  const total = rows.reduce((s, r) => s + rowTotal(r), 0n);
  const num = 'w-20 rounded-md border border-slate-300 px-2 py-1 text-right text-sm tabular-nums';
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-800">{t('plan.lines')}</h2>
        <div className="flex flex-wrap gap-2">
          <Button tone="secondary" onClick={regenerate} disabled={!edited}>
            {t('plan.regenerate')}
          </Button>
          <Button
            tone="secondary"
            onClick={() =>
              editLines((rs) => [...rs, { category: 'HARDWARE', itemCode: null, description: '', quantity: '1', unitPrice: '0.00', manual: true }])
            }
            data-testid="add-line"
          >
            {t('plan.addLine')}
          </Button>
        </div>
      </div>
      {computing ? <PendingNote className="mt-2">{t('plan.computingLines')}</PendingNote> : null}
      <div className={`-mx-5 mt-3 transition-opacity ${computing ? 'opacity-50' : ''}`} aria-busy={computing || undefined}>
        <ScrollArea label={t('plan.lines')}>
          <table className="min-w-full text-sm" data-testid="plan-lines">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                <th className="px-5 py-2 text-left">{t('plan.category')}</th>
                <th className="px-3 py-2 text-left">{t('plan.description')}</th>
                <th className="px-3 py-2 text-right">{t('plan.quantity')}</th>
                <th className="px-3 py-2 text-right">{t('plan.unitPrice')}</th>
                <th className="px-5 py-2 text-right">{t('plan.total')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r, i) => (
                <tr key={`${r.itemCode ?? 'manual'}-${i}`}>
                  <td className="px-5 py-1.5">
                    {r.manual ? (
                      <select
                        value={r.category}
                        aria-label={t('plan.category')}
                        onChange={(e) => editLines((rs) => rs.map((x, k) => (k === i ? { ...x, category: e.target.value as CostCategory } : x)))}
                        className="rounded-md border border-slate-300 px-1 py-1"
                      >
                        {costCategories.map((c) => (
                          <option key={c} value={c}>
                            {t(`categories.${c}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`categories.${r.category}`)
                    )}
                  </td>
                  <td className="px-3 py-1.5">
                    {r.manual ? (
                      <input
                        aria-label={t('plan.description')}
                        value={r.description}
                        onChange={(e) => editLines((rs) => rs.map((x, k) => (k === i ? { ...x, description: e.target.value } : x)))}
                        className="w-full min-w-40 rounded-md border border-slate-300 px-2 py-1"
                      />
                    ) : (
                      lineLabel(tAll as never, { itemCode: r.itemCode, description: r.description || null })
                    )}
                  </td>
                  <td className="px-3 py-1.5 text-right">
                    <input
                      aria-label={t('plan.quantity')}
                      value={r.quantity}
                      onChange={(e) => editLines((rs) => rs.map((x, k) => (k === i ? { ...x, quantity: e.target.value } : x)))}
                      className={num}
                    />
                  </td>
                  <td className="px-3 py-1.5 text-right">
                    <input
                      aria-label={t('plan.unitPrice')}
                      value={r.unitPrice}
                      onChange={(e) => editLines((rs) => rs.map((x, k) => (k === i ? { ...x, unitPrice: e.target.value } : x)))}
                      className={`${num} w-28`}
                    />
                  </td>
                  <td className="px-5 py-1.5 text-right tabular-nums">{formatMoney(rowTotal(r), 'en')}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-semibold">
                <td className="px-5 py-2" colSpan={4}>
                  {t('detail.totals')}
                </td>
                <td className="px-5 py-2 text-right tabular-nums" data-testid="plan-total">
                  {formatMoney(total, locale)}
                </td>
              </tr>
            </tfoot>
          </table>
        </ScrollArea>
      </div>
    </section>
  );
}
