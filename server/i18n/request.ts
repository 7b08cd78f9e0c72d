import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getSessionUser, type SessionUser } from '../auth/session';
import { type AppLocale, defaultLocale, isLocale, localeCookie, timeZone } from './locales';
import { messagesFor } from './messages';

/**
 * The signed-in user's saved language, else the cookie set by the switch, else Chinese. A route handler passes its
 * request's memoised user, so the user row is read once per request (React's `cache` only lasts a page render).
 */
export async function resolveRequestLocale(getUser: () => Promise<SessionUser | null> = getSessionUser): Promise<AppLocale> {
  try {
    const user = await getUser();
    if (user) return user.locale;
  } catch {
    // no database: fall back to the cookie so that the error page is still in the right language
  }
  const fromCookie = (await cookies()).get(localeCookie)?.value;
  return isLocale(fromCookie) ? fromCookie : defaultLocale;
}

export default getRequestConfig(async () => {
  const locale = await resolveRequestLocale();
  return { locale, messages: messagesFor(locale), timeZone, now: new Date() };
});
