import type { EventPosition } from '@roster/data';

// Opaque to clients: a version, then the position (tx_id, seq), base64url-encoded.
const FORMAT = /^1:(\d{1,19}):(\d{1,19})$/;
const MAX_BIGINT = 2n ** 63n - 1n;

/** The `after` cursor of an Events API page for a position in the log. */
export function encodeCursor(position: EventPosition): string {
  return Buffer.from(`1:${position.txId}:${position.seq}`).toString('base64url');
}

/** The position a cursor stands for, or null if it is not one of ours. */
export function decodeCursor(cursor: string): EventPosition | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const match = FORMAT.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) return null;
  const position = { txId: BigInt(match[1]!), seq: BigInt(match[2]!) };
  return position.txId <= MAX_BIGINT && position.seq <= MAX_BIGINT ? position : null;
}
