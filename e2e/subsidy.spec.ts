import { expect } from '@playwright/test';
import { demo, screenshot, signIn, signOut, switchLanguage, test } from './fixtures';

test('official creates a fund and invites the integrator; engineer claims the allowance left with the reasoning; the county cannot see the draft; official approves and pays out through confirmations; dashboard and SME payback move (zh-CN, en)', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // the county creates a fund with the free-share rule and invites the integrator
  await signIn(page, demo.official);
  await page.getByRole('link', { name: '新建基金' }).click();
  await page.locator('#fname').fill('新昌县 2027 智改试点补贴');
  await page.locator('#budget').fill('200000');
  await page.getByTestId('evidence-INVOICES').uncheck();
  await expect(page.getByTestId('rule-row')).toHaveCount(1);
  await page.getByTestId('rule-0-c').fill('4000');
  await screenshot(page, 'fund-form-zh');
  await page.getByTestId('save-fund').click();
  await page.waitForURL(/\/funds\/(?!new)[^/]+$/);
  const fundUrl = page.url();
  await expect(page.getByTestId('fund-card')).toContainText('在用设备的 5% 可免费改造');
  await page.getByTestId('invite-form').locator('select').selectOption({ label: '新昌精密智改' });
  await page.getByTestId('invite-form').getByRole('button').click();
  await expect(page.getByTestId('fund-participants')).toContainText('新昌精密智改');
  await signOut(page);

  // the engineer claims for the verified project and reads the explanation
  await signIn(page, demo.engineer);
  await page.getByRole('navigation').getByRole('link', { name: '改造项目' }).click();
  await page.getByTestId('project-row').filter({ hasText: '磨加工车间 10 台设备联网' }).getByRole('link').click();
  await page.getByRole('link', { name: '申请补贴' }).click();
  await page.getByTestId('claim-draft').locator('select').first().selectOption({ label: '新昌县 2027 智改试点补贴' });
  // the form pre-selects only the free allowance left (3 of the 10 machines), each shown with its kind and workshop
  await expect(page.getByTestId('claim-allowance')).toHaveText('剩余免费名额 3 台（共 3 台）。已选 3 台。');
  await expect(page.getByTestId('claim-machine')).toHaveCount(10);
  await expect(page.locator('[data-testid="claim-machine"]:checked')).toHaveCount(3);
  await expect(page.getByTestId('claim-preview')).toContainText('74 台在用设备 × 5% → 可免费改造 3 台；已用 0 台；本次申请 3 台');
  await expect(page.getByTestId('claim-preview')).toContainText('申请金额（预估）');
  await screenshot(page, 'claim-draft-zh');
  await page.getByTestId('claim-create').click();
  await page.waitForURL(/\/claims\/[^/]+$/);
  const claimUrl = page.url();
  await expect(page.getByText('申请金额（预估）')).toBeVisible();
  // a draft is the integrator's: the county does not see it yet
  await signOut(page);
  await signIn(page, demo.official);
  await page.goto(claimUrl);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await signOut(page);
  await signIn(page, demo.engineer);
  await page.goto(claimUrl);
  await page.getByTestId('evidence-kind').selectOption('CONTRACT');
  await page.getByTestId('evidence-file').setInputFiles({ name: '改造合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% contract\n') });
  await expect(page.getByTestId('claim-evidence')).toContainText('改造合同.pdf');
  await page.getByTestId('claim-submit').click();
  await expect(page.getByText('已提交').first()).toBeVisible();
  await expect(page.getByTestId('claim-explanation')).toContainText('3 台的改造费用（每台上限 ¥4,000.00）合计');
  const granted = /核定补贴 (¥[\d,]+\.\d\d)$/.exec((await page.getByTestId('claim-explanation').textContent()) ?? '')?.[1] ?? 'none';
  expect(granted).toMatch(/^¥/);
  await signOut(page);

  // the official decides with the same explanation in front of them
  await signIn(page, demo.official);
  await page.goto(claimUrl);
  await expect(page.getByTestId('claim-explanation')).toContainText('可免费改造 3 台');
  await screenshot(page, 'claim-decision-zh');
  // approving commits money: a confirmation says how much, from which fund
  await page.getByTestId('decision-approve').click();
  await expect(page.getByTestId('decision-confirm')).toContainText(`将从“新昌县 2027 智改试点补贴”的预算中占用 ${granted}。`);
  await expect(page.getByTestId('decision-confirm')).toContainText('与申请金额一致。');
  await screenshot(page, 'claim-approve-confirm-zh');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByText('已批准').first()).toBeVisible();
  // the payout too
  await page.getByTestId('disburse-reference').fill('XC-2027-001');
  await page.getByTestId('disburse-submit').click();
  await expect(page.getByTestId('payout-confirm')).toContainText(`拨付 ${granted}，凭证号 XC-2027-001。`);
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByText('已拨付').first()).toBeVisible();
  await page.goto(`${fundUrl}/dashboard`);
  await expect(page.getByTestId('dashboard-charts')).toBeVisible();
  await expect(page.getByText(granted).first()).toBeVisible();
  await screenshot(page, 'fund-dashboard-zh');
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Fund dashboard');
  await page.goto(claimUrl);
  await expect(page.getByTestId('claim-explanation')).toContainText('74 machines in service × 5% → allowance 3');
  await screenshot(page, 'claim-en');
  await switchLanguage(page, 'zh-CN');
  await signOut(page);

  // the SME owner sees the approved subsidy and the payback that changed with it
  await signIn(page, demo.smeOwner);
  await page.getByRole('navigation').getByRole('link', { name: '改造项目' }).click();
  await page.getByTestId('project-row').filter({ hasText: '磨加工车间 10 台设备联网' }).getByRole('link').click();
  await expect(page.getByTestId('claim-row')).toContainText('已拨付');
  // a payout counts as what was paid: the payback says so
  await expect(page.getByTestId('payback-verdict')).toContainText('已拨付补贴');
  await expect(page.getByTestId('payback-net')).toContainText('已拨付补贴');
  await screenshot(page, 'sme-subsidy-zh');
});
