/**
 * Micro-batching in front of ingestBatch: messages from many connections and requests are written together (at most
 * `maxBatch`, after at most `maxDelayMs`), so the database sees a few large statements instead of one per message.
 * Bounded: at most `maxQueued` messages wait or are being written. `submit` then waits for room (the broker and the
 * worker stop reading: MQTT flow control holds the rest at the publisher or the broker), `offer` answers null (the
 * HTTPS route answers 503 busy with Retry-After). Nothing is ever dropped: every message's promise settles with its
 * outcome, or rejects when its batch could not be written (then nothing of it was: the statement is atomic).
 */
import { BATCH_MAX_MESSAGES } from '../../domain/telemetry/payload';
import type { IngestMessage, IngestOutcome } from './ingest';

export type QueueOptions = { maxBatch?: number; maxDelayMs?: number; maxQueued?: number; concurrency?: number };

type Ticket = { outcomes: IngestOutcome[]; left: number; resolve: (o: IngestOutcome[]) => void; reject: (e: unknown) => void; failed: boolean };
type Item = { msg: IngestMessage; ticket: Ticket; index: number };

export class IngestQueue {
  readonly #run: (batch: IngestMessage[]) => Promise<IngestOutcome[]>;
  readonly #maxBatch: number;
  readonly #maxDelayMs: number;
  readonly #maxQueued: number;
  readonly #concurrency: number;
  #pending: Item[] = [];
  #writing = 0;
  #inflight = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  // a FIFO with a moving head: Array#shift is O(n), and thousands of waiters made it quadratic (seen in the bench)
  #roomWaiters: { n: number; start: () => void }[] = [];
  #roomHead = 0;
  #idleWaiters: (() => void)[] = [];

  constructor(run: (batch: IngestMessage[]) => Promise<IngestOutcome[]>, opts: QueueOptions = {}) {
    this.#run = run;
    this.#maxBatch = Math.min(opts.maxBatch ?? 500, BATCH_MAX_MESSAGES);
    this.#maxDelayMs = opts.maxDelayMs ?? 20;
    this.#maxQueued = Math.max(opts.maxQueued ?? 20_000, this.#maxBatch);
    this.#concurrency = opts.concurrency ?? 1;
  }

  /** Messages waiting or being written. */
  get queued(): number {
    return this.#pending.length + this.#writing;
  }

  #hasRoom(n: number) {
    return this.queued === 0 || this.queued + n <= this.#maxQueued;
  }

  /** Queues the messages when there is room, else null (the caller answers "busy"). */
  offer(msgs: IngestMessage[]): Promise<IngestOutcome[]> | null {
    if (!this.#hasRoom(msgs.length) || this.#waiting() > 0) return null;
    return this.#enqueue(msgs);
  }

  /** Queues the messages, waiting for room first. */
  submit(msgs: IngestMessage[]): Promise<IngestOutcome[]> {
    if (this.#hasRoom(msgs.length) && this.#waiting() === 0) return this.#enqueue(msgs);
    return new Promise((resolve, reject) => {
      this.#roomWaiters.push({ n: msgs.length, start: () => this.#enqueue(msgs).then(resolve, reject) });
    });
  }

  /** null when one more message fits now, else a promise that resolves when it does (for readers that pause). */
  room(): Promise<void> | null {
    if (this.#hasRoom(1) && this.#waiting() === 0) return null;
    return new Promise((resolve) => {
      this.#roomWaiters.push({ n: 1, start: resolve });
    });
  }

  /** Resolves when nothing is waiting or being written (after a flush of what waits). */
  async drain(): Promise<void> {
    this.#flushSoon(0);
    if (this.queued === 0) return;
    await new Promise<void>((r) => this.#idleWaiters.push(r));
  }

  #enqueue(msgs: IngestMessage[]): Promise<IngestOutcome[]> {
    if (msgs.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const ticket: Ticket = { outcomes: new Array(msgs.length), left: msgs.length, resolve, reject, failed: false };
      msgs.forEach((msg, index) => {
        this.#pending.push({ msg, ticket, index });
      });
      this.#flushSoon(this.#pending.length >= this.#maxBatch ? 0 : this.#maxDelayMs);
    });
  }

  #flushSoon(delay: number) {
    if (delay === 0) {
      if (this.#timer) clearTimeout(this.#timer);
      this.#timer = null;
      this.#pump();
    } else if (!this.#timer) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.#pump();
      }, delay);
    }
  }

  #pump() {
    while (this.#inflight < this.#concurrency && this.#pending.length > 0) {
      const items = this.#pending.splice(0, this.#maxBatch);
      this.#inflight++;
      this.#writing += items.length;
      void this.#write(items);
    }
  }

  async #write(items: Item[]) {
    try {
      const outcomes = await this.#run(items.map((i) => i.msg));
      items.forEach((item, k) => {
        const t = item.ticket;
        if (t.failed) return;
        t.outcomes[item.index] = outcomes[k] as IngestOutcome;
        if (--t.left === 0) t.resolve(t.outcomes);
      });
    } catch (e) {
      for (const item of items) {
        if (!item.ticket.failed) {
          item.ticket.failed = true;
          item.ticket.reject(e);
        }
      }
    } finally {
      this.#inflight--;
      this.#writing -= items.length;
      this.#wakeWaiters();
      if (this.#pending.length >= this.#maxBatch) this.#flushSoon(0);
      else if (this.#pending.length > 0) this.#flushSoon(this.#maxDelayMs);
      if (this.queued === 0) for (const r of this.#idleWaiters.splice(0)) r();
    }
  }

  #waiting() {
    return this.#roomWaiters.length - this.#roomHead;
  }

  #wakeWaiters() {
    while (this.#waiting() > 0) {
      const w = this.#roomWaiters[this.#roomHead] as { n: number; start: () => void };
      if (!this.#hasRoom(w.n)) break;
      this.#roomHead++;
      w.start(); // queues its messages synchronously, so the next waiter sees them
    }
    if (this.#roomHead > 1024 && this.#roomHead * 2 > this.#roomWaiters.length) {
      this.#roomWaiters = this.#roomWaiters.slice(this.#roomHead);
      this.#roomHead = 0;
    }
  }
}
