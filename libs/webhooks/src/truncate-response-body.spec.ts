import fc from 'fast-check';
import { truncateResponseBody } from './truncate-response-body';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('truncateResponseBody', () => {
  it('keeps short bodies whole', () => {
    expect(truncateResponseBody('ok')).toBe('ok');
    expect(truncateResponseBody('')).toBe('');
    expect(truncateResponseBody('x'.repeat(4096))).toHaveLength(4096);
  });

  it('cuts long bodies to 4096 bytes by default', () => {
    expect(truncateResponseBody('x'.repeat(5000))).toBe('x'.repeat(4096));
  });

  it.each([
    ['2-byte', 'é', 3, 'aé'],
    ['3-byte', '€', 3, 'a'],
    ['4-byte', '🚀', 3, 'a'],
    ['4-byte at the edge', '🚀', 5, 'a🚀'],
  ])('never splits a %s character', (_case, char, maxBytes, expected) => {
    expect(truncateResponseBody(`a${char}${char}`, maxBytes)).toBe(expected);
  });

  it('cuts exactly at a boundary that fits', () => {
    expect(truncateResponseBody('ééé', 4)).toBe('éé');
    expect(truncateResponseBody('abc', 0)).toBe('');
  });

  it('decodes Buffers as UTF-8 before cutting', () => {
    expect(truncateResponseBody(Buffer.from('héllo wörld'), 6)).toBe('héllo');
    expect(truncateResponseBody(Buffer.from([0x61, 0xff, 0x62]), 10)).toBe('a\ufffdb');
  });

  it('refuses a nonsensical limit', () => {
    expect(() => truncateResponseBody('x', -1)).toThrow(RangeError);
    expect(() => truncateResponseBody('x', 1.5)).toThrow(RangeError);
  });

  it('returns the longest prefix that fits, for any text and limit', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.integer({ min: 0, max: 600 }),
        (text, maxBytes) => {
          const result = truncateResponseBody(text, maxBytes);
          expect(text.startsWith(result)).toBe(true);
          expect(bytes(result)).toBeLessThanOrEqual(maxBytes);
          const next = text.codePointAt(result.length);
          if (next !== undefined) expect(bytes(result) + bytes(String.fromCodePoint(next))).toBeGreaterThan(maxBytes);
        },
      ),
      { numRuns: 300 },
    );
  });
});
