import { describe, expect, it } from 'vitest';
import { lockSeconds, MAX_LOCK_SECONDS, throttleKeys } from './throttle';

describe('sign-in throttle policy', () => {
  it('lets five failures through, then doubles the lock from 30 s up to 15 minutes', () => {
    expect([1, 2, 3, 4].map((n) => lockSeconds(n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10].map((n) => lockSeconds(n))).toEqual([30, 60, 120, 240, 480, 900]);
    expect(lockSeconds(40)).toBe(MAX_LOCK_SECONDS);
  });

  it('gives an address (many people behind one NAT) twenty failures before the same growing lock', () => {
    expect(lockSeconds(19, 'address')).toBe(0);
    expect([20, 21, 22].map((n) => lockSeconds(n, 'address'))).toEqual([30, 60, 120]);
  });

  it('keys on the typed email (normalised) and the client address', () => {
    expect(throttleKeys('  Admin@Example.COM ', '10.0.0.7')).toEqual(['account:admin@example.com', 'address:10.0.0.7']);
    expect(throttleKeys('a@b.c', null)).toEqual(['account:a@b.c']);
  });
});
