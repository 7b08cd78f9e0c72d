import fs from 'node:fs';
import path from 'node:path';
import { type Browser, test as base, expect, type Page } from '@playwright/test';
import { checkEverywhere, routeOf } from './page-checks';

export const DEMO_PASSWORD = 'retrofit-demo-2026';

export const demo = {
  admin: 'admin@xinchang-retrofit.demo',
  engineer: 'engineer@xinchang-retrofit.demo',
  smeOwner: 'owner@wanfeng-bearing.demo',
  official: 'official@xinchang.gov.demo',
  otherAdmin: 'admin@shengzhou-gear.demo',
  otherOfficial: 'official@shengzhou.gov.demo',
} as const;

/**
 * Every page a test's `page` visits is checked once per signed-in user and route (ids replaced), at 1280 and 390 px
 * in both languages, for layout (nothing clipped, sideways scrolling only where it shows) and with axe (no serious or
 * critical violation); see page-checks.ts. The checks run in a second tab of the same session when the user signs
 * out and when the test ends; the test fails at its end with every problem found. The page tour (pages.spec.ts) checks
 every page each role reaches by default; the journeys' pages are checked too with `E2E_PAGE_CHECKS=1`, and
 `E2E_PAGE_CHECKS=0` turns the checks off everywhere.
 */
type Visits = { on: boolean; user: string | null; pending: Map<string, { path: string; user: string | null }>; problems: string[]; baseURL: string };
const visits = new WeakMap<Page, Visits>();
/**
 * Routes already checked and passed in this run, kept in the run's output folder (emptied by Playwright when a run
 * starts), so that a worker started again after a failed test does not check them once more.
 */
const checkedRoutes = {
  file: () => path.join(test.info().project.outputDir, 'page-checks-done.txt'),
  has(key: string): boolean {
    try {
      return fs.readFileSync(this.file(), 'utf8').split('\n').includes(key);
    } catch {
      return false;
    }
  },
  add(key: string) {
    fs.mkdirSync(path.dirname(this.file()), { recursive: true });
    fs.appendFileSync(this.file(), `${key}\n`);
  },
};
/** The journeys' pages checked as well (E2E_PAGE_CHECKS=1): the tour reaches the same routes, so mostly a second look. */
export const pageChecksOn = process.env.E2E_PAGE_CHECKS === '1';
/** The tour's pages: checked unless E2E_PAGE_CHECKS=0. */
export const tourChecksOn = process.env.E2E_PAGE_CHECKS !== '0';

/**
 * Users who see the same pages are checked once: the integrators' admins and engineer (the admin with a staff section
 * more, the second tenant's with its own data), the two counties' officials. Anyone else (an owner, a user a test
 * creates) by name.
 */
function checkGroup(user: string | null): string {
  if (user === null) return 'signed-out';
  if (user === demo.admin || user === demo.engineer || user === demo.otherAdmin) return 'integrator-staff';
  if (user === demo.official || user === demo.otherOfficial) return 'county';
  return user;
}

function noteVisit(page: Page, url: string) {
  const v = visits.get(page);
  if (!v || !url.startsWith(v.baseURL)) return;
  const u = new URL(url);
  if (u.pathname.startsWith('/api/')) return;
  const key = `${checkGroup(v.user)} ${routeOf(url)}`;
  if (!checkedRoutes.has(key) && !v.pending.has(key)) v.pending.set(key, { path: u.pathname + u.search, user: v.user });
}

async function runPageChecks(page: Page) {
  const v = visits.get(page);
  if (!v?.on) return;
  const due = [...v.pending].filter(([key]) => !checkedRoutes.has(key));
  v.pending.clear();
  if (!due.length) return;
  test.info().setTimeout(test.info().timeout + due.length * 30_000);
  const tab = await page.context().newPage();
  try {
    for (const [key, { path, user }] of due) {
      const found = await checkEverywhere(page.context(), tab, v.baseURL, path, user !== null);
      // only a route that passed is done: a retry (CI retries once) checks a failed one again instead of passing it
      if (!found.length) checkedRoutes.add(key);
      if (process.env.E2E_CHECK_TIMING) for (const p of found) console.log(`PROBLEM ${p}`);
      v.problems.push(...found);
    }
  } finally {
    await tab.close();
  }
}

export const test = base.extend<{ checkPages: boolean; pageChecks: undefined }>({
  /** Whether the pages this test visits are checked (the tour sets it with `test.use`). */
  checkPages: [pageChecksOn, { option: true }],
  pageChecks: [
    async ({ page, baseURL, checkPages }, use) => {
      const v: Visits = { on: checkPages, user: null, pending: new Map(), problems: [], baseURL: baseURL ?? '' };
      visits.set(page, v);
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) noteVisit(page, frame.url());
      });
      await use(undefined);
      await runPageChecks(page);
      if (v.problems.length) {
        await test.info().attach('page-check-problems', { body: v.problems.join('\n'), contentType: 'text/plain' });
        throw new Error(`${v.problems.length} layout or accessibility problems:\n${v.problems.join('\n')}`);
      }
    },
    { auto: true },
  ],
});

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  const v = visits.get(page);
  if (v) v.user = email; // the pages from here on are the user's
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

export async function signOut(page: Page) {
  await runPageChecks(page);
  const v = visits.get(page);
  if (v) v.user = null;
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
