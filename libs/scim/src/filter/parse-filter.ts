import { ScimError } from '../errors/scim-error';
import type { Filter } from './filter-ast';
import { type FilterParseOptions, FilterParser } from './filter-parser';
import { tokenizeFilter } from './tokenize-filter';

// Why a hand-written parser rather than scim2-parse-filter (the only candidate we
// would have accepted, see research/oss-peers.md §5):
// - PATCH paths need the same grammar plus `valuePath.subAttr`
//   (`emails[type eq "work"].value`), which a filter-only library does not parse;
// - clients need errors that name the position, as ScimError invalidFilter/invalidPath;
// - the IdP layer needs tolerance hooks (unquoted values, path rewriting) that no
//   library exposes, and the AST must compile to SQL, not to in-memory predicates;
// - the library is slow-moving (last release 2024, a `not`-first bug fixed late),
//   so a dependency would become our fork anyway. The grammar is small.

/**
 * Parses an RFC 7644 §3.4.2.2 filter into a typed AST. Keywords and operators
 * are case-insensitive, whitespace is free, attribute names are kept as written
 * (schemas and SQL mappings match them case-insensitively).
 * @throws ScimError 400 invalidFilter naming the position.
 */
export function parseFilter(text: string, options: FilterParseOptions = {}): Filter {
  const context = { subject: 'filter', fail: ScimError.invalidFilter } as const;
  return new FilterParser(tokenizeFilter(text, context.fail), context, options).parseFilter();
}
