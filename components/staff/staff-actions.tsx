'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button } from '@/components/ui/form';

type StaffRole = 'INTEGRATOR_ADMIN' | 'INTEGRATOR_ENGINEER';

function useRun() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return { error, run };
}

/** Switch a staff member between engineer and admin (SME owners' roles are tied to their firm). */
export function StaffRoleSelect({ id, name, role }: { id: string; name: string; role: StaffRole }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const setRole = useMutation(trpc.staff.setRole.mutationOptions());
  const { error, run } = useRun();
  return (
    <div>
      <select
        aria-label={t('staff.changeRole', { name })}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-xs"
        value={role}
        disabled={setRole.isPending}
        onChange={(e) => run(() => setRole.mutateAsync({ id, role: e.target.value as StaffRole }))}
      >
        <option value="INTEGRATOR_ENGINEER">{t('roles.INTEGRATOR_ENGINEER')}</option>
        <option value="INTEGRATOR_ADMIN">{t('roles.INTEGRATOR_ADMIN')}</option>
      </select>
      {error ? <p className="mt-1 text-xs text-red-700">{error}</p> : null}
    </div>
  );
}

/** Deactivate (ends the user's sessions at once) or reactivate a user. */
export function StaffActiveToggle({ id, name, active }: { id: string; name: string; active: boolean }) {
  const t = useTranslations('staff');
  const trpc = useTRPC();
  const setActive = useMutation(trpc.staff.setActive.mutationOptions());
  const { error, run } = useRun();
  return (
    <div className="flex flex-col items-end">
      <Button
        tone={active ? 'danger' : 'secondary'}
        className="!px-2.5 !py-1 text-xs"
        disabled={setActive.isPending}
        data-testid="staff-toggle-active"
        onClick={() => {
          if (active && !window.confirm(t('confirmDeactivate', { name }))) return;
          void run(() => setActive.mutateAsync({ id, active: !active }));
        }}
      >
        {active ? t('deactivate') : t('reactivate')}
      </Button>
      {error ? <p className="mt-1 text-xs text-red-700">{error}</p> : null}
    </div>
  );
}
