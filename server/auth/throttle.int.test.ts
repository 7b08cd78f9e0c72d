import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb, uniqueTag } from '../testing/db';
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
