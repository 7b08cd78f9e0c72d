import { expect, test } from '@playwright/test';
import { client, DEMO_PASSWORD, demo, freshUser, sessionCookie, signIn, trpc } from './helpers';

// The harness itself: the helpers work against the production build, so an attack test that passes is not
// passing because sign-in or the call helper is broken.
test('a demo user signs in over HTTP and reads their own account; a wrong password does not sign in', async ({ playwright }) => {
  const api = await client(playwright);
  expect((await signIn(api, demo.engineer)).ok).toBe(true);
  expect(await sessionCookie(api)).toBeTruthy();
  const me = await trpc<{ email: string }>(api, 'me.get');
  expect(me.status).toBe(200);
  expect(me.data?.email).toBe(demo.engineer);
  await api.dispose();

  const wrong = await client(playwright);
  expect((await signIn(wrong, freshUser('engineer'), `${DEMO_PASSWORD}-wrong`)).ok).toBe(false);
  expect((await trpc(wrong, 'me.get')).status).toBe(401);
  await wrong.dispose();
});

test('throwaway users are distinct and sign in with the demo password', async ({ playwright }) => {
  const a = freshUser('smeOwner');
  const b = freshUser('smeOwner');
  expect(a).not.toBe(b);
  const api = await client(playwright);
  expect((await signIn(api, a)).ok).toBe(true);
  expect((await trpc<{ role: string }>(api, 'me.get')).data?.role).toBe('SME_OWNER');
  await api.dispose();
});
