import { expect, type Page } from '@playwright/test';
import { demo, signIn, switchLanguage, test } from './fixtures';

// Issue 15: a ledger as an SME writes it (a title row, its own column words) is imported by mapping the unknown column
// by hand in the preview; the mapping is remembered for the next file with the same headers. Both languages, and the
// mapping step at desktop and phone widths.
const ledger = (tags: string[]) =>
  Buffer.from(
    `\uFEFF鑫达轴承设备台账（2026年）,,,,\r\n序号,设备编号,机台,控制系统,出厂日期\r\n${tags
      .map((tag, i) => `${i + 1},${tag},双头车,FANUC 0i,２０１６年５月`)
      .join('\r\n')}\r\n制表人：张三,,,,\r\n`,
  );

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByTestId('import-mapping').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/import-mapping-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a ledger with its own column words: mapped by hand in the preview, committed, remembered (zh-CN, then en)', async ({ page }) => {
  await signIn(page, demo.engineer);
  await page.goto('/clients');
  await page.getByTestId('client-row').filter({ hasText: '新昌县鑫达轴承有限公司' }).getByRole('link').first().click();
  await expect(page.getByTestId('client-actions')).toBeVisible();
  const clientUrl = page.url();
  await page.getByRole('link', { name: '从表格导入' }).click();
  await page.getByTestId('import-file').setInputFiles({ name: '设备台账.csv', mimeType: 'text/csv', buffer: ledger(['MAP-E2E-1', 'MAP-E2E-2']) });
  await page.getByTestId('import-preview').click();

  // the header row is found below the title; 机台 is not known, 序号 is ignored: both said, neither blocks alone
  await expect(page.getByTestId('import-header-row')).toContainText('第 2 行是表头');
  await expect(page.getByTestId('import-notice-ignoredColumns')).toContainText('序号');
  await expect(page.getByTestId('import-errors-title')).toBeVisible();
  await expect(page.getByTestId('import-issue').first()).toContainText('设备类型');
  await expect(page.getByTestId('import-commit')).toHaveCount(0);

  const machineColumn = page.locator('[data-testid=mapping-select][data-column="机台"]');
  await machineColumn.selectOption('kind');
  await expect(page.getByTestId('mapping-apply')).toBeVisible();
  await page.getByTestId('mapping-apply').click();
  await expect(page.getByTestId('import-errors-title')).toHaveCount(0);
  await expect(page.getByTestId('count-toCreate')).toHaveText('2');
  // the signature line under the table is not a data row
  await expect(page.getByTestId('import-result')).toContainText('共 2 行数据');
  await shoot(page, 'zh-CN');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('新增 2 台');

  // the client's overview names the ledger's own kind as written, never a message key
  await page.goto(clientUrl);
  await expect(page.getByText('双头车').first()).toBeVisible();
  await expect(page.locator('body')).not.toContainText('enums.machineKind');

  // the next file with the same headers: the mapping confirmed last time is used; the user unmaps a column
  await switchLanguage(page, 'en');
  await page.goto(`${clientUrl}/import`);
  await expect(page.getByTestId('import-wizard')).toBeVisible();
  await page.getByTestId('import-file').setInputFiles({ name: 'ledger.csv', mimeType: 'text/csv', buffer: ledger(['MAP-E2E-3']) });
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-header-row')).toContainText('Row 2 is the header');
  await expect(page.getByTestId('mapping-row').filter({ hasText: '机台' })).toContainText('as you mapped it last time');
  await expect(page.getByTestId('count-toCreate')).toHaveText('1');
  await page.locator('[data-testid=mapping-select][data-column="出厂日期"]').selectOption('');
  await page.getByTestId('mapping-apply').click();
  await expect(page.getByTestId('import-notice-ignoredColumns')).toContainText('出厂日期');
  await shoot(page, 'en');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('1 new');
  // the demo engineer's language is kept on the account: leave it as the next journeys expect it
  await switchLanguage(page, 'zh-CN');
});
