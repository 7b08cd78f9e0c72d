import { expect } from '@playwright/test';
import { demo, otherTenantLinks, screenshot, signIn, signOut, switchLanguage, test } from './fixtures';

for (const [role, email] of [
  ['admin', demo.admin],
  ['engineer', demo.engineer],
] as const) {
  test(`integrator ${role}: home with clusters and clients, both languages, isolation, sign-out`, async ({ page, browser }) => {
    const other = await otherTenantLinks(browser);

    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await signIn(page, email);
    await expect(page).toHaveURL(/\/integrator$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('新昌精密智改');
    await expect(page.getByTestId('cluster-card')).toHaveCount(2);
    const rows = page.getByTestId('client-row');
    await expect(rows).toHaveCount(7);
    const wanfeng = rows.filter({ hasText: '新昌县万丰轴承有限公司' });
    await expect(wanfeng).toContainText('84'); // machines of the seeded firm
    await expect(page.getByText('嵊州市宏达齿轮有限公司')).toHaveCount(0);
    await expect(page.locator('#staff')).toHaveCount(role === 'admin' ? 1 : 0);
    await screenshot(page, `integrator-${role}-home-zh`);

    await switchLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Xinchang Precision Retrofit · Workbench');
    await expect(page.getByRole('columnheader', { name: 'Machines' })).toBeVisible();
    await expect(rows.filter({ hasText: 'Xinchang Wanfeng Bearing Co., Ltd.' })).toContainText('84');
    await screenshot(page, `integrator-${role}-home-en`);

    await rows.filter({ hasText: 'Xinchang Wanfeng Bearing Co., Ltd.' }).getByRole('link').click();
    await expect(page.getByTestId('client-detail')).toBeVisible();
    await expect(page.getByTestId('allowance')).toContainText('may be retrofitted free');

    for (const href of [other.clientHref, other.clusterHref, other.fundHref]) {
      await page.goto(href);
      await expect(page.getByTestId('not-found')).toBeVisible();
      await expect(page.getByText('Hongda')).toHaveCount(0);
    }

    await page.goto('/integrator');
    await signOut(page);
    await page.goto('/integrator');
    await expect(page).toHaveURL(/\/sign-in/);
    // the language chosen is kept on the account
    await signIn(page, email);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await switchLanguage(page, 'zh-CN');
  });
}
