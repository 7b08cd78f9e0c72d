import { expect } from '@playwright/test';
import { demo, screenshot, signIn, test } from './fixtures';

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

test('security headers: CSP without unsafe-eval, no framing, HSTS only over HTTPS', async ({ request }) => {
  const plain = await request.get('/sign-in');
  const h = plain.headers();
  const csp = h['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['strict-transport-security']).toBeUndefined();
  const https = await request.get('/sign-in', { headers: { 'x-forwarded-proto': 'https' } });
  expect(https.headers()['strict-transport-security']).toMatch(/^max-age=31536000/);
});

test('the signed-in pages run under the CSP without a single violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await signIn(page, demo.engineer);
  for (const path of ['/', '/clients', '/projects', '/claims']) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
  }
  // A page with a chart (ECharts draws on a canvas from bundled code: no eval, no inline handlers).
  await page.goto('/clusters');
  await page.getByTestId('cluster-row').first().getByRole('link').click();
  await page.waitForURL(/\/clusters\/[^/]+$/);
  await page.goto(`${page.url()}/maturity`);
  await expect(page.locator('main canvas').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('sign-in is throttled after five failures, with the wait in the user’s language', async ({ page }) => {
  await page.goto('/sign-in');
  const email = `throttle-${Date.now()}@example.com`;
  for (let i = 0; i < 5; i++) {
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(`wrong ${i}`);
    // Each attempt is one server action round trip; wait for it so none is coalesced with the next.
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.locator('form button[type=submit]').click()]);
    await expect(page.getByTestId('sign-in-error')).toHaveText('邮箱或密码不正确。');
  }
  await page.locator('#email').fill(email);
  await page.locator('#password').fill('wrong again');
  await page.locator('form button[type=submit]').click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('失败次数过多，请 1 分钟后再试。');
  await screenshot(page, 'sign-in-throttled-zh');
});

test('the API refuses an oversized body with 413 and a message in the user’s language', async ({ request }) => {
  const res = await request.post('/api/trpc/me.setLocale', {
    data: JSON.stringify({ json: { locale: 'en', pad: 'x'.repeat(3 * 1024 * 1024) } }),
    headers: { 'content-type': 'application/json', cookie: 'NEXT_LOCALE=zh-CN' },
  });
  expect(res.status()).toBe(413);
  expect((await res.json()).error.message).toBe('请求过大（上限 2 MB）。');
});
