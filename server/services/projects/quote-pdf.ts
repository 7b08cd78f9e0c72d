/**
 * The quote as a PDF: the printable page rendered by the shared headless Chromium (pdf-browser.ts; Debian's
 * `chromium`, CJK glyphs from `fonts-noto-cjk`), so the PDF is exactly what prints, Chinese text included.
 *
 * A quote row is one frozen version: its content never changes, only its decision (shown on the document). So the
 * PDF is rendered once per quote, language and decision, kept under FILES_DIR/quote-pdfs, and served from there
 * afterwards; renders of the same file at the same time share one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppLocale } from '../../i18n/locales';
import { filesDir } from '../files/files';
import { pdfRenderer } from './pdf-browser';

export type QuotePdfKey = { quoteId: string; locale: AppLocale; decision: string | null };

export function quotePdfPath(k: QuotePdfKey): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '');
  return path.join(filesDir(), 'quote-pdfs', `${safe(k.quoteId)}.${safe(k.locale)}.${safe(k.decision ?? 'open').toLowerCase()}.pdf`);
}

const inFlight = new Map<string, Promise<Uint8Array>>();

/** The quote's PDF: from the store when rendered before, else rendered now (waiting its turn) and kept. */
export async function quotePdf(key: QuotePdfKey, url: string, cookie: string): Promise<{ bytes: Uint8Array; cached: boolean }> {
  const file = quotePdfPath(key);
  const kept = await fs.promises.readFile(file).catch(() => null);
  if (kept) return { bytes: new Uint8Array(kept), cached: true };
  let p = inFlight.get(file);
  if (!p) {
    p = pdfRenderer()
      .render(url, cookie)
      .then(async (bytes) => {
        await fs.promises.mkdir(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
        await fs.promises.writeFile(tmp, bytes);
        await fs.promises.rename(tmp, file);
        return bytes;
      })
      .finally(() => inFlight.delete(file));
    inFlight.set(file, p);
  }
  return { bytes: await p, cached: false };
}
