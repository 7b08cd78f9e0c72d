'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Button, FormError, inputClass } from '@/components/ui/form';
import { fenToDecimal, formatMoney, parseYuan } from '@/server/domain/money/money';

/** The county records the payout of an approved claim, after a confirmation of the amount, date and reference. */
export function PayoutForm({ claimId, approvedFen, today }: { claimId: string; approvedFen: string; today: string }) {
  const t = useTranslations('claims');
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const m = useMutation(trpc.claims.disburse.mutationOptions());
  const approved = BigInt(approvedFen);
  const money = (f: bigint) => formatMoney(f, locale);
  const [v, setV] = useState({ date: today, amount: fenToDecimal(approved), reference: '' });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<bigint | null>(null);

  function ask() {
    setError(null);
    const amountFen = parseYuan(v.amount);
    if (amountFen === null || amountFen <= 0n || amountFen > approved) return setError(t('payoutAmountInvalid', { approved: money(approved) }));
    if (!v.reference.trim()) return setError(t('referenceNeeded'));
    setPending(amountFen);
  }
  async function confirm() {
    if (pending === null) return;
    try {
      await m.mutateAsync({ id: claimId, date: v.date, amountFen: pending, reference: v.reference.trim() });
      setPending(null);
      router.refresh();
    } catch (e) {
      setPending(null);
      setError((e as Error).message);
    }
  }
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-4" data-testid="disburse-form">
      <label className="text-sm font-medium text-slate-700">
        {t('disburseDate')}
        <input type="date" value={v.date} onChange={(e) => setV({ ...v, date: e.target.value })} className={`${inputClass} mt-1`} />
      </label>
      <label className="text-sm font-medium text-slate-700">
        {t('disburseAmount')}
        <input inputMode="decimal" value={v.amount} onChange={(e) => setV({ ...v, amount: e.target.value })} className={`${inputClass} mt-1`} />
      </label>
      <label className="text-sm font-medium text-slate-700">
        {t('reference')}
        <input
          value={v.reference}
          onChange={(e) => setV({ ...v, reference: e.target.value })}
          className={`${inputClass} mt-1`}
          data-testid="disburse-reference"
        />
      </label>
      <div className="flex items-end">
        <Button disabled={m.isPending} onClick={ask} data-testid="disburse-submit" className="w-full">
          {t('disburse')}
        </Button>
      </div>
      <div className="sm:col-span-4">
        <FormError message={error} />
      </div>
      <ConfirmDialog
        open={pending !== null}
        title={t('confirmPayoutTitle')}
        busy={m.isPending}
        confirmLabel={t('disburse')}
        cancelLabel={t('goBack')}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
        testId="payout-confirm"
      >
        <p>{t('confirmPayoutBody', { amount: money(pending ?? 0n), date: v.date, reference: v.reference.trim() })}</p>
        {pending !== null && pending < approved ? <p>{t('confirmPayoutPartial', { approved: money(approved), rest: money(approved - pending) })}</p> : null}
      </ConfirmDialog>
    </div>
  );
}
