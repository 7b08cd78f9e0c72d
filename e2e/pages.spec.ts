import { expect, type Page } from '@playwright/test';
import { demo, signIn, test, tourChecksOn } from './fixtures';
import { routeOf } from './page-checks';

/**
 * Every page each role can reach, so that the layout and axe checks of fixtures.ts (run on every page a test visits)
 * cover the whole app and not only the pages the journeys happen to pass: from the role's home, every link inside the
 * app is followed once per route (ids replaced), breadth first.
 */
// the tour exists for the checks: on unless E2E_PAGE_CHECKS=0 (without them it would visit pages and assert nothing)
test.skip(!tourChecksOn, 'the layout and axe checks are off (E2E_PAGE_CHECKS=0)');
test.use({ checkPages: true });

const skip = /^\/api\/|\/export|\/template|^\/quotes\/.*\/pdf/;

async function visitEveryRoute(page: Page, max = 60): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [new URL(page.url()).pathname];
  const visited: string[] = [];
  while (queue.length && visited.length < max) {
    const path = queue.shift() as string;
    const route = routeOf(`http://x${path}`);
    if (seen.has(route)) continue;
    seen.add(route);
    const res = await page.goto(path);
    expect(res?.status(), path).toBeLessThan(500);
    visited.push(route);
    const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) {
      const p = href.split(/[?#]/)[0] as string;
      if (p && !skip.test(p) && !seen.has(routeOf(`http://x${p}`))) queue.push(p);
    }
  }
  return visited;
}

// the engineer's pages are the admin's without the staff section: the admin's tour covers them (fixtures.ts)
for (const role of ['smeOwner', 'official', 'admin'] as const) {
  test(`every page the ${role} reaches passes the layout and axe checks (1280 and 390 px, zh-CN and en)`, async ({ page }) => {
    test.setTimeout(300_000);
    await signIn(page, demo[role]);
    const visited = await visitEveryRoute(page);
    test.info().annotations.push({ type: 'pages', description: visited.join(' ') });
    expect(visited.length).toBeGreaterThan(3);
  });
}

test('the signed-out pages pass the layout and axe checks', async ({ page }) => {
  for (const path of ['/sign-in', '/forgot-password', '/reset-password/not-a-token', '/invite/not-a-token']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBeLessThan(500);
  }
});
