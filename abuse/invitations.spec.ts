import { expect, test } from '@playwright/test';
import { demo, signedIn, trpc } from './helpers';

// Issue 14, item 12: an invitation says nothing about accounts of other tenants.
type Invite = { status: number; data?: Record<string, unknown>; error?: { message: string; data?: Record<string, unknown> } };
const shape = (r: Invite) => ({ status: r.status, keys: Object.keys(r.data ?? {}).sort(), status2: r.data?.status, error: r.error?.data?.messageKey });

test('inviting an address of another tenant or county answers exactly as an address that exists nowhere', async ({ playwright }) => {
  const admin = await signedIn(playwright, demo.admin);
  const invite = (email: string) => trpc(admin, 'staff.invite', { email, role: 'INTEGRATOR_ENGINEER', locale: 'en' }, { method: 'POST' }) as Promise<Invite>;
  const nowhere = await invite('nobody-anywhere@example.demo');
  expect(nowhere.status).toBe(200);
  for (const elsewhere of [demo.otherAdmin, demo.otherOfficial, demo.official]) {
    expect(shape(await invite(elsewhere)), elsewhere).toEqual(shape(nowhere));
  }
  // a colleague of the same tenant is on the admin's own staff list anyway: that answer may say so
  const colleague = await invite(demo.engineer);
  expect(colleague.status).toBe(409);
  await admin.dispose();

  const official = await signedIn(playwright, demo.official);
  const r = (await trpc(official, 'staff.invite', { email: demo.admin, role: 'COUNTY_OFFICIAL', locale: 'zh-CN' }, { method: 'POST' })) as Invite;
  const n = (await trpc(
    official,
    'staff.invite',
    { email: 'nobody-county@example.demo', role: 'COUNTY_OFFICIAL', locale: 'zh-CN' },
    { method: 'POST' },
  )) as Invite;
  expect(shape(r)).toEqual(shape(n));
  await official.dispose();
});
