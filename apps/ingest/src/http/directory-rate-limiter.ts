import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { ScimError } from '@roster/scim';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per directory, in process memory: it costs nothing per
 * request and keeps working when Redis is down, which a SCIM endpoint must.
 * The limit is per ingest process; with N replicas a directory gets N times it.
 */
@Injectable()
export class DirectoryRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perSecond: number;
  private readonly burst: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.perSecond = config.scimRateLimit;
    this.burst = config.scimRateLimit * 2;
  }

  /** @throws ScimError 429 with the seconds to wait. */
  take(directoryId: string): void {
    const now = Date.now();
    const bucket = this.buckets.get(directoryId) ?? { tokens: this.burst, updatedAt: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.perSecond);
    bucket.updatedAt = now;
    this.buckets.set(directoryId, bucket);
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
      throw new RateLimitedError(retryAfter);
    }
    bucket.tokens -= 1;
  }
}

/** A 429 that carries its Retry-After, rendered by the SCIM exception filter. */
export class RateLimitedError extends ScimError {
  constructor(readonly retryAfterSeconds: number) {
    super({ status: 429, detail: `Too many requests for this directory; retry after ${retryAfterSeconds} s` });
  }
}
