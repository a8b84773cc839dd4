import { percentile, round, summarize } from './percentiles';

describe('percentile', () => {
  it('takes the nearest rank, so the answer is always one of the samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 100)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
  });

  it('of one sample is that sample, of none is NaN', () => {
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('summarize', () => {
  it('gives count, p50, p99, max and mean rounded to a tenth', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1.04);
    expect(summarize(samples)).toEqual({ count: 100, p50: 50, p99: 99, max: 100, mean: 50.5 });
  });

  it('rounds to the digits asked', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(1.25)).toBe(1.3);
  });
});
