import { TokenBucketLimiter } from './token-bucket-limiter';

describe('TokenBucketLimiter', () => {
  it('lets a burst through, then asks the caller to wait until a token is back', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter(2, 4, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([0, 0, 0, 0]);
    expect(limiter.take('a')).toBe(1);
    now = 500; // half a second refills one token at 2/s
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
  });

  it('keeps one bucket per key', () => {
    const limiter = new TokenBucketLimiter(1, 1, () => 0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0);
  });

  it('rounds a long wait up to whole seconds', () => {
    const limiter = new TokenBucketLimiter(0.25, 1, () => 0);
    limiter.take('a');
    expect(limiter.take('a')).toBe(4);
  });
});
