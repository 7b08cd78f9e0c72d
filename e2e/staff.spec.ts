import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, demo, screenshot, signIn } from './fixtures';

test('admin deactivates the engineer: the engineer’s open session ends at once; reactivated, they sign in again', async ({ browser }) => {
  const engCtx = await browser.newContext();
  const eng = await engCtx.newPage();
  await signIn(eng, demo.engineer);
  await eng.goto('/clients');
  await expect(eng.locator('main h1')).toBeVisible();

  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, demo.admin);
  await admin.goto('/integrator#staff');
  const row = admin.getByTestId('staff-row').filter({ hasText: demo.engineer });
  admin.once('dialog', (d) => d.accept());
  await row.getByTestId('staff-toggle-active').click();
  await expect(row).toContainText('已停用');
  await screenshot(admin, 'staff-deactivated-zh');

  // The engineer's next request finds the session gone.
  await eng.goto('/clients');
  await expect(eng).toHaveURL(/\/sign-in/);
  await eng.locator('#email').fill(demo.engineer);
  await eng.locator('#password').fill(DEMO_PASSWORD);
  await eng.locator('form button[type=submit]').click();
  await expect(eng.getByTestId('sign-in-error')).toHaveText('邮箱或密码不正确。');

  await row.getByTestId('staff-toggle-active').click();
  await expect(row).not.toContainText('已停用');
  const audit = await admin.goto('/audit');
  expect(audit?.status()).toBe(200);
  await expect(admin.getByTestId('audit-row').first()).toContainText('user.reactivate');

  await signIn(eng, demo.engineer);
  await expect(eng).not.toHaveURL(/\/sign-in/);
  await engCtx.close();
  await adminCtx.close();
});
