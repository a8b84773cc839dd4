import { ScimError } from '../../errors/scim-error';
import { parseAttributePath } from '../../schema/attribute-path';
import type { FilterMapping } from './attribute-mapping';
import { resolveMappedPath } from './resolve-mapping';
import { identifier } from './sql-text';

/**
 * The SQL expression to ORDER BY for a `sortBy` path, folded with `lower()`
 * when the attribute is not caseExact. Undefined when the path is not a mapped
 * single value: RFC 7644 §3.4.2.3 leaves that to the server, and ignoring the
 * sort beats failing a sync.
 */
export function compileSortKey(sortBy: string, mapping: FilterMapping, alias: string): string | undefined {
  const path = parseAttributePath(sortBy.trim());
  if (path === undefined) return undefined;
  try {
    const target = resolveMappedPath(mapping, path, identifier(alias));
    if (target.kind !== 'scalar') return undefined;
    const value = target.native ?? target.text;
    return target.type === 'string' && !target.caseExact ? `lower(${value})` : value;
  } catch (error) {
    if (error instanceof ScimError) return undefined;
    throw error;
  }
}
