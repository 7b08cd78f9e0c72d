import { defineConfig } from '@playwright/test';

const port = Number(process.env.ABUSE_PORT ?? 3410);
export const baseURL = `http://localhost:${port}`;

/**
 * The abuse suite (`npm run test:abuse`): attacks replayed over HTTP against the production build, served on its own
 * port and its own freshly seeded PGlite folder (scripts/abuse-server.sh), so the lockouts it provokes cannot lock the
 * end-to-end suite's accounts. Plain HTTP through Playwright's `request` API; no browser. One worker: the attacks
 * measure throttles and races, and the machine has two cores.
 */
export default defineConfig({
  testDir: 'abuse',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/abuse',
  use: { baseURL, extraHTTPHeaders: { 'accept-language': 'en' } },
  webServer: {
    command: 'bash scripts/abuse-server.sh',
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    // a small PDF queue (one rendering, one waiting) so that abuse/uploads.spec.ts can fill it with three requests
    env: { PORT: String(port), AUTH_URL: baseURL, LOG_LEVEL: 'warn', TRUSTED_PROXIES: 'loopback', PDF_CONCURRENCY: '1', PDF_QUEUE_LIMIT: '1' },
  },
});
