import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { demo, screenshot, signIn, signOut, test } from './fixtures';

/**
 * Results from the data, end to end (issue 17): the demo fleet's simulator is running (the e2e server sends the
 * terminals' messages through ingestion); 万丰's project 精研线 was commissioned eight days ago on two machines whose
 * terminals reported a week before go-live and since (prisma/seed/demo-work.ts sends that history through the same
 * ingestion path). The engineer measures the week since go-live against the week before and accepts the month; the
 * county sets up a fund that requires the machines to be used, the engineer files a claim whose usage evidence is
 * frozen at submission, the county approves it reading that evidence, and the acceptance pack is downloaded and
 * opened: a ZIP with the PDF, whose pages are read as text and turned into PNG images
 * (test-results/screens/pack-page-*.png).
 */

const PROJECT = '精研线 2 台设备联网';
const FUND = '新昌县设备在用补贴（联调）';

/** The Shanghai calendar day `offset` days from today (YYYY-MM-DD). */
function shanghaiDay(offset: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
}
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test('simulator running → project commissioned → measured month accepted → claim with usage evidence → county approves → acceptance pack opened', async ({
  page,
}) => {
  test.setTimeout(240_000);

  // the engineer: the project's machines report live and the project is commissioned
  await signIn(page, demo.engineer);
  await page.getByRole('navigation').getByRole('link', { name: '改造项目' }).click();
  await page.getByTestId('project-row').filter({ hasText: PROJECT }).getByRole('link').first().click();
  await page.waitForURL(/\/projects\/[^/]+$/);
  const projectUrl = page.url();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('已调试');
  await expect(page.getByTestId('project-terminal-row')).toHaveCount(2);
  for (const row of await page.getByTestId('project-terminal-row').all()) await expect(row).toHaveAttribute('data-readiness', 'ready');

  // the default result window (days 31–90) has not come yet: the engineer measures the week since go-live
  await expect(page.getByTestId('results-not-yet')).toBeVisible();
  const baseline = (await page.getByTestId('results-baseline').textContent()) ?? '';
  const [, , baselineTo] = /(\d{4}-\d\d-\d\d) – (\d{4}-\d\d-\d\d)/.exec(baseline) ?? [];
  expect(baselineTo, baseline).toBeTruthy();
  const goLive = addDays(baselineTo as string, 1);
  const resultFrom = addDays(goLive, 1);
  const resultTo = shanghaiDay(-1);
  await page.getByTestId('results-rf').fill(resultFrom);
  await page.getByTestId('results-rt').fill(resultTo);
  await page.getByTestId('results-remeasure').click();
  await expect(page.getByTestId('results-result')).toContainText(`${resultFrom} – ${resultTo}`);
  await expect(page.getByTestId('results-machine')).toHaveCount(2);
  const working = page.getByTestId('results-working');
  // the working names the change and turns it into money with the project's own lines (figures from the data)
  await expect(working).toContainText(/稼动率 [\d.]+% → [\d.]+%/);
  await expect(working).toContainText('单件能耗');
  await screenshot(page, 'results-measured-zh');
  await page.getByTestId('results-accept-submit').click();
  const accepted = page.getByTestId('measured-row').filter({ hasText: '设备数据' });
  await expect(accepted).toContainText(resultTo.slice(0, 7));
  await expect(accepted).toContainText(`${resultFrom} – ${resultTo}`);
  await expect(page.getByTestId('results-tracking')).not.toHaveText('尚未测算');
  await signOut(page);

  // the county: a fund that pays the free share only for machines in use (usage over the last 14 days)
  await signIn(page, demo.official);
  await page.getByRole('link', { name: '新建基金' }).click();
  await page.locator('#fname').fill(FUND);
  await page.locator('#budget').fill('100000');
  await page.getByTestId('rule-0-c').fill('4000');
  await page.getByTestId('add-rule-USAGE_REQUIRED').click();
  await page.getByTestId('rule-1-c').fill('14');
  await page.getByTestId('save-fund').click();
  await page.waitForURL(/\/funds\/(?!new)[^/]+$/);
  await page.getByTestId('invite-form').locator('select').selectOption({ label: '新昌精密智改' });
  await page.getByTestId('invite-form').getByRole('button').click();
  await expect(page.getByTestId('fund-participants')).toContainText('新昌精密智改');
  await signOut(page);

  // the engineer files the claim: its usage evidence is frozen at submission
  await signIn(page, demo.engineer);
  await page.goto(projectUrl);
  await page.getByRole('link', { name: '申请补贴' }).click();
  await page.getByTestId('claim-draft').locator('select').first().selectOption({ label: FUND });
  await expect(page.locator('[data-testid="claim-machine"]:checked')).toHaveCount(2);
  await page.getByTestId('claim-create').click();
  await page.waitForURL(/\/claims\/[^/]+$/);
  const claimUrl = page.url();
  const evidence = await page
    .getByTestId('evidence-kind')
    .locator('option')
    .filter({ hasText: '必需' })
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  for (const kind of evidence) {
    await page.getByTestId('evidence-kind').selectOption(kind);
    await page.getByTestId('evidence-file').setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% evidence\n') });
    await expect(page.getByTestId('claim-evidence')).toContainText(`${kind}.pdf`);
  }
  await page.getByTestId('claim-submit').click();
  await expect(page.getByText('已提交').first()).toBeVisible();
  await expect(page.getByTestId('claim-usage-reporting')).toHaveText('申报的 2 台设备中 2 台有上报');
  await expect(page.getByTestId('claim-explanation')).toContainText('2 台设备中 2 台在 14 天内上报了不少于 80% 的计划工时');
  await signOut(page);

  // the county reads the usage evidence beside the reasoning and approves
  await signIn(page, demo.official);
  await page.goto(claimUrl);
  await expect(page.getByTestId('claim-usage')).toBeVisible();
  await expect(page.getByTestId('claim-explanation')).toBeVisible();
  await screenshot(page, 'claim-usage-zh');
  await page.getByTestId('decision-approve').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByText('已批准').first()).toBeVisible();

  // the acceptance pack, downloaded by the county from the claim (what is missing is listed first), opened: the PDF
  // inside, read as text and turned into images
  await expect(page.getByTestId('pack-checklist')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('pack-download').click();
  const dir = test.info().outputPath('pack');
  fs.mkdirSync(dir, { recursive: true });
  const zip = path.join(dir, 'pack.zip');
  await (await download).saveAs(zip);
  const listing = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const pdfName = listing.find((n) => n.endsWith('.pdf') && !n.startsWith('attachments/'));
  expect(pdfName, listing.join('\n')).toBeTruthy();
  execFileSync('unzip', ['-o', '-q', zip, '-d', dir]);
  const pdf = path.join(dir, pdfName as string);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(info).toMatch(/Page size:.*\(A4\)/);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain(PROJECT);
  expect(text).toContain('新昌县万丰轴承有限公司');
  expect(text).toContain('已批准');
  expect(text).toMatch(/实测月节省（平均）\s+¥[\d,]+\.\d\d/);
  expect(text).toContain('在 14 天内上报了不少于 80% 的计划工时');
  for (const name of listing.filter((n) => n.startsWith('attachments/'))) expect(fs.statSync(path.join(dir, name)).size).toBeGreaterThan(0);
  fs.mkdirSync('test-results/screens', { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, 'test-results/screens/pack-page']);
  await signOut(page);
});
