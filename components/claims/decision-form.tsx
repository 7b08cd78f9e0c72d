'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Button, FormError, inputClass } from '@/components/ui/form';
import { formatMoney, parseYuan } from '@/server/domain/money/money';

type Decision = 'approve' | 'reject' | 'return';

/**
 * The county's decision on a submitted claim: approve the amount the rules allow now (or another, with a reason),
 * reject or return (with a reason). Each goes through a confirmation that says what will happen.
 */
export function DecisionForm({ claimId, submittedFen, allowedFen, fundName }: { claimId: string; submittedFen: string; allowedFen: string; fundName: string }) {
  const t = useTranslations('claims');
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const decide = useMutation(trpc.claims.decide.mutationOptions());
  const submitted = BigInt(submittedFen);
  const allowed = BigInt(allowedFen);
  const money = (f: bigint) => formatMoney(f, locale);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ decision: Decision; amountFen: bigint | null } | null>(null);
  const trimmed = reason.trim();

  function ask(decision: Decision) {
    setError(null);
    if (decision !== 'approve') {
      if (!trimmed) return setError(t('reasonNeededForDecision'));
      return setPending({ decision, amountFen: null });
    }
    const amountFen = amount.trim() ? parseYuan(amount) : allowed;
    if (amountFen === null || amountFen <= 0n) return setError(t('amountInvalid'));
    if (amountFen > allowed) return setError(t('amountAboveAllowed', { allowed: money(allowed) }));
    if (amountFen !== submitted && !trimmed) return setError(t('reasonNeeded', { submitted: money(submitted) }));
    setPending({ decision, amountFen });
  }

  async function confirm() {
    if (!pending) return;
    try {
      await decide.mutateAsync({ id: claimId, decision: pending.decision, amountFen: pending.amountFen, reason: trimmed || null });
      setPending(null);
      router.refresh();
    } catch (e) {
      setPending(null);
      setError((e as Error).message);
    }
  }

  const title = pending?.decision === 'approve' ? t('confirmApproveTitle') : pending?.decision === 'reject' ? t('confirmRejectTitle') : t('confirmReturnTitle');
  return (
    <div className="space-y-3" data-testid="decision-form">
      <p className="text-sm text-slate-700" data-testid="decision-allowed">
        {t('allowedNow', { amount: money(allowed), submitted: money(submitted) })}
      </p>
      {allowed !== submitted ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="decision-changed">
          {t('allowedChanged')}
        </p>
      ) : null}
      <label className="block text-sm font-medium text-slate-700">
        {t('approveAmount')}
        <input
          inputMode="decimal"
          placeholder={money(allowed)}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          className={`${inputClass} mt-1`}
          data-testid="decision-amount"
        />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        {t('reason')}
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} className={`${inputClass} mt-1`} data-testid="decision-reason" />
      </label>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => ask('approve')} disabled={decide.isPending} data-testid="decision-approve">
          {t('approve')}
        </Button>
        <Button tone="secondary" onClick={() => ask('return')} disabled={decide.isPending} data-testid="decision-return">
          {t('return')}
        </Button>
        <Button tone="danger" onClick={() => ask('reject')} disabled={decide.isPending} data-testid="decision-reject">
          {t('reject')}
        </Button>
      </div>
      <FormError message={error} />
      <ConfirmDialog
        open={pending !== null}
        title={title}
        tone={pending?.decision === 'reject' ? 'danger' : 'primary'}
        busy={decide.isPending}
        confirmLabel={
          pending?.decision === 'approve'
            ? t('confirmApprove', { amount: money(pending.amountFen ?? 0n) })
            : pending?.decision === 'reject'
              ? t('reject')
              : t('return')
        }
        cancelLabel={t('goBack')}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
        testId="decision-confirm"
      >
        {pending?.decision === 'approve' ? (
          <>
            <p>{t('confirmApproveCommit', { amount: money(pending.amountFen ?? 0n), fund: fundName })}</p>
            <p>{pending.amountFen === submitted ? t('confirmApproveSame') : t('confirmApproveChanged', { submitted: money(submitted), reason: trimmed })}</p>
          </>
        ) : pending?.decision === 'reject' ? (
          <p>{t('confirmRejectBody', { reason: trimmed })}</p>
        ) : pending ? (
          <p>{t('confirmReturnBody', { reason: trimmed })}</p>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
