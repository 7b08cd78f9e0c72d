'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { signIn, signOut, ThrottledSignIn } from '@/server/auth/config';
import { signInInput } from '@/server/auth/credentials';
import { getSessionUser } from '@/server/auth/session';
import { databaseAppError } from '@/server/db/errors';
import { homePath } from '@/server/domain/auth/scope';
import { isLocale, localeCookie } from '@/server/i18n/locales';
import { errorMessage } from '@/server/i18n/messages';
import { resolveRequestLocale } from '@/server/i18n/request';
import { log } from '@/server/log';

export type SignInState = { error?: string; fieldErrors?: { email?: string; password?: string }; email?: string; waitSeconds?: number };

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const raw = { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') };
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: SignInState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as 'email' | 'password';
      fieldErrors[field] ??= issue.message;
    }
    return { fieldErrors, email: raw.email };
  }
  try {
    // The throttle sits inside the credentials check itself (server/auth/password-check.ts), as for every way in.
    await signIn('credentials', { ...parsed.data, redirect: false });
  } catch (e) {
    if (e instanceof AuthError && e.type === 'CredentialsSignin') {
      if (e instanceof ThrottledSignIn || (e as { code?: string }).code === 'throttled') {
        const waitSeconds = Math.max(1, (e as ThrottledSignIn).waitSeconds || 60);
        return { error: 'tooManyAttempts', waitSeconds, email: raw.email };
      }
      return { error: 'invalidCredentials', email: raw.email };
    }
    const cause = e instanceof AuthError ? ((e.cause as { err?: unknown } | undefined)?.err ?? e.cause) : e;
    const app = databaseAppError(cause);
    log.error({ err: e }, 'sign-in failed unexpectedly');
    const locale = await resolveRequestLocale();
    return { error: 'unavailable', email: raw.email, ...(app ? { reason: errorMessage(locale, app.messageKey, app.params) } : {}) } as SignInState;
  }
  const user = await getSessionUser().catch(() => null);
  if (user) (await cookies()).set(localeCookie, user.locale, { path: '/', maxAge: 31536000, sameSite: 'lax' });
  redirect('/');
}

export async function signOutAction() {
  await signOut({ redirectTo: '/sign-in?signedOut=1' });
}

/** The language switch before sign-in (after sign-in it also saves the choice on the user). */
export async function setLocaleCookieAction(locale: string) {
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, { path: '/', maxAge: 31536000, sameSite: 'lax' });
}

export async function homeRedirect() {
  const user = await getSessionUser();
  redirect(user ? homePath(user.scope) : '/sign-in');
}
