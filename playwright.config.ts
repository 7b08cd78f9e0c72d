import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://localhost:${port}`;

/**
 * End-to-end journeys in Debian's Chromium (never `playwright install`), against the production
 * build served on a private, freshly seeded PGlite folder. One worker: the machine has two cores
 * and PGlite serialises everything anyway.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/playwright',
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'bash scripts/e2e-server.sh',
    url: `${baseURL}/api/health`,
    timeout: 300_000, // the seed sends the measured demo project's terminal history through ingestion (~1 min on a busy machine)
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    // the demo fleet's terminals report in the server (one day of history, then live) and the roll-up runs there
    env: {
      PORT: String(port),
      AUTH_URL: baseURL,
      PGLITE_DIR: '.data/e2e/pglite',
      LOG_LEVEL: 'warn',
      TELEMETRY_SIMULATOR: 'direct',
      TELEMETRY_SIMULATOR_DAYS: '1',
    },
  },
});
