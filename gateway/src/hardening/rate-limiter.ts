/**
 * Per-identity rate limit of one gateway replica: a token bucket per caller, refilled continuously,
 * holding at most a minute's allowance. Each replica counts on its own, so the limit a caller meets
 * is per replica (the platform team sizes it with the replica count).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxCallers = 50_000,
  ) {}

  /** Takes one request from the caller's allowance; when none is left, says when the next one is. */
  take(caller: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    const perMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(caller) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    if (!this.buckets.has(caller)) this.remember(caller, bucket, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  /** Bounded memory: full buckets carry no information, so they are the first to go. */
  private remember(caller: string, bucket: { tokens: number; at: number }, now: number): void {
    if (this.buckets.size >= this.maxCallers) {
      for (const [key, other] of this.buckets) {
        if (other.tokens + (now - other.at) * (this.perMinute / 60_000) >= this.perMinute) this.buckets.delete(key);
      }
      if (this.buckets.size >= this.maxCallers) this.buckets.delete(this.buckets.keys().next().value as string);
    }
    this.buckets.set(caller, bucket);
  }
}
