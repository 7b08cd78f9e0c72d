import { expect } from '@playwright/test';
import { demo, screenshot, signIn, signOut, switchLanguage, test } from './fixtures';

test('engineer records two assessments; pathway and verdict; the SME owner sees the same; the cluster heatmap moves (zh-CN, en)', async ({ page }) => {
  await signIn(page, demo.engineer);
  await page.goto('/clusters');
  await page.getByTestId('cluster-row').filter({ hasText: '新昌轴承' }).getByRole('link').click();
  await page.waitForURL(/\/clusters\/[^/]+$/);
  const clusterUrl = page.url();
  await page.goto(`${clusterUrl}/maturity`);
  await expect(page.getByTestId('cluster-moves')).toContainText('D1N1 → D2N1 × 1');

  await page.goto('/clients');
  await page.getByTestId('client-row').filter({ hasText: '新昌县万丰轴承有限公司' }).getByRole('link').click();
  await page.getByTestId('client-actions').getByRole('link', { name: '成熟度评估' }).click();
  await page.waitForURL(/\/assessments$/);
  await expect(page.getByTestId('assessment-row')).toHaveCount(3);
  const listUrl = page.url();

  // first: terminals on the machines, nothing more yet → D1N1, the same code as before
  await page.getByRole('link', { name: '新建评估' }).click();
  await page.locator('#assessedOn').fill('2026-03-01');
  for (const tech of ['PLC', 'MES', 'NETWORK_ENABLED_PRODUCTION']) await page.getByTestId(`tech-${tech}`).check();
  await expect(page.getByTestId('suggested-code')).toHaveText('D1N1');
  await page.locator('#nationalLevel').selectOption('2');
  await page.getByTestId('assessment-sign-off').click();
  await expect(page.getByTestId('assessment-code')).toHaveText('D1N1');

  // second: a firm-level digital strategy and digital twins → D2; the assessor overrides N with a reason
  await page.goto(`${listUrl}/new`);
  for (const tech of ['PLC', 'MES', 'DIGITAL_STRATEGY', 'DIGITAL_TWIN', 'NETWORK_ENABLED_PRODUCTION', 'IOT', 'ONLINE_COLLABORATION'])
    await page.getByTestId(`tech-${tech}`).check();
  await expect(page.getByTestId('suggested-code')).toHaveText('D2N2');
  await page.locator('#override-N').selectOption('1');
  await page.getByTestId('assessment-sign-off').click();
  await expect(page.getByTestId('form-error')).toContainText('改写 N 等级时必须写明理由');
  await page.getByPlaceholder('改写理由').fill('物联网只覆盖磨加工车间，尚未贯通全厂');
  await expect(page.getByTestId('final-code')).toHaveText('D2N1');
  await screenshot(page, 'assessment-form-zh');
  await page.getByTestId('assessment-sign-off').click();
  await expect(page.getByTestId('assessment-code')).toHaveText('D2N1');
  await expect(page.getByText('物联网只覆盖磨加工车间')).toBeVisible();

  await page.goto(listUrl);
  await expect(page.getByTestId('assessment-row')).toHaveCount(5);
  await expect(page.getByTestId('pathway-verdict')).toHaveAttribute('data-kind', 'non-linear');
  await expect(page.getByTestId('pathway-verdict')).toContainText('第 2 步（D1N0 → D1N1');
  await expect(page.getByTestId('pathway-chart').locator('canvas').first()).toBeVisible();
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pathway-chart-png').click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  await screenshot(page, 'pathway-engineer-zh');

  await page.goto(`${clusterUrl}/maturity`);
  await expect(page.getByTestId('cluster-moves')).toContainText('D1N1 → D2N1 × 2');
  await expect(page.getByTestId('cluster-heatmap')).toHaveCount(2);
  await screenshot(page, 'cluster-maturity-zh');
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cluster maturity');
  await screenshot(page, 'cluster-maturity-en');
  await switchLanguage(page, 'zh-CN');
  await signOut(page);

  // the SME owner sees the same pathway and verdict, read only
  await signIn(page, demo.smeOwner);
  await page.getByRole('navigation').getByRole('link', { name: '成熟度评估' }).click();
  await expect(page.getByTestId('assessment-row')).toHaveCount(5);
  await expect(page.getByTestId('pathway-verdict')).toContainText('第 2 步（D1N0 → D1N1');
  await expect(page.getByTestId('pathway-chart').locator('canvas').first()).toBeVisible();
  await expect(page.getByRole('link', { name: '新建评估' })).toHaveCount(0);
  await screenshot(page, 'pathway-sme-owner-zh');
  await switchLanguage(page, 'en');
  await expect(page.getByTestId('pathway-verdict')).toContainText('Step 2 (D1N0 → D1N1');
  await expect(page.getByTestId('pathway-verdict')).toContainText('raised networkization before digitalization reached D2');
  await screenshot(page, 'pathway-sme-owner-en');
  await switchLanguage(page, 'zh-CN');
});
