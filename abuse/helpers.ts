/**
 * Shared helpers of the abuse suite (playwright.abuse.config.ts). Each attack is a file `abuse/<topic>.spec.ts` that
 * talks plain HTTP to the production build on its own port and database (scripts/abuse-server.sh).
 *
 * - `demo`, `DEMO_PASSWORD`: the demo accounts (README). Sign them in, but never lock them or change their
 *   password: take a `freshUser(kind)` for that.
 * - `freshUser(kind)`: the email of a throwaway user nobody else in this run has taken, in the same tenant and with
 *   the same rights as `demo[kind]`, password `DEMO_PASSWORD` (25 per kind, seeded by scripts/abuse-seed.ts).
 * - `client(playwright, headers?)`: a new cookie jar (APIRequestContext) on the app; `dispose()` it when done.
 * - `csrfToken(api)`: Auth.js's CSRF token (its cookie lands in the jar).
 * - `signIn(api, email, password?, headers?)`: Auth.js's own credentials endpoint, as a script would call it;
 *   answers `{ ok, status, location }`, and on success the session cookie is in the jar.
 * - `signedIn(playwright, email)`: a jar that is signed in (throws otherwise).
 * - `sessionCookie(api)`: the session cookie's value in the jar, if any.
 * - `trpc(api, path, input?, { method })`: one procedure call over the wire (superjson), `{ status, data, error }`.
 * - `trpcBatch(api, calls, { method })`: a batched call (`?batch=1`), `{ status, body }` with the raw answer.
 * - `expectNo500(res)`: the answer is not a server error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, type APIResponse, expect } from '@playwright/test';

export const baseURL = `http://localhost:${Number(process.env.ABUSE_PORT ?? 3410)}`;
export const DEMO_PASSWORD = 'retrofit-demo-2026';

export const demo = {
  admin: 'admin@xinchang-retrofit.demo',
  engineer: 'engineer@xinchang-retrofit.demo',
  smeOwner: 'owner@wanfeng-bearing.demo',
  official: 'official@xinchang.gov.demo',
  otherAdmin: 'admin@shengzhou-gear.demo',
  otherOfficial: 'official@shengzhou.gov.demo',
} as const;
export type UserKind = keyof typeof demo;

const POOL_SIZE = 25; // scripts/abuse-seed.ts
const claimsDir = path.join(process.cwd(), '.data', 'abuse', 'claims');

/** A throwaway user of this kind that no other test of this run has taken (claimed with an exclusive file). */
export function freshUser(kind: UserKind): string {
  fs.mkdirSync(claimsDir, { recursive: true });
  const domain = demo[kind].split('@')[1];
  for (let n = 1; n <= POOL_SIZE; n++) {
    const email = `abuse-${kind.toLowerCase()}-${String(n).padStart(2, '0')}@${domain}`;
    try {
      fs.closeSync(fs.openSync(path.join(claimsDir, email), 'wx'));
      return email;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error(`no throwaway ${kind} left: raise POOL_SIZE in scripts/abuse-seed.ts and abuse/helpers.ts`);
}

type Playwrightish = { request: { newContext: (o: { baseURL: string; extraHTTPHeaders?: Record<string, string> }) => Promise<APIRequestContext> } };

export function client(playwright: Playwrightish, headers: Record<string, string> = {}): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'accept-language': 'en', ...headers } });
}

export async function csrfToken(api: APIRequestContext): Promise<string> {
  const res = await api.get('/api/auth/csrf');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

export async function sessionCookie(api: APIRequestContext): Promise<string | undefined> {
  const { cookies } = await api.storageState();
  return cookies.find((c) => c.name.endsWith('authjs.session-token'))?.value;
}

/** Signs in through POST /api/auth/callback/credentials (no browser, no form, no server action). */
export async function signIn(api: APIRequestContext, email: string, password = DEMO_PASSWORD, headers: Record<string, string> = {}) {
  const csrf = await csrfToken(api);
  const res = await api.post('/api/auth/callback/credentials', {
    form: { email, password, csrfToken: csrf, callbackUrl: `${baseURL}/` },
    headers,
    maxRedirects: 0,
  });
  expectNo500(res);
  const location = res.headers().location ?? '';
  const ok = res.status() < 400 && !/[?&]error=/.test(location) && !!(await sessionCookie(api));
  return { ok, status: res.status(), location };
}

export async function signedIn(playwright: Playwrightish, email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const api = await client(playwright);
  const r = await signIn(api, email, password);
  if (!r.ok) throw new Error(`could not sign in ${email}: ${r.status} ${r.location}`);
  return api;
}

export type TrpcResult<T = unknown> = { status: number; data?: T; error?: { message: string; code: number; data?: Record<string, unknown> } };

/** One tRPC call; queries go as GET, mutations as POST (pass `method`). */
export async function trpc<T = unknown>(
  api: APIRequestContext,
  procedure: string,
  input?: unknown,
  { method = 'GET' }: { method?: 'GET' | 'POST' } = {},
): Promise<TrpcResult<T>> {
  const wire = input === undefined ? undefined : { json: input };
  const res =
    method === 'GET'
      ? await api.get(`/api/trpc/${procedure}${wire ? `?input=${encodeURIComponent(JSON.stringify(wire))}` : ''}`)
      : await api.post(`/api/trpc/${procedure}`, { data: wire ?? {}, headers: { 'content-type': 'application/json' } });
  expectNo500(res);
  const body = (await res.json().catch(() => ({}))) as { result?: { data?: { json?: T } }; error?: { json?: TrpcResult['error'] } };
  return { status: res.status(), data: body.result?.data?.json, error: body.error?.json ?? (body.error as TrpcResult['error']) };
}

/** Several calls in one HTTP request (`/api/trpc/a,b?batch=1`); the raw answer is returned. */
export async function trpcBatch(
  api: APIRequestContext,
  calls: { path: string; input?: unknown }[],
  { method = 'GET' }: { method?: 'GET' | 'POST' } = {},
): Promise<{ status: number; body: unknown }> {
  const paths = calls.map((c) => c.path).join(',');
  const wire = Object.fromEntries(calls.map((c, i) => [String(i), c.input === undefined ? {} : { json: c.input }]));
  const res =
    method === 'GET'
      ? await api.get(`/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(wire))}`)
      : await api.post(`/api/trpc/${paths}?batch=1`, { data: wire, headers: { 'content-type': 'application/json' } });
  expectNo500(res);
  return { status: res.status(), body: await res.json().catch(() => null) };
}

export function expectNo500(res: APIResponse) {
  expect(res.status(), `${res.url()} answered ${res.status()}`).toBeLessThan(500);
}
