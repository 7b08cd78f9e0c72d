import { expect } from '@playwright/test';
import { demo, screenshot, signIn, test } from './fixtures';

/**
 * Connected machines (issue 19): the simulator runs in the server (TELEMETRY_SIMULATOR=direct), so the plant floor
 * shows machines running now and the one whose terminal went silent a day ago; staff see terminal health. The demo
 * users stay in Chinese.
 */
test.describe('connected machines', () => {
  test('the SME owner sees the plant floor: machines running, and the silent one', async ({ page }) => {
    await signIn(page, demo.smeOwner);
    await page.getByRole('navigation').getByRole('link', { name: '车间看板' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '车间看板' })).toBeVisible();
    // the heat-treatment furnace runs around the clock; the live stream has reached the server
    await expect(page.locator('[data-testid=floor-machine][data-status=running]').first()).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('floor-silent')).toContainText('M-0026');
    // colour bands come with words
    await expect(page.locator('[data-testid=floor-machine] [data-band]').first()).toBeVisible();
    await screenshot(page, 'telemetry-floor-owner');
  });

  test('staff open a running machine: status now, today’s strips per shift, the 30-day charts', async ({ page }) => {
    await signIn(page, demo.engineer);
    await page.goto('/terminal-health?q=M-0020');
    await page.locator('[data-testid=health-row] a').first().click();
    await expect(page.getByRole('heading', { name: '运行状态' })).toBeVisible();
    await expect(page.getByTestId('live-status-badge')).toHaveAttribute('data-status', /running|alarm/);
    await expect(page.getByTestId('timeline-strip')).toHaveCount(2);
    await expect(page.getByTestId('chart-utilization').locator('canvas')).toBeVisible();
    await screenshot(page, 'telemetry-machine');
  });

  test('staff see terminal health across clients: reporting, silent, never reported, malformed messages', async ({ page }) => {
    await signIn(page, demo.admin);
    await page.getByRole('navigation').getByRole('link', { name: '终端健康' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '终端健康' })).toBeVisible();
    await expect(page.getByTestId('health-count-silent')).toHaveText('1');
    await expect(page.getByTestId('health-count-never')).toHaveText('1');
    await expect(page.getByTestId('health-count-problems')).toHaveText('1', { timeout: 60_000 });
    await page.getByTestId('health-count-silent').click();
    await expect(page.getByTestId('health-row')).toHaveCount(1);
    await expect(page.getByTestId('health-row')).toContainText('M-0026');
    await screenshot(page, 'telemetry-health');
    // another integrator's staff see none of these terminals
    await page.context().clearCookies();
    await signIn(page, demo.otherAdmin);
    await page.goto('/terminal-health');
    await expect(page.getByTestId('health-count-all')).toHaveText('0');
  });
});
