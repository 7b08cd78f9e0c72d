'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type ReactNode, useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Button, FormError, inputClass } from '@/components/ui/form';
import { PendingButton } from '@/components/ui/pending';

type Name = 'issueQuote' | 'accept' | 'decline' | 'withdrawQuote' | 'requote' | 'start' | 'commission' | 'verify' | 'cancel';
const needsReason: Name[] = ['decline', 'requote', 'cancel'];

/**
 * The status changes this user may make now; those that need a reason or an assessment ask for it first, and
 * accepting a quote (which signs the contract) shows what is committed — price, schedule, subsidy — before it is done.
 */
export function TransitionBar({
  projectId,
  transitions,
  assessments,
  accept,
}: {
  projectId: string;
  transitions: Name[];
  assessments: { id: string; label: string }[];
  /** The open quote the owner would accept: its id and the summary the confirmation shows. */
  accept?: { quoteId: string; title: string; summary: ReactNode } | null;
}) {
  const t = useTranslations('projects.actions');
  const tAccept = useTranslations('projects.accept');
  const tp = useTranslations('pending');
  const [confirming, setConfirming] = useState(false);
  const trpc = useTRPC();
  const router = useRouter();
  const m = useMutation(trpc.projects.transition.mutationOptions());
  const [pending, setPending] = useState<Name | null>(null);
  const [reason, setReason] = useState('');
  const [assessmentId, setAssessmentId] = useState(assessments[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  async function run(name: Name) {
    setError(null);
    try {
      await m.mutateAsync({
        id: projectId,
        name,
        reason: reason || null,
        assessmentId: name === 'verify' ? assessmentId || null : null,
        quoteId: name === 'accept' ? (accept?.quoteId ?? null) : null,
      });
      setPending(null);
      setConfirming(false);
      setReason('');
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  if (!transitions.length) return null;
  return (
    <div className="flex flex-col items-end gap-2" data-testid="transition-bar">
      <div className="flex flex-wrap justify-end gap-2">
        {transitions.map((name) => (
          <PendingButton
            key={name}
            tone={name === 'cancel' || name === 'decline' ? 'danger' : pending === name ? 'secondary' : 'primary'}
            disabled={m.isPending}
            pending={m.isPending && m.variables?.name === name && !pending && !confirming}
            pendingLabel={tp('working')}
            data-testid={`transition-${name}`}
            onClick={() => (name === 'accept' && accept ? setConfirming(true) : needsReason.includes(name) || name === 'verify' ? setPending(name) : run(name))}
          >
            {t(name)}
          </PendingButton>
        ))}
      </div>
      {pending ? (
        <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          {pending === 'verify' ? (
            assessments.length ? (
              <label className="text-sm text-slate-700">
                {t('assessmentPrompt')}
                <select value={assessmentId} onChange={(e) => setAssessmentId(e.target.value)} className={`${inputClass} mt-1`} data-testid="verify-assessment">
                  {assessments.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.label}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <p className="text-sm text-amber-800">{t('noAssessment')}</p>
            )
          ) : (
            <textarea
              rows={2}
              placeholder={t('reasonPrompt')}
              aria-label={t('reasonPrompt')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              className={inputClass}
              data-testid="transition-reason"
            />
          )}
          <div className="mt-2 flex justify-end gap-2">
            <Button tone="secondary" onClick={() => setPending(null)}>
              ✕
            </Button>
            <PendingButton
              onClick={() => run(pending)}
              pending={m.isPending}
              pendingLabel={tp('working')}
              disabled={pending === 'verify' && !assessmentId}
              data-testid="transition-confirm"
            >
              {t('confirm')}
            </PendingButton>
          </div>
        </div>
      ) : null}
      {accept ? (
        <ConfirmDialog
          open={confirming}
          title={accept.title}
          confirmLabel={tAccept('confirm')}
          cancelLabel={tAccept('back')}
          busy={m.isPending}
          onConfirm={() => run('accept')}
          onCancel={() => setConfirming(false)}
          testId="accept-dialog"
        >
          {accept.summary}
          <FormError message={confirming ? error : null} />
        </ConfirmDialog>
      ) : null}
      <FormError message={error} />
    </div>
  );
}
