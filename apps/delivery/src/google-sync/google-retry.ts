import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 6, baseDelayMs: 1000, maxDelayMs: 32_000 };

// Google's usage-limit reasons for a 403 (https://developers.google.com/workspace/admin/directory/v1/limits).
const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded', 'dailyLimitExceeded']);

/** Whether Google's answer says "try again later": 429, 5xx, or a 403 for a usage limit. */
export function isRetryable(status: number, body: unknown): boolean {
  if (status === 429 || status >= 500) return true;
  if (status !== 403) return false;
  const errors = (body as { error?: { errors?: { reason?: string }[] } } | null)?.error?.errors ?? [];
  return errors.some((error) => RATE_LIMIT_REASONS.has(error.reason ?? ''));
}

/** Exponential backoff with full jitter, at least what Retry-After asks (capped). */
export function retryDelayMs(attempt: number, policy: RetryPolicy, retryAfter: string | null, random = Math.random): number {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const asked = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : 0;
  return Math.min(policy.maxDelayMs, Math.max(asked, Math.round(backoff / 2 + (random() * backoff) / 2)));
}

export class GoogleHttpError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly reason: string,
  ) {
    super(`Google answered ${status} for ${url}: ${reason}`);
  }
}

/** fetch() that retries Google's transient answers and network errors, then returns the parsed JSON. */
export async function fetchJsonWithRetry(url: string, init: RequestInit, policy: RetryPolicy): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      if (attempt + 1 >= policy.attempts) throw error;
      await sleep(retryDelayMs(attempt, policy, null));
      continue;
    }
    const body = await response.json().catch(() => null);
    if (response.ok) return body;
    if (!isRetryable(response.status, body) || attempt + 1 >= policy.attempts) {
      throw new GoogleHttpError(response.status, url.split('?')[0]!, errorReason(body));
    }
    await sleep(retryDelayMs(attempt, policy, response.headers.get('retry-after')));
  }
}

function errorReason(body: unknown): string {
  const error = (body as { error?: unknown; error_description?: unknown } | null)?.error;
  if (typeof error === 'string') return error;
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message.slice(0, 300) : 'no error message';
}
