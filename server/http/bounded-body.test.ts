import { describe, expect, it } from 'vitest';
import { readBoundedBody, readBoundedForm } from './bounded-body';

/** A chunked body (no Content-Length) that would send `total` bytes, counting what the reader pulled. */
function endlessBody(total: number, chunk = 64 * 1024, headers: Record<string, string> = {}) {
  const pulled = { bytes: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (pulled.bytes >= total) return c.close();
      pulled.bytes += chunk;
      c.enqueue(new Uint8Array(chunk));
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { req: new Request('http://x/upload', { method: 'POST', body, headers, duplex: 'half' } as RequestInit), pulled };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string; messageKey?: string }) => `${e.code}:${e.messageKey}`,
  );

describe('readBoundedBody', () => {
  it('stops a 600 MB chunked body at the limit and cancels the rest', async () => {
    const { req, pulled } = endlessBody(600 * 1024 * 1024);
    expect(await codeOf(readBoundedBody(req, 20 * 1024 * 1024))).toBe('PAYLOAD_TOO_LARGE:fileTooLarge');
    expect(pulled.bytes).toBeLessThanOrEqual(20 * 1024 * 1024 + 2 * 64 * 1024);
    expect(pulled.cancelled).toBe(true);
  });

  it('refuses at once a body whose declared length is over the limit, without reading it', async () => {
    const { req, pulled } = endlessBody(600 * 1024 * 1024, 64 * 1024, { 'content-length': String(600 * 1024 * 1024) });
    expect(await codeOf(readBoundedBody(req, 1024))).toBe('PAYLOAD_TOO_LARGE:fileTooLarge');
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it('returns a body under the limit whole', async () => {
    const { req } = endlessBody(3 * 1000, 1000);
    expect((await readBoundedBody(req, 10_000)).byteLength).toBe(3000);
  });
});

describe('readBoundedForm', () => {
  const formRequest = (size: number) => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(size)], 'a.pdf'));
    form.set('mode', 'preview');
    return new Request('http://x/upload', { method: 'POST', body: form });
  };
  it('reads a file under the limit with its fields', async () => {
    const { form, file } = await readBoundedForm(formRequest(1000), 2000);
    expect([file.size, form.get('mode')]).toEqual([1000, 'preview']);
  });
  it('answers 413 for a file over the limit, and "no file" for a body that is not a form', async () => {
    expect(await codeOf(readBoundedForm(formRequest(200_000), 100_000))).toBe('PAYLOAD_TOO_LARGE:fileTooLarge');
    expect(await codeOf(readBoundedForm(new Request('http://x', { method: 'POST', body: 'x' }), 1000))).toBe('BAD_REQUEST:import.noFile');
  });
});
