import { cookies, headers } from 'next/headers';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '../db/client';
import { clientAddress, forwardedHttps } from '../http/client-address';
import { log } from '../log';
import { signInInput } from './credentials';
import { checkPassword, DEVICE_COOKIE_DAYS } from './password-check';
import { resolveAuthSecret } from './secret';
import { endSession } from './sign-out';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

/** Sign-in refused by the throttle; the form tells the user how long to wait. */
export class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled';
  waitSeconds = 0;
}

/** HTTPS as the public origin says (AUTH_URL) or as a trusted proxy says (X-Forwarded-Proto from TRUSTED_PROXIES). */
async function servedOverHttps(req: Request | undefined): Promise<boolean> {
  if ((process.env.AUTH_URL ?? process.env.NEXTAUTH_URL ?? '').startsWith('https:')) return true;
  const h = req?.headers ?? (await headers().catch(() => null));
  return h ? forwardedHttps(h) : false;
}

export const { handlers, auth, signIn, signOut } = NextAuth(async (req) => {
  const secure = await servedOverHttps(req);
  return {
    secret: resolveAuthSecret(),
    trustHost: true,
    useSecureCookies: secure,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in' },
    logger: {
      error: (error) => log.warn({ err: { name: error.name, message: error.message } }, 'auth error'),
      warn: (code) => log.warn({ code }, 'auth warning'),
      debug: () => {},
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = signInInput.safeParse(raw);
          if (!parsed.success) return null;
          const r = await checkPassword(await getDb(), {
            ...parsed.data,
            address: clientAddress(request.headers),
            cookieHeader: request.headers.get('cookie'),
          });
          if (r.status === 'throttled') {
            log.warn({ event: 'sign-in-throttled', waitSeconds: r.waitSeconds }, 'sign-in throttled');
            const e = new ThrottledSignIn();
            e.waitSeconds = r.waitSeconds;
            throw e;
          }
          if (r.status === 'wrong') {
            log.info({ event: 'sign-in-failed' }, 'sign-in failed');
            return null;
          }
          const jar = await cookies();
          jar.set(r.device.name, r.device.value, { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: DEVICE_COOKIE_DAYS * 86_400 });
          log.info({ event: 'sign-in', userId: r.user.id }, 'signed in');
          return { id: r.user.id, sv: r.user.sessionVersion };
        },
      }),
    ],
    events: {
      // JWT sessions live in the browser: signing out moves the user's session version on, so the old token is
      // refused by every server at its next request (server/auth/session-user.ts), whoever still holds a copy.
      async signOut(message) {
        const token = 'token' in message ? message.token : null;
        if (token?.sub && typeof token.sv === 'number') await endSession(await getDb(), token.sub, token.sv);
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sv = (user as { sv?: number }).sv ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        // Only the id and session version travel; everything else is read fresh from the database.
        return { ...session, user: { id: token.sub ?? '' } as typeof session.user, sv: typeof token.sv === 'number' ? token.sv : -1 };
      },
    },
  };
});
