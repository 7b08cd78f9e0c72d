import { headers } from 'next/headers';

/**
 * The origin that links in mail and on screen point to. `APP_URL` (or Auth.js's `AUTH_URL`) when configured;
 * otherwise the request's own host, which is fine for a link shown to the admin on screen but is never put in
 * an email (a forged Host header must not be able to redirect a reset link): `trusted` says which it is.
 */
export async function linkOrigin(): Promise<{ origin: string; trusted: boolean }> {
  const configured = (process.env.APP_URL || process.env.AUTH_URL || '').trim().replace(/\/$/, '');
  if (configured) return { origin: new URL(configured).origin, trusted: true };
  try {
    const h = await headers();
    const host = h.get('x-forwarded-host') ?? h.get('host');
    const proto = h.get('x-forwarded-proto') ?? 'http';
    if (host) return { origin: `${proto === 'https' ? 'https' : 'http'}://${host}`, trusted: false };
  } catch {
    // outside a request (scripts, tests)
  }
  return { origin: `http://localhost:${process.env.PORT ?? 3000}`, trusted: false };
}
