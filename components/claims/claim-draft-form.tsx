'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { kindLabel } from '@/components/machines/labels';
import { useTRPC } from '@/components/trpc/provider';
import { Button, FormError, inputClass } from '@/components/ui/form';
import { formatYuan } from '@/server/domain/money/money';

/**
 * The integrator drafts a claim for a project: fund, batch, machines (each with its kind and workshop; those another
 * claim of the fund holds cannot be picked), pre-selecting at most what the free share has left. The reasoning and the
 * amount requested show as they choose; the county decides the amount later.
 */
export function ClaimDraftForm({ projectId, funds }: { projectId: string; funds: { id: string; name: string; batches: { id: string; name: string }[] }[] }) {
  const t = useTranslations('claims');
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const [fundId, setFundId] = useState(funds[0]?.id ?? '');
  const [batchId, setBatchId] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ fundId: string; ids: Set<string> } | null>(null);
  const options = useQuery({ ...trpc.claims.formOptions.queryOptions({ projectId, fundId }), enabled: Boolean(fundId) });
  // the default selection of a fund: the free machines, at most as many as the allowance has left
  if (options.data && picked?.fundId !== fundId && !options.isFetching) {
    const free = options.data.machines.filter((m) => !m.heldBy);
    const n = options.data.allowanceLeft ?? free.length;
    setPicked({ fundId, ids: new Set(free.slice(0, n).map((m) => m.id)) });
  }
  const ready = picked?.fundId === fundId;
  const machineIds = ready ? [...picked.ids] : [];
  const preview = useQuery({
    ...trpc.claims.preview.queryOptions({ projectId, fundId, machineIds, batchId }),
    enabled: Boolean(fundId) && ready,
  });
  const draft = useMutation(trpc.claims.draft.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const fund = funds.find((f) => f.id === fundId);
  const o = options.data;
  return (
    <div className="grid grid-cols-1 gap-4" data-testid="claim-draft">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <label className="text-sm font-medium text-slate-700">
          {t('chooseFund')}
          <select value={fundId} onChange={(e) => setFundId(e.target.value)} className={`${inputClass} mt-1`}>
            {funds.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t('chooseBatch')}
          <select value={batchId ?? ''} onChange={(e) => setBatchId(e.target.value || null)} className={`${inputClass} mt-1`}>
            <option value="">{t('noBatch')}</option>
            {fund?.batches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t('machines')}</legend>
        {o && ready ? (
          <p className="mt-1 text-xs text-slate-600" data-testid="claim-allowance">
            {o.allowanceLeft === null
              ? t('pickedCount', { picked: picked.ids.size })
              : t('allowanceNote', { left: o.allowanceLeft, allowance: o.allowance ?? 0, picked: picked.ids.size })}
          </p>
        ) : null}
        <ul className="mt-2 grid max-h-80 grid-cols-1 gap-1.5 overflow-y-auto sm:grid-cols-2 lg:grid-cols-3" data-testid="claim-machines">
          {(o?.machines ?? []).map((m) => (
            <li key={m.id}>
              <label
                className={`flex items-start gap-2 rounded-md border px-2.5 py-1.5 text-sm ${m.heldBy ? 'border-slate-100 bg-slate-50 text-slate-400' : 'border-slate-200'}`}
              >
                <input
                  type="checkbox"
                  className="mt-1"
                  disabled={Boolean(m.heldBy) || !ready}
                  checked={Boolean(ready && picked.ids.has(m.id))}
                  onChange={(e) => {
                    if (!ready) return;
                    const n = new Set(picked.ids);
                    if (e.target.checked) n.add(m.id);
                    else n.delete(m.id);
                    setPicked({ fundId, ids: n });
                  }}
                  data-testid="claim-machine"
                />
                <span className="min-w-0">
                  <span className="font-mono text-xs">{m.assetTag}</span> <span>{kindLabel(tAll, m.kind)}</span>
                  <span className="block break-words text-xs text-slate-500">
                    {[m.workshop, m.line].filter(Boolean).join(' · ') || '—'}
                    {m.heldBy ? ` · ${t('heldBy', { number: m.heldBy })}` : ''}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div
        className={`rounded-lg border px-4 py-3 text-sm ${preview.data?.eligible === false || preview.error ? 'border-amber-200 bg-amber-50' : 'border-teal-200 bg-teal-50'}`}
        data-testid="claim-preview"
      >
        <div className="text-xs text-slate-500">{t('explanation')}</div>
        <p className="mt-1">{preview.isLoading ? '…' : (preview.data?.text ?? preview.error?.message ?? '')}</p>
        {preview.data ? (
          <p className="mt-2 font-semibold">
            {t('amountRequested')}: {formatYuan(preview.data.grantedFen)}
          </p>
        ) : null}
        <p className="mt-1 text-xs text-slate-500">{t('amountRequestedNote')}</p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          disabled={!fundId || !ready || draft.isPending || (o?.allowanceLeft !== null && machineIds.length === 0)}
          data-testid="claim-create"
          onClick={async () => {
            setError(null);
            try {
              const c = await draft.mutateAsync({ projectId, fundId, machineIds, batchId });
              router.push(`/claims/${c.id}`);
            } catch (e) {
              setError((e as Error).message);
            }
          }}
        >
          {t('createDraft')}
        </Button>
        <FormError message={error} />
      </div>
    </div>
  );
}
