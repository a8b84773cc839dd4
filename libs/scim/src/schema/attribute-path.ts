import { memoizeParse } from '../text/memoize-parse';

/**
 * An RFC 7644 §3.10 attribute path: `[URI ":"] ATTRNAME ["." subAttr]`.
 * Names are kept as written; matching against schemas is case-insensitive.
 */
export interface AttributePath {
  readonly uri?: string;
  readonly name: string;
  readonly subAttribute?: string;
}

// ABNF ATTRNAME is ALPHA *(nameChar); `$ref` is allowed because RFC 7643 itself uses it.
const NAME = /^\$?[A-Za-z][A-Za-z0-9_-]*$/;
const URN_PREFIX = /^urn:/i;
const URI_CHARS = /^[^\s"()[\]]+$/;

/** Parses `name`, `name.sub` or `urn:...:name[.sub]`; undefined when malformed. */
export const parseAttributePath: (text: string) => AttributePath | undefined = memoizeParse((text) => {
  if (!URN_PREFIX.test(text)) return parseNames(text);
  // The URN itself contains dots ("2.0"), so split at the last colon first.
  const colon = text.lastIndexOf(':');
  const uri = text.slice(0, colon);
  if (uri.length <= 'urn:'.length || !URI_CHARS.test(uri)) return undefined;
  const names = parseNames(text.slice(colon + 1));
  return names && { uri, ...names };
});

function parseNames(text: string): AttributePath | undefined {
  const parts = text.split('.');
  if (parts.length > 2 || !parts.every((part) => NAME.test(part))) return undefined;
  const [name, subAttribute] = parts as [string, string?];
  return subAttribute === undefined ? { name } : { name, subAttribute };
}

/** Prints a path back in RFC 7644 form. */
export function formatAttributePath(path: AttributePath): string {
  const prefix = path.uri === undefined ? '' : `${path.uri}:`;
  const suffix = path.subAttribute === undefined ? '' : `.${path.subAttribute}`;
  return `${prefix}${path.name}${suffix}`;
}

/** True for a syntactically valid attribute or sub-attribute name. */
export function isAttributeName(text: string): boolean {
  return NAME.test(text);
}
