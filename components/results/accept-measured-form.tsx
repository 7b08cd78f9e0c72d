'use client';

import { useMutation } from '@tanstack/react-query';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { WindowsRefusal } from '@/components/results/results-card';
import { useTRPC } from '@/components/trpc/provider';
import { Button, FormError, inputClass } from '@/components/ui/form';
import { useSubmit } from '@/components/ui/use-submit';

type Window = { from: string; to: string };

/** Change the windows (the page measures again with them) and accept the measured month into the project's figures. */
export function AcceptMeasuredForm({
  projectId,
  baseline,
  result,
  month,
  acceptable,
  refusal = null,
}: {
  projectId: string;
  baseline: Window;
  /** null before the default result window has come: the engineer chooses one */
  result: Window | null;
  month: string | null;
  acceptable: boolean;
  /** The windows asked for were refused: the form keeps the dates as typed, with the reason beside them. */
  refusal?: WindowsRefusal | null;
}) {
  const t = useTranslations('results');
  const trpc = useTRPC();
  const router = useRouter();
  const path = usePathname();
  const m = useMutation(trpc.results.acceptMonth.mutationOptions());
  const [v, setV] = useState(refusal?.typed ?? { bf: baseline.from, bt: baseline.to, rf: result?.from ?? '', rt: result?.to ?? '' });
  const { error, submit } = useSubmit();
  const changed = v.bf !== baseline.from || v.bt !== baseline.to || v.rf !== (result?.from ?? '') || v.rt !== (result?.to ?? '');
  const complete = Boolean(v.bf && v.bt && v.rf && v.rt);
  const date = (key: keyof typeof v, label: string) => (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      <input
        type="date"
        value={v[key]}
        onChange={(e) => setV({ ...v, [key]: e.target.value })}
        className={inputClass}
        aria-invalid={refusal?.fields.includes(key) || undefined}
        aria-describedby={refusal?.fields.includes(key) ? 'results-windows-error' : undefined}
        data-testid={`results-${key}`}
      />
    </label>
  );
  return (
    <form
      className="space-y-2 border-t border-slate-100 pt-3"
      data-testid="results-accept"
      onSubmit={(e) => {
        e.preventDefault();
        submit(
          () => m.mutateAsync({ projectId, baseline: { from: v.bf, to: v.bt }, result: { from: v.rf, to: v.rt } }),
          () => router.refresh(),
        );
      }}
    >
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {date('bf', t('baselineFrom'))}
        {date('bt', t('baselineTo'))}
        {date('rf', t('resultFrom'))}
        {date('rt', t('resultTo'))}
      </div>
      {refusal ? (
        <p id="results-windows-error" role="alert" className="text-sm text-red-700" data-testid="results-refused">
          {refusal.message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          tone="secondary"
          disabled={!changed || !complete}
          onClick={() => router.push(`${path}?bf=${v.bf}&bt=${v.bt}&rf=${v.rf}&rt=${v.rt}`)}
          data-testid="results-remeasure"
        >
          {t('remeasure')}
        </Button>
        <Button type="submit" disabled={!acceptable || !result || changed || m.isPending} data-testid="results-accept-submit">
          {t('accept', { month: month ?? '—' })}
        </Button>
      </div>
      <p className="text-xs text-slate-500">{t('acceptHint')}</p>
      <FormError message={error} />
    </form>
  );
}
