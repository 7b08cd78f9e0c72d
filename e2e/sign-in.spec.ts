import { expect, test } from '@playwright/test';
import { demo, screenshot } from './fixtures';

test('sign-in explains bad input without revealing which accounts exist', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await screenshot(page, 'sign-in-zh');

  await page.locator('form button[type=submit]').click();
  await expect(page.getByText('请输入邮箱。')).toBeVisible();
  await expect(page.getByText('请输入密码。')).toBeVisible();

  await page.locator('#email').fill('not an email');
  await page.locator('#password').fill('x');
  await page.locator('form button[type=submit]').click();
  await expect(page.getByText('邮箱格式不正确。')).toBeVisible();

  await page.locator('#email').fill(demo.admin);
  await page.locator('#password').fill('wrong password');
  await page.locator('form button[type=submit]').click();
  const wrongPassword = await page.getByTestId('sign-in-error').textContent();

  await page.locator('#email').fill('nobody@example.com');
  await page.locator('#password').fill('wrong password');
  await page.locator('form button[type=submit]').click();
  await expect(page.getByTestId('sign-in-error')).toHaveText(wrongPassword ?? '');
  expect(wrongPassword).toBe('邮箱或密码不正确。');
  await screenshot(page, 'sign-in-error-zh');
});

test('health reports version and database', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ status: 'ok', version: '0.1.0', database: { ok: true } });
  expect(res.headers()['x-request-id']).toBeTruthy();
});
