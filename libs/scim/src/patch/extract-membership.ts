import { ScimError } from '../errors/scim-error';
import type { Filter } from '../filter/filter-ast';
import type { ParsedPathExpression } from '../filter/filter-parser';
import type { AttributePath } from '../schema/attribute-path';
import { SCIM_URNS, sameUrn } from '../schema/schema-urns';
import { findKey, isPlainObject, readCi } from './json-value';
import type { MembershipOperation } from './membership-operation';
import { parsePatchPath } from './parse-patch-path';
import type { PatchOperation } from './patch-operation';

/** One operation split into its membership part and whatever else it does. */
export interface SplitOperation {
  readonly membership?: MembershipOperation;
  readonly rest?: PatchOperation;
}

/**
 * Pulls `members` out of a Group operation: `add`/`replace`/`remove` on path
 * `members` (remove with a `[{value}]` array too), `remove` on
 * `members[value eq "id"]`, and a `members` key in a path-less value.
 */
export function splitMembership(operation: PatchOperation): SplitOperation {
  if (operation.path !== undefined) {
    const parsed = parsePatchPath(operation.path);
    return isMembersPath(parsed) ? { membership: fromMembersPath(operation, parsed) } : { rest: operation };
  }
  if (operation.op === 'remove' || !isPlainObject(operation.value)) return { rest: operation };
  const key = findKey(operation.value, 'members');
  if (key === undefined) return { rest: operation };
  const { [key]: members, ...others } = operation.value;
  const membership = fromValue(operation.op, members, 'members');
  return Object.keys(others).length === 0 ? { membership } : { membership, rest: { ...operation, value: others } };
}

function isMembersPath(parsed: ParsedPathExpression): boolean {
  const { uri, name } = parsed.path;
  return name.toLowerCase() === 'members' && (uri === undefined || sameUrn(uri, SCIM_URNS.group));
}

function fromMembersPath(operation: PatchOperation, parsed: ParsedPathExpression): MembershipOperation {
  const label = operation.path as string;
  if (parsed.path.subAttribute !== undefined || parsed.subAttribute !== undefined) {
    throw ScimError.invalidPath(`"${label}": members can only be added, replaced or removed whole`);
  }
  if (parsed.filter === undefined) return fromValue(operation.op, operation.value, label);
  if (operation.op !== 'remove') throw ScimError.invalidPath(`"${label}": only "remove" takes a members filter`);
  return { kind: 'remove', userIds: unique(idsFromFilter(parsed.filter, label)) };
}

function fromValue(op: PatchOperation['op'], value: unknown, label: string): MembershipOperation {
  if (op === 'remove' && (value === undefined || value === null)) return { kind: 'removeAll' };
  const userIds = value === null ? [] : memberIds(value, label);
  if (op === 'add') return { kind: 'add', userIds };
  return op === 'replace' ? { kind: 'replace', userIds } : { kind: 'remove', userIds };
}

function memberIds(value: unknown, label: string): string[] {
  if (!Array.isArray(value)) throw ScimError.invalidValue(`"${label}" must be an array of {"value": "<id>"} objects`);
  return unique(
    value.map((member) => {
      const id = isPlainObject(member) ? readCi(member, 'value') : undefined;
      if (typeof id !== 'string' || id.length === 0) {
        throw ScimError.invalidValue(`Each of "${label}" must be an object with a non-empty string "value"`);
      }
      return id;
    }),
  );
}

// Set operations need explicit ids: `value eq "id"`, possibly or-ed together.
function idsFromFilter(filter: Filter, label: string): string[] {
  if (filter.kind === 'or') return [...idsFromFilter(filter.left, label), ...idsFromFilter(filter.right, label)];
  if (filter.kind === 'compare' && isValue(filter.path) && filter.op === 'eq' && typeof filter.value === 'string') {
    return [filter.value];
  }
  throw ScimError.invalidPath(`"${label}": a members filter must be value eq "<id>", optionally or-ed`);
}

function isValue(path: AttributePath): boolean {
  return path.uri === undefined && path.subAttribute === undefined && path.name.toLowerCase() === 'value';
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
