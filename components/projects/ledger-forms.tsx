'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button, FormError, inputClass } from '@/components/ui/form';
import { useSubmit } from '@/components/ui/use-submit';
import { parseYuan } from '@/server/domain/money/money';

const VAT_RATES = [1300, 900, 600, 300, 0];

/** Staff record a VAT invoice issued to the SME (amount with VAT included; the VAT is worked out on the server). */
export function SmeInvoiceForm({ projectId, today }: { projectId: string; today: string }) {
  const t = useTranslations('projects.ledger');
  const tAll = useTranslations();
  const trpc = useTRPC();
  const m = useMutation(trpc.projects.addSmeInvoice.mutationOptions());
  const [v, setV] = useState({ invoiceNo: '', issuedOn: today, vatRateBp: 1300, amount: '' });
  const { error, setError, submit } = useSubmit();
  return (
    <form
      className="mt-3 grid grid-cols-2 gap-2"
      data-testid="sme-invoice-form"
      onSubmit={(e) => {
        e.preventDefault();
        const amountFen = parseYuan(v.amount);
        if (amountFen === null || amountFen <= 0n) return setError(tAll('errors.ledger.amount'));
        return submit(
          () => m.mutateAsync({ projectId, invoiceNo: v.invoiceNo, issuedOn: v.issuedOn, vatRateBp: v.vatRateBp, amountFen }),
          () => setV({ ...v, invoiceNo: '', amount: '' }),
        );
      }}
    >
      <input
        required
        aria-label={t('invoiceNo')}
        placeholder={t('invoiceNo')}
        value={v.invoiceNo}
        onChange={(e) => setV({ ...v, invoiceNo: e.target.value })}
        className={inputClass}
        data-testid="sme-invoice-no"
      />
      <input
        required
        type="date"
        max={today}
        aria-label={t('issuedOn')}
        value={v.issuedOn}
        onChange={(e) => setV({ ...v, issuedOn: e.target.value })}
        className={inputClass}
      />
      <select aria-label={t('vatRate')} value={v.vatRateBp} onChange={(e) => setV({ ...v, vatRateBp: Number(e.target.value) })} className={inputClass}>
        {VAT_RATES.map((r) => (
          <option key={r} value={r}>{`${r / 100}%`}</option>
        ))}
      </select>
      <input
        required
        inputMode="decimal"
        aria-label={t('amountInclTax')}
        placeholder={t('amountInclTax')}
        value={v.amount}
        onChange={(e) => setV({ ...v, amount: e.target.value })}
        className={inputClass}
        data-testid="sme-invoice-amount"
      />
      <Button type="submit" disabled={m.isPending} className="col-span-2" data-testid="sme-invoice-submit">
        {t('addInvoice')}
      </Button>
      <div className="col-span-2">
        <FormError message={error} />
      </div>
    </form>
  );
}

/** Staff record a payment received from the SME against a stage of the schedule. */
export function SmePaymentForm({ projectId, today, stages }: { projectId: string; today: string; stages: { id: string; label: string }[] }) {
  const t = useTranslations('projects.ledger');
  const tAll = useTranslations();
  const trpc = useTRPC();
  const m = useMutation(trpc.projects.addSmePayment.mutationOptions());
  const [v, setV] = useState({ milestoneId: stages[0]?.id ?? '', receivedOn: today, amount: '', reference: '' });
  const { error, setError, submit } = useSubmit();
  if (!stages.length) return null;
  return (
    <form
      className="mt-3 grid grid-cols-2 gap-2"
      data-testid="sme-payment-form"
      onSubmit={(e) => {
        e.preventDefault();
        const amountFen = parseYuan(v.amount);
        if (amountFen === null || amountFen <= 0n) return setError(tAll('errors.ledger.amount'));
        return submit(
          () => m.mutateAsync({ projectId, milestoneId: v.milestoneId, receivedOn: v.receivedOn, amountFen, reference: v.reference || null }),
          () => setV({ ...v, amount: '', reference: '' }),
        );
      }}
    >
      <select
        aria-label={t('stage')}
        value={v.milestoneId}
        onChange={(e) => setV({ ...v, milestoneId: e.target.value })}
        className={`${inputClass} col-span-2`}
        data-testid="sme-payment-stage"
      >
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <input
        required
        type="date"
        max={today}
        aria-label={t('receivedOn')}
        value={v.receivedOn}
        onChange={(e) => setV({ ...v, receivedOn: e.target.value })}
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
        data-testid="sme-payment-amount"
      />
      <input
        aria-label={t('reference')}
        placeholder={t('reference')}
        value={v.reference}
        onChange={(e) => setV({ ...v, reference: e.target.value })}
        className={inputClass}
      />
      <Button type="submit" disabled={m.isPending} className="col-span-2" data-testid="sme-payment-submit">
        {t('addPayment')}
      </Button>
      <div className="col-span-2">
        <FormError message={error} />
      </div>
    </form>
  );
}
