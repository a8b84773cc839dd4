import fc from 'fast-check';
import type { DeliveryFailure } from './delivery-failure';
import { nextRetry, retryWindowMs, shouldDisableEndpoint } from './retry-schedule';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
// 5s,30s,2m,10m,1h,6h,12h,24h,24h
const SCHEDULE = [5 * s, 30 * s, 2 * m, 10 * m, 1 * h, 6 * h, 12 * h, 24 * h, 24 * h];
const now = new Date('2024-06-01T12:00:00Z');

const http = (status: number): DeliveryFailure => ({ kind: 'http', status });
const timeout: DeliveryFailure = { kind: 'timeout' };
const middle = () => 0.5;
const lowest = () => 0;
const highest = () => 0.999_999;

describe('nextRetry', () => {
  it('follows the schedule: attempt n waits schedule[n - 1], then the delivery is dead', () => {
    SCHEDULE.forEach((delay, i) => {
      expect(nextRetry({ schedule: SCHEDULE, attempt: i + 1, failure: http(500), random: middle })).toEqual({
        retry: true,
        delayMs: delay,
      });
    });
    expect(nextRetry({ schedule: SCHEDULE, attempt: SCHEDULE.length + 1, random: middle })).toEqual({ retry: false });
    expect(nextRetry({ schedule: SCHEDULE, attempt: 50 })).toEqual({ retry: false });
  });

  it('gives up at once with an empty schedule', () => {
    expect(nextRetry({ schedule: [], attempt: 1 })).toEqual({ retry: false });
  });

  it('applies ±20% jitter', () => {
    expect(nextRetry({ schedule: [10 * s], attempt: 1, failure: http(500), random: lowest })).toEqual({
      retry: true,
      delayMs: 8 * s,
    });
    expect(nextRetry({ schedule: [10 * s], attempt: 1, failure: http(500), random: highest })).toEqual({
      retry: true,
      delayMs: 12 * s,
    });
    expect(nextRetry({ schedule: [10 * s], attempt: 1, random: () => 0.25 })).toEqual({ retry: true, delayMs: 9 * s });
  });

  it.each<[string, DeliveryFailure]>([
    ['a timeout', timeout],
    ['a 429', http(429)],
    ['a 503', http(503)],
  ])('never comes back sooner than scheduled after %s', (_case, failure) => {
    expect(nextRetry({ schedule: [10 * s], attempt: 1, failure, random: lowest })).toEqual({
      retry: true,
      delayMs: 10 * s,
    });
    expect(nextRetry({ schedule: [10 * s], attempt: 1, failure, random: highest })).toEqual({
      retry: true,
      delayMs: 12 * s,
    });
  });

  it.each<[string, string, number]>([
    ['a longer wait within bounds', '15', 15 * s],
    ['a wait beyond 2 × base, clamped', '3600', 20 * s],
    ['a shorter wait, raised to the base', '1', 10 * s],
    ['zero, raised to the base', '0', 10 * s],
    ['an HTTP-date 18s ahead', new Date(now.getTime() + 18 * s).toUTCString(), 18 * s],
    ['an HTTP-date a day ahead, clamped', new Date(now.getTime() + 24 * h).toUTCString(), 20 * s],
    ['an HTTP-date in the past, raised to the base', new Date(now.getTime() - h).toUTCString(), 10 * s],
  ])('honours Retry-After on 429: %s', (_case, retryAfter, delayMs) => {
    expect(nextRetry({ schedule: [10 * s], attempt: 1, failure: http(429), retryAfter, now, random: lowest })).toEqual({
      retry: true,
      delayMs,
    });
  });

  it('honours Retry-After on 503 too', () => {
    expect(nextRetry({ schedule: [10 * s], attempt: 1, failure: http(503), retryAfter: '17', random: lowest })).toEqual(
      { retry: true, delayMs: 17 * s },
    );
  });

  it('keeps the upward jitter when Retry-After asks for less than it', () => {
    expect(
      nextRetry({ schedule: [10 * s], attempt: 1, failure: http(429), retryAfter: '11', random: highest }),
    ).toEqual({ retry: true, delayMs: 12 * s });
  });

  it.each<[string, DeliveryFailure | undefined, number]>([
    ['500', http(500), 10 * s],
    ['301', http(301), 10 * s],
    ['a timeout', timeout, 11 * s], // its jitter only goes up, so the middle is +10%
    ['a network error', { kind: 'network', code: 'ECONNREFUSED' }, 10 * s],
    ['no failure given', undefined, 10 * s],
  ])('ignores Retry-After on %s', (_case, failure, delayMs) => {
    expect(nextRetry({ schedule: [10 * s], attempt: 1, failure, retryAfter: '19', random: middle })).toEqual({
      retry: true,
      delayMs,
    });
  });

  it('ignores a malformed Retry-After', () => {
    expect(
      nextRetry({ schedule: [10 * s], attempt: 1, failure: http(429), retryAfter: 'soon', random: middle }),
    ).toEqual({ retry: true, delayMs: 11 * s });
  });

  it('works with the millisecond schedules tests use', () => {
    expect(
      nextRetry({ schedule: [100, 200], attempt: 2, failure: http(429), retryAfter: '60', random: lowest }),
    ).toEqual({ retry: true, delayMs: 400 });
    expect(nextRetry({ schedule: [0], attempt: 1, failure: timeout, random: highest })).toEqual({
      retry: true,
      delayMs: 0,
    });
  });

  it('uses Math.random by default and stays within bounds', () => {
    for (let i = 0; i < 100; i++) {
      const decision = nextRetry({ schedule: [10 * s], attempt: 1 });
      expect(decision.retry && decision.delayMs).toBeGreaterThanOrEqual(8 * s);
      expect(decision.retry && decision.delayMs).toBeLessThanOrEqual(12 * s);
    }
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses attempt %p', (attempt) => {
    expect(() => nextRetry({ schedule: SCHEDULE, attempt })).toThrow(RangeError);
  });

  it.each([[[-1]], [[Number.NaN]], [[Number.POSITIVE_INFINITY]]])('refuses the schedule %p', (schedule) => {
    expect(() => nextRetry({ schedule, attempt: 1 })).toThrow(RangeError);
  });

  it('stays within [0.8 × base, 2 × base] and, on overload, at or above base', () => {
    const failure = fc.oneof(
      fc.constant<DeliveryFailure>(timeout),
      fc.constant<DeliveryFailure>({ kind: 'network' }),
      fc.integer({ min: 100, max: 599 }).map(http),
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 * h }), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        failure,
        fc.option(fc.oneof(fc.nat({ max: 10 ** 7 }).map(String), fc.string())),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (schedule, index, failed, retryAfter, unit) => {
          const attempt = (index % schedule.length) + 1;
          const base = schedule[attempt - 1]!;
          const decision = nextRetry({ schedule, attempt, failure: failed, retryAfter, now, random: () => unit });
          if (!decision.retry) throw new Error('expected a retry');
          expect(decision.delayMs).toBeGreaterThanOrEqual(Math.floor(0.8 * base));
          expect(decision.delayMs).toBeLessThanOrEqual(2 * base);
          const overloaded =
            failed.kind === 'timeout' || (failed.kind === 'http' && [429, 503].includes(failed.status));
          if (overloaded) expect(decision.delayMs).toBeGreaterThanOrEqual(base);
        },
      ),
    );
  });
});

