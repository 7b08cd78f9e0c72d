import { expect, test } from '@playwright/test';
import { client, csrfToken, freshUser, sessionCookie, signIn, trpc } from './helpers';

// Issue 14, item 7: sign-out ends that session on the server; a copy of the old cookie is worth nothing after it.
test('after sign-out the old session cookie answers 401', async ({ playwright }) => {
  const email = freshUser('engineer');
  const api = await client(playwright);
  expect((await signIn(api, email)).ok).toBe(true);
  const cookie = await sessionCookie(api);
  expect((await trpc(api, 'me.get')).status).toBe(200);

  const out = await api.post('/api/auth/signout', { form: { csrfToken: await csrfToken(api) }, maxRedirects: 0 });
  expect(out.status()).toBeLessThan(400);

  const thief = await client(playwright, { cookie: `authjs.session-token=${cookie}` });
  const me = await trpc(thief, 'me.get');
  expect(me.status, 'the signed-out token still works').toBe(401);
  await thief.dispose();
  await api.dispose();
});
