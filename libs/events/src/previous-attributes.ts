import { deepEqual } from '@roster/scim';

// Bookkeeping fields change on every write; they alone never make an update.
const IGNORED = new Set(['updated_at']);
// Open-ended maps: report the changed keys inside them, not the whole map.
const NESTED = new Set(['raw_attributes', 'custom_attributes']);

/**
 * The `previous_attributes` of an update: the old values of the fields that
 * changed. Empty when nothing normalized changed, which is how writes that
 * change nothing emit no event.
 */
export function previousAttributes(before: object, after: object): Record<string, unknown> {
  const old = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const previous: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (IGNORED.has(key) || deepEqual(old[key], now[key])) continue;
    previous[key] = NESTED.has(key) ? changedEntries(old[key], now[key]) : (old[key] ?? null);
  }
  return previous;
}

function changedEntries(before: unknown, after: unknown): Record<string, unknown> {
  const old = (before ?? {}) as Record<string, unknown>;
  const now = (after ?? {}) as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (!deepEqual(old[key], now[key])) changed[key] = old[key] ?? null;
  }
  return changed;
}
