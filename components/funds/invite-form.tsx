'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button, inputClass } from '@/components/ui/form';

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
