import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { cache } from 'react';
import { getDb } from '../db/client';
import { auth } from './config';
import { resolveAuthSecret } from './secret';
import { loadSessionUser, type SessionUser } from './session-user';

export type { SessionUser };

const COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;
type Claims = { sub: string; sv: number; exp: number };

/**
 * Decoded session tokens by their exact text. A token is encrypted and authenticated, so the same text always
 * decodes to the same claims: caching skips the key derivation and decryption (about a millisecond of the
 * libuv thread pool each) on every request. Expiry and the user's session version are still checked every time.
 */
const decoded = new Map<string, Claims | null>();
const MAX_CACHED = 10_000;
let secret: string | undefined;

async function claimsOf(name: string, token: string): Promise<Claims | null> {
  const key = `${name}\u0000${token}`;
  if (decoded.has(key)) return decoded.get(key) ?? null;
  secret ??= resolveAuthSecret();
  const payload = await decode({ token, secret, salt: name }).catch(() => null);
  const claims =
    payload && typeof payload.sub === 'string' && typeof payload.sv === 'number' && typeof payload.exp === 'number'
      ? { sub: payload.sub, sv: payload.sv, exp: payload.exp }
      : null;
  if (decoded.size >= MAX_CACHED) decoded.delete(decoded.keys().next().value as string);
  decoded.set(key, claims);
  return claims;
}

/** The current request's user (memoised per request), or null. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  const found = COOKIES.map((name) => ({ name, value: jar.get(name)?.value })).find((c) => c.value);
  let id: string | undefined;
  let sv: number | undefined;
  if (found?.value) {
    const claims = await claimsOf(found.name, found.value);
    if (!claims || claims.exp * 1000 <= Date.now()) return null;
    id = claims.sub;
    sv = claims.sv;
  } else {
    // no plain session cookie (e.g. one split into chunks): let Auth.js read it
    const session = await auth();
    id = session?.user?.id;
    sv = (session as { sv?: number } | null)?.sv;
  }
  if (!id || typeof sv !== 'number') return null;
  return loadSessionUser(await getDb(), id, sv);
});
