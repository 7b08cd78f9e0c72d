/**
 * The Content-Security-Policy. Pages get a fresh nonce per request from proxy.ts: Next puts it on every script it
 * renders (it reads the nonce from the request's policy), so script-src needs no 'unsafe-inline'. 'strict-dynamic'
 * lets those scripts load the app's chunks. 'unsafe-eval' and ws: only for the dev server (React's dev tooling, HMR).
 * API responses carry the same policy without a nonce (they run no scripts), set in next.config.js.
 */
export function contentSecurityPolicy({ nonce, dev }: { nonce?: string; dev: boolean }): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
