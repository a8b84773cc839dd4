import type { AttributePath } from '../schema/attribute-path';

export const COMPARE_OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'] as const;

/** RFC 7644 §3.4.2.2 comparison operators, always lowercase in the AST. */
export type CompareOperator = (typeof COMPARE_OPERATORS)[number];

/** A JSON comparison value: string, number, true, false or null. */
export type CompareValue = string | number | boolean | null;

/** `attrPath op value` */
export interface CompareFilter {
  readonly kind: 'compare';
  readonly path: AttributePath;
  readonly op: CompareOperator;
  readonly value: CompareValue;
}

/** `attrPath pr` */
export interface PresentFilter {
  readonly kind: 'present';
  readonly path: AttributePath;
}

/** `left and right`, `left or right`; and binds tighter than or, both associate left. */
export interface LogicalFilter {
  readonly kind: 'and' | 'or';
  readonly left: Filter;
  readonly right: Filter;
}

/** `not (filter)` */
export interface NotFilter {
  readonly kind: 'not';
  readonly filter: Filter;
}

/**
 * `attrPath[valFilter]`: some element of a multi-valued attribute matches
 * `filter`, whose paths are relative to the element (`emails[type eq "work"]`).
 */
export interface ValuePathFilter {
  readonly kind: 'valuePath';
  readonly path: AttributePath;
  readonly filter: Filter;
}

export type Filter = CompareFilter | PresentFilter | LogicalFilter | NotFilter | ValuePathFilter;
