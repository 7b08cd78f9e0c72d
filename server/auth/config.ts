import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '../db/client';
import { log } from '../log';
import { checkCredentials, signInInput } from './credentials';
import { resolveAuthSecret } from './secret';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: resolveAuthSecret(),
  trustHost: true,
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
      async authorize(raw) {
        const parsed = signInInput.safeParse(raw);
        if (!parsed.success) return null;
        const db = await getDb();
        const ok = await checkCredentials(db, parsed.data.email, parsed.data.password);
        if (!ok) {
          log.info({ event: 'sign-in-failed' }, 'sign-in failed');
          return null;
        }
        log.info({ event: 'sign-in', userId: ok.id }, 'signed in');
        return { id: ok.id, sv: ok.sessionVersion };
      },
    }),
  ],
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
});
