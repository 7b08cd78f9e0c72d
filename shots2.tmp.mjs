import { chromium } from '@playwright/test';

const base = 'http://localhost:3100';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
page.on('console', (m) => {
  if (m.type() === 'error') console.log('console:', m.text());
});
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(base + '/sign-in');
await page.fill('#email', 'engineer@xinchang-retrofit.demo');
await page.fill('#password', 'retrofit-demo-2026');
await page.locator('main form button[type=submit]').click();
await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
const shot = async (name) => {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  console.log(name, page.url());
};
await page.goto(base + '/clients');
await page.getByTestId('client-row').filter({ hasText: '万丰' }).getByRole('link').click();
await page.waitForURL(/clients\/\w+$/);
const clientUrl = page.url();
await page.goto(clientUrl + '/assessments');
await shot('assessments');
await page.goto(clientUrl + '/assessments/new');
for (const c of ['PLC', 'MES', 'NETWORK_ENABLED_PRODUCTION', 'IOT']) await page.getByTestId(`tech-${c}`).check();
await shot('assessment-new');
await page.goto(base + '/clusters');
await page.getByTestId('cluster-row').filter({ hasText: '轴承' }).getByRole('link').click();
await page.waitForURL(/clusters\/\w+$/);
await page.goto(page.url() + '/maturity');
await shot('cluster-maturity');
await browser.close();
