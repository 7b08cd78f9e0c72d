import { expect, test } from '@playwright/test';
import { client, csrfToken, DEMO_PASSWORD, freshUser, signIn, trpc } from './helpers';

// Issue 14, items 1 and 2. The abuse server trusts loopback as its proxy (TRUSTED_PROXIES=loopback), so a test plays
// the proxy: the address it appends last to X-Forwarded-For is the client's real address, anything before it is
// what the client wrote.
const WRONG = `${DEMO_PASSWORD}-wrong`;
const via = (real: string, forged?: string) => ({ 'x-forwarded-for': forged ? `${forged}, ${real}` : real });

test("Auth.js's own endpoint is throttled: after the free failures the right password no longer signs in", async ({ playwright }) => {
  const email = freshUser('engineer');
  const attacker = await client(playwright, via('203.0.113.10'));
  for (let i = 0; i < 6; i++) expect((await signIn(attacker, email, WRONG)).ok).toBe(false);
  expect((await signIn(attacker, email)).ok, 'locked account signs in through /api/auth/callback/credentials').toBe(false);
  // a different address, no known device: still locked (the lock is the account's)
  const elsewhere = await client(playwright, via('203.0.113.11'));
  expect((await signIn(elsewhere, email)).ok).toBe(false);
  await attacker.dispose();
  await elsewhere.dispose();
});

test('a forged X-Forwarded-For does not reset the per-address count', async ({ playwright }) => {
  const real = '203.0.113.20';
  // 20 free failures per address, spread over unknown emails, each with a different forged first hop
  for (let i = 0; i < 21; i++) {
    const api = await client(playwright, via(real, `10.9.${i}.1`));
    expect((await signIn(api, `nobody-${i}@spray.demo`, WRONG)).ok).toBe(false);
    await api.dispose();
  }
  // the address is now locked: even a right password of an untouched account is refused from it
  const api = await client(playwright, via(real, '10.9.99.1'));
  expect((await signIn(api, freshUser('engineer'))).ok, 'forged X-Forwarded-For reset the address count').toBe(false);
  await api.dispose();
});

test('the owner of a locked account still signs in from a browser that signed in before; the attacker does not', async ({ playwright }) => {
  const email = freshUser('smeOwner');
  const owner = await client(playwright, via('198.51.100.7'));
  expect((await signIn(owner, email)).ok).toBe(true);
  await owner.post('/api/auth/signout', { form: { csrfToken: await csrfToken(owner) }, maxRedirects: 0 });

  const attacker = await client(playwright, via('203.0.113.30'));
  for (let i = 0; i < 8; i++) expect((await signIn(attacker, email, WRONG)).ok).toBe(false);
  expect((await signIn(attacker, email)).ok).toBe(false);

  expect((await signIn(owner, email)).ok, 'the owner is locked out by a stranger').toBe(true);
  expect((await trpc<{ email: string }>(owner, 'me.get')).data?.email).toBe(email);
  await owner.dispose();
  await attacker.dispose();
});
