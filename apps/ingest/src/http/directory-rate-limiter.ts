import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { TokenBucketLimiter } from '@roster/platform';
import { ScimError } from '@roster/scim';

/**
 * A token bucket per directory, in process memory: it costs nothing per
 * request and keeps working when Redis is down, which a SCIM endpoint must.
 * The limit is per ingest process; with N replicas a directory gets N times it.
 */
@Injectable()
export class DirectoryRateLimiter {
  private readonly limiter: TokenBucketLimiter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = new TokenBucketLimiter(config.scimRateLimit);
  }

  /** @throws ScimError 429 with the seconds to wait. */
  take(directoryId: string): void {
    const retryAfter = this.limiter.take(directoryId);
    if (retryAfter > 0) throw new RateLimitedError(retryAfter);
  }
}

/** A 429 that carries its Retry-After, rendered by the SCIM exception filter. */
export class RateLimitedError extends ScimError {
  constructor(readonly retryAfterSeconds: number) {
    super({ status: 429, detail: `Too many requests for this directory; retry after ${retryAfterSeconds} s` });
  }
}
