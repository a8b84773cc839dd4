import type { ScimError } from '../errors/scim-error';
import { type AttributePath, formatAttributePath, isAttributeName, parseAttributePath } from '../schema/attribute-path';
import { COMPARE_OPERATORS, type CompareOperator, type CompareValue, type Filter } from './filter-ast';
import type { FilterToken } from './tokenize-filter';

/** Tolerance hooks for the IdP layer; the defaults follow RFC 7644. */
export interface FilterParseOptions {
  /** Accept unquoted comparison values (`externalId eq jyoung`), as some vendor docs show. */
  readonly allowUnquotedValues?: boolean;
  /** Rewrites every attribute path as it is parsed (e.g. SCIM 1.1 names to 2.0). */
  readonly mapAttributePath?: (path: AttributePath, context: { readonly inValueFilter: boolean }) => AttributePath;
}

/** The pieces of a PATCH path: `attrPath`, or `valuePath` with an optional `.subAttr`. */
export interface ParsedPathExpression {
  readonly path: AttributePath;
  readonly filter?: Filter;
  readonly subAttribute?: string;
}

/** What is being parsed, for error details, and which ScimError to raise. */
export interface ParseContext {
  readonly subject: 'filter' | 'path';
  readonly fail: (detail: string) => ScimError;
}

const MAX_NESTING = 50;
const MAX_TOKENS = 2000;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const OPERATORS: ReadonlySet<string> = new Set(COMPARE_OPERATORS);

/** Recursive descent over the RFC 7644 §3.4.2.2 ABNF; one instance per input. */
export class FilterParser {
  private index = 0;
  private nesting = 0;

  constructor(
    private readonly tokens: readonly FilterToken[],
    private readonly context: ParseContext,
    private readonly options: FilterParseOptions = {},
  ) {
    if (tokens.length > MAX_TOKENS) throw context.fail(`The ${context.subject} is too long (over ${MAX_TOKENS} tokens)`);
  }

  parseFilter(): Filter {
    if (this.peek().type === 'end') throw this.context.fail('The filter is empty');
    const filter = this.parseOr(false);
    this.expectEnd();
    return filter;
  }

  parsePathExpression(): ParsedPathExpression {
    if (this.peek().type === 'end') throw this.context.fail('The path is empty');
    const path = this.parsePath(false);
    if (this.peek().type !== '[') return this.finish({ path });
    const filter = this.parseBracketedFilter(path, false);
    const subAttribute = this.parseSubAttribute();
    return this.finish(subAttribute === undefined ? { path, filter } : { path, filter, subAttribute });
  }

  private finish(result: ParsedPathExpression): ParsedPathExpression {
    this.expectEnd();
    return result;
  }

