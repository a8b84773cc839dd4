const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Mapping identifiers are spliced into SQL text, so they must be plain names.
 * A bad one is a programming error, not the client's.
 */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Unsafe SQL identifier in filter mapping: ${JSON.stringify(name)}`);
  return name;
}

/** A SQL string literal; used for JSON keys from mappings, never for client input. */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Collects bind values and hands out `$n` placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(private readonly firstIndex: number) {
    if (!Number.isInteger(firstIndex) || firstIndex < 1) throw new Error(`Invalid first parameter index ${firstIndex}`);
  }

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.firstIndex + this.values.length - 1}`;
  }
}

/** Escapes LIKE wildcards so client text matches literally (used with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** `base->'a'->'b'`: the JSONB value at a key path. */
export function jsonbAt(base: string, keys: readonly string[]): string {
  return keys.reduce((sql, key) => `${sql}->${literal(key)}`, base);
}

/** `base->'a'->>'b'`: the same value as text (NULL for JSON null or a missing key). */
export function jsonbTextAt(base: string, keys: readonly string[]): string {
  if (keys.length === 0) return `(${base} #>> '{}')`;
  return `${jsonbAt(base, keys.slice(0, -1))}->>${literal(keys[keys.length - 1] as string)}`;
}
