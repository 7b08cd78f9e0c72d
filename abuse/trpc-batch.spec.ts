import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, demo, freshUser, signedIn, trpcBatch } from './helpers';

// Issue 14, item 3: a batch is at most 10 calls, and password checks inside one take their turn per account.
test('a batch of more than 10 calls is refused with a clean 400, as GET and as POST', async ({ playwright }) => {
  const api = await signedIn(playwright, demo.engineer);
  for (const method of ['GET', 'POST'] as const) {
    const calls = Array.from({ length: 300 }, () => ({
      path: method === 'GET' ? 'me.get' : 'me.setLocale',
      input: method === 'GET' ? undefined : { locale: 'en' },
    }));
    const res = await trpcBatch(api, calls, { method });
    expect(res.status, `${method} batch of 300`).toBe(400);
    expect(JSON.stringify(res.body)).toContain('10');
  }
  const ok = await trpcBatch(
    api,
    Array.from({ length: 10 }, () => ({ path: 'me.get' })),
  );
  expect(ok.status).toBe(200);
  await api.dispose();
});

test('10 current-password guesses in one batch: only the 5 free ones are checked, the rest are refused', async ({ playwright }) => {
  const email = freshUser('engineer');
  const api = await signedIn(playwright, email);
  const calls = Array.from({ length: 10 }, (_, i) => ({
    path: 'me.changePassword',
    input: { currentPassword: `${DEMO_PASSWORD}-guess-${i}`, newPassword: 'a much better passphrase 2026' },
  }));
  const res = await trpcBatch(api, calls, { method: 'POST' });
  const keys = (res.body as { error?: { json?: { data?: { messageKey?: string } } } }[]).map((r) => r.error?.json?.data?.messageKey);
  expect(keys.filter((k) => k === 'currentPasswordWrong')).toHaveLength(5);
  expect(keys.filter((k) => k === 'tooManyAttemptsWait')).toHaveLength(5);
  await api.dispose();
});
