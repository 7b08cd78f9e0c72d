import { expect } from '@playwright/test';
import { demo, otherTenantLinks, screenshot, signIn, signOut, switchLanguage, test } from './fixtures';

test('county official: own fund with budget and integrators, both languages, isolation, sign-out', async ({ page, browser }) => {
  const other = await otherTenantLinks(browser);
  await signIn(page, demo.official);
  await expect(page).toHaveURL(/\/county$/);
  const fund = page.getByTestId('fund-card');
  await expect(fund).toHaveCount(1);
  await expect(fund).toContainText('新昌县中小企业智能化改造试点基金');
  await expect(page.getByTestId('fund-budget')).toHaveText('500.00 万元');
  await expect(page.getByTestId('fund-participants')).toContainText('新昌精密智改');
  await expect(fund).toContainText('在用设备的 5% 可免费改造');
  await expect(page.getByText('嵊州市数字化转型专项资金')).toHaveCount(0);
  await screenshot(page, 'county-official-home-zh');

  await switchLanguage(page, 'en');
  await expect(page.getByTestId('fund-budget')).toHaveText('¥5,000,000.00');
  await expect(page.getByTestId('fund-participants')).toContainText('Xinchang Precision Retrofit');
  await screenshot(page, 'county-official-home-en');

  for (const href of [other.fundHref, other.clientHref, other.clusterHref, '/integrator']) {
    await page.goto(href);
    await expect(page.getByTestId('not-found')).toBeVisible();
  }
  await page.goto('/county');
  await switchLanguage(page, 'zh-CN'); // back to the saved default for the journeys that follow
  await signOut(page);
});
