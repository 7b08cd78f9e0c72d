import { expect } from '@playwright/test';
import { demo, screenshot, signIn, switchLanguage, test } from './fixtures';

test('the admin edits the price book and kit rules as data; a new version is saved (zh-CN, en)', async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto('/settings/price-book');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('价格表 · 第 1 版');
  await page.getByTestId('price-DATA_TERMINAL').fill('1250.00');
  await page.getByTestId('kit-RELAY-SENSOR_TEMPERATURE').fill('1');
  await page.getByTestId('save-price-book').click();
  await expect(page.getByRole('status')).toContainText('已保存为第 2 版');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('第 2 版');
  await expect(page.getByTestId('price-DATA_TERMINAL')).toHaveValue('1250.00');
  await expect(page.getByTestId('kit-RELAY-SENSOR_TEMPERATURE')).toHaveValue('1');
  await screenshot(page, 'price-book-zh');
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Price book · Version 2');
  await screenshot(page, 'price-book-en');
  await switchLanguage(page, 'zh-CN');
});

test('an engineer reads the price book but cannot change it', async ({ page }) => {
  await signIn(page, demo.engineer);
  await page.goto('/settings/price-book');
  await expect(page.getByTestId('price-DATA_TERMINAL')).toBeDisabled();
  await expect(page.getByTestId('save-price-book')).toHaveCount(0);
});
