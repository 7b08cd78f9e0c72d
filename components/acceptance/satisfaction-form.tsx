'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button, FormError, inputClass } from '@/components/ui/form';
import { useSubmit } from '@/components/ui/use-submit';

type Answers = {
  overall: number;
  service: number;
  results: number;
  usedInProduction: boolean | null;
  wouldRecommend: boolean | null;
  comment: string;
  respondentName: string;
};

/** Five taps and a name: the owner's satisfaction, made for a phone (large targets, one column). */
export function SatisfactionForm({ projectId, initial }: { projectId: string; initial: Answers | null }) {
  const t = useTranslations('acceptance.satisfaction');
  const trpc = useTRPC();
  const m = useMutation(trpc.acceptance.recordSatisfaction.mutationOptions());
  const { error, setError, submit } = useSubmit();
  const [v, setV] = useState<Answers>(
    initial ?? { overall: 0, service: 0, results: 0, usedInProduction: null, wouldRecommend: null, comment: '', respondentName: '' },
  );
  // after a success the answers on screen are the ones recorded: the button says so and stays off until one changes
  const [saved, setSaved] = useState(false);
  const sending = useRef(false);
  const change = (patch: Partial<Answers>) => {
    setV({ ...v, ...patch });
    setSaved(false);
  };
  const scores = ['overall', 'service', 'results'] as const;
  const yesNo = ['usedInProduction', 'wouldRecommend'] as const;
  // the answers already recorded, unchanged: nothing to send (the record is one per project; sending again replaces it)
  const asRecorded =
    saved || (initial !== null && [...scores, ...yesNo, 'comment', 'respondentName'].every((k) => v[k as keyof Answers] === initial[k as keyof Answers]));

  async function send() {
    if (sending.current || asRecorded) return;
    if (scores.some((k) => v[k] < 1) || yesNo.some((k) => v[k] === null) || !v.respondentName.trim()) return setError(t('incomplete'));
    sending.current = true;
    await submit(
      () =>
        m.mutateAsync({
          projectId,
          overall: v.overall,
          service: v.service,
          results: v.results,
          usedInProduction: v.usedInProduction === true,
          wouldRecommend: v.wouldRecommend === true,
          comment: v.comment.trim() || null,
          respondentName: v.respondentName.trim(),
        }),
      () => setSaved(true),
    );
    sending.current = false;
  }

  return (
    <div className="space-y-5" data-testid="satisfaction-form">
      {scores.map((k) => (
        <fieldset key={k}>
          <legend className="text-sm font-medium text-slate-800">{t(`questions.${k}`)}</legend>
          <div className="mt-2 grid grid-cols-5 gap-2">
            {[1, 2, 3, 4, 5].map((n) => (
              <button
                key={n}
                type="button"
                aria-pressed={v[k] === n}
                onClick={() => change({ [k]: n })}
                className={`h-12 rounded-lg border text-base font-semibold ${v[k] === n ? 'border-teal-700 bg-teal-700 text-white' : 'border-slate-300 bg-white text-slate-700'}`}
                data-testid={`score-${k}-${n}`}
              >
                {n}
              </button>
            ))}
          </div>
          <div className="mt-1 flex justify-between text-xs text-slate-500">
            <span>{t('low')}</span>
            <span>{t('high')}</span>
          </div>
        </fieldset>
      ))}
      {yesNo.map((k) => (
        <fieldset key={k}>
          <legend className="text-sm font-medium text-slate-800">{t(`questions.${k}`)}</legend>
          <div className="mt-2 grid grid-cols-2 gap-2">
            {([true, false] as const).map((b) => (
              <button
                key={String(b)}
                type="button"
                aria-pressed={v[k] === b}
                onClick={() => change({ [k]: b })}
                className={`h-12 rounded-lg border text-base font-medium ${v[k] === b ? 'border-teal-700 bg-teal-700 text-white' : 'border-slate-300 bg-white text-slate-700'}`}
                data-testid={`${k}-${b ? 'yes' : 'no'}`}
              >
                {b ? t('yes') : t('no')}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
      <label className="block text-sm font-medium text-slate-800">
        {t('comment')}
        <textarea value={v.comment} onChange={(e) => change({ comment: e.target.value })} rows={3} maxLength={500} className={`${inputClass} mt-1`} />
      </label>
      <label className="block text-sm font-medium text-slate-800">
        {t('respondent')}
        <input
          value={v.respondentName}
          onChange={(e) => change({ respondentName: e.target.value })}
          maxLength={60}
          className={`${inputClass} mt-1`}
          data-testid="satisfaction-name"
        />
      </label>
      <FormError message={error} />
      {saved ? (
        <p className="rounded-lg bg-teal-50 px-3 py-2 text-sm text-teal-800" role="status" data-testid="satisfaction-saved">
          {t('saved')}
        </p>
      ) : null}
      <Button onClick={send} disabled={m.isPending || asRecorded} className="h-12 w-full text-base" data-testid="satisfaction-submit">
        {asRecorded ? t('recorded') : m.isPending ? t('sending') : initial ? t('update') : t('submit')}
      </Button>
    </div>
  );
}
