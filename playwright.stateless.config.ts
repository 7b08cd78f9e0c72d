import { defineConfig } from '@playwright/test';

const lbPort = Number(process.env.LB_PORT ?? 3500);
export const lbURL = `http://localhost:${lbPort}`;

/**
 * Stateless, proven (`npm test`, after the abuse suite): two production app processes on one PostgreSQL database,
 * through PgBouncer in transaction mode, behind HAProxy with round robin and no sticky sessions
 * (scripts/stateless-server.sh, deploy/haproxy.cfg, deploy/pgbouncer.ini). Plain
 * HTTP through Playwright's `request` API; one worker.
 */
export default defineConfig({
  testDir: 'stateless',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/stateless',
  use: { baseURL: lbURL, extraHTTPHeaders: { 'accept-language': 'en' } },
  webServer: {
    command: 'bash scripts/stateless-server.sh',
    url: `${lbURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      LB_PORT: String(lbPort),
      APP1_PORT: process.env.APP1_PORT ?? '3511',
      APP2_PORT: process.env.APP2_PORT ?? '3512',
      PGBOUNCER_PORT: process.env.PGBOUNCER_PORT ?? '3513',
    },
  },
});
