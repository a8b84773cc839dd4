const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Valid JSON text (as Postgres writes `jsonb`: `{"a": 1, "b": [2, 3]}`) the way
 * `JSON.stringify(JSON.parse(text))` writes it, without building the objects:
 * whitespace between tokens dropped, strings kept as they are (Postgres escapes
 * them as JSON.stringify does), numbers written as JavaScript writes them
 * (`1.50` as `1.5`, `1000000000000000000000` as `1e+21`). Keys keep their order.
 */
export function compactJson(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      at = endOfString(text, at);
    } else if (isWhitespace(code)) {
      parts.push(text.slice(copied, at));
      while (at < text.length && isWhitespace(text.charCodeAt(at))) at += 1;
      copied = at;
    } else if (code === MINUS || (code >= ZERO && code <= NINE)) {
      const end = endOfNumber(text, at);
      const number = text.slice(at, end);
      const written = String(Number(number));
      if (written !== number) {
        parts.push(text.slice(copied, at), written);
        copied = end;
      }
      at = end;
    } else {
      at += 1;
    }
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** The index just past the string literal whose opening quote is at `start`. */
function endOfString(text: string, start: number): number {
  let quote = start;
  for (;;) {
    quote = text.indexOf('"', quote + 1);
    if (quote < 0) throw new SyntaxError('unterminated string in JSON text');
    // A quote ends the string unless an odd number of backslashes escape it.
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
  }
}

function endOfNumber(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length && isNumberPart(text.charCodeAt(end))) end += 1;
  return end;
}

// Digits, sign, decimal point and exponent.
function isNumberPart(code: number): boolean {
  return (
    (code >= ZERO && code <= NINE) || code === MINUS || code === 0x2b || code === 0x2e || code === 0x65 || code === 0x45
  );
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
