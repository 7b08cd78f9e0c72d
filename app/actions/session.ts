'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/server/auth/config';
import { signInInput } from '@/server/auth/credentials';
import { getSessionUser } from '@/server/auth/session';
import { recordFailure, recordSuccess, throttleKeys, throttleWait } from '@/server/auth/throttle';
import { getDb } from '@/server/db/client';
import { databaseAppError } from '@/server/db/errors';
import { homePath } from '@/server/domain/auth/scope';
import { isLocale, localeCookie } from '@/server/i18n/locales';
import { errorMessage } from '@/server/i18n/messages';
import { resolveRequestLocale } from '@/server/i18n/request';
import { log } from '@/server/log';

export type SignInState = { error?: string; fieldErrors?: { email?: string; password?: string }; email?: string; waitSeconds?: number };

/** The client's address as the proxy in front reports it (first X-Forwarded-For hop), else X-Real-IP. */
async function clientAddress(): Promise<string | null> {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip')?.trim() || null;
}

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
  let keys: string[] = [];
  try {
    const db = await getDb();
    keys = throttleKeys(parsed.data.email, await clientAddress());
    const wait = await throttleWait(db, keys);
    if (wait > 0) {
      log.warn({ event: 'sign-in-throttled', waitSeconds: wait }, 'sign-in throttled');
      return { error: 'tooManyAttempts', waitSeconds: wait, email: raw.email };
    }
    await signIn('credentials', { ...parsed.data, redirect: false });
    await recordSuccess(db, parsed.data.email);
  } catch (e) {
    if (e instanceof AuthError && e.type === 'CredentialsSignin') {
      await recordFailure(await getDb(), keys);
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
