import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy } from '@/server/http/csp';

/**
 * A fresh CSP nonce for every page request (server/http/csp.ts). The policy travels on the request too: Next reads
 * the nonce from it and puts it on the scripts it renders. Pages are rendered per request anyway (they read the
 * session), so the nonce costs no static optimisation. API routes and static files are not matched: they run no
 * scripts, get the nonce-less policy from next.config.js, and upload bodies are not buffered by a proxy.
 */
export function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV !== 'production' });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
