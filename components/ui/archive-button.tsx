'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button } from './form';

/** Archive / restore a client or a cluster (never a hard delete). */
export function ArchiveButton({ kind, id, archived }: { kind: 'client' | 'cluster'; id: string; archived: boolean }) {
  const t = useTranslations('actions');
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const opts = kind === 'client' ? trpc.clients.setArchived.mutationOptions() : trpc.clusters.setArchived.mutationOptions();
  const m = useMutation(opts as ReturnType<typeof trpc.clients.setArchived.mutationOptions>);
  return (
    <span className="inline-flex flex-col items-end">
      <Button
        tone={archived ? 'secondary' : 'danger'}
        disabled={m.isPending}
        onClick={async () => {
          if (!archived && !window.confirm(t('confirmArchive'))) return;
          try {
            await m.mutateAsync({ id, archived: !archived });
            router.refresh();
          } catch (e) {
            setError((e as Error).message);
          }
        }}
      >
        {archived ? t('restore') : t('archive')}
      </Button>
      {error ? <span className="mt-1 text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
