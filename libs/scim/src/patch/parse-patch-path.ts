import { ScimError } from '../errors/scim-error';
import { FilterParser, type ParsedPathExpression } from '../filter/filter-parser';
import { tokenizeFilter } from '../filter/tokenize-filter';
import { memoizeParse } from '../text/memoize-parse';

/**
 * Parses a PATCH `path` (RFC 7644 §3.5.2 `PATH = attrPath / valuePath [subAttr]`),
 * e.g. `emails[type eq "work"].value` or `urn:...:enterprise:2.0:User:manager`,
 * with the filter grammar and tolerance of `parseFilter`.
 * @throws ScimError 400 invalidPath naming the position.
 */
export const parsePatchPath: (text: string) => ParsedPathExpression = memoizeParse((text) => {
  const context = { subject: 'path', fail: ScimError.invalidPath } as const;
  return new FilterParser(tokenizeFilter(text, context.fail), context).parsePathExpression();
});
