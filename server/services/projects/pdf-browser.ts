/**
 * One headless Chromium for the whole server, launched on first use, reused by every render (each in its own
 * context, so cookies never cross) and launched again if it dies. Renders wait their turn in a bounded queue:
 * `concurrency` at once, at most `queueLimit` waiting; past that a render is refused at once with a retry time
 * instead of piling up Chromium work (four requests once started 18 processes and took 48 s each).
 */
import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { AppError } from '../../domain/errors/app-error';
import { log } from '../../log';
import { processSlot } from '../../process-slot';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
}

const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export type PdfQueueOptions = { concurrency: number; queueLimit: number; retryAfterSeconds: number };

export class PdfRenderer {
  private browser: Promise<Browser> | null = null;
  /** Browsers launched so far (one, unless one died). */
  launches = 0;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly options: PdfQueueOptions) {}

  /** The shared browser, launched if there is none or the last one died. */
  private launch(): Promise<Browser> {
    if (this.browser) return this.browser;
    const executablePath = chromiumPath();
    if (!fs.existsSync(executablePath)) throw new AppError('DB_UNAVAILABLE', 'pdfUnavailable');
    this.launches++;
    const p = chromium.launch({ executablePath, args }).then((b) => {
      b.on('disconnected', () => {
        if (this.browser === p) this.browser = null;
      });
      return b;
    });
    p.catch(() => {
      if (this.browser === p) this.browser = null;
    });
    this.browser = p;
    return p;
  }

  /** Renders a page of this server to an A4 PDF, as the user whose cookie is given. */
  async render(url: string, cookie: string): Promise<Uint8Array> {
    await this.turn();
    try {
      const browser = await this.launch();
      const context = await browser.newContext({ extraHTTPHeaders: { cookie } });
      try {
        const page = await context.newPage();
        // a busy server (or a first render in development) may take a while to serve the page: a minute before giving up
        const res = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
        if (!res || res.status() >= 400) throw new AppError('NOT_FOUND');
        await page.evaluate(() => document.fonts.ready);
        return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      } finally {
        await context.close().catch(() => {});
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      // the browser died or the page timed out: a clear "try again", never a 500 (the next render relaunches)
      log.warn({ err: e, page: new URL(url).pathname }, 'PDF render failed');
      throw new AppError('DB_UNAVAILABLE', 'pdfFailed');
    } finally {
      this.release();
    }
  }

  /** How many renders run and wait now. */
  load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private turn(): Promise<void> {
    if (this.running < this.options.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.queueLimit) {
      return Promise.reject(new AppError('TOO_MANY_REQUESTS', 'pdfBusy', { seconds: this.options.retryAfterSeconds }));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  async close() {
    const b = this.browser;
    this.browser = null;
    if (b) await (await b).close().catch(() => {});
  }
}

const envInt = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
};

const holder = processSlot<PdfRenderer>('__pdfRenderer');

/** The server's one renderer (kept on globalThis: Next may load this module more than once). */
export function pdfRenderer(): PdfRenderer {
  holder.value ??= new PdfRenderer({
    concurrency: Math.max(1, envInt('PDF_CONCURRENCY', 2)),
    queueLimit: envInt('PDF_QUEUE_LIMIT', 4),
    retryAfterSeconds: envInt('PDF_RETRY_AFTER', 10),
  });
  return holder.value;
}