describe('retryWindowMs', () => {
  it('is the sum of the schedule: about 3 days by default', () => {
    expect(retryWindowMs(SCHEDULE)).toBe(5 * s + 30 * s + 2 * m + 10 * m + 1 * h + 6 * h + 12 * h + 24 * h + 24 * h);
    expect(retryWindowMs(SCHEDULE) / (24 * h)).toBeCloseTo(2.8, 1);
    expect(retryWindowMs([])).toBe(0);
  });

  it('refuses a nonsensical schedule', () => {
    expect(() => retryWindowMs([1, -1])).toThrow(RangeError);
  });
});

describe('shouldDisableEndpoint', () => {
  const window = retryWindowMs(SCHEDULE);

  it('keeps a healthy endpoint', () => {
    expect(shouldDisableEndpoint(null, now, window)).toBe(false);
  });

  it('keeps an endpoint failing for less than the window', () => {
    expect(shouldDisableEndpoint(new Date(now.getTime() - window + 1), now, window)).toBe(false);
    expect(shouldDisableEndpoint(now, now, window)).toBe(false);
  });

  it('disables an endpoint failing for the whole window or longer', () => {
    expect(shouldDisableEndpoint(new Date(now.getTime() - window), now, window)).toBe(true);
    expect(shouldDisableEndpoint(new Date(now.getTime() - 10 * window), now, window)).toBe(true);
  });

  it('disables at once with a zero window, once failing', () => {
    expect(shouldDisableEndpoint(now, now, 0)).toBe(true);
    expect(shouldDisableEndpoint(null, now, 0)).toBe(false);
  });
});
