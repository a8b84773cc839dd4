/**
 * A place in the event log's global order: the appending transaction's id,
 * then the row's sequence number (docs/adr/0001-event-log-ordering.md).
 * Positions compare as the pair (txId, seq).
 */
export interface EventPosition {
  txId: bigint;
  seq: bigint;
}

export function comparePositions(a: EventPosition, b: EventPosition): number {
  if (a.txId !== b.txId) return a.txId < b.txId ? -1 : 1;
  if (a.seq !== b.seq) return a.seq < b.seq ? -1 : 1;
  return 0;
}

export function laterPosition(a: EventPosition, b: EventPosition): EventPosition {
  return comparePositions(a, b) >= 0 ? a : b;
}
