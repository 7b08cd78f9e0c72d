'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/server/db/client';
import { AppError } from '@/server/domain/errors/app-error';
import { clientAddress } from '@/server/http/client-address';
import { errorMessage, serverTranslator } from '@/server/i18n/messages';
import { resolveRequestLocale } from '@/server/i18n/request';
import { log } from '@/server/log';
import { acceptInvitation } from '@/server/services/accounts/invitations';
import { requestPasswordReset, resetPassword } from '@/server/services/accounts/password-reset';

export type AccountFormState = { error?: string; done?: boolean; email?: string; name?: string; mismatch?: boolean };

/**
 * The confirmation must match on the server too: a form sent before the page is hydrated (or without JavaScript)
 * skips the browser's check, and a mistyped new password would otherwise be saved.
 */
function confirmationDiffers(form: FormData): boolean {
  const confirm = form.get('confirmPassword');
  return confirm !== null && String(confirm) !== String(form.get('password') ?? '');
}

/** The client's address (X-Forwarded-For only from TRUSTED_PROXIES: server/http/client-address.ts). */
async function requestAddress(): Promise<string | null> {
  return clientAddress(await headers());
}

/** An error as a sentence in the request's language (unexpected ones are logged and shown generically). */
async function errorText(e: unknown): Promise<string> {
  const locale = await resolveRequestLocale();
  if (e instanceof AppError) return errorMessage(locale, e.messageKey, e.params as Record<string, string | number>);
  log.error({ err: e }, 'account action failed');
  return errorMessage(locale, 'internal');
}

export async function acceptInvitationAction(token: string, _prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const name = String(form.get('name') ?? '');
  const password = String(form.get('password') ?? '');
  if (confirmationDiffers(form)) return { mismatch: true, name };
  let email: string;
  try {
    ({ email } = await acceptInvitation(await getDb(), token, { name, password }));
  } catch (e) {
    return { error: await errorText(e), name };
  }
  redirect(`/sign-in?joined=1&email=${encodeURIComponent(email)}`);
}

export async function requestPasswordResetAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const email = String(form.get('email') ?? '').trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
    return { error: serverTranslator(await resolveRequestLocale())('signIn.emailInvalid'), email };
  }
  try {
    await requestPasswordReset(await getDb(), email, await requestAddress());
    return { done: true, email };
  } catch (e) {
    return { error: await errorText(e), email };
  }
}

export async function resetPasswordAction(token: string, _prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  if (confirmationDiffers(form)) return { mismatch: true };
  let email: string;
  try {
    ({ email } = await resetPassword(await getDb(), token, String(form.get('password') ?? '')));
  } catch (e) {
    return { error: await errorText(e) };
  }
  redirect(`/sign-in?reset=1&email=${encodeURIComponent(email)}`);
}
