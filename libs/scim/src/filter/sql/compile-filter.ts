import { ScimError } from '../../errors/scim-error';
import type { AttributePath } from '../../schema/attribute-path';
import type { CompareFilter, Filter, PresentFilter } from '../filter-ast';
import type { FilterMapping } from './attribute-mapping';
import { compileExists } from './compile-collection';
import { compileScalarTest } from './compile-scalar-test';
import { resolveMappedPath } from './resolve-mapping';
import type { SqlTarget } from './sql-target';
import { identifier, SqlParams } from './sql-text';

/** A parameterized SQL fragment with `$n` placeholders and their values, in order. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: unknown[];
}

export interface CompileFilterOptions {
  /** The alias of the table the mapping's columns belong to, e.g. `t` in `FROM directory_users t`. */
  readonly alias: string;
  /** Number of the first placeholder, for appending to a query that already has parameters. Default 1. */
  readonly firstParamIndex?: number;
}

type Resolver = (path: AttributePath) => SqlTarget;

/**
 * Compiles a filter to a PostgreSQL boolean expression over the mapping's
 * allowlist, for a WHERE clause. The result is two-valued in effect: NULL only
 * arises where the answer is "no", and `not` turns NULL into false before
 * negating. A missing value is `ne` anything. Multi-valued attributes match
 * when some element does, `ne` included (RFC 7644 §3.4.2.2).
 * @throws ScimError 400 invalidFilter for unmapped attributes or unsupported comparisons.
 */
export function compileFilter(filter: Filter, mapping: FilterMapping, options: CompileFilterOptions): SqlFragment {
  const alias = identifier(options.alias);
  const params = new SqlParams(options.firstParamIndex ?? 1);
  const resolve: Resolver = (path) => resolveMappedPath(mapping, path, alias);
  const sql = compileNode(filter, resolve, params);
  return { sql, params: params.values };
}

function compileNode(filter: Filter, resolve: Resolver, params: SqlParams): string {
  switch (filter.kind) {
    case 'and':
      return `(${compileNode(filter.left, resolve, params)} AND ${compileNode(filter.right, resolve, params)})`;
    case 'or':
      return `(${compileNode(filter.left, resolve, params)} OR ${compileNode(filter.right, resolve, params)})`;
    case 'not':
      return `NOT COALESCE(${compileNode(filter.filter, resolve, params)}, false)`;
    case 'valuePath':
      return compileValuePath(filter.filter, resolve(filter.path), params);
    case 'compare':
    case 'present':
      return compileTest(filter, resolve(filter.path), params);
  }
}

function compileTest(filter: CompareFilter | PresentFilter, target: SqlTarget, params: SqlParams): string {
  if (target.kind === 'scalar') return compileScalarTest(target, filter, params);
  if (filter.kind === 'present' && target.subAttribute === undefined) return compileExists(target);
  const subAttribute = target.subAttribute ?? target.mapping.defaultSubAttribute;
  if (subAttribute === undefined) {
    throw ScimError.invalidFilter(`"${target.label}" has no value to compare; name a sub-attribute or use [filter]`);
  }
  return compileExists(target, (resolveElement) =>
    compileScalarTest(resolveElement({ name: subAttribute }), filter, params),
  );
}

function compileValuePath(filter: Filter, target: SqlTarget, params: SqlParams): string {
  if (target.kind !== 'collection' || target.subAttribute !== undefined) {
    throw ScimError.invalidFilter(`"${target.label}" is not multi-valued, so it cannot take a [filter]`);
  }
  // Inside brackets every path is element-relative and names a scalar.
  return compileExists(target, (resolveElement) => compileNode(filter, resolveElement, params));
}
