interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Token buckets keyed by caller (a directory, an API key), in process memory:
 * nothing to pay per request and nothing to lose when Redis is down. Each key
 * gets `perSecond` requests a second with bursts up to `burst`. The limit is per
 * process; with N replicas a caller gets N times it.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number = perSecond * 2,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`: 0 when the request may go, else the whole seconds to wait. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedAt: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.perSecond);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
    bucket.tokens -= 1;
    return 0;
  }
}
