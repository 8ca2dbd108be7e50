/**
 * A small per-client rate limiter (token bucket) for the Hub routes, self-contained so it can be
 * swapped for the shared limiter later. Pure; state lives in one process.
 */

/** The outcome of {@link RateLimiter.take}. */
export type RateDecision = { ok: true } | { ok: false; retryAfter: number };

/** A token bucket per client key: `capacity` requests at once, refilled at `perMinute`. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perMinute: number,
    private readonly maxClients = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request for `key`; when none is left, says in how many seconds one will be. */
  take(key: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    const refilled = Math.min(
      this.capacity,
      bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute,
    );
    this.buckets.delete(key);
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, at: now });
      return { ok: false, retryAfter: Math.ceil(((1 - refilled) / this.perMinute) * 60) };
    }
    this.buckets.set(key, { tokens: refilled - 1, at: now });
    while (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
    return { ok: true };
  }
}
