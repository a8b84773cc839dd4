const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * JSON text as Postgres writes `jsonb` (`{"a": 1, "b": [2, 3]}`) as the UTF-8
 * bytes JSON.stringify writes for it, without building the objects:
 * whitespace between tokens dropped, strings kept as they are (Postgres
 * escapes them as JSON.stringify does), numbers written as JavaScript writes
 * them (`1.50` as `1.5`, `1000000000000000000000` as `1e+21`). Keys keep
 * Postgres's order (by length, then bytes), where JavaScript would put
 * integer-like keys first: the same JSON, not always the same bytes. Postgres
 * writes no exponents, so no number grows; one that would (`1e5` as `100000`,
 * text Postgres did not write) is refused rather than overrun the buffer.
 */
export function compactJson(text: string): Buffer {
  return compactJsonList('', [text], '');
}

/**
 * `head`, then the texts compacted (as compactJson) and joined by commas, then
 * `tail`, in one buffer: the Events API's hot path. Each text is encoded into
 * a scratch buffer reused from call to call, so a page allocates one buffer,
 * the answer.
 */
export function compactJsonList(head: string, texts: readonly string[], tail: string): Buffer {
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail) + texts.length;
  for (const text of texts) size += Buffer.byteLength(text);
  const out = Buffer.allocUnsafe(size);
  let written = out.write(head, 0);
  texts.forEach((text, index) => {
    if (index > 0) out[written++] = COMMA;
    written = compactInto(encoded(text), out, written);
  });
  written += out.write(tail, written);
  return out.subarray(0, written);
}

let scratch = Buffer.allocUnsafe(256 * 1024);

function encoded(text: string): Buffer {
  const size = Buffer.byteLength(text);
  if (size > scratch.length) scratch = Buffer.allocUnsafe(size);
  scratch.write(text, 0);
  return scratch.subarray(0, size);
}

/**
 * Writes `source` compacted into `out` from `written`; returns where it ended.
 * One tight pass over the bytes: a native search per string measured slower,
 * most strings being a few bytes long.
 */
function compactInto(source: Buffer, out: Buffer, written: number): number {
  let inString = false;
  for (let at = 0; at < source.length; at += 1) {
    const byte = source[at]!;
    if (inString) {
      out[written++] = byte;
      // An escaped character (\" or \\ included) is copied with its backslash.
      if (byte === BACKSLASH) out[written++] = source[++at]!;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
      out[written++] = byte;
    } else if (byte === MINUS || (byte >= ZERO && byte <= NINE)) {
      const end = endOfNumber(source, at);
      written += writeNumber(source, out, at, end, written);
      at = end - 1;
    } else if (!isWhitespace(byte)) {
      out[written++] = byte;
    }
  }
  return written;
}

/** The number as JavaScript writes it; a plain integer of up to 15 digits already is (but `-0`). */
function writeNumber(source: Buffer, out: Buffer, start: number, end: number, to: number): number {
  const digitsFrom = source[start] === MINUS ? start + 1 : start;
  const plainInteger = end - digitsFrom <= 15 && isDigits(source, digitsFrom, end) && !isMinusZero(source, start, end);
  if (!plainInteger) {
    const written = String(Number(source.toString('latin1', start, end)));
    if (written.length > end - start) throw new Error(`compactJson: ${written} is longer than the number it writes`);
    return out.write(written, to, 'latin1');
  }
  for (let at = start; at < end; at += 1) out[to + at - start] = source[at]!;
  return end - start;
}

function isDigits(source: Buffer, start: number, end: number): boolean {
  for (let at = start; at < end; at += 1) if (source[at]! < ZERO || source[at]! > NINE) return false;
  return end > start;
}

function isMinusZero(source: Buffer, start: number, end: number): boolean {
  return end - start === 2 && source[start] === MINUS && source[start + 1] === ZERO;
}

function endOfNumber(source: Buffer, start: number): number {
  let end = start + 1;
  while (end < source.length && isNumberPart(source[end]!)) end += 1;
  return end;
}

// Digits, sign, decimal point and exponent.
function isNumberPart(byte: number): boolean {
  return (
    (byte >= ZERO && byte <= NINE) || byte === MINUS || byte === 0x2b || byte === 0x2e || byte === 0x65 || byte === 0x45
  );
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}
