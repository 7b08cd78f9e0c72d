import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows the burst, then the rate, per key', () => {
    let now = 0;
    const r = new RateLimiter(10, 20, () => now);
    for (let i = 0; i < 20; i++) expect(r.take('a')).toBe(0);
    expect(r.take('a')).toBe(1);
    expect(r.take('b')).toBe(0);
    now += 100; // one token back
    expect(r.take('a')).toBe(0);
    expect(r.take('a')).toBeGreaterThan(0);
    now += 10_000;
    for (let i = 0; i < 20; i++) expect(r.take('a')).toBe(0);
  });
});
