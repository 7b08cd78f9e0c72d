'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { signOutAction } from '@/app/actions/session';
import { NewPasswordFields } from '@/components/auth/account-forms';
import { useTRPC } from '@/components/trpc/provider';
import { Field, FormError, inputClass } from '@/components/ui/form';
import { PendingButton } from '@/components/ui/pending';

/** Change one's own password; on success every session ends, this one included, and the user signs in again. */
export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const t = useTranslations('account');
  const trpc = useTRPC();
  const m = useMutation(trpc.me.changePassword.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);
  return (
    <form
      className="max-w-md space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const currentPassword = String(f.get('currentPassword') ?? '');
        const newPassword = String(f.get('newPassword') ?? '');
        setError(null);
        setMismatch(newPassword !== String(f.get('confirmPassword') ?? ''));
        if (newPassword !== String(f.get('confirmPassword') ?? '')) return;
        try {
          await m.mutateAsync({ currentPassword, newPassword });
          await signOutAction();
        } catch (err) {
          setError((err as Error).message);
        }
      }}
    >
      <FormError message={error} />
      <Field label={t('currentPassword')} htmlFor="currentPassword">
        <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      <NewPasswordFields name="newPassword" label={t('newPassword')} confirmLabel={t('confirmPassword')} minLength={minLength} mismatch={mismatch} />
      <PendingButton type="submit" pending={m.isPending} pendingLabel={t('saving')}>
        {t('changePassword')}
      </PendingButton>
    </form>
  );
}
