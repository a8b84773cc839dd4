export { round } from './percentiles';

/** 12345.6 → "12,346". */
export function formatNumber(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
