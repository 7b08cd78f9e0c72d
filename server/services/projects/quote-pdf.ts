/**
 * The quote as a PDF: the printable page rendered by headless Chromium (Debian's `chromium`; CJK glyphs from
 * `fonts-noto-cjk`), so the PDF is exactly what prints, Chinese text included.
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { AppError } from '../../domain/errors/app-error';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
}

export async function renderPdf(url: string, cookie: string): Promise<Uint8Array> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) throw new AppError('DB_UNAVAILABLE', 'pdfUnavailable');
  const browser = await chromium.launch({
    executablePath,
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
  try {
    const page = await browser.newPage({ extraHTTPHeaders: { cookie } });
    const res = await page.goto(url, { waitUntil: 'networkidle', timeout: 30_000 });
    if (!res || res.status() >= 400) throw new AppError('NOT_FOUND');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
