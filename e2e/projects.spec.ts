import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { demo, screenshot, signIn, signOut, switchLanguage, test } from './fixtures';

async function openWanfeng(page: Page) {
  await page.goto('/clients');
  await page.getByTestId('client-row').filter({ hasText: '新昌县万丰轴承有限公司' }).getByRole('link').click();
  await page.waitForURL(/\/clients\/[^/]+$/);
  return page.url();
}

test('plan → quote → accept → costs → commission → measured savings → verify; payback and pathway for both (zh-CN, en)', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.engineer);
  const clientUrl = await openWanfeng(page);
  await page.getByTestId('client-actions').getByRole('link', { name: '新建改造项目' }).click();
  await expect(page.getByTestId('plan-editor')).toBeVisible();
  await page.locator('#title').fill('磨加工车间 10 台设备联网');
  const boxes = page.locator('[data-testid^="pick-"]:not([disabled])');
  for (let i = 0; i < 10; i++) await boxes.nth(i).check();
  await expect(page.getByTestId('selected-count')).toHaveText('已选 10 台');
  await page.getByTestId('add-saving-LABOUR').click();
  await page.getByTestId('saving-0-operatorsFreed').fill('2');
  await page.getByTestId('saving-0-shifts').fill('2');
  await expect(page.getByTestId('plan-lines').locator('tbody tr').first()).toBeVisible();
  await screenshot(page, 'project-plan-zh');
  await page.getByTestId('save-plan').click();
  await page.waitForURL(/\/projects\/(?!new)[^/]+$/);
  const projectUrl = page.url();
  await expect(page.getByText('草稿').first()).toBeVisible();
  await page.getByTestId('transition-issueQuote').click();
  await expect(page.getByTestId('quote-versions')).toContainText('待答复');

  // the quote: a printable page and a PDF with the same content
  await page.getByTestId('quote-versions').getByRole('link').first().click();
  await expect(page.getByTestId('quote-document')).toContainText('改造报价单');
  // a quote a Chinese SME can sign: VAT per line, the total in capital numerals, payment terms, validity, both parties
  await expect(page.getByTestId('quote-total-words')).toContainText(/人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万元角分整]+/);
  await expect(page.getByTestId('quote-schedule')).toContainText('首付款');
  await expect(page.getByTestId('quote-valid-until')).toContainText('本报价有效期至');
  await expect(page.getByTestId('quote-signatures')).toContainText('甲方（需方）');
  await expect(page.getByTestId('quote-signatures')).toContainText('新昌精密智改');
  await screenshot(page, 'quote-zh');
  const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('quote-pdf').click()]);
  const bytes = fs.readFileSync(await pdf.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(10_000);
  fs.mkdirSync('test-results/screens', { recursive: true });
  fs.writeFileSync('test-results/screens/quote.pdf', bytes);
  await page.goto(projectUrl);
  await signOut(page);

  // the SME owner accepts on a phone, through the confirmation of what they commit to
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, demo.smeOwner);
  await page.goto(projectUrl);
  await expect(page.getByTestId('transition-bar')).toBeVisible();
  await page.getByTestId('transition-accept').click();
  await expect(page.getByTestId('accept-dialog')).toBeVisible();
  await expect(page.getByTestId('accept-summary')).toContainText('首付款');
  await expect(page.getByTestId('accept-summary')).toContainText('质保金');
  await expect(page.getByTestId('accept-summary')).toContainText('含税');
  await screenshot(page, 'accept-dialog-phone-zh');
  await page.getByTestId('accept-dialog').getByTestId('confirm-ok').click();
  await expect(page.getByTestId('quote-versions')).toContainText('已接受');
  // what they pay, stage by stage; nothing of the integrator's costs
  await expect(page.getByTestId('milestone-row')).toHaveCount(4);
  await expect(page.getByTestId('ledger-dueNow')).not.toHaveText('¥0.00');
  await expect(page.getByTestId('staff-only-note')).toHaveCount(0);
  await expect(page.getByTestId('cost-line-row')).toHaveCount(0);
  await screenshot(page, 'project-owner-phone-zh');
  await signOut(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // the engineer does the work
  await signIn(page, demo.engineer);
  await page.goto(projectUrl);
  await page.getByTestId('transition-start').click();
  await expect(page.getByTestId('cost-form')).toBeVisible();
  await page.getByTestId('cost-supplier').fill('杭州数采科技有限公司');
  await page.getByTestId('cost-invoice').fill('FP-2026-0911');
  await page.getByTestId('cost-amount').fill('15000');
  await page.getByTestId('cost-submit').click();
  await expect(page.getByTestId('cost-entry-row')).toHaveCount(1);
  // the SME's side: the down payment invoiced and received
  await page.getByTestId('sme-invoice-no').fill('33062611');
  await page.getByTestId('sme-invoice-amount').fill('1000');
  await page.getByTestId('sme-invoice-submit').click();
  await expect(page.getByTestId('sme-invoice-row')).toHaveCount(1);
  await page.getByTestId('sme-payment-amount').fill('1000');
  await page.getByTestId('sme-payment-submit').click();
  await expect(page.getByTestId('sme-payment-row')).toHaveCount(1);
  await expect(page.getByTestId('ledger-paid')).toHaveText('¥1,000.00');
  await page.getByTestId('transition-commission').click();
  await expect(page.getByTestId('measured-form')).toBeVisible();
  await page.getByTestId('measured-amount').fill('22000');
  await page.getByTestId('measured-submit').click();
  await expect(page.getByTestId('measured-row')).toHaveCount(1);
  await expect(page.getByTestId('payback-tracking')).toContainText('1 个月');

  // a new assessment after commissioning, then verification linked to it
  await page.goto(`${clientUrl}/assessments/new`);
  for (const tech of ['PLC', 'MES', 'DIGITAL_STRATEGY', 'DIGITAL_TWIN', 'NETWORK_ENABLED_PRODUCTION', 'IOT', 'ONLINE_COLLABORATION'])
    await page.getByTestId(`tech-${tech}`).check();
  await expect(page.getByTestId('final-code')).toHaveText('D2N2');
  await page.getByTestId('assessment-sign-off').click();
  await expect(page.getByTestId('assessment-code')).toHaveText('D2N2');
  await page.goto(projectUrl);
  await page.getByTestId('transition-verify').click();
  await page.getByTestId('verify-assessment').selectOption({ index: 0 });
  await page.getByTestId('transition-confirm').click();
  await expect(page.getByText('已验收').first()).toBeVisible();
  await expect(page.getByTestId('payback-verdict')).toContainText('个月回本');
  await expect(page.getByTestId('payback-verdict')).toContainText('按合同价减去预计补贴、以实测节省计算');
  await expect(page.getByTestId('cash-flow-chart').locator('canvas').first()).toBeVisible();
  await screenshot(page, 'project-verified-zh');
  await page.goto('/projects');
  await expect(page.getByTestId('projects-by-status')).toContainText('已验收');
  await screenshot(page, 'projects-overview-zh');
  await switchLanguage(page, 'en');
  await page.goto(projectUrl);
  await expect(page.getByTestId('payback-verdict')).toContainText('Pays back in about');
  await screenshot(page, 'project-verified-en');
  await switchLanguage(page, 'zh-CN');
  await signOut(page);

  // the SME owner sees the payback chart and the arrow the project caused
  await signIn(page, demo.smeOwner);
  await page.goto(projectUrl);
  await expect(page.getByTestId('cash-flow-chart').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('验收');
  await expect(page.getByText('杭州数采科技有限公司')).toHaveCount(0);
  await screenshot(page, 'project-sme-owner-zh');
  await page.getByRole('navigation').getByRole('link', { name: '成熟度评估' }).click();
  await expect(page.getByTestId('assessment-row').first()).toContainText('D2N2');
  await expect(page.getByTestId('assessment-row').first().getByTestId('assessment-project')).toHaveText(/^P-\d{4}-\d{3}$/);
  await expect(page.getByTestId('pathway-chart').locator('canvas').first()).toBeVisible();
  await switchLanguage(page, 'en');
  await page.goto(projectUrl);
  await expect(page.getByTestId('timeline')).toContainText('Verify');
  await screenshot(page, 'project-sme-owner-en');
  await switchLanguage(page, 'zh-CN');
});
