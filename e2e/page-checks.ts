import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';

/**
 * Two checks run on every page the end-to-end suite visits, at 1280 px and at a phone's 390 px, in both languages:
 *
 * - **layout**: nothing is wider than its box unless the box scrolls *visibly*: the page itself never scrolls
 *   sideways; a box that scrolls sideways must be reachable by keyboard (`tabindex`) and show that it scrolls (the
 *   scroll shadows of `ScrollArea`, a gradient background); a box that clips (`overflow: hidden`) may only shorten a
 *   single line with an ellipsis when the whole text is in its `title`; content that spills out of a box fails.
 * - **axe** (axe-core in Chromium): no serious and no critical violation.
 *
 * Each check returns plain sentences, so a failure says what and where.
 */

export const checkSizes = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

export const checkLocales = ['zh-CN', 'en'] as const;

export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const flagged: [HTMLElement, string][] = [];
    const nameOf = (el: Element) => {
      const id = el.getAttribute('data-testid');
      const cls = (el.getAttribute('class') ?? '').split(/\s+/).slice(0, 4).join('.');
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      return `<${el.tagName.toLowerCase()}${id ? ` data-testid=${id}` : ''}${cls ? ` .${cls}` : ''}> "${text}"`;
    };
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) problems.push(`the page is ${doc.scrollWidth - window.innerWidth}px wider than the window`);
    const skipped = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'svg', 'SCRIPT', 'STYLE', 'HTML', 'BODY']);
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (skipped.has(el.tagName) || el instanceof SVGElement) continue;
      if (el.clientWidth <= 2) continue; // inline boxes and visually hidden text (sr-only)
      const over = el.scrollWidth - el.clientWidth;
      if (over <= 1) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || el.closest('[hidden],[aria-hidden=true],details:not([open]) > :not(summary)')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const x = style.overflowX;
      if (x === 'auto' || x === 'scroll') {
        if (el.tabIndex < 0) flagged.push([el, `${nameOf(el)} scrolls sideways by ${over}px but cannot be reached by keyboard (no tabindex)`]);
        else if (!/gradient/.test(style.backgroundImage)) flagged.push([el, `${nameOf(el)} scrolls sideways by ${over}px without showing that it scrolls`]);
      } else if (x === 'hidden' || x === 'clip') {
        const shortened = style.textOverflow === 'ellipsis' && el.title.trim() !== '';
        if (!shortened) flagged.push([el, `${nameOf(el)} cuts off ${over}px of its content`]);
      } else {
        flagged.push([el, `${nameOf(el)} has content ${over}px wider than its box`]);
      }
    }
    // a box is only wider because of what is inside it: name the innermost ones, where the cause is
    for (const [el, problem] of flagged) if (!flagged.some(([other]) => other !== el && el.contains(other))) problems.push(problem);
    return problems;
  });
}

export async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes
        .slice(0, 5)
        .map((n) => `axe ${v.impact} ${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? v.help}`),
    );
}

/** Saves the signed-in user's language the way the header's switch does (the user's choice wins over the cookie). */
async function saveLocale(context: BrowserContext, baseURL: string, locale: string): Promise<boolean> {
  const res = await context.request.post(`${baseURL}/api/trpc/me.setLocale`, { data: { json: { locale } } });
  if (res.status() === 401) return false; // the session has ended (signed out, deactivated): nothing left to check as that user
  if (!res.ok()) throw new Error(`could not switch the language to ${locale}: ${res.status()}`);
  return true;
}

/**
 * Opens `path` in a new tab of `context` at both sizes and in both languages and returns every problem, prefixed by
 * where it was seen. The user's saved language is put back afterwards.
 */
export async function checkEverywhere(context: BrowserContext, baseURL: string, path: string, signedIn: boolean): Promise<string[]> {
  const page = await context.newPage();
  const problems: string[] = [];
  const started = Date.now();
  try {
    await page.goto(path);
    const original = (await page.locator('html').getAttribute('lang')) ?? 'zh-CN';
    for (const locale of checkLocales) {
      if (signedIn) {
        if (!(await saveLocale(context, baseURL, locale))) return [];
      } else await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL }]);
      // one load per language: the server renders the same page at every width, so the phone size is a resize
      for (const [i, size] of checkSizes.entries()) {
        await page.setViewportSize({ width: size.width, height: size.height });
        if (i === 0) {
          await page.goto(path);
          await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
        } else {
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        }
        const where = `${path} [${locale}, ${size.width}px]`;
        for (const p of await layoutProblems(page)) problems.push(`${where} ${p}`);
        for (const p of await axeProblems(page)) problems.push(`${where} ${p}`);
      }
    }
    if (signedIn) await saveLocale(context, baseURL, original);
    else await context.addCookies([{ name: 'NEXT_LOCALE', value: original, url: baseURL }]);
  } finally {
    await page.close();
  }
  if (process.env.E2E_CHECK_TIMING) console.log(`checked ${path} in ${Date.now() - started} ms`);
  return problems;
}

/** A page's address with its ids replaced, so that a route is checked once however many records it is opened for. */
export function routeOf(url: string): string {
  const u = new URL(url);
  return u.pathname
    .split('/')
    .map((s) => (/^[a-z0-9]{20,}$/i.test(s) || /^[0-9a-f-]{32,}$/i.test(s) ? ':id' : s))
    .join('/');
}