  private parseOr(inBrackets: boolean): Filter {
    let left = this.parseAnd(inBrackets);
    while (this.peekKeyword('or')) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd(inBrackets) };
    }
    return left;
  }

  private parseAnd(inBrackets: boolean): Filter {
    let left = this.parseFactor(inBrackets);
    while (this.peekKeyword('and')) {
      this.next();
      left = { kind: 'and', left, right: this.parseFactor(inBrackets) };
    }
    return left;
  }

  private parseFactor(inBrackets: boolean): Filter {
    const token = this.peek();
    if (token.type === '(') return this.parseGroup(inBrackets);
    if (this.peekKeyword('not') && this.peek(1).type === '(') {
      this.next();
      return { kind: 'not', filter: this.parseGroup(inBrackets) };
    }
    if (token.type === 'word') return this.parseAttributeExpression(inBrackets);
    return this.error(token, 'expected an attribute path, "not" or "("');
  }

  private parseGroup(inBrackets: boolean): Filter {
    const open = this.next();
    this.enter(open);
    const filter = this.parseOr(inBrackets);
    this.expect(')', 'expected ")"');
    this.nesting -= 1;
    return filter;
  }

  private parseAttributeExpression(inBrackets: boolean): Filter {
    const path = this.parsePath(inBrackets);
    if (this.peek().type !== '[') return this.parseTest(path);
    const filter = this.parseBracketedFilter(path, inBrackets);
    const subAttribute = this.parseSubAttribute();
    if (subAttribute === undefined) return { kind: 'valuePath', path, filter };
    // `emails[type eq "work"].value eq "x"` is outside the ABNF but sent by real
    // clients; it asks for one element matching both, which this AST says exactly.
    const test = this.parseTest(this.mapPath({ name: subAttribute }, true));
    return { kind: 'valuePath', path, filter: { kind: 'and', left: filter, right: test } };
  }

  private parseBracketedFilter(path: AttributePath, inBrackets: boolean): Filter {
    const open = this.next();
    if (inBrackets) this.error(open, 'value filters cannot be nested');
    if (path.subAttribute !== undefined) this.error(open, 'a value filter must follow an attribute, not a sub-attribute');
    this.enter(open);
    const filter = this.parseOr(true);
    this.expect(']', 'expected "]"');
    this.nesting -= 1;
    return filter;
  }

  private parseSubAttribute(): string | undefined {
    const token = this.peek();
    if (token.type !== 'word' || !token.text.startsWith('.')) return undefined;
    this.next();
    const name = token.text.slice(1);
    if (!isAttributeName(name)) this.error(token, `invalid sub-attribute "${token.text}"`);
    return name;
  }

  private parseTest(path: AttributePath): Filter {
    const token = this.next();
    const operator = token.type === 'word' ? token.text.toLowerCase() : '';
    if (operator === 'pr') return { kind: 'present', path };
    if (!OPERATORS.has(operator)) {
      this.error(token, `expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr) after "${formatAttributePath(path)}"`);
    }
    return { kind: 'compare', path, op: operator as CompareOperator, value: this.parseValue() };
  }

  private parseValue(): CompareValue {
    const token = this.next();
    if (token.type === 'string') return token.value;
    if (token.type === 'word') {
      const literal = this.parseLiteral(token);
      if (literal !== undefined) return literal.value;
      if (this.options.allowUnquotedValues) return token.text;
    }
    return this.error(token, 'expected a comparison value (a quoted string, number, true, false or null)');
  }

  private parseLiteral(token: FilterToken & { type: 'word' }): { value: CompareValue } | undefined {
    // JSON literals are lowercase; clients write True/FALSE too.
    const lower = token.text.toLowerCase();
    if (lower === 'true' || lower === 'false') return { value: lower === 'true' };
    if (lower === 'null') return { value: null };
    if (!NUMBER.test(token.text)) return undefined;
    const value = Number(token.text);
    if (!Number.isFinite(value)) this.error(token, `number out of range "${token.text}"`);
    return { value };
  }

  private parsePath(inValueFilter: boolean): AttributePath {
    const token = this.next();
    if (token.type !== 'word') return this.error(token, 'expected an attribute path');
    const path = parseAttributePath(token.text);
    if (path === undefined) return this.error(token, `invalid attribute path "${token.text}"`);
    return this.mapPath(path, inValueFilter);
  }

  private mapPath(path: AttributePath, inValueFilter: boolean): AttributePath {
    return this.options.mapAttributePath ? this.options.mapAttributePath(path, { inValueFilter }) : path;
  }

  private enter(token: FilterToken): void {
    this.nesting += 1;
    if (this.nesting > MAX_NESTING) this.error(token, `nesting deeper than ${MAX_NESTING} levels`);
  }

  private expect(type: ')' | ']', message: string): void {
    const token = this.next();
    if (token.type !== type) this.error(token, message);
  }

  private expectEnd(): void {
    const token = this.peek();
    if (token.type !== 'end') this.error(token, `unexpected ${describe(token)}; expected "and", "or" or the end`);
  }

  private peekKeyword(keyword: string): boolean {
    const token = this.peek();
    return token.type === 'word' && token.text.toLowerCase() === keyword;
  }

  private peek(ahead = 0): FilterToken {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as FilterToken;
  }

  private next(): FilterToken {
    const token = this.peek();
    if (token.type !== 'end') this.index += 1;
    return token;
  }

  private error(token: FilterToken, message: string): never {
    const where = token.type === 'end' ? 'at the end' : `at position ${token.position + 1}`;
    throw this.context.fail(`Invalid ${this.context.subject} ${where}: ${message}`);
  }
}

function describe(token: FilterToken): string {
  if (token.type === 'word') return `"${token.text}"`;
  if (token.type === 'string') return 'string';
  return `"${token.type}"`;
}
