/** Latency figures of a set of samples, in the samples' unit (ms here). */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * The p-th percentile (0-100) of samples by the nearest-rank method: the
 * smallest sample at or above p percent of them, so it is always a real sample.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1]!;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const total = samples.reduce((sum, sample) => sum + sample, 0);
  return {
    count: samples.length,
    p50: round(percentile(samples, 50)),
    p99: round(percentile(samples, 99)),
    max: round(samples.length ? Math.max(...samples) : Number.NaN),
    mean: round(samples.length ? total / samples.length : Number.NaN),
  };
}

/** Rounds to `digits` decimals (one by default): bench figures are noisy past that. */
export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
