import { type AttributePath, type FilterParseOptions, SCIM_URNS, ScimError } from '@roster/scim';
import { canonicalPathPrefix, SCIM_V1_URNS } from './scim-urns';

/**
 * The raw (still percent-encoded) value of a query parameter, read from the
 * request URL. The filter needs the raw form: only there can `+` meaning a
 * space (form-style encoding, as Entra sends) be told apart from a literal `+`.
 */
export function readRawQueryParam(url: string, name: string): string | undefined {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1).split('#')[0] : '';
  const wanted = name.toLowerCase();
  for (const pair of (query ?? '').split('&')) {
    const equals = pair.indexOf('=');
    const key = equals === -1 ? pair : pair.slice(0, equals);
    if (safeDecode(key).toLowerCase() === wanted) return equals === -1 ? '' : pair.slice(equals + 1);
  }
  return undefined;
}

/**
 * Decodes a raw `filter` query value into the filter text to parse. A `+`
 * is a space when the client encoded form-style (it sent no `%20` and no
 * literal space), and a literal `+` otherwise (`a+b@example.com` with `%20`
 * between words). Surrounding whitespace is trimmed.
 * @throws ScimError 400 invalidFilter for malformed percent-encoding or an empty filter.
 */
export function normalizeFilterParam(raw: string): string {
  const formStyle = raw.includes('+') && !/%20| /i.test(raw);
  const text = formStyle ? raw.replace(/\+/g, ' ') : raw;
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    throw ScimError.invalidFilter('The filter is not valid percent-encoding');
  }
  const filter = decoded.trim();
  if (filter === '') throw ScimError.invalidFilter('The filter is empty');
  return filter;
}

/**
 * Options for `parseFilter` (from @roster/scim) that tolerate what IdPs send:
 * unquoted values (`externalId eq jyoung`, from Entra's docs) and SCIM 1.1 /
 * malformed URN prefixes on attribute paths.
 */
export function dialectFilterOptions(resourceType: 'User' | 'Group'): FilterParseOptions {
  return {
    allowUnquotedValues: true,
    mapAttributePath: (path: AttributePath) => mapUri(path, resourceType),
  };
}

function mapUri(path: AttributePath, resourceType: 'User' | 'Group'): AttributePath {
  if (path.uri === undefined) return path;
  const mapped = canonicalPathPrefix(`${path.uri}:${path.name}`, resourceType);
  const colon = mapped.lastIndexOf(':');
  const uri = mapped.slice(0, colon);
  // A 1.1 core URN names the core schema, which unqualified names already mean.
  if (uri === SCIM_URNS.user || uri === SCIM_URNS.group || uri.toLowerCase() === SCIM_V1_URNS.core) {
    return { name: path.name, ...(path.subAttribute === undefined ? {} : { subAttribute: path.subAttribute }) };
  }
  return { ...path, uri };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
