import { ScimError } from '../../errors/scim-error';
import { type AttributePath, formatAttributePath } from '../../schema/attribute-path';
import type { JoinTableMapping, JsonbArrayMapping } from './attribute-mapping';
import { findElement } from './resolve-mapping';
import type { CollectionTarget, ScalarTarget } from './sql-target';
import { identifier, jsonbAt, jsonbTextAt } from './sql-text';

/** Resolves element-relative paths (`type` in `emails[type eq "work"]`) inside one collection. */
export type ElementResolver = (path: AttributePath) => ScalarTarget;

/**
 * `EXISTS (SELECT 1 FROM <elements> WHERE <predicate>)`: multi-valued filters
 * match when some element does (RFC 7644 §3.4.2.2), and the database does the
 * matching, never the application.
 */
export function compileExists(
  target: CollectionTarget,
  predicate?: (resolve: ElementResolver) => string,
): string {
  const element = `${identifier(target.ownerAlias)}_el`;
  const resolve = (path: AttributePath): ScalarTarget => resolveElement(target, element, path);
  const condition = predicate?.(resolve);
  return target.mapping.kind === 'jsonbArray'
    ? jsonbArrayExists(target.mapping, target.ownerAlias, element, condition)
    : joinTableExists(target.mapping, target.ownerAlias, element, condition);
}

function jsonbArrayExists(mapping: JsonbArrayMapping, alias: string, element: string, condition?: string): string {
  const source = jsonbAt(`${identifier(alias)}.${identifier(mapping.column)}`, mapping.path);
  // A stored non-array (bad data) must not make jsonb_array_elements fail the whole query.
  const array = `CASE WHEN jsonb_typeof(${source}) = 'array' THEN ${source} ELSE '[]'::jsonb END`;
  const where = condition === undefined ? '' : ` WHERE ${condition}`;
  return `EXISTS (SELECT 1 FROM jsonb_array_elements(${array}) AS ${element}(value)${where})`;
}

function joinTableExists(mapping: JoinTableMapping, alias: string, element: string, condition?: string): string {
  const owner = `${element}.${identifier(mapping.ownerColumn)} = ${identifier(alias)}.${identifier(mapping.ownerKey)}`;
  const where = condition === undefined ? owner : `${owner} AND ${condition}`;
  return `EXISTS (SELECT 1 FROM ${identifier(mapping.table)} AS ${element} WHERE ${where})`;
}

function resolveElement(target: CollectionTarget, element: string, path: AttributePath): ScalarTarget {
  const label = `${target.label}.${formatAttributePath(path)}`;
  const relative = path.uri === undefined && path.subAttribute === undefined;
  const found = relative ? findElement(target.mapping, path.name) : undefined;
  if (found === undefined) throw ScimError.invalidFilter(`Filtering on "${label}" is not supported`);
  const common = { kind: 'scalar', label, type: found.type, caseExact: found.caseExact } as const;
  if ('column' in found) {
    const column = `${element}.${identifier(found.column)}`;
    return { ...common, native: column, text: column };
  }
  const value = `${element}.value`;
  const keys = 'key' in found ? [found.key] : [];
  return { ...common, json: jsonbAt(value, keys), text: jsonbTextAt(value, keys) };
}
