'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { type SignInState, signInAction } from '@/app/actions/session';

export function SignInForm({ defaultEmail }: { defaultEmail?: string }) {
  const t = useTranslations('signIn');
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const reason = (state as { reason?: string }).reason;
  const fieldClass = 'mt-1 block w-full rounded-lg border px-3 py-2 text-sm shadow-sm outline-none focus:border-teal-600 focus:ring-2 focus:ring-teal-600/20';
  return (
    <form action={action} noValidate className="mt-6 space-y-4">
      {state.error ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="sign-in-error">
          {state.error === 'unavailable'
            ? t('unavailable', { reason: reason ?? '' })
            : state.error === 'tooManyAttempts'
              ? t('tooManyAttempts', { minutes: Math.ceil((state.waitSeconds ?? 60) / 60) })
              : t('invalidCredentials')}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="text-sm font-medium text-slate-700">
          {t('email')}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={state.email ?? defaultEmail}
          aria-invalid={Boolean(state.fieldErrors?.email)}
          aria-describedby={state.fieldErrors?.email ? 'email-error' : undefined}
          className={`${fieldClass} ${state.fieldErrors?.email ? 'border-red-400' : 'border-slate-300'}`}
        />
        {state.fieldErrors?.email ? (
          <p id="email-error" className="mt-1 text-xs text-red-700">
            {t(state.fieldErrors.email as 'emailRequired')}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="password" className="text-sm font-medium text-slate-700">
          {t('password')}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={Boolean(state.fieldErrors?.password)}
          aria-describedby={state.fieldErrors?.password ? 'password-error' : undefined}
          className={`${fieldClass} ${state.fieldErrors?.password ? 'border-red-400' : 'border-slate-300'}`}
        />
        {state.fieldErrors?.password ? (
          <p id="password-error" className="mt-1 text-xs text-red-700">
            {t(state.fieldErrors.password as 'passwordRequired')}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-teal-700 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 disabled:opacity-60"
      >
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
