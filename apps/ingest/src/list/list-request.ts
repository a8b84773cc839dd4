import type { ResourceListQuery } from '@roster/data';
import { dialectFilterOptions, normalizeFilterParam, readRawQueryParam } from '@roster/dialects';
import {
  type AttributeSelection,
  compileFilter,
  compileSortKey,
  type FilterMapping,
  parseFilter,
  ScimError,
} from '@roster/scim';

/** A SCIM list request, from a GET query (RFC 7644 §3.4.2) or a POST /.search body (§3.4.3). */
export interface ListRequest {
  filter?: string;
  startIndex: number;
  count: number;
  sortBy?: string;
  descending: boolean;
  selection: AttributeSelection;
}

export const DEFAULT_COUNT = 100;
export const MAX_COUNT = 1000;

/**
 * Reads a GET list query. The filter is taken from the raw URL: clients differ
 * in how they encode it (`+` for spaces, unencoded quotes), and the dialects
 * lib decodes each way correctly where the generic query parser cannot.
 */
export function readListQuery(query: Record<string, unknown>, url = ''): ListRequest {
  const text = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw ScimError.invalidValue(`"${name}" must be given once`);
    return value;
  };
  return {
    filter: readFilter(text('filter'), url),
    startIndex: readIndex(text('startIndex')),
    count: readCount(text('count')),
    sortBy: text('sortBy') || undefined,
    descending: readSortOrder(text('sortOrder')),
    selection: { attributes: splitList(text('attributes')), excludedAttributes: splitList(text('excludedAttributes')) },
  };
}

export function readSearchBody(body: unknown): ListRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw ScimError.invalidSyntax('The search request must be a JSON object');
  }
  const search = body as Record<string, unknown>;
  const optionalText = (name: string): string | undefined => {
    const value = search[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw ScimError.invalidValue(`"${name}" must be a string`);
    return value;
  };
  const number = (name: string): string | undefined =>
    search[name] === undefined || search[name] === null ? undefined : String(search[name]);
  return {
    filter: optionalText('filter'),
    startIndex: readIndex(number('startIndex')),
    count: readCount(number('count')),
    sortBy: optionalText('sortBy'),
    descending: readSortOrder(optionalText('sortOrder')),
    selection: {
      attributes: readNames(search.attributes, 'attributes'),
      excludedAttributes: readNames(search.excludedAttributes, 'excludedAttributes'),
    },
  };
}

/** Compiles the request against a filter allowlist into a repository query. @throws ScimError 400 invalidFilter. */
export function compileListRequest(
  request: ListRequest,
  mapping: FilterMapping,
  resourceType: 'User' | 'Group',
): ResourceListQuery {
  const filter = request.filter?.trim() ? parseFilter(request.filter, dialectFilterOptions(resourceType)) : undefined;
  const where = filter && compileFilter(filter, mapping, { alias: 't', firstParamIndex: 2 });
  return {
    where,
    orderBy: request.sortBy ? compileSortKey(request.sortBy, mapping, 't') : undefined,
    descending: request.descending,
    offset: request.startIndex - 1,
    limit: request.count,
  };
}

function readFilter(parsed: string | undefined, url: string): string | undefined {
  const raw = readRawQueryParam(url, 'filter');
  // An empty `filter=` (some clients always send the parameter) means no filter.
  if (raw === undefined || raw === '') return raw === '' ? undefined : parsed;
  return normalizeFilterParam(raw);
}

// RFC 7644 §3.4.2.4: startIndex below 1 is read as 1; count below 0 as 0.
function readIndex(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const index = Number(value);
  if (!Number.isFinite(index)) throw ScimError.invalidValue('"startIndex" must be an integer');
  return Math.max(1, Math.floor(index));
}

function readCount(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_COUNT;
  const count = Number(value);
  if (!Number.isFinite(count)) throw ScimError.invalidValue('"count" must be an integer');
  return Math.min(MAX_COUNT, Math.max(0, Math.floor(count)));
}

function readSortOrder(value: string | undefined): boolean {
  if (value === undefined || value === '' || /^ascending$/i.test(value)) return false;
  if (/^descending$/i.test(value)) return true;
  throw ScimError.invalidValue('"sortOrder" must be "ascending" or "descending"');
}

function splitList(value: string | undefined): string[] | undefined {
  const names = value
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names?.length ? names : undefined;
}

function readNames(value: unknown, name: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return splitList(value);
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw ScimError.invalidValue(`"${name}" must be an array of attribute names`);
  }
  return value.length ? value : undefined;
}
