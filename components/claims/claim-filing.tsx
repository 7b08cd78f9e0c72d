'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button, FormError, inputClass } from '@/components/ui/form';
import { type EvidenceKind, evidenceKinds } from '@/server/domain/funds/evidence-kinds';

/** Evidence upload for a draft or returned claim, then submission. */
export function ClaimFiling({ claimId, smeClientId, required, submitted }: { claimId: string; smeClientId: string; required: string[]; submitted: boolean }) {
  const t = useTranslations('claims');
  const trpc = useTRPC();
  const router = useRouter();
  const add = useMutation(trpc.claims.addEvidence.mutationOptions());
  const submit = useMutation(trpc.claims.submit.mutationOptions());
  const [kind, setKind] = useState<EvidenceKind>((required[0] as EvidenceKind | undefined) ?? 'CONTRACT');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="space-y-3" data-testid="claim-filing">
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label={t('evidence')}
          value={kind}
          onChange={(e) => setKind(e.target.value as EvidenceKind)}
          className={`${inputClass} max-w-xs`}
          data-testid="evidence-kind"
        >
          {evidenceKinds.map((k) => (
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
                await add.mutateAsync({ claimId, kind, fileId: body.id });
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
