/**
 * Two app processes behind HAProxy (round robin, no sticky sessions): whatever one process learns about a session,
 * the other knows at the next request, because neither keeps it — sessions are checked against PostgreSQL on every
 * request, the sign-in throttle lives there too, and uploads go to the shared FILES_DIR.
 */
import { type APIRequestContext, expect, type PlaywrightWorkerArgs, test } from '@playwright/test';
import pg from 'pg';

const PASSWORD = 'retrofit-demo-2026';
const app1 = `http://localhost:${process.env.APP1_PORT ?? '3511'}`;
const app2 = `http://localhost:${process.env.APP2_PORT ?? '3512'}`;
const lb = `http://localhost:${process.env.LB_PORT ?? '3500'}`;

type Pw = PlaywrightWorkerArgs['playwright'];

async function jar(playwright: Pw, baseURL: string, from?: APIRequestContext) {
  return playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { 'accept-language': 'en' },
    ...(from ? { storageState: await from.storageState() } : {}),
  });
}

async function csrf(api: APIRequestContext) {
  return ((await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
}

async function signIn(api: APIRequestContext, email: string, password = PASSWORD) {
  const res = await api.post('/api/auth/callback/credentials', {
    form: { email, password, csrfToken: await csrf(api), callbackUrl: `${lb}/` },
    maxRedirects: 0,
  });
  expect(res.status()).toBeLessThan(500);
  const { cookies } = await api.storageState();
  return !/[?&]error=/.test(res.headers().location ?? '') && cookies.some((c) => c.name.endsWith('authjs.session-token'));
}

async function me(api: APIRequestContext) {
  const res = await api.get('/api/trpc/me.get');
  expect(res.status()).toBeLessThan(500);
  const body = (await res.json()) as { result?: { data?: { json?: { id: string; email: string } } } };
  return { status: res.status(), user: body.result?.data?.json ?? null };
}

test('the health check answers through both processes and HAProxy alternates between them', async ({ playwright }) => {
  const api = await jar(playwright, lb);
  const servedBy = new Set<string>();
  for (let i = 0; i < 6; i++) {
    const res = await api.get('/api/health');
    expect(res.status()).toBe(200);
    servedBy.add(res.headers()['x-served-by'] ?? '');
  }
  expect([...servedBy].sort()).toEqual(['app1', 'app2']);
  await api.dispose();
});

test('a session made by one process is used on the other, and through the balancer on both', async ({ playwright }) => {
  const one = await jar(playwright, app1);
  expect(await signIn(one, 'engineer@xinchang-retrofit.demo')).toBe(true);
  const two = await jar(playwright, app2, one);
  const onTwo = await me(two);
  expect(onTwo.status).toBe(200);
  expect(onTwo.user?.email).toBe('engineer@xinchang-retrofit.demo');
  const viaLb = await jar(playwright, lb, one);
  const servedBy = new Set<string>();
  for (let i = 0; i < 6; i++) {
    const res = await viaLb.get('/api/trpc/clients.list?input=%7B%22json%22%3A%7B%22page%22%3A1%2C%22pageSize%22%3A10%7D%7D');
    expect(res.status()).toBe(200);
    servedBy.add(res.headers()['x-served-by'] ?? '');
  }
  expect(servedBy.size).toBe(2);
  for (const api of [one, two, viaLb]) await api.dispose();
});

test('signing out on one process ends the session on the other at its next request', async ({ playwright }) => {
  const one = await jar(playwright, app1);
  expect(await signIn(one, 'owner@wanfeng-bearing.demo')).toBe(true);
  const two = await jar(playwright, app2, one);
  expect((await me(two)).status).toBe(200);
  const out = await one.post('/api/auth/signout', { form: { csrfToken: await csrf(one) }, maxRedirects: 0 });
  expect(out.status()).toBeLessThan(400);
  // the copy of the token that the second jar still holds is refused there
  expect((await me(two)).status).toBe(401);
  for (const api of [one, two]) await api.dispose();
});

test('a user deactivated on one process is refused by the other at the next request', async ({ playwright }) => {
  const engineer = await jar(playwright, app2);
  expect(await signIn(engineer, 'engineer@xinchang-retrofit.demo')).toBe(true);
  const engineerId = (await me(engineer)).user?.id as string;
  const admin = await jar(playwright, app1);
  expect(await signIn(admin, 'admin@xinchang-retrofit.demo')).toBe(true);
  const off = await admin.post('/api/trpc/staff.setActive', { data: { json: { id: engineerId, active: false } } });
  expect(off.status()).toBe(200);
  expect((await me(engineer)).status).toBe(401);
  // and active again (through the other process): signing in works again
  const back = await jar(playwright, app2, admin);
  expect((await back.post('/api/trpc/staff.setActive', { data: { json: { id: engineerId, active: true } } })).status()).toBe(200);
  const again = await jar(playwright, app1);
  expect(await signIn(again, 'engineer@xinchang-retrofit.demo')).toBe(true);
  for (const api of [engineer, admin, back, again]) await api.dispose();
});

test('an upload through one process is downloaded through the other', async ({ playwright }) => {
  const one = await jar(playwright, app1);
  expect(await signIn(one, 'engineer@xinchang-retrofit.demo')).toBe(true);
  const list = await one.get('/api/trpc/clients.list?input=%7B%22json%22%3A%7B%22page%22%3A1%2C%22pageSize%22%3A1%7D%7D');
  const smeClientId = ((await list.json()) as { result: { data: { json: { items: { id: string }[] } } } }).result.data.json.items[0]?.id as string;
  const content = `%PDF-1.4\n% stateless evidence ${Date.now()}\n%%EOF\n`;
  const up = await one.post('/api/v1/files', {
    multipart: { smeClientId, file: { name: 'evidence.pdf', mimeType: 'application/pdf', buffer: Buffer.from(content) } },
  });
  expect(up.status()).toBe(200);
  const { id } = (await up.json()) as { id: string };
  const two = await jar(playwright, app2, one);
  const down = await two.get(`/api/v1/files/${id}`);
  expect(down.status()).toBe(200);
  expect(await down.text()).toBe(content);
  for (const api of [one, two]) await api.dispose();
});

test('the sign-in throttle counts the failures made on both processes together', async ({ playwright }) => {
  const email = 'admin@shengzhou-gear.demo';
  const targets = [await jar(playwright, app1), await jar(playwright, app2)];
  // five free failures in all, spread over the two processes
  for (let i = 0; i < 5; i++) expect(await signIn(targets[i % 2] as APIRequestContext, email, 'wrong-password')).toBe(false);
  // the right password is now refused on either process: the account is locked for both
  for (const api of targets) {
    expect(await signIn(api, email)).toBe(false);
    await api.dispose();
  }
});

test('both processes reach PostgreSQL through PgBouncer in transaction mode, sharing its few server connections', async ({ playwright }) => {
  // work on both processes, then PgBouncer's own console says what went through it
  const api = await jar(playwright, lb);
  expect(await signIn(api, 'engineer@xinchang-retrofit.demo')).toBe(true);
  for (let i = 0; i < 8; i++)
    expect((await api.get('/api/trpc/clients.list?input=%7B%22json%22%3A%7B%22page%22%3A1%2C%22pageSize%22%3A10%7D%7D')).status()).toBe(200);
  await api.dispose();
  const base = new URL(process.env.TEST_PG_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres');
  const console_ = new pg.Client({
    host: '127.0.0.1',
    port: Number(process.env.PGBOUNCER_PORT ?? 3513),
    user: decodeURIComponent(base.username) || 'postgres',
    password: decodeURIComponent(base.password),
    database: 'pgbouncer',
  });
  await console_.connect();
  try {
    const pools = (await console_.query('SHOW POOLS')).rows as { database: string; pool_mode: string; cl_active: string; sv_active: string; sv_idle: string }[];
    const pool = pools.find((p) => p.database === 'rp_stateless');
    expect(pool?.pool_mode).toBe('transaction');
    const stats = (await console_.query('SHOW STATS')).rows as { database: string; total_xact_count: string }[];
    expect(Number(stats.find((s) => s.database === 'rp_stateless')?.total_xact_count)).toBeGreaterThan(8);
    // the server side: PgBouncer's pool (8) at most, whatever the two processes hold
    const servers = (await console_.query('SHOW SERVERS')).rows as { database: string }[];
    expect(servers.filter((s) => s.database === 'rp_stateless').length).toBeLessThanOrEqual(8);
  } finally {
    await console_.end();
  }
});
