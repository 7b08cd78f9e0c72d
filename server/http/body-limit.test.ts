import { describe, expect, it } from 'vitest';
import { withinBodyLimit } from './body-limit';

function streamOf(bytes: number) {
  return new ReadableStream<Uint8Array>({
    start(c) {
      for (let sent = 0; sent < bytes; sent += 1000) c.enqueue(new Uint8Array(Math.min(1000, bytes - sent)).fill(120));
      c.close();
    },
  });
}

describe('API body limit', () => {
  it('refuses a declared length over the limit without reading, and passes one under it as is', async () => {
    const big = new Request('http://x/api/trpc/a', { method: 'POST', body: 'x'.repeat(11), headers: { 'content-length': '11' } });
    expect(await withinBodyLimit(big, 10)).toBeNull();
    const small = new Request('http://x/api/trpc/a', { method: 'POST', body: '{"a":1}', headers: { 'content-length': '7' } });
    expect(await withinBodyLimit(small, 10)).toBe(small);
  });

  it('reads an undeclared (chunked) body only up to the limit', async () => {
    const over = new Request('http://x/api/trpc/a', { method: 'POST', body: streamOf(5000), duplex: 'half' } as RequestInit);
    expect(await withinBodyLimit(over, 4000)).toBeNull();
    const under = new Request('http://x/api/trpc/a', { method: 'POST', body: streamOf(3000), duplex: 'half' } as RequestInit);
    const kept = await withinBodyLimit(under, 4000);
    expect((await kept?.text())?.length).toBe(3000);
  });

  it('lets GET through untouched', async () => {
    const get = new Request('http://x/api/trpc/a?input=%7B%7D');
    expect(await withinBodyLimit(get, 1)).toBe(get);
  });
});
