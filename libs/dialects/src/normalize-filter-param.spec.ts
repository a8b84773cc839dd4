import { parseFilter, ScimError, stringifyFilter } from '@roster/scim';
import { dialectFilterOptions, normalizeFilterParam, readRawQueryParam } from './normalize-filter-param';

describe('normalizeFilterParam', () => {
  it.each([
    [
      "Okta's percent-encoded lookup (1.4)",
      'userName%20eq%20%22test.user%40okta.local%22',
      'userName eq "test.user@okta.local"',
    ],
    [
      "Entra's form-style probe (2.2)",
      'userName+eq+%22cf4d78e8-cc4f-4d5d-b8b9-183561c0104a%22',
      'userName eq "cf4d78e8-cc4f-4d5d-b8b9-183561c0104a"',
    ],
    ['a literal + next to %20', 'userName%20eq%20%22a+b%40example.com%22', 'userName eq "a+b@example.com"'],
    ['an encoded + in a form-style filter', 'userName+eq+%22a%2Bb%40example.com%22', 'userName eq "a+b@example.com"'],
    ['unencoded spaces', 'displayName eq "Sales + Ops"', 'displayName eq "Sales + Ops"'],
    ['surrounding whitespace', '%20%20externalId%20eq%20%22x%22%20', 'externalId eq "x"'],
  ])('decodes %s', (_name, raw, expected) => {
    expect(normalizeFilterParam(raw)).toBe(expected);
  });

  it.each([
    ['an empty filter', ''],
    ['broken percent-encoding', 'userName%20eq%20%E0%A4%A'],
  ])('rejects %s with 400 invalidFilter', (_name, raw) => {
    expect(() => normalizeFilterParam(raw)).toThrow(ScimError);
    expect(() => normalizeFilterParam(raw)).toThrow(
      expect.objectContaining({ status: 400, scimType: 'invalidFilter' }),
    );
  });
});

describe('readRawQueryParam', () => {
  it('returns the still-encoded value, matching the name case-insensitively', () => {
    const url = '/scim/v2/d/Groups?excludedAttributes=members&Filter=displayName+eq+%22x%22#frag';
    expect(readRawQueryParam(url, 'filter')).toBe('displayName+eq+%22x%22');
    expect(readRawQueryParam(url, 'count')).toBeUndefined();
    expect(readRawQueryParam('/scim/v2/d/Users', 'filter')).toBeUndefined();
  });
});

describe('dialectFilterOptions', () => {
  it.each([
    ["Entra's unquoted doc example (2.3)", 'externalId eq jyoung', 'externalId eq "jyoung"'],
    [
      'a 1.1 enterprise URN',
      'urn:scim:schemas:extension:enterprise:1.0:department eq "D"',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "D"',
    ],
    ['a 1.1 core URN', 'urn:scim:schemas:core:1.0:userName eq "a"', 'userName eq "a"'],
  ])('parses %s', (_name, filter, expected) => {
    expect(stringifyFilter(parseFilter(filter, dialectFilterOptions('User')))).toBe(expected);
  });
});
