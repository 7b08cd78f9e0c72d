import { type Browser, expect, type Page } from '@playwright/test';
import { demo, signIn, signOut, switchLanguage, test } from './fixtures';

/**
 * Each role's first screen, at 1280 px and on a phone: the to-do inbox is on it, and every kind of to-do links to the
 * place where that work is done (the control that does it is there). The homes are kept as screenshots in both
 * languages (test-results/screens/home-<role>-<locale>-<width>.png).
 *
 * Work the demo data does not give a role is made first through the UI: a quote waiting for the SME owner's answer
 * (which the integrator's staff see as unanswered) and an invitation not yet accepted (the admin's).
 */

/** Where each kind of to-do is done: the test id of the control or section that does it on the linked page. */
const doneWith: Record<string, string> = {
  quoteToAnswer: 'transition-accept',
  paymentDue: 'ledger-totals',
  quoteUnanswered: 'quote-versions',
  toCommission: 'transition-commission',
  toVerify: 'transition-verify',
  assessmentToSignOff: 'sign-off',
  claimReturned: 'claim-submit',
  invitationPending: 'invitation-row',
  claimToDecide: 'decision-form',
  claimOverdue: 'decision-form',
  payoutToRecord: 'disburse-form',
};

const roles = [
  { who: 'smeOwner', home: '/sme' },
  { who: 'engineer', home: '/integrator' },
  { who: 'admin', home: '/integrator' },
  { who: 'official', home: '/county' },
] as const;

const sizes = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;

async function todoKinds(page: Page): Promise<string[]> {
  return page
    .getByTestId('todo-inbox')
    .locator('[data-testid^="todo-"]:not([data-testid=todo-item]):not([data-testid=todo-empty])')
    .evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').slice('todo-'.length)));
}

/** A quote waiting for the owner, made through the engineer's plan editor, unless the demo data already has one. */
async function ensureOpenQuote(browser: Browser) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, demo.engineer);
  if ((await todoKinds(page)).includes('quoteUnanswered')) return ctx.close();
  await page.goto('/clients');
  await page.getByTestId('client-row').filter({ hasText: '新昌县万丰轴承有限公司' }).getByRole('link').click();
  await page.getByTestId('client-actions').getByRole('link', { name: '新建改造项目' }).click();
  await page.locator('#title').fill('待办演示：装配线 2 台设备联网');
  const boxes = page.locator('[data-testid^="pick-"]:not([disabled])');
  for (let i = 0; i < 2; i++) await boxes.nth(i).check();
  await expect(page.getByTestId('plan-lines').locator('tbody tr').first()).toBeVisible();
  await page.getByTestId('save-plan').click();
  await page.waitForURL(/\/projects\/(?!new)[^/]+$/);
  await page.getByTestId('transition-issueQuote').click();
  await expect(page.getByTestId('quote-versions')).toContainText('待答复');
  await ctx.close();
}

/** An invitation not yet accepted, sent from the admin's staff section, unless the demo data already has one. */
async function ensurePendingInvitation(browser: Browser) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, demo.admin);
  if ((await todoKinds(page)).includes('invitationPending')) return ctx.close();
  await page.locator('#invite-email').fill(`todo-${Date.now()}@xinchang-retrofit.demo`);
  await page.locator('#invite-name').fill('孙工');
  await page.getByTestId('invite-submit').click();
  await expect(page.getByTestId('one-time-link')).toBeVisible();
  await ctx.close();
}

test.describe
  .serial('to-dos on each first screen', () => {
    test('the work each role has waiting exists (from the demo data, else made through the UI)', async ({ browser }) => {
      test.setTimeout(120_000);
      await ensureOpenQuote(browser);
      await ensurePendingInvitation(browser);
    });

    for (const role of roles) {
      for (const size of sizes) {
        test(`${role.who} at ${size.width} px: the to-dos are on the first screen and each leads to where it is done`, async ({ page }) => {
          test.setTimeout(120_000);
          await page.setViewportSize(size);
          await signIn(page, demo[role.who]);
          await expect(page).toHaveURL(new RegExp(`${role.home}$`));
          const inbox = page.getByTestId('todo-inbox');
          await expect(inbox).toBeInViewport();
          const kinds = await todoKinds(page);
          expect(kinds.length, `${role.who} has no to-do`).toBeGreaterThan(0);
          for (const lang of ['zh-CN', 'en'] as const) {
            if (lang === 'en') await switchLanguage(page, 'en');
            await expect(inbox).toBeInViewport();
            await page.screenshot({ path: `test-results/screens/home-${role.who}-${lang}-${size.width}.png` });
          }
          await switchLanguage(page, 'zh-CN');
          for (const kind of kinds) {
            const item = page.getByTestId(`todo-${kind}`).getByTestId('todo-item').first();
            const href = (await item.getAttribute('href')) ?? '';
            await item.click();
            await page.waitForURL((u) => u.pathname === href.split('#')[0]);
            const marker = doneWith[kind];
            expect(marker, `no place known for ${kind}`).toBeTruthy();
            await expect(page.getByTestId(marker as string).first(), `${kind} → ${href}`).toBeVisible();
            await page.goto(role.home);
          }
          await signOut(page);
        });
      }
    }
  });
