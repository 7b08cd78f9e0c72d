import { type Browser, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'retrofit-demo-2026';

export const demo = {
  admin: 'admin@xinchang-retrofit.demo',
  engineer: 'engineer@xinchang-retrofit.demo',
  smeOwner: 'owner@wanfeng-bearing.demo',
  official: 'official@xinchang.gov.demo',
  otherAdmin: 'admin@shengzhou-gear.demo',
  otherOfficial: 'official@shengzhou.gov.demo',
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

export async function signOut(page: Page) {
  await page.locator('header form button[type=submit]').click();
  await page.waitForURL(/\/sign-in/);
}

/** Switches the language with the header control and waits for the page to follow. */
export async function switchLanguage(page: Page, to: 'en' | 'zh-CN') {
  await page.getByTestId('locale-switch').locator(`button[lang=${to}]`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** Ids that belong to the second tenant, read the way a person would: from its own pages. */
export async function otherTenantLinks(browser: Browser) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, demo.otherAdmin);
  const clientHref = await page.locator('[data-testid=client-row] a').first().getAttribute('href');
  const clusterHref = await page.locator('[data-testid=cluster-card] a').first().getAttribute('href');
  await signOut(page);
  await signIn(page, demo.otherOfficial);
  const fundHref = await page.locator('[data-testid=fund-card] h3 a').first().getAttribute('href');
  await ctx.close();
  if (!clientHref || !clusterHref || !fundHref) throw new Error('second tenant has no links');
  return { clientHref, clusterHref, fundHref };
}
