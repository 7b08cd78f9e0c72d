'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState, useSyncExternalStore } from 'react';
import { type AccountFormState, acceptInvitationAction, requestPasswordResetAction, resetPasswordAction } from '@/app/actions/accounts';
import { Field, FormError, inputClass } from '@/components/ui/form';
import { PendingButton } from '@/components/ui/pending';

/** New password twice; a mismatch is caught before the form is sent, and again by the server action. Also used by the account page. */
export function NewPasswordFields({
  minLength,
  mismatch,
  label,
  confirmLabel,
  name = 'password',
}: {
  minLength: number;
  mismatch: boolean;
  label: string;
  confirmLabel?: string;
  name?: string;
}) {
  const t = useTranslations();
  return (
    <>
      <Field label={label} htmlFor={name} hint={t('account.passwordHint', { min: minLength })}>
        <input id={name} name={name} type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      <Field label={confirmLabel ?? t('invite.confirmPassword')} htmlFor="confirmPassword" error={mismatch ? t('account.mismatch') : null}>
        <input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={mismatch}
          className={inputClass}
        />
      </Field>
    </>
  );
}

const noop = () => () => {};
/**
 * False until React has hydrated the page. The submit buttons of these forms wait for it: a form posted before
 * hydration skips the confirmation check and reaches Next as a no-script post of a bound server action, which it
 * refuses (the cause of the flaky reset journey, docs/decisions/0013).
 */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

function NeedsScript() {
  const t = useTranslations('account');
  return (
    <noscript>
      <p className="text-sm text-amber-800">{t('needsScript')}</p>
    </noscript>
  );
}

function usePasswordPair() {
  const [mismatch, setMismatch] = useState(false);
  const check = (e: React.FormEvent<HTMLFormElement>) => {
    const f = new FormData(e.currentTarget);
    const differ = String(f.get('password') ?? '') !== String(f.get('confirmPassword') ?? '');
    setMismatch(differ);
    if (differ) e.preventDefault();
  };
  return { mismatch, check };
}

export function AcceptInvitationForm({ token, defaultName, minLength }: { token: string; defaultName: string; minLength: number }) {
  const t = useTranslations('invite');
  const [state, action, pending] = useActionState<AccountFormState, FormData>(acceptInvitationAction.bind(null, token), {});
  const { mismatch, check } = usePasswordPair();
  const hydrated = useHydrated();
  return (
    <form action={action} onSubmit={check} className="mt-6 space-y-4">
      <FormError message={state.error ?? null} />
      <Field label={t('yourName')} htmlFor="name">
        <input id="name" name="name" autoComplete="name" required maxLength={100} defaultValue={state.name ?? defaultName} className={inputClass} />
      </Field>
      <NewPasswordFields minLength={minLength} mismatch={mismatch || Boolean(state.mismatch)} label={t('password')} />
      <NeedsScript />
      <PendingButton type="submit" disabled={!hydrated} className="w-full" pending={pending} pendingLabel={t('accepting')}>
        {t('accept')}
      </PendingButton>
    </form>
  );
}

export function ResetPasswordForm({ token, minLength }: { token: string; minLength: number }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<AccountFormState, FormData>(resetPasswordAction.bind(null, token), {});
  const { mismatch, check } = usePasswordPair();
  const hydrated = useHydrated();
  return (
    <form action={action} onSubmit={check} className="mt-6 space-y-4">
      <FormError message={state.error ?? null} />
      <NewPasswordFields minLength={minLength} mismatch={mismatch || Boolean(state.mismatch)} label={t('account.newPassword')} />
      <NeedsScript />
      <PendingButton type="submit" disabled={!hydrated} className="w-full" pending={pending} pendingLabel={t('reset.submitting')}>
        {t('reset.submit')}
      </PendingButton>
    </form>
  );
}

export function ForgotPasswordForm({ minutes }: { minutes: number }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<AccountFormState, FormData>(requestPasswordResetAction, {});
  const hydrated = useHydrated();
  if (state.done) {
    return (
      <p className="mt-4 rounded-lg bg-teal-50 px-3 py-2 text-sm text-teal-800" role="status" data-testid="reset-requested">
        {t('reset.requested', { minutes })}
      </p>
    );
  }
  return (
    <form action={action} noValidate className="mt-6 space-y-4">
      <FormError message={state.error ?? null} />
      <Field label={t('signIn.email')} htmlFor="email">
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} className={inputClass} />
      </Field>
      <PendingButton type="submit" disabled={!hydrated} className="w-full" pending={pending} pendingLabel={t('reset.sending')}>
        {t('reset.send')}
      </PendingButton>
    </form>
  );
}
