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
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', (m) => {
  if (m.type() === 'error') console.log('console:', m.text());
});
await page.goto(base + '/sign-in');
await page.fill('#email', process.argv[2] ?? 'engineer@xinchang-retrofit.demo');
await page.fill('#password', 'retrofit-demo-2026');
await page.click('form button[type=submit]');
await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
const shot = async (name) => {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  console.log(name, page.url());
};
await page.goto(base + '/clients');
await shot('clients');
await page.getByTestId('client-row').first().getByRole('link').click();
await page.waitForURL(/clients\/\w+$/);
await shot('client');
const clientUrl = page.url();
await page.goto(clientUrl + '/machines');
await shot('machines');
await page.getByTestId('machine-row').first().getByRole('link').click();
await page.waitForURL(/machines\/\w+$/);
await shot('machine');
await page.goto(clientUrl + '/import');
await page.setInputFiles('[data-testid=import-file]', {
  name: 'bad.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from('资产编号,设备类型,控制方式,每天班次\nA-1,磨床,PLC,2\n,磨床,液压,9\nA-1,磨床,PLC,1\n'),
});
await page.click('[data-testid=import-preview]');
await page.getByTestId('import-result').waitFor();
await shot('import-errors');
await page.goto(base + '/clusters');
await shot('clusters');
await page.goto(base + '/clients/new');
await page.click('form button[type=submit]');
await shot('client-new-errors');
await browser.close();
