import { ScimError } from '../../errors/scim-error';
import { isDateTime } from '../../schema/date-time';
import type { CompareFilter, CompareOperator, PresentFilter } from '../filter-ast';
import type { ScalarTarget } from './sql-target';
import { escapeLike, type SqlParams } from './sql-text';

const ORDERING: Partial<Record<CompareOperator, string>> = { eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=' };

/** SQL for `pr` or a comparison on one value. Never NULL-safe by itself; callers treat NULL as false. */
export function compileScalarTest(target: ScalarTarget, filter: CompareFilter | PresentFilter, params: SqlParams): string {
  if (filter.kind === 'present') return presentSql(target);
  if (filter.value === null) return compareWithNull(target, filter.op);
  switch (target.type) {
    case 'string':
      return compareString(target, filter.op, stringOperand(target, filter.value), params);
    case 'boolean':
      return compareBoolean(target, filter.op, filter.value, params);
    case 'dateTime':
      return compareDateTime(target, filter.op, filter.value, params);
    case 'integer':
    case 'decimal':
      return compareNumber(target, filter.op, filter.value, params);
  }
}

// Empty strings count as absent, like null (RFC 7643 §2.5 "unassigned").
function presentSql(target: ScalarTarget): string {
  if (target.type === 'string') return `${target.text} <> ''`;
  return `${target.native ?? target.text} IS NOT NULL`;
}

function compareWithNull(target: ScalarTarget, op: CompareOperator): string {
  if (op === 'eq') return `NOT COALESCE(${presentSql(target)}, false)`;
  if (op === 'ne') return presentSql(target);
  throw ScimError.invalidFilter(`Operator "${op}" cannot compare "${target.label}" with null; use eq, ne or pr`);
}

function stringOperand(target: ScalarTarget, value: string | number | boolean): string {
  if (typeof value === 'string') return value;
  // Harmless: `externalId eq 42` can only mean the text "42".
  if (typeof value === 'number') return String(value);
  throw ScimError.invalidFilter(`"${target.label}" is a string attribute; compare it with a quoted string`);
}

function compareString(target: ScalarTarget, op: CompareOperator, value: string, params: SqlParams): string {
  const fold = (sql: string): string => (target.caseExact ? sql : `lower(${sql})`);
  const left = fold(target.text);
  const right = (operand: string): string => fold(`${params.add(operand)}::text`);
  const like = (pattern: string): string => `${left} LIKE ${right(pattern)} ESCAPE '\\'`;
  switch (op) {
    case 'ne':
      return `${left} IS DISTINCT FROM ${right(value)}`;
    case 'co':
      return like(`%${escapeLike(value)}%`);
    case 'sw':
      return like(`${escapeLike(value)}%`);
    case 'ew':
      return like(`%${escapeLike(value)}`);
    default:
      return `${left} ${ORDERING[op]} ${right(value)}`;
  }
}

function compareBoolean(target: ScalarTarget, op: CompareOperator, value: unknown, params: SqlParams): string {
  if (op !== 'eq' && op !== 'ne') throw unsupported(target, op, 'boolean');
  if (typeof value !== 'boolean') {
    throw ScimError.invalidFilter(`"${target.label}" is a boolean attribute; compare it with true or false`);
  }
  const operator = op === 'eq' ? '=' : 'IS DISTINCT FROM';
  const param = `${params.add(value)}::boolean`;
  // JSONB is compared as JSONB so a malformed stored value cannot make a cast fail.
  if (target.native !== undefined) return `${target.native} ${operator} ${param}`;
  return `${target.json} ${operator} to_jsonb(${param})`;
}

function compareDateTime(target: ScalarTarget, op: CompareOperator, value: unknown, params: SqlParams): string {
  if (!isDateTime(value)) {
    throw ScimError.invalidFilter(`"${target.label}" is a dateTime attribute; compare it with an RFC 3339 date-time string`);
  }
  return `${target.native} ${orderingOperator(target, op, 'dateTime')} ${params.add(value)}::timestamptz`;
}

function compareNumber(target: ScalarTarget, op: CompareOperator, value: unknown, params: SqlParams): string {
  if (typeof value !== 'number') {
    throw ScimError.invalidFilter(`"${target.label}" is a numeric attribute; compare it with a number`);
  }
  const left =
    target.native ?? `(CASE WHEN jsonb_typeof(${target.json}) = 'number' THEN (${target.text})::numeric END)`;
  return `${left} ${orderingOperator(target, op, target.type)} ${params.add(value)}::numeric`;
}

function orderingOperator(target: ScalarTarget, op: CompareOperator, typeName: string): string {
  if (op === 'ne') return 'IS DISTINCT FROM';
  const operator = ORDERING[op];
  if (operator === undefined) throw unsupported(target, op, typeName);
  return operator;
}

function unsupported(target: ScalarTarget, op: CompareOperator, typeName: string): ScimError {
  return ScimError.invalidFilter(`Operator "${op}" is not supported for ${typeName} attribute "${target.label}"`);
}
