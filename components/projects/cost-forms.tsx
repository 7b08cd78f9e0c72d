'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button, FormError, inputClass } from '@/components/ui/form';
import { useSubmit } from '@/components/ui/use-submit';
import { parseYuan } from '@/server/domain/money/money';

/** Record a supplier's invoice against a budget line. */
export function CostEntryForm({ projectId, lines, today }: { projectId: string; lines: { id: string; label: string }[]; today: string }) {
  const t = useTranslations('projects.detail');
  const tAll = useTranslations();
  const trpc = useTRPC();
  const m = useMutation(trpc.projects.addCost.mutationOptions());
  const [v, setV] = useState({ costLineId: lines[0]?.id ?? '', supplier: '', invoiceNo: '', invoiceDate: today, amount: '', paid: false });
  const { error, setError, submit } = useSubmit();
  return (
    <form
      className="grid grid-cols-1 gap-2 sm:grid-cols-6"
      data-testid="cost-form"
      onSubmit={(e) => {
        e.preventDefault();
        const amountFen = parseYuan(v.amount);
        if (amountFen === null || amountFen <= 0n) return setError(tAll('errors.costs.amount'));
        return submit(
          () =>
            m.mutateAsync({
              projectId,
              costLineId: v.costLineId || null,
              supplier: v.supplier,
              invoiceNo: v.invoiceNo,
              invoiceDate: v.invoiceDate,
              amountFen,
              paid: v.paid,
            }),
          () => setV({ ...v, supplier: '', invoiceNo: '', amount: '', paid: false }),
        );
      }}
    >
      <select
        aria-label={t('line')}
        value={v.costLineId}
        onChange={(e) => setV({ ...v, costLineId: e.target.value })}
        className={`${inputClass} sm:col-span-2`}
        data-testid="cost-line"
      >
        {lines.map((l) => (
          <option key={l.id} value={l.id}>
            {l.label}
          </option>
        ))}
        <option value="">{t('noLine')}</option>
      </select>
      <input
        required
        aria-label={t('supplier')}
        placeholder={t('supplier')}
        value={v.supplier}
        onChange={(e) => setV({ ...v, supplier: e.target.value })}
        className={inputClass}
        data-testid="cost-supplier"
      />
      <input
        required
        aria-label={t('invoiceNo')}
        placeholder={t('invoiceNo')}
        value={v.invoiceNo}
        onChange={(e) => setV({ ...v, invoiceNo: e.target.value })}
        className={inputClass}
        data-testid="cost-invoice"
      />
      <input
        required
        type="date"
        aria-label={t('invoiceDate')}
        value={v.invoiceDate}
        onChange={(e) => setV({ ...v, invoiceDate: e.target.value })}
        className={inputClass}
      />
      <input
        required
        inputMode="decimal"
        aria-label={t('amount')}
        placeholder={t('amount')}
        value={v.amount}
        onChange={(e) => setV({ ...v, amount: e.target.value })}
        className={inputClass}
        data-testid="cost-amount"
      />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={v.paid} onChange={(e) => setV({ ...v, paid: e.target.checked })} className="h-4 w-4 rounded border-slate-300" />
        {t('paid')}
      </label>
      <div className="flex items-center gap-2 sm:col-span-5">
        <Button type="submit" disabled={m.isPending} data-testid="cost-submit">
          {t('addCost')}
        </Button>
        <FormError message={error} />
      </div>
    </form>
  );
}

export function MarkPaidButton({ id }: { id: string }) {
  const t = useTranslations('projects.detail');
  const trpc = useTRPC();
  const router = useRouter();
  const m = useMutation(trpc.projects.setCostPaid.mutationOptions());
  return (
    <button
      type="button"
      className="text-xs text-teal-800 underline disabled:opacity-50"
      disabled={m.isPending}
      onClick={async () => {
        await m.mutateAsync({ id, paid: true });
        router.refresh();
      }}
    >
      {t('markPaid')}
    </button>
  );
}

/** Record one month's measured savings (after commissioning). */
export function MeasuredForm({ projectId, month }: { projectId: string; month: string }) {
  const t = useTranslations('projects.detail');
  const tAll = useTranslations();
  const trpc = useTRPC();
  const m = useMutation(trpc.projects.recordMeasured.mutationOptions());
  const [v, setV] = useState({ month, amount: '', note: '' });
  const { error, setError, submit } = useSubmit();
  return (
    <form
      className="grid grid-cols-1 gap-2 sm:grid-cols-4"
      data-testid="measured-form"
      onSubmit={(e) => {
        e.preventDefault();
        const amountFen = parseYuan(v.amount);
        if (amountFen === null) return setError(tAll('validation.number'));
        return submit(
          () => m.mutateAsync({ projectId, month: v.month, amountFen, note: v.note || null }),
          () => setV({ ...v, amount: '', note: '' }),
        );
      }}
    >
      <input
        type="month"
        aria-label={t('month')}
        value={v.month}
        onChange={(e) => setV({ ...v, month: e.target.value })}
        className={inputClass}
        data-testid="measured-month"
      />
      <input
        required
        inputMode="decimal"
        aria-label={t('amount')}
        placeholder={t('amount')}
        value={v.amount}
        onChange={(e) => setV({ ...v, amount: e.target.value })}
        className={inputClass}
        data-testid="measured-amount"
      />
      <input
        aria-label={tAll('assessments.notes')}
        placeholder={tAll('assessments.notes')}
        value={v.note}
        onChange={(e) => setV({ ...v, note: e.target.value })}
        className={inputClass}
      />
      <Button type="submit" disabled={m.isPending} data-testid="measured-submit">
        {t('addMeasured')}
      </Button>
      <div className="sm:col-span-4">
        <FormError message={error} />
      </div>
    </form>
  );
}
