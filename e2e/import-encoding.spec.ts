import { expect, type Page } from '@playwright/test';
import { demo, signIn, switchLanguage, test } from './fixtures';

// Issue 14, item 10: a Latin-1 CSV was imported as GB18030 mojibake without a word. Now the wizard shows the decoded
// first lines and lets the user choose the encoding, in both languages.
const latin1 = (s: string) => Buffer.from([...s].map((c) => c.charCodeAt(0)));

async function openImport(page: Page, client: string, link: string) {
  await page.goto('/clients');
  await page.getByTestId('client-row').filter({ hasText: client }).getByRole('link').first().click();
  await page.getByRole('link', { name: link }).click();
  await expect(page.getByTestId('import-wizard')).toBeVisible();
}

test('a Latin-1 CSV: the wizard shows the sample, the user picks the encoding, the commit uses it (zh-CN, then en)', async ({ page }) => {
  await signIn(page, demo.engineer);
  await openImport(page, '新昌县恒力轴承制造有限公司', '从表格导入');
  const file = latin1('Asset tag,Kind,Control type,Maker\r\nENC-LAT-1,Grinder,PLC,Müller Maschinenbau\r\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'latin1.csv', mimeType: 'text/csv', buffer: file });
  await page.getByTestId('import-preview').click();
  const check = page.getByTestId('encoding-check');
  await expect(check).toContainText('无法确定该文件的文字编码');
  await expect(page.getByTestId('encoding-sample')).toContainText('Müller Maschinenbau');
  await expect(page.getByTestId('import-encoding')).toHaveValue('windows-1252');

  // the wrong choice shows the mojibake, so the user can see it is wrong
  await page.getByTestId('import-encoding').selectOption('gb18030');
  await page.getByTestId('import-recheck').click();
  await expect(check).toContainText('文件已按您选择的编码读取');
  await expect(page.getByTestId('encoding-sample')).toContainText('M黮ler');
  await page.getByTestId('import-encoding').selectOption('windows-1252');
  await page.getByTestId('import-recheck').click();
  await expect(page.getByTestId('encoding-sample')).toContainText('Müller Maschinenbau');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  await switchLanguage(page, 'en');
  await page.reload();
  await expect(page.getByTestId('import-wizard')).toBeVisible();
  await page.getByTestId('import-file').setInputFiles({ name: 'latin1.csv', mimeType: 'text/csv', buffer: file });
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('encoding-check')).toContainText('could not be told for sure');
  await expect(page.getByTestId('import-encoding').locator('option:checked')).toHaveText('Windows-1252 / Latin-1 (Western Europe)');
  await expect(page.getByTestId('count-unchanged')).toHaveText('1');
  await switchLanguage(page, 'zh-CN');
});
