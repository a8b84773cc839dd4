import type { DeliveryFailure } from './delivery-failure';
import { parseRetryAfter } from './retry-after';

/** ±20% spreads retries of many deliveries that failed together (svix JITTER_DELTA). */
export const JITTER_RATIO = 0.2;

/** The statuses whose `Retry-After` we honour: "slow down" and "come back later". */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

export interface RetryInput {
  /** Delays between attempts in ms, e.g. parsed from `5s,30s,2m,10m,1h,6h,12h,24h,24h`. */
  schedule: readonly number[];
  /** 1-based number of the attempt that just failed; the first attempt is immediate. */
  attempt: number;
  failure?: DeliveryFailure;
  /** The raw `Retry-After` response header, if any. */
  retryAfter?: string | null;
  now?: Date;
  /** A source of uniform numbers in [0, 1); injectable for tests. */
  random?: () => number;
}

/**
 * When to try a failed delivery again, or that it is dead.
 *
 * A delivery gets `schedule.length + 1` attempts; after attempt n fails the
 * wait is based on `schedule[n - 1]` (the base delay):
 * - normally base ± 20% jitter;
 * - after a timeout, a 429 or a 503 the receiver is overloaded, so the jitter
 *   only goes up: we never come back sooner than scheduled;
 * - a 429/503 `Retry-After` is honoured but clamped to [base, 2 × base]
 *   (svix's rule): a receiver can slow us down, not stall the schedule or
 *   make us hammer it. The result is the later of that and the jittered delay.
 */
export function nextRetry(input: RetryInput): RetryDecision {
  assertSchedule(input.schedule);
  if (!Number.isInteger(input.attempt) || input.attempt < 1) {
    throw new RangeError(`attempt is a 1-based integer, not ${input.attempt}`);
  }
  const base = input.schedule[input.attempt - 1];
  if (base === undefined) return { retry: false };
  const random = input.random ?? Math.random;
  const overloaded = isOverload(input.failure);
  let delayMs = jitter(base, overloaded ? 0 : JITTER_RATIO, JITTER_RATIO, random());
  const requested = honouredRetryAfter(input);
  if (requested !== undefined) delayMs = Math.max(delayMs, clamp(requested, base, 2 * base));
  return { retry: true, delayMs: Math.round(delayMs) };
}

/**
 * How long an endpoint may fail before it is disabled: the whole retry
 * schedule, so a delivery that failed from first to last attempt also
 * takes its endpoint down (about 3 days with the default schedule).
 */
export function retryWindowMs(schedule: readonly number[]): number {
  assertSchedule(schedule);
  return schedule.reduce((sum, delay) => sum + delay, 0);
}

/**
 * True when the endpoint has failed continuously for at least `windowMs`.
 * `failingSince` is the first failure after the last success (null when the
 * last attempt succeeded), so one success resets the clock.
 */
export function shouldDisableEndpoint(failingSince: Date | null, now: Date, windowMs: number): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= windowMs;
}

function isOverload(failure: DeliveryFailure | undefined): boolean {
  return failure?.kind === 'timeout' || (failure?.kind === 'http' && RETRY_AFTER_STATUSES.has(failure.status));
}

function honouredRetryAfter({ failure, retryAfter, now }: RetryInput): number | undefined {
  if (failure?.kind !== 'http' || !RETRY_AFTER_STATUSES.has(failure.status)) return undefined;
  return parseRetryAfter(retryAfter, now);
}

/** base scaled by a factor uniformly drawn from [1 - below, 1 + above). */
function jitter(base: number, below: number, above: number, unit: number): number {
  return base * (1 - below + (below + above) * unit);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function assertSchedule(schedule: readonly number[]): void {
  if (schedule.some((delay) => !Number.isFinite(delay) || delay < 0)) {
    throw new RangeError('retry delays are finite, non-negative milliseconds');
  }
}
