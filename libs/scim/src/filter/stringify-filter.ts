import { formatAttributePath } from '../schema/attribute-path';
import type { CompareValue, Filter } from './filter-ast';

const PRECEDENCE = { or: 1, and: 2 } as const;
const ATOM = 3;

/** Prints a filter AST as RFC 7644 text that `parseFilter` reads back to the same AST. */
export function stringifyFilter(filter: Filter): string {
  switch (filter.kind) {
    case 'compare':
      return `${formatAttributePath(filter.path)} ${filter.op} ${formatValue(filter.value)}`;
    case 'present':
      return `${formatAttributePath(filter.path)} pr`;
    case 'not':
      return `not (${stringifyFilter(filter.filter)})`;
    case 'valuePath':
      return `${formatAttributePath(filter.path)}[${stringifyFilter(filter.filter)}]`;
    case 'and':
    case 'or':
      return stringifyLogical(filter.kind, filter.left, filter.right);
  }
}

// Both operators associate left, so a right operand of equal precedence needs parentheses.
function stringifyLogical(kind: 'and' | 'or', left: Filter, right: Filter): string {
  const own = PRECEDENCE[kind];
  const leftText = wrap(left, precedenceOf(left) < own);
  const rightText = wrap(right, precedenceOf(right) <= own);
  return `${leftText} ${kind} ${rightText}`;
}

function precedenceOf(filter: Filter): number {
  return filter.kind === 'and' || filter.kind === 'or' ? PRECEDENCE[filter.kind] : ATOM;
}

function wrap(filter: Filter, parenthesize: boolean): string {
  const text = stringifyFilter(filter);
  return parenthesize ? `(${text})` : text;
}

function formatValue(value: CompareValue): string {
  return JSON.stringify(value);
}
