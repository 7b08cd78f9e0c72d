import { expect } from '@playwright/test';
import { DEMO_PASSWORD, demo, screenshot, signIn, switchLanguage, test } from './fixtures';

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
  // one sentence in the reader's language, naming the person acted on; the raw record behind its toggle
  const first = admin.getByTestId('audit-row').first();
  await expect(first).toContainText('重新启用了账号');
  await expect(first).toContainText(demo.engineer);
  await first.locator('summary').click();
  await expect(first.locator('pre')).toContainText('user.reactivate');

  await signIn(eng, demo.engineer);
  await expect(eng).not.toHaveURL(/\/sign-in/);
  await engCtx.close();
  await adminCtx.close();
});

test('admin invites an engineer, who accepts and signs in; the admin deactivates them and their open session ends', async ({ browser }) => {
  const email = `new.engineer.${Date.now()}@xinchang-retrofit.demo`;
  const password = 'spindle bearings hum at dawn';
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, demo.admin);
  await admin.goto('/integrator#staff');
  await admin.locator('#invite-email').fill(email);
  await admin.locator('#invite-name').fill('钱工');
  await admin.getByTestId('invite-submit').click();
  // No SMTP server in the test run: the admin is shown the one-time link to pass on.
  const link = await admin.getByTestId('one-time-link').inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(admin.getByTestId('invitation-row').filter({ hasText: email })).toContainText('待接受');
  await screenshot(admin, 'staff-invited-zh');

  const engCtx = await browser.newContext();
  const eng = await engCtx.newPage();
  await eng.goto(new URL(link).pathname);
  await expect(eng.locator('h1')).toContainText('加入');
  await expect(eng.locator('#name')).toHaveValue('钱工');
  // A weak password is refused in the invitee's language, and nothing is created.
  await eng.locator('#password').fill('short');
  await eng.locator('#confirmPassword').fill('short');
  await eng.locator('form button[type=submit]').click();
  await expect(eng.getByTestId('form-error')).toContainText('12');
  await eng.locator('#password').fill(password);
  await eng.locator('#confirmPassword').fill(password);
  await screenshot(eng, 'invite-accept-zh');
  await eng.locator('form button[type=submit]').click();
  await expect(eng).toHaveURL(/\/sign-in\?joined=1/);
  await expect(eng.locator('#email')).toHaveValue(email);
  await eng.locator('#password').fill(password);
  await eng.locator('form button[type=submit]').click();
  await eng.waitForURL(/\/integrator/);
  await eng.goto('/clients');
  await expect(eng.locator('main h1')).toBeVisible();

  // The link worked once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(new URL(link).pathname);
  await expect(again.locator('main p[role=alert]')).toHaveText('该链接已被使用。');

  await admin.reload();
  await expect(admin.getByTestId('invitation-row').filter({ hasText: email })).toContainText('已接受');
  const row = admin.getByTestId('staff-row').filter({ hasText: email });
  admin.once('dialog', (d) => d.accept());
  await row.getByTestId('staff-toggle-active').click();
  await expect(row).toContainText('已停用');

  await eng.goto('/clients');
  await expect(eng).toHaveURL(/\/sign-in/);
  await engCtx.close();
  await adminCtx.close();
});

test('password reset: the admin sends a link, the user sets a new password with it and signs in; the old one fails', async ({ browser }) => {
  const email = `reset.owner.${Date.now()}@xinchang-retrofit.demo`;
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, demo.admin);
  await admin.goto('/integrator#staff');
  await admin.locator('#invite-email').fill(email);
  await admin.locator('#invite-role').selectOption('SME_OWNER');
  await admin.locator('#invite-sme').selectOption({ index: 1 });
  await admin.getByTestId('invite-submit').click();
  const invite = await admin.getByTestId('one-time-link').inputValue();
  const ownerCtx = await browser.newContext();
  const owner = await ownerCtx.newPage();
  await owner.goto(new URL(invite).pathname);
  await owner.locator('#name').fill('Owner Reset');
  await owner.locator('#password').fill('first password of the owner');
  await owner.locator('#confirmPassword').fill('first password of the owner');
  await owner.locator('form button[type=submit]').click();
  await expect(owner).toHaveURL(/joined=1/);

  // Forgot-password page: same answer whatever the email.
  await owner.goto('/sign-in');
  await owner.getByRole('link', { name: '忘记密码?' }).click();
  await owner.locator('#email').fill(email);
  await owner.locator('form button[type=submit]').click();
  await expect(owner.getByTestId('reset-requested')).toBeVisible();
  await screenshot(owner, 'forgot-password-zh');

  await admin.reload();
  const row = admin.getByTestId('staff-row').filter({ hasText: email });
  admin.once('dialog', (d) => d.accept());
  await row.getByTestId('staff-send-reset').click();
  const link = await row.getByTestId('one-time-link').inputValue();
  expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);

  await owner.goto(new URL(link).pathname);
  await owner.locator('#password').fill('second password of the owner');
  await owner.locator('#confirmPassword').fill('second password, mistyped');
  await owner.locator('form button[type=submit]').click();
  await expect(owner.locator('#confirmPassword-error')).toHaveText('两次输入的新密码不一致。');
  await owner.locator('#confirmPassword').fill('second password of the owner');
  await screenshot(owner, 'reset-password-zh');
  await owner.locator('form button[type=submit]').click();
  await expect(owner).toHaveURL(/\/sign-in\?reset=1/);
  // The sign-in page, not the reset page that also has a #password field, before typing into it.
  await expect(owner.locator('#email')).toHaveValue(email);
  await owner.locator('#password').fill('first password of the owner');
  await owner.locator('form button[type=submit]').click();
  await expect(owner.getByTestId('sign-in-error')).toBeVisible();
  await owner.locator('#password').fill('second password of the owner');
  await owner.locator('form button[type=submit]').click();
  await owner.waitForURL(/\/sme/);
  await ownerCtx.close();
  await adminCtx.close();
});

test('the invitation’s email language follows a language switch made on the page', async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto('/integrator#staff');
  await expect(page.locator('#invite-locale')).toHaveValue('zh-CN');
  await switchLanguage(page, 'en');
  await expect(page.locator('#invite-locale')).toHaveValue('en');
  await switchLanguage(page, 'zh-CN');
  await expect(page.locator('#invite-locale')).toHaveValue('zh-CN');
});

test('the reset form cannot be sent before its scripts run (the cause of the flaky reset journey)', async ({ browser }) => {
  // Posted before hydration, the form skipped the confirmation check and Next refused the no-script post of the
  // bound server action with a 500. The button now waits for the page's scripts.
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, demo.admin);
  await admin.goto('/integrator#staff');
  const row = admin.getByTestId('staff-row').filter({ hasText: demo.engineer });
  admin.once('dialog', (d) => d.accept());
  await row.getByTestId('staff-send-reset').click();
  const path = new URL(await row.getByTestId('one-time-link').inputValue()).pathname;

  const noScriptCtx = await browser.newContext({ javaScriptEnabled: false });
  const before = await noScriptCtx.newPage();
  await before.goto(path);
  await expect(before.locator('form button[type=submit]')).toBeDisabled();
  await noScriptCtx.close();

  const page = await adminCtx.newPage();
  await page.goto(path);
  await expect(page.locator('form button[type=submit]')).toBeEnabled();
  await adminCtx.close();
});
