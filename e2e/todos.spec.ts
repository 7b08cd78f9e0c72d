import { type Browser, expect, type Page } from '@playwright/test';
import { demo, signIn, signOut, switchLanguage, test } from './fixtures';

/**
 * Each role's first screen, at 1280 px and on a phone: the to-do inbox is on it, and every kind of to-do links to the
 * place where that work is done (the control that does it is there). The homes are kept as screenshots in both
 * languages (test-results/screens/home-<role>-<locale>-<width>.png).
 *
 * The demo data gives every role work waiting (prisma/seed/demo-work.ts). What it lacks, or what a journey run before
 * this one has done, is made first through the UI: a quote waiting for the SME owner's answer (which the integrator's
 * staff see as unanswered), an invitation not yet accepted (the admin's) and a claim waiting for the county's decision
 * (on a fund the county opens for it).
 */

/** Where each kind of to-do is done: the test id of the control or section that does it on the linked page. */
const doneWith: Record<string, string> = {
  quoteToAnswer: 'transition-accept',
  paymentDue: 'ledger-totals',
  satisfactionToGive: 'satisfaction-form',
  quoteUnanswered: 'quote-versions',
  toCommission: 'transition-commission',
  toVerify: 'transition-verify',
  assessmentToSignOff: 'sign-off',
  claimReturned: 'claim-submit',
  machinesSilent: 'results-watch',
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
type Role = (typeof roles)[number];

const sizes = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;

/**
 * The kinds of to-do in the inbox of the home page shown. It waits for the home and its inbox first: signing in ends
 * with a client-side redirect, and reading the inbox before it is rendered finds nothing.
 */
async function todoKinds(page: Page, role: Role): Promise<string[]> {
  await expect(page).toHaveURL(new RegExp(`${role.home}$`));
  const inbox = page.getByTestId('todo-inbox');
  await expect(inbox).toBeVisible();
  return inbox
    .locator('[data-testid^="todo-"]:not([data-testid=todo-item]):not([data-testid=todo-empty])')
    .evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').slice('todo-'.length)));
}

const roleOf = (who: Role['who']) => roles.find((r) => r.who === who) as Role;

/** A page signed in as the role, in a context of its own (closed by the caller). */
async function signedIn(browser: Browser, who: Role['who']) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, demo[who]);
  return { ctx, page };
}

/** A quote waiting for the owner (the staff see it unanswered), unless there is one: planned for 万丰 and issued. */
async function ensureOpenQuote(browser: Browser) {
  const { ctx, page } = await signedIn(browser, 'engineer');
  if (!(await todoKinds(page, roleOf('engineer'))).includes('quoteUnanswered')) {
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
  }
  await ctx.close();
}

/**
 * A claim waiting for the county's decision, unless there is one: the county opens a fund of its own (a new fund has
 * every firm's free share untouched: the demo's claims use up 万丰's on the demo fund, so neither a new claim there nor
 * the returned one sent again could pass), and the engineer files a claim on it for a commissioned project, with the
 * documents it requires.
 */
