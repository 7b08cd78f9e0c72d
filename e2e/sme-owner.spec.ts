import { expect } from '@playwright/test';
import { demo, otherTenantLinks, screenshot, signIn, signOut, switchLanguage, test } from './fixtures';

test('SME owner: own firm card only, both languages, isolation, sign-out', async ({ page, browser }) => {
  const other = await otherTenantLinks(browser);
  // a sibling SME of the same integrator, read from the engineer's page
  const ctx = await browser.newContext();
  const eng = await ctx.newPage();
  await signIn(eng, demo.engineer);
  const siblingHref = await eng.getByTestId('client-row').filter({ hasText: '天马' }).getByRole('link').getAttribute('href');
  await ctx.close();

  await signIn(page, demo.smeOwner);
  await expect(page).toHaveURL(/\/sme$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('新昌县万丰轴承有限公司');
  await expect(page.getByTestId('client-detail')).toContainText('84'); // its machines
  // the demo fund's line (other journeys may have let the firm into more funds)
  await expect(page.getByTestId('allowance').filter({ hasText: '新昌县中小企业智能化改造试点基金' })).toContainText('可免费改造');
  await expect(page.getByRole('navigation')).not.toContainText('客户');
  await screenshot(page, 'sme-owner-home-zh');

  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xinchang Wanfeng Bearing Co., Ltd.');
  await expect(page.getByText('By control type')).toBeVisible();
  await screenshot(page, 'sme-owner-home-en');

  for (const href of [siblingHref as string, other.clientHref, other.fundHref, '/integrator', '/county']) {
    await page.goto(href);
    await expect(page.getByTestId('not-found')).toBeVisible();
  }
  await page.goto('/sme');
  await switchLanguage(page, 'zh-CN'); // back to the saved default for the journeys that follow
  await signOut(page);
});
