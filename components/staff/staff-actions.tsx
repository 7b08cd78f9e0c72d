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

/** Give or take the county admin flag of another official. */
export function CountyAdminToggle({ id, admin }: { id: string; admin: boolean }) {
  const t = useTranslations('staff');
  const trpc = useTRPC();
  const setAdmin = useMutation(trpc.staff.setAdmin.mutationOptions());
  const { error, run } = useRun();
  return (
    <div>
      <Button
        tone="secondary"
        className="!px-2.5 !py-1 text-xs"
        disabled={setAdmin.isPending}
        onClick={() => run(() => setAdmin.mutateAsync({ id, admin: !admin }))}
      >
        {admin ? t('removeAdmin') : t('makeAdmin')}
      </Button>
      {error ? <p className="mt-1 text-xs text-red-700">{error}</p> : null}
    </div>
  );
}

/** A one-time link to hand on when no mail server is configured, with a copy button. */
export function LinkToPassOn({ text, link }: { text: string; link: string }) {
  const t = useTranslations('invite');
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-xs text-amber-900" role="status" data-testid="link-to-pass-on">
      <p>{text}</p>
      <div className="mt-2 flex items-center gap-2">
        <input
          readOnly
          value={link}
          aria-label={t('copy')}
          className="min-w-0 flex-1 rounded border border-amber-300 bg-white px-2 py-1 font-mono text-[11px]"
          data-testid="one-time-link"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          tone="secondary"
          className="!px-2 !py-1 text-xs"
          onClick={async () => {
            await navigator.clipboard?.writeText(link).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? t('copied') : t('copy')}
        </Button>
      </div>
    </div>
  );
}

/** An admin sends a user a password-reset link (shown here when mail is not configured). */
export function SendResetButton({ id, name, email }: { id: string; name: string; email: string }) {
  const t = useTranslations('reset');
  const trpc = useTRPC();
  const send = useMutation(trpc.staff.sendPasswordReset.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end">
      <Button
        tone="secondary"
        className="!px-2.5 !py-1 text-xs"
        disabled={send.isPending}
        data-testid="staff-send-reset"
        onClick={async () => {
          if (!window.confirm(t('confirmSend', { name }))) return;
          setError(null);
          await send.mutateAsync({ id }).catch((e: Error) => setError(e.message));
        }}
      >
        {t('sendLink')}
      </Button>
      {error ? <p className="mt-1 text-xs text-red-700">{error}</p> : null}
      {send.data?.delivered ? <p className="mt-1 text-xs text-teal-800">{t('mailed', { email })}</p> : null}
      {send.data && !send.data.delivered ? (
        <div className="max-w-sm text-left">
          <LinkToPassOn text={t('linkShown', { email })} link={send.data.link} />
        </div>
      ) : null}
    </div>
  );
}

/** Revoke a pending invitation: its link stops working. */
export function RevokeInvitationButton({ id, email }: { id: string; email: string }) {
  const t = useTranslations('invite');
  const trpc = useTRPC();
  const revoke = useMutation(trpc.staff.revokeInvitation.mutationOptions());
  const { error, run } = useRun();
  return (
    <div className="flex flex-col items-end">
      <Button
        tone="danger"
        className="!px-2.5 !py-1 text-xs"
        disabled={revoke.isPending}
        onClick={() => {
          if (!window.confirm(t('confirmRevoke', { email }))) return;
          void run(() => revoke.mutateAsync({ id }));
        }}
      >
        {t('revoke')}
      </Button>
      {error ? <p className="mt-1 text-xs text-red-700">{error}</p> : null}
    </div>
  );
}
