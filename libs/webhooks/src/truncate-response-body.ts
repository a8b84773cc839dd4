/** What the delivery log keeps of a receiver's answer; enough to debug, bounded in size. */
export const DEFAULT_RESPONSE_BODY_BYTES = 4096;

/**
 * The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`,
 * cut on a character boundary so the stored text never ends in a broken
 * sequence. Buffers are decoded as UTF-8 first (invalid bytes become U+FFFD).
 */
export function truncateResponseBody(text: string | Uint8Array, maxBytes = DEFAULT_RESPONSE_BODY_BYTES): string {
  if (!Number.isInteger(maxBytes) || maxBytes < 0)
    throw new RangeError(`maxBytes is a non-negative integer, not ${maxBytes}`);
  const decoded = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
  // Each UTF-16 unit encodes to at most 3 bytes, so short strings need no work.
  if (decoded.length * 3 <= maxBytes) return decoded;
  const bytes = Buffer.from(decoded, 'utf8');
  if (bytes.length <= maxBytes) return decoded;
  let end = maxBytes;
  // Continuation bytes look like 10xxxxxx; back up to the start of that character.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}
