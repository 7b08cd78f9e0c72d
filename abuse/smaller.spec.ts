import { expect, test } from '@playwright/test';
import { baseURL, client, csrfToken, freshUser } from './helpers';

// Issue 14, item 14 (the auth parts).
test('GET /api/health tells an anonymous caller whether the database answers, not where it is', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(JSON.parse(text).status).toBe('ok');
  for (const leak of ['.data', 'pglite', '/work', process.cwd(), 'postgresql://', '127.0.0.1', 'localhost']) {
    expect(text.toLowerCase(), `health leaks ${leak}`).not.toContain(leak.toLowerCase());
  }
});

test("the CSP has no script-src 'unsafe-inline' and every inline script carries the page's nonce", async ({ request }) => {
  const res = await request.get('/sign-in');
  const csp = res.headers()['content-security-policy'] ?? '';
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce, scriptSrc).toBeTruthy();
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
  const again = (await request.get('/sign-in')).headers()['content-security-policy'];
  expect(again).not.toContain(`'nonce-${nonce}'`);
});

test('the session cookie is Secure when a trusted proxy says the request came over HTTPS', async ({ playwright }) => {
  const api = await client(playwright, { 'x-forwarded-proto': 'https' });
  const res = await api.post('/api/auth/callback/credentials', {
    form: { email: freshUser('engineer'), password: 'retrofit-demo-2026', csrfToken: await csrfToken(api), callbackUrl: `${baseURL}/` },
    maxRedirects: 0,
  });
  const session = res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value)
    .find((v) => /authjs\.session-token=/.test(v));
  expect(session, 'no session cookie').toBeTruthy();
  expect(session).toMatch(/;\s*Secure/i);
  await api.dispose();
});
