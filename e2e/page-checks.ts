import fs from 'node:fs';
import { createRequire } from 'node:module';
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

const requireHere = createRequire(import.meta.url);
const axeSource = fs.readFileSync(requireHere.resolve('axe-core/axe.min.js'), 'utf8');
type Found = { id: string; impact: string | null; nodes: { target: string[]; failureSummary?: string }[]; help: string };

/**
 * axe-core run in the page itself, once injected per page load. `AxeBuilder.analyze()` gives the same answer for a page
 * without frames but opens a new tab for every run to assemble the frames' results (10–15 s a run on a busy machine
 * against 1–2 s here); a page with frames still goes through it. Rules whose impact is only minor or moderate are not
 * run: a rule's impact is fixed (axe-core gives every result of a rule the rule's own impact), and those results are
 * not counted here anyway.
 */
async function runAxe(page: Page): Promise<Found[]> {
  if (page.frames().length > 1) return (await new AxeBuilder({ page }).analyze()).violations as Found[];
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Rule = { id: string; impact?: string };
    const axe = (window as unknown as { axe: { _audit?: { rules: Rule[] }; run: (ctx: Document, o: object) => Promise<{ violations: Found[] }> } }).axe;
    const rules = Object.fromEntries(
      (axe._audit?.rules ?? []).filter((r) => r.impact === 'minor' || r.impact === 'moderate').map((r) => [r.id, { enabled: false }]),
    );
    const { violations } = await axe.run(document, { resultTypes: ['violations'], rules });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

export async function axeProblems(page: Page): Promise<string[]> {
  const violations = await runAxe(page);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes
        .slice(0, 5)
        .map((n) => `axe ${v.impact} ${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? v.help}`),
    );
}

/** Saves the signed-in user's language the way the header's switch does (the user's choice wins over the cookie). */
async function saveLocale(context: BrowserContext, baseURL: string, locale: string): Promise<boolean> {
  const post = () => context.request.post(`${baseURL}/api/trpc/me.setLocale`, { data: { json: { locale } } });
  // a kept-alive connection the server has just closed (its keep-alive ends while axe runs) resets: once more on a new one
  const res = await post().catch((e: Error) => (/ECONNRESET|socket hang up/.test(e.message) ? post() : Promise.reject(e)));
  if (res.status() === 401) return false; // the session has ended (signed out, deactivated): nothing left to check as that user
  if (!res.ok()) throw new Error(`could not switch the language to ${locale}: ${res.status()}`);
  return true;
}

/**
 * Opens `path` in `tab` (a second tab of the user's session, `context`) at both sizes and in both languages and returns
 * every problem, prefixed by where it was seen: first in the language the user has now, then in the other, which is
 * then undone. Two loads a page: the server renders the same page at every width, so the phone size is a resize.
 */
export async function checkEverywhere(context: BrowserContext, tab: Page, baseURL: string, path: string, signedIn: boolean): Promise<string[]> {
  const page = tab;
  const problems: string[] = [];
  const started = Date.now();
  const phase = { load: 0, idle: 0, layout: 0, axe: 0 };
  const setLocale = async (locale: string) => {
    if (signedIn) return saveLocale(context, baseURL, locale);
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL }]);
    return true;
  };
  let original: string | null = null;
  for (let round = 0; round < checkLocales.length; round++) {
    if (original !== null) {
      const other = checkLocales.find((l) => l !== original) ?? checkLocales[0];
      if (!(await setLocale(other))) return []; // the session has ended (signed out, deactivated): nothing left to check as that user
    }
    for (const [i, size] of checkSizes.entries()) {
      await page.setViewportSize({ width: size.width, height: size.height });
      let t0 = Date.now();
      if (i === 0) {
        await page.goto(path);
        phase.load += Date.now() - t0;
        if (signedIn && new URL(page.url()).pathname.startsWith('/sign-in')) return []; // the session has ended: nothing left to check as that user
        t0 = Date.now();
        await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
        phase.idle += Date.now() - t0;
      } else {
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      }
      const locale = (await page.locator('html').getAttribute('lang')) ?? 'zh-CN';
      if (original === null) original = locale;
      const where = `${path} [${locale}, ${size.width}px]`;
      t0 = Date.now();
      for (const p of await layoutProblems(page)) problems.push(`${where} ${p}`);
      phase.layout += Date.now() - t0;
      t0 = Date.now();
      for (const p of await axeProblems(page)) problems.push(`${where} ${p}`);
      phase.axe += Date.now() - t0;
    }
  }
  if (original !== null) await setLocale(original);
  if (process.env.E2E_CHECK_TIMING) console.log(`checked ${path} in ${Date.now() - started} ms ${JSON.stringify(phase)}`);
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
