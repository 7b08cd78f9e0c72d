import { describe, expect, it } from 'vitest';
import { batchCalls, MAX_BATCH_CALLS } from './trpc-batch';

describe('tRPC batch size', () => {
  it.each([
    ['http://h/api/trpc/me.get', 1],
    ['http://h/api/trpc/me.get?batch=1', 1],
    ['http://h/api/trpc/me.get,me.get,staff.list?batch=1&input=%7B%7D', 3],
    [`http://h/api/trpc/${Array(300).fill('me.get').join('%2C')}?batch=1`, 300],
    ['http://h/api/trpc/a,b?batch=0', 1],
  ])('%s asks for %i calls', (url, n) => {
    expect(batchCalls(url)).toBe(n);
  });

  it('allows ten', () => expect(MAX_BATCH_CALLS).toBe(10));
});
