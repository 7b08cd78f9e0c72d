import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld } from '../../prisma/seed/factories';
import { openTestDb, type TestDb, uniqueTag } from '../testing/db';
import { checkPassword } from './password-check';
import { recordFailure, recordSuccess, throttleKeys, throttleWait } from './throttle';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe(`sign-in throttle in the database (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('locks an email after its fifth failure for 30 s, then doubles; a success clears it', async () => {
    const email = `${uniqueTag('thr')}@example.com`;
    const keys = throttleKeys(email, null);
    const t0 = new Date('2026-11-24T10:00:00Z');
    for (let i = 0; i < 4; i++) await recordFailure(t.db, keys, t0);
    expect(await throttleWait(t.db, keys, t0)).toBe(0);
    await recordFailure(t.db, keys, t0);
    expect(await throttleWait(t.db, keys, t0)).toBe(30);
    const t1 = new Date(t0.getTime() + 31_000);
    expect(await throttleWait(t.db, keys, t1)).toBe(0);
    await recordFailure(t.db, keys, t1);
    expect(await throttleWait(t.db, keys, t1)).toBe(60);
    await recordSuccess(t.db, email);
    expect(await throttleWait(t.db, keys, t1)).toBe(0);
  });

  it('locks an address after twenty failures across any emails; a good sign-in there does not unlock it', async () => {
    const address = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const t0 = new Date('2026-11-24T11:00:00Z');
    for (let i = 0; i < 19; i++) await recordFailure(t.db, throttleKeys(`${uniqueTag(`spray${i}`)}@example.com`, address), t0);
    expect(await throttleWait(t.db, throttleKeys('fresh@example.com', address), t0)).toBe(0);
    await recordFailure(t.db, throttleKeys('last@example.com', address), t0);
    expect(await throttleWait(t.db, throttleKeys('fresh@example.com', address), t0)).toBe(30);
    await recordSuccess(t.db, 'fresh@example.com');
    expect(await throttleWait(t.db, throttleKeys('fresh@example.com', address), t0)).toBe(30);
    expect(await throttleWait(t.db, throttleKeys('fresh@example.com', null), t0)).toBe(0);
  });

  it('a streak older than an hour starts again', async () => {
    const keys = throttleKeys(`${uniqueTag('old')}@example.com`, null);
    const t0 = new Date('2026-11-24T10:00:00Z');
    for (let i = 0; i < 4; i++) await recordFailure(t.db, keys, t0);
    const later = new Date(t0.getTime() + 2 * 60 * 60 * 1000);
    await recordFailure(t.db, keys, later);
    expect(await throttleWait(t.db, keys, later)).toBe(0);
  });

  it('counts racing failures exactly', async () => {
    const keys = throttleKeys(`${uniqueTag('race')}@example.com`, null);
    const now = new Date();
    await Promise.all(Array.from({ length: 12 }, () => recordFailure(t.db, keys, now)));
    const row = await t.db.signInThrottle.findUniqueOrThrow({ where: { key: keys[0] as string } });
    expect(row.failures).toBe(12);
  });
});

describe(`every password check takes its turn per account (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('20 racing guesses: exactly the 5 free ones are checked, then the right password waits too', async () => {
    const w = await createTenantWorld(t.db, uniqueTag('Turn'));
    const email = w.users.engineer.email;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => checkPassword(t.db, { email, password: `guess ${i}`, address: null })));
    expect(results.filter((r) => r.status === 'wrong')).toHaveLength(5);
    expect(results.filter((r) => r.status === 'throttled')).toHaveLength(15);
    expect((await checkPassword(t.db, { email, password: w.password, address: null })).status).toBe('throttled');
  });

  it('a browser that signed in before keeps its own count while strangers lock the account', async () => {
    const w = await createTenantWorld(t.db, uniqueTag('Owner'));
    const email = w.users.smeOwner.email;
    const first = await checkPassword(t.db, { email, password: w.password, address: '198.51.100.1' });
    if (first.status !== 'ok') throw new Error('owner could not sign in');
    const cookieHeader = `${first.device.name}=${first.device.value}`;
    for (let i = 0; i < 6; i++) await checkPassword(t.db, { email, password: `stranger ${i}`, address: '203.0.113.9' });
    expect((await checkPassword(t.db, { email, password: w.password, address: '203.0.113.9' })).status).toBe('throttled');
    expect((await checkPassword(t.db, { email, password: w.password, address: '198.51.100.1', cookieHeader })).status).toBe('ok');
  });
});
