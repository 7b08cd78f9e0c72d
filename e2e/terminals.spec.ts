import { expect, type Page } from '@playwright/test';
import { demo, screenshot, signIn, switchLanguage, test } from './fixtures';

/** This journey's own client: no other journey registers terminals or changes machines of 精工套圈. */
const CLIENT = '新昌县精工套圈有限公司';

async function openClient(page: Page) {
  await page.goto('/clients');
  await page.getByTestId('client-row').filter({ hasText: CLIENT }).getByRole('link').first().click();
  await expect(page.getByTestId('client-actions')).toBeVisible();
  return page.url();
}

test('engineer registers a terminal on a machine and reads its secret once; rotates, revokes; gateways and the calendar (zh-CN, en)', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.engineer);
  const clientUrl = await openClient(page);
  await page.goto(`${clientUrl}/machines?status=IN_SERVICE`);
  await page.getByTestId('machine-row').first().getByRole('link').first().click();
  await page.waitForURL(/\/machines\/[^/]+$/);
  const machineUrl = page.url();
  const section = page.getByTestId('machine-terminal');
  await expect(section).toContainText('该设备尚未登记终端。');

  // a bad serial is refused in Chinese, then a good one registers
  await page.getByTestId('terminal-serial').fill('TM ACS 1');
  await page.getByTestId('terminal-register').click();
  await expect(page.getByTestId('form-error')).toContainText('不能有空格');
  await page.getByTestId('terminal-serial').fill('TM-ACS-2026-900001');
  await page.getByTestId('terminal-register').click();
  const box = page.getByTestId('secret-box');
  await expect(box).toContainText('仅显示这一次');
  const secret = (await page.getByTestId('secret-value').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId('secret-topic')).toHaveText(/^rp\/t\/[a-z0-9]+\/data$/);
  await expect(page.getByTestId('secret-example')).toContainText('mosquitto_pub');
  await screenshot(page, 'terminal-secret-zh');
  await page.getByTestId('secret-done').click();
  await expect(box).toHaveCount(0);
  await expect(section.getByTestId('terminal-status')).toHaveAttribute('data-status', 'never');
  await expect(page.getByTestId('terminal-live-serial')).toHaveText('TM-ACS-2026-900001');
  // never again: not in the page after a reload
  await page.reload();
  expect(await page.content()).not.toContain(secret);

  // a new secret, confirmed first, differs from the first one
  await page.getByTestId('terminal-rotate').click();
  await expect(page.getByTestId('terminal-rotate-dialog')).toContainText('当前密钥立即失效');
  await page.getByTestId('terminal-rotate-dialog').getByTestId('confirm-ok').click();
  await expect(page.getByTestId('secret-box')).toBeVisible();
  const rotated = (await page.getByTestId('secret-value').textContent()) ?? '';
  expect(rotated).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(rotated).not.toBe(secret);
  await page.getByTestId('secret-done').click();

  // on a phone, in English
  await switchLanguage(page, 'en');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(section).toContainText('Never reported');
  await screenshot(page, 'machine-terminal-phone-en');
  await page.setViewportSize({ width: 1280, height: 800 });
  await switchLanguage(page, 'zh-CN');

  // revoked at once; the machine can take another terminal
  await page.getByTestId('terminal-revoke').click();
  await page.getByTestId('terminal-revoke-dialog').getByTestId('confirm-ok').click();
  await expect(section).toContainText('该设备尚未登记终端。');
  await expect(page.getByTestId('terminal-history')).toContainText('TM-ACS-2026-900001');

  // the client's terminals page: a gateway registered (its secret once too), the default calendar stated
  await page.goto(clientUrl);
  await page.getByTestId('client-terminals-link').click();
  await expect(page.getByTestId('calendar-default-note')).toContainText('默认日历');
  await page.getByTestId('gateway-serial').fill('GW-JG-01');
  await page.getByTestId('gateway-register').click();
  await expect(page.getByTestId('secret-box')).toContainText('GW-JG-01');
  await page.getByTestId('secret-done').click();
  await expect(page.getByTestId('gateway-row')).toContainText('GW-JG-01');
  await screenshot(page, 'client-terminals-zh');
  await page.goto(machineUrl);
  await expect(section).toContainText('该设备尚未登记终端。');
});
