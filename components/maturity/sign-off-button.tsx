'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button } from '@/components/ui/form';

export function SignOffButton({ id }: { id: string }) {
  const t = useTranslations('assessments');
  const trpc = useTRPC();
  const router = useRouter();
  const m = useMutation(trpc.assessments.signOff.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end">
      <Button
        disabled={m.isPending}
        onClick={async () => {
          try {
            await m.mutateAsync({ id });
            router.refresh();
          } catch (e) {
            setError((e as Error).message);
          }
        }}
        data-testid="sign-off"
      >
        {t('signOff')}
      </Button>
      {error ? <span className="mt-1 text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