async function ensureClaimToDecide(browser: Browser) {
  const official = await signedIn(browser, 'official');
  const { page: county } = official;
  if ((await todoKinds(county, roleOf('official'))).includes('claimToDecide')) return official.ctx.close();
  const fund = `待办演示基金 ${Date.now()}`;
  await county.getByRole('link', { name: '新建基金' }).click();
  await county.locator('#fname').fill(fund);
  await county.locator('#budget').fill('100000');
  await county.getByTestId('rule-0-c').fill('4000');
  await county.getByTestId('save-fund').click();
  await county.waitForURL(/\/funds\/(?!new)[^/]+$/);
  await county.getByTestId('invite-form').locator('select').selectOption({ label: '新昌精密智改' });
  await county.getByTestId('invite-form').getByRole('button').click();
  await expect(county.getByTestId('fund-participants')).toContainText('新昌精密智改');
  await official.ctx.close();

  const { ctx, page } = await signedIn(browser, 'engineer');
  expect(await todoKinds(page, roleOf('engineer')), 'no commissioned project to claim for').toContain('toVerify');
  await page.getByTestId('todo-toVerify').getByTestId('todo-item').first().click();
  await page.waitForURL(/\/projects\/[^/]+$/);
  await page.getByRole('link', { name: '申请补贴' }).click();
  await page.getByTestId('claim-draft').locator('select').first().selectOption({ label: fund });
  await expect(page.locator('[data-testid="claim-machine"]:checked').first()).toBeVisible();
  await page.getByTestId('claim-create').click();
  await page.waitForURL(/\/claims\/[^/]+$/);
  const required = await page
    .getByTestId('evidence-kind')
    .locator('option')
    .filter({ hasText: '必需' })
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  for (const kind of required) {
    await page.getByTestId('evidence-kind').selectOption(kind);
    await page.getByTestId('evidence-file').setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% evidence\n') });
    await expect(page.getByTestId('claim-evidence')).toContainText(`${kind}.pdf`);
  }
  await page.getByTestId('claim-submit').click();
  await expect(page.getByText('已提交').first()).toBeVisible();
  await ctx.close();
}

/** An invitation not yet accepted, sent from the admin's staff section, unless there is one. */
async function ensurePendingInvitation(browser: Browser) {
  const { ctx, page } = await signedIn(browser, 'admin');
  if (!(await todoKinds(page, roleOf('admin'))).includes('invitationPending')) {
    await page.goto('/integrator#staff');
    await page.locator('#invite-email').fill(`todo-${Date.now()}@xinchang-retrofit.demo`);
    await page.locator('#invite-name').fill('孙工');
    await page.getByTestId('invite-submit').click();
    await expect(page.getByTestId('one-time-link')).toBeVisible();
  }
  await ctx.close();
}

test.describe('to-dos on each first screen', () => {
  test('the work each role has waiting exists (from the demo data, else made through the UI)', async ({ browser }) => {
    test.setTimeout(120_000); // the demo data has it all; making it through the UI takes ~40 s on a cold server
    await ensureOpenQuote(browser);
    await ensurePendingInvitation(browser);
    await ensureClaimToDecide(browser);
  });

  // one test per role: both sizes in one session (one sign-in, two language switches)
  for (const role of roles) {
    test(`${role.who} at 1280 and 390 px: the to-dos are on the first screen and each leads to where it is done`, async ({ page }) => {
      const [desktop, phone] = sizes;
      await page.setViewportSize(desktop);
      await signIn(page, demo[role.who]);
      const kinds = await todoKinds(page, role);
      expect(kinds.length, `${role.who} has no to-do`).toBeGreaterThan(0);
      const inbox = page.getByTestId('todo-inbox');
      const shot = async (lang: string, size: (typeof sizes)[number]) => {
        await page.setViewportSize(size);
        await expect(inbox, `${role.who} ${lang} ${size.width} px`).toBeInViewport();
        await page.screenshot({ path: `test-results/screens/home-${role.who}-${lang}-${size.width}.png` });
      };
      await shot('zh-CN', desktop);
      await shot('zh-CN', phone);
      await switchLanguage(page, 'en');
      await shot('en', phone);
      await shot('en', desktop);
      await switchLanguage(page, 'zh-CN');
      // on a phone, where it is hardest, each kind's first item leads to a page that shows the control that does it
      await page.setViewportSize(phone);
      for (const kind of kinds) {
        const marker = doneWith[kind];
        expect(marker, `no place known for ${kind}`).toBeTruthy();
        const item = page.getByTestId(`todo-${kind}`).getByTestId('todo-item').first();
        const href = (await item.getAttribute('href')) ?? '';
        await item.click();
        await page.waitForURL((u) => u.pathname === href.split('#')[0]);
        await expect(page.getByTestId(marker as string).first(), `${kind} → ${href}`).toBeVisible();
        await page.goBack();
        await expect(inbox).toBeVisible();
      }
      await signOut(page);
    });
  }
});
