import { type APIRequestContext, expect, test } from '@playwright/test';
import superjson from 'superjson';
import { demo, expectNo500, signedIn, trpc } from './helpers';

// Issue 14, item 9: bad values over HTTP answer 400 with a message that names the field, never a 500.

/** A mutation with superjson on the wire (bigint money), as the app's client sends it. */
async function mutate(api: APIRequestContext, procedure: string, input: unknown) {
  const res = await api.post(`/api/trpc/${procedure}`, { data: superjson.serialize(input), headers: { 'content-type': 'application/json' } });
  expectNo500(res);
  const body = (await res.json()) as { error?: { json?: { message: string; data?: { fieldErrors?: { path: string; message: string }[] } } } };
  return { status: res.status(), message: body.error?.json?.message ?? '', fields: body.error?.json?.data?.fieldErrors ?? [] };
}

const fund = (over: Record<string, unknown>) => ({
  name: '测试基金',
  nameEn: null,
  budgetFen: 100_000_000n,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  sectors: ['BALL_BEARINGS'],
  rules: [{ kind: 'FREE_SHARE', freeSharePercent: 5, minFreeMachines: 1, perMachineCapFen: null }],
  evidenceRequired: [],
  batches: [],
  ...over,
});

test('impossible and implausible dates answer 400 naming the field', async ({ playwright }) => {
  const api = await signedIn(playwright, demo.official);
  for (const periodStart of ['2026-02-31', '2026-13-45', '0000-00-00', '0001-01-01', '9999-12-31']) {
    const r = await mutate(api, 'fundAdmin.create', fund({ periodStart }));
    expect(r.status, periodStart).toBe(400);
    expect(r.fields.map((f) => f.path)).toContain('periodStart');
    expect(r.message).toContain('periodStart');
  }
  const count = await mutate(
    api,
    'fundAdmin.create',
    fund({ rules: [{ kind: 'FREE_SHARE', freeSharePercent: 5, minFreeMachines: 1e9, perMachineCapFen: null }] }),
  );
  expect(count.status).toBe(400);
  expect(count.fields.map((f) => f.path)).toContain('rules.0.minFreeMachines');
  await api.dispose();
});

test('a NUL byte or a lone surrogate in a name answers 400; in a search term too', async ({ playwright }) => {
  const api = await signedIn(playwright, demo.admin);
  for (const name of ['万丰\u0000轴承', 'lone \uD800 surrogate']) {
    const r = await mutate(api, 'clusters.create', { name, county: '新昌县', sector: 'BALL_BEARINGS' });
    expect(r.status).toBe(400);
    expect(r.fields.map((f) => f.path)).toContain('name');
    expect(r.message).toMatch(/not allowed|不允许/); // the user's language (the demo admin's is zh-CN)
  }
  const search = await trpc(api, 'clients.list', { q: 'a\u0000b' });
  expect(search.status).toBe(400);
  await api.dispose();
});

test('a plan of 10 lines of 1,000,000 × ¥10,000,000,000 is refused before it is stored', async ({ playwright }) => {
  const api = await signedIn(playwright, demo.engineer);
  const clients = await trpc<{ items: { id: string }[] }>(api, 'clients.list', {});
  const smeClientId = clients.data?.items[0]?.id as string;
  const machines = await trpc<{ items: { id: string; status: string }[] }>(api, 'inventory.machines.list', { smeClientId, status: 'IN_SERVICE' });
  const machineId = machines.data?.items[0]?.id as string;
  expect(machineId).toBeTruthy();
  const line = { category: 'HARDWARE', itemCode: null, description: null, quantity: 1_000_000, unitPriceFen: 1_000_000_000_000n, manual: true };
  const r = await mutate(api, 'projects.create', {
    smeClientId,
    title: '超大方案',
    machineIds: [machineId],
    modules: [],
    softwareYears: 1,
    trainingDays: 0,
    target: { d: 1, n: 1, i: 0 },
    savings: [],
    expectedSubsidyFen: 0n,
    lines: Array.from({ length: 10 }, () => line),
  });
  expect(r.status).toBe(400);
  expect(r.fields.map((f) => f.path)).toContain('lines.0.quantity');
  await api.dispose();
});

test('a route handler given a NUL in an id answers 400, not 500', async ({ playwright }) => {
  const api = await signedIn(playwright, demo.official);
  const res = await api.get('/api/v1/funds/register?fundId=%00x');
  expectNo500(res);
  expect(res.status()).toBe(400);
  await api.dispose();
});
