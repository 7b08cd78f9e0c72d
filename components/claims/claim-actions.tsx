'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button, FormError, inputClass } from '@/components/ui/form';
import { formatYuan, parseYuan } from '@/server/domain/money/money';

/** The county invites an integrator to take part in a fund. */
export function InviteForm({ fundId, exclude }: { fundId: string; exclude: string[] }) {
  const t = useTranslations('fundAdmin');
  const trpc = useTRPC();
  const router = useRouter();
  const dir = useQuery(trpc.fundAdmin.integratorDirectory.queryOptions());
  const invite = useMutation(trpc.fundAdmin.invite.mutationOptions());
  const [id, setId] = useState('');
  const options = (dir.data ?? []).filter((i) => !exclude.includes(i.id));
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="invite-form">
      <select aria-label={t('invite')} value={id} onChange={(e) => setId(e.target.value)} className={`${inputClass} max-w-xs`}>
        <option value="">{t('invite')}…</option>
        {options.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </select>
      <Button
        disabled={!id || invite.isPending}
        onClick={async () => {
          await invite.mutateAsync({ fundId, integratorId: id });
          setId('');
          router.refresh();
        }}
      >
        {t('inviteButton')}
      </Button>
    </div>
  );
}

/** The integrator drafts a claim for a project: fund, batch, machines; the reasoning shows as they choose. */
export function ClaimDraftForm({
  projectId,
  funds,
  machines,
}: {
  projectId: string;
  funds: { id: string; name: string; batches: { id: string; name: string }[] }[];
  machines: { id: string; assetTag: string }[];
}) {
  const t = useTranslations('claims');
  const trpc = useTRPC();
  const router = useRouter();
  const [fundId, setFundId] = useState(funds[0]?.id ?? '');
  const [batchId, setBatchId] = useState<string | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set(machines.map((m) => m.id)));
  const preview = useQuery({ ...trpc.claims.preview.queryOptions({ projectId, fundId, machineIds: [...picked], batchId }), enabled: Boolean(fundId) });
  const draft = useMutation(trpc.claims.draft.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const fund = funds.find((f) => f.id === fundId);
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
        <div className="mt-1 flex flex-wrap gap-2">
          {machines.map((m) => (
            <label key={m.id} className="flex items-center gap-1.5 rounded-md border border-slate-200 px-2 py-1 font-mono text-xs">
              <input
                type="checkbox"
                checked={picked.has(m.id)}
                onChange={(e) => {
                  const n = new Set(picked);
                  if (e.target.checked) n.add(m.id);
                  else n.delete(m.id);
                  setPicked(n);
                }}
              />
              {m.assetTag}
            </label>
          ))}
        </div>
      </fieldset>
      <div
        className={`rounded-lg border px-4 py-3 text-sm ${preview.data?.eligible === false ? 'border-amber-200 bg-amber-50' : 'border-teal-200 bg-teal-50'}`}
        data-testid="claim-preview"
      >
        <div className="text-xs text-slate-500">{t('explanation')}</div>
        <p className="mt-1">{preview.isLoading ? '…' : (preview.data?.text ?? preview.error?.message ?? '')}</p>
        {preview.data ? (
          <p className="mt-2 font-semibold">
            {t('amount')}: {formatYuan(preview.data.grantedFen)}
          </p>
        ) : null}
      </div>
      <div className="flex items-center gap-3">
        <Button
          disabled={!fundId || draft.isPending}
          data-testid="claim-create"
          onClick={async () => {
            setError(null);
            try {
              const c = await draft.mutateAsync({ projectId, fundId, machineIds: [...picked], batchId });
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

/** Evidence upload for a draft or returned claim, then submission. */
export function ClaimFiling({ claimId, smeClientId, required, submitted }: { claimId: string; smeClientId: string; required: string[]; submitted: boolean }) {
  const t = useTranslations('claims');
  const trpc = useTRPC();
  const router = useRouter();
  const add = useMutation(trpc.claims.addEvidence.mutationOptions());
  const submit = useMutation(trpc.claims.submit.mutationOptions());
  const [kind, setKind] = useState(required[0] ?? 'CONTRACT');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="space-y-3" data-testid="claim-filing">
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label={t('evidence')}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          className={`${inputClass} max-w-xs`}
          data-testid="evidence-kind"
        >
          {['CONTRACT', 'COST_LIST', 'INVOICES', 'PHOTOS', 'ASSESSMENTS'].map((k) => (
            <option key={k} value={k}>
              {t(`evidenceKinds.${k}` as 'evidenceKinds.CONTRACT')}
              {required.includes(k) ? ` (${t('required')})` : ''}
            </option>
          ))}
        </select>
        <label className="cursor-pointer rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
          {busy ? '…' : t('attach')}
          <input
            type="file"
            className="sr-only"
            data-testid="evidence-file"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setBusy(true);
              setError(null);
              try {
                const form = new FormData();
                form.set('file', file);
                form.set('smeClientId', smeClientId);
                const res = await fetch('/api/v1/files', { method: 'POST', body: form });
                const body = (await res.json()) as { id?: string; error?: { message: string } };
                if (!res.ok || !body.id) throw new Error(body.error?.message ?? 'upload failed');
                await add.mutateAsync({ claimId, kind: kind as 'CONTRACT', fileId: body.id });
                router.refresh();
              } catch (err) {
                setError((err as Error).message);
              } finally {
                setBusy(false);
                e.target.value = '';
              }
            }}
          />
        </label>
      </div>
      <Button
        disabled={submit.isPending}
        data-testid="claim-submit"
        onClick={async () => {
          setError(null);
          try {
            await submit.mutateAsync({ id: claimId });
            router.refresh();
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        {submitted ? t('resubmit') : t('submit')}
      </Button>
      <FormError message={error} />
    </div>
  );
}

/** The county's decision: approve (possibly a lower amount, with a reason), reject or return (with a reason). */
export function DecisionForm({ claimId, allowedFen }: { claimId: string; allowedFen: string }) {
  const t = useTranslations('claims');
  const trpc = useTRPC();
  const router = useRouter();
  const decide = useMutation(trpc.claims.decide.mutationOptions());
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function run(decision: 'approve' | 'reject' | 'return') {
    setError(null);
    try {
      const amountFen = decision === 'approve' && amount ? parseYuan(amount) : null;
      if (decision === 'approve' && amount && amountFen === null) throw new Error('?');
      await decide.mutateAsync({ id: claimId, decision, amountFen, reason: reason || null });
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <div className="space-y-2" data-testid="decision-form">
      <input
        aria-label={t('approveAmount')}
        placeholder={`${t('approveAmount')} · ${formatYuan(BigInt(allowedFen))}`}
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        className={inputClass}
        data-testid="decision-amount"
      />
      <textarea
        aria-label={t('reason')}
        placeholder={t('reason')}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        className={inputClass}
        data-testid="decision-reason"
      />
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => run('approve')} disabled={decide.isPending} data-testid="decision-approve">
          {t('approve')}
        </Button>
        <Button tone="secondary" onClick={() => run('return')} disabled={decide.isPending}>
          {t('return')}
        </Button>
        <Button tone="danger" onClick={() => run('reject')} disabled={decide.isPending}>
          {t('reject')}
        </Button>
      </div>
      <FormError message={error} />
    </div>
  );
}

export function DisburseForm({ claimId, approvedFen, today }: { claimId: string; approvedFen: string; today: string }) {
  const t = useTranslations('claims');
  const trpc = useTRPC();
  const router = useRouter();
  const m = useMutation(trpc.claims.disburse.mutationOptions());
  const [v, setV] = useState({ date: today, amount: (Number(BigInt(approvedFen)) / 100).toFixed(2), reference: '' });
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="grid grid-cols-1 gap-2 sm:grid-cols-4" data-testid="disburse-form">
      <input type="date" aria-label={t('disburseDate')} value={v.date} onChange={(e) => setV({ ...v, date: e.target.value })} className={inputClass} />
      <input aria-label={t('disburseAmount')} value={v.amount} onChange={(e) => setV({ ...v, amount: e.target.value })} className={inputClass} />
      <input
        aria-label={t('reference')}
        placeholder={t('reference')}
        value={v.reference}
        onChange={(e) => setV({ ...v, reference: e.target.value })}
        className={inputClass}
        data-testid="disburse-reference"
      />
      <Button
        disabled={m.isPending}
        data-testid="disburse-submit"
        onClick={async () => {
          setError(null);
          try {
            const amountFen = parseYuan(v.amount);
            if (amountFen === null) throw new Error('?');
            await m.mutateAsync({ id: claimId, date: v.date, amountFen, reference: v.reference });
            router.refresh();
          } catch (e) {
            setError((e as Error).message);
          }
        }}
      >
        {t('disburse')}
      </Button>
      <div className="sm:col-span-4">
        <FormError message={error} />
      </div>
    </div>
  );
}
