import { describe, expect, it } from 'vitest';
import type { IngestMessage, IngestOutcome } from './ingest';
import { IngestQueue } from './queue';

const msg = (n: number): IngestMessage => ({ publisher: { kind: 'trusted' }, terminalId: `t${n}`, payload: Buffer.from(String(n)), receivedAt: new Date() });
const msgs = (from: number, count: number) => Array.from({ length: count }, (_, i) => msg(from + i));
const echo = (batch: IngestMessage[]): IngestOutcome[] => batch.map((m) => ({ result: 'accepted', detail: m.terminalId ?? '' }));

describe('IngestQueue', () => {
  it('writes messages of many callers together, each caller gets its own outcomes in order', async () => {
    const sizes: number[] = [];
    const q = new IngestQueue(
      async (b) => {
        sizes.push(b.length);
        return echo(b);
      },
      { maxBatch: 10, maxDelayMs: 5 },
    );
    const results = await Promise.all([q.submit(msgs(0, 3)), q.submit(msgs(3, 4)), q.submit(msgs(7, 12))]);
    expect(results.map((r) => r.map((o) => o.detail))).toEqual([
      ['t0', 't1', 't2'],
      ['t3', 't4', 't5', 't6'],
      Array.from({ length: 12 }, (_, i) => `t${7 + i}`),
    ]);
    expect(sizes).toEqual([10, 9]);
  });

  it('is bounded: offer answers null when full, submit waits for room and loses nothing', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const q = new IngestQueue(
      async (b) => {
        await gate;
        return echo(b);
      },
      { maxBatch: 5, maxDelayMs: 1, maxQueued: 10 },
    );
    const a = q.submit(msgs(0, 10));
    expect(q.queued).toBe(10);
    expect(q.offer(msgs(10, 1))).toBeNull();
    let waited = false;
    const b = q.submit(msgs(10, 5)).then((r) => {
      waited = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(waited).toBe(false);
    release();
    expect((await a).length).toBe(10);
    expect((await b).map((o) => o.detail)).toEqual(['t10', 't11', 't12', 't13', 't14']);
    await q.drain();
    expect(q.queued).toBe(0);
  });

  it('a failed write rejects the callers of that batch only; later batches go on', async () => {
    let calls = 0;
    const q = new IngestQueue(
      async (b) => {
        calls++;
        if (calls === 1) throw new Error('database down');
        return echo(b);
      },
      { maxBatch: 2, maxDelayMs: 1 },
    );
    const first = q.submit(msgs(0, 2));
    await expect(first).rejects.toThrow('database down');
    expect((await q.submit(msgs(2, 1))).length).toBe(1);
  });
});
