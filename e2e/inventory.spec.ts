import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { demo, screenshot, signIn, switchLanguage, test } from './fixtures';

async function openClient(page: Page, name: string) {
  await page.goto('/clients');
  await page.getByTestId('client-row').filter({ hasText: name }).getByRole('link').first().click();
  await expect(page.getByTestId('client-actions')).toBeVisible();
  return page.url();
}

async function xlsxFrom(templatePath: string, rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(templatePath);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('template has no sheet');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('engineer imports an inventory from the template: errors named, fixed, committed, listed, exported (zh-CN, then en)', async ({ page }) => {
  await signIn(page, demo.engineer);
  const clientUrl = await openClient(page, '新昌县东方滚动轴承厂');
  await page.getByRole('link', { name: '从表格导入' }).click();
  await expect(page.getByTestId('import-wizard')).toBeVisible();

  // the Chinese XLSX template
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-zh-CN-xlsx').click()]);
  const templatePath = await download.path();
  const template = new ExcelJS.Workbook();
  await template.xlsx.readFile(templatePath);
  expect(template.worksheets[0]?.getRow(1).values).toEqual([
    undefined,
    '厂区',
    '车间',
    '产线',
    '资产编号',
    '设备类型',
    '制造商',
    '型号',
    '出厂年份',
    '控制方式',
    '是否联网',
    '每班操作工人数',
    '每天班次',
    '状态',
    '备注',
  ]);

  // a file with errors
  const bad = await xlsxFrom(templatePath, [
    ['三厂', '新车间', '新线1', 'E2E-001', '磨床', '无锡机床', '3MK1310', 2019, 'PLC', '否', 1, 2, '在用', ''],
    ['三厂', '新车间', '新线1', '', '磨床', '', '', 2019, 'PLC', '否', 1, 2, '在用', ''],
    ['三厂', '新车间', '新线1', 'E2E-003', '磨床', '', '', 'June', '液压', '否', 1, 9, '在用', ''],
    ['三厂', '新车间', '新线1', 'E2E-001', '数控车床', '', '', 2020, '数控', '是', 1, 3, '在用', ''],
  ]);
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: '东方-设备清单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-errors-title')).toContainText('5 处错误（3 行）');
  const issues = page.getByTestId('import-issue');
  await expect(issues).toHaveCount(5);
  await expect(issues.nth(0)).toContainText('3资产编号必填，不能为空。');
  await expect(issues.nth(1)).toContainText('“June”不是有效的年份或日期。'); // in the order of the file's columns
  await expect(issues.nth(2)).toContainText('“液压”不是可识别的控制方式');
  await expect(issues.nth(3)).toContainText('9 超出范围（0–4）');
  await expect(issues.nth(4)).toContainText('资产编号 E2E-001 与第 2 行重复。');
  await expect(page.getByTestId('import-commit')).toHaveCount(0);
  await screenshot(page, 'inventory-import-errors-zh');

  // the fixed file
  const good = await xlsxFrom(templatePath, [
    ['三厂', '新车间', '新线1', 'E2E-001', '磨床', '无锡机床', '3MK1310', 2019, 'PLC', '否', 1, 2, '在用', ''],
    ['三厂', '新车间', '新线1', 'E2E-002', '磨床', '', '', 2019, 'PLC', '否', 1, 2, '在用', ''],
    ['三厂', '新车间', '新线1', 'E2E-003', '磨床', '', '', 2018, '继电器', '否', 1, 3, '在用', ''],
    ['三厂', '新车间', '新线2', 'E2E-004', '数控车床', '', '', 2020, '数控', '是', 1, 3, '在用', '=1+1'],
  ]);
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: '东方-设备清单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('count-toCreate')).toHaveText('4');
  await expect(page.getByText('新建 1 个厂区、1 个车间、2 条产线')).toBeVisible();
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('导入完成：新增 4 台');
  await screenshot(page, 'inventory-import-done-zh');

  await page.goto(`${clientUrl}/machines?q=E2E`);
  await expect(page.getByTestId('machine-row')).toHaveCount(4);
  await expect(page.getByTestId('page-info')).toContainText('共 4 条');
  await screenshot(page, 'inventory-machines-zh');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 CSV' }).click()]);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('三厂,新车间,新线2,E2E-004,数控车床');
  expect(text).toContain("'=1+1");
  expect(text.trim().split('\r\n')).toHaveLength(1 + 58 + 4);

  // the machine page shows who imported it
  await page.getByTestId('machine-row').filter({ hasText: 'E2E-004' }).getByRole('link').click();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-row')).toContainText('王磊');
  await expect(page.getByTestId('history-row')).toContainText('导入');

  // English: the same import page speaks English, errors too
  await switchLanguage(page, 'en');
  await page.goto(`${clientUrl}/import`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Import machines');
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('Asset tag,Kind,Colour\r\nA-1,Grinder,red\r\n') });
  await page.getByTestId('import-preview').click();
  // an unknown column is ignored with a notice (it never blocks); the missing required column is the one problem
  await expect(page.getByTestId('import-notice-ignoredColumns')).toContainText('Colour');
  await expect(page.getByTestId('import-issue').first()).toContainText('Required columns missing: Control type.');
  await screenshot(page, 'inventory-import-errors-en');
  await page.goto(`${clientUrl}/machines?q=E2E`);
  await expect(page.getByRole('columnheader', { name: 'Asset tag' })).toBeVisible();
  await screenshot(page, 'inventory-machines-en');
  await switchLanguage(page, 'zh-CN');
});

test('SME owner sees the inventory read only, in both languages', async ({ page }) => {
  await signIn(page, demo.smeOwner);
  await page.getByRole('navigation').getByRole('link', { name: '设备清单' }).click();
  await expect(page.getByTestId('machine-row')).toHaveCount(50);
  await expect(page.getByTestId('page-info')).toContainText('共 84 条');
  await expect(page.getByText('只读：设备清单由集成商维护。')).toBeVisible();
  await expect(page.getByRole('link', { name: '新增设备' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '从表格导入' })).toHaveCount(0);
  await screenshot(page, 'sme-owner-machines-zh');
  const machinesUrl = page.url();
  await page.getByTestId('machine-row').first().getByRole('link').click();
  await expect(page.getByRole('link', { name: '编辑' })).toHaveCount(0);
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await page.goto(machinesUrl.replace('/machines', '/import'));
  await expect(page.getByTestId('not-found')).toBeVisible();
  await page.goto(machinesUrl);
  await switchLanguage(page, 'en');
  await expect(page.getByText('Read only: the integrator keeps the inventory.')).toBeVisible();
  await screenshot(page, 'sme-owner-machines-en');
  await switchLanguage(page, 'zh-CN');
});
