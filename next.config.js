import createNextIntlPlugin from 'next-intl/plugin';

/**
 * ICU messages are compiled at build time (next-intl's experimental catalog loader), so browsers get the small
 * formatter instead of the ICU parser: 8.7 kB gzipped off every page (docs/decisions/0012).
 */
const withNextIntl = createNextIntlPlugin({
  requestConfig: './server/i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

/**
 * Content-Security-Policy for what proxy.ts does not reach (API routes, static files): nothing may run there. Pages
 * get their policy with a per-request nonce from proxy.ts instead (server/http/csp.ts; no 'unsafe-inline').
 * Kept in step with server/http/csp.ts by hand (this file is plain JS, loaded before TypeScript).
 */
const apiCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Loaded by Node at run time, not bundled: PGlite reads its WASM and data files from its package.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@node-rs/argon2',
    'pino',
    'pg',
    '@prisma/adapter-pg',
    'playwright-core',
    'aedes',
    'mqtt',
  ],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: apiCsp }] },
      { source: '/_next/:path*', headers: [{ key: 'Content-Security-Policy', value: apiCsp }] },
      {
        // HSTS only when the request reached us over HTTPS (the TLS-terminating proxy sets X-Forwarded-Proto).
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
