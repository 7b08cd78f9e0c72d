/**
 * Requests per terminal per second, as Chinese IoT clouds limit them: a token bucket per key (`rate` tokens a second,
 * up to `burst`). In memory, per process: a limit against a misbehaving device, not an accounting.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly rate = 10,
    readonly burst = 20,
    readonly now: () => number = Date.now,
  ) {}

  /** Takes a token for this key: 0 when allowed, else the seconds to wait (for Retry-After). */
  take(key: string): number {
    const now = this.now();
    let b = this.#buckets.get(key);
    if (!b) {
      if (this.#buckets.size >= 100_000) this.#buckets.clear();
      b = { tokens: this.burst, at: now };
      this.#buckets.set(key, b);
    }
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.rate);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.rate));
  }
}
