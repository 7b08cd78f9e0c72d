import { expect, type Page } from '@playwright/test';
import { demo, signIn, switchLanguage, test } from './fixtures';

// Issue 15: machine kinds a ledger names its own way are kept as written and listed on the client's machines page,
// where staff map each word to a catalogue kind for all its machines at once. Both languages, desktop and phone.
const ledger = Buffer.from(
  '\uFEFF设备编号,设备名称,控制方式\r\nKM-E2E-1,双端面磨床,继电器\r\nKM-E2E-2,双端面磨床,数控\r\nKM-E2E-3,双端面磨床,PLC\r\nKM-E2E-4,套圈自动线,PLC\r\n',
);

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByTestId('unknown-kinds').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/kind-mapping-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('machine types not in the catalogue: listed with their counts, mapped in bulk (zh-CN, then en)', async ({ page }) => {
  // an import, four full-page screenshots and a mapping: more than the default minute on a busy two-core machine
  test.setTimeout(180_000);
  await signIn(page, demo.engineer);
  await page.goto('/clients');
  await page.getByTestId('client-row').filter({ hasText: '新昌县鑫达轴承有限公司' }).getByRole('link').first().click();
  await expect(page.getByTestId('client-actions')).toBeVisible();
  const clientUrl = page.url();
  await page.goto(`${clientUrl}/import`);
  await page.getByTestId('import-file').setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: ledger });
  await page.getByTestId('import-preview').click();
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('新增 4 台');

  await page.goto(`${clientUrl}/machines`);
  const panel = page.getByTestId('unknown-kinds');
  await expect(panel).toContainText('未识别的设备类型');
  await expect(panel.getByRole('listitem').filter({ hasText: '双端面磨床' })).toContainText('3');
  await expect(panel.getByRole('listitem').filter({ hasText: '套圈自动线' })).toContainText('1');
  await shoot(page, 'zh-CN');

  await switchLanguage(page, 'en');
  await expect(panel).toContainText('Machine types not in the catalogue');
  await panel.getByLabel('Catalogue type: 双端面磨床').selectOption('GRINDER');
  await shoot(page, 'en');
  await page.getByTestId('apply-kind-mapping').click();
  await expect(panel.getByRole('status')).toContainText('3 machines changed');
  await expect(panel.getByRole('listitem').filter({ hasText: '双端面磨床' })).toHaveCount(0);
  await expect(panel.getByRole('listitem').filter({ hasText: '套圈自动线' })).toBeVisible();
  // the machines now carry the catalogue kind
  await page.getByPlaceholder(/asset tag/i).fill('KM-E2E-1');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('machine-row').first()).toContainText('Grinder');
  await switchLanguage(page, 'zh-CN');
});
