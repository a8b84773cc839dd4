import { ScimError } from '../errors/scim-error';
import type { AttributePath } from '../schema/attribute-path';
import type { CompareOperator, CompareValue, Filter } from './filter-ast';
import { parseFilter } from './parse-filter';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

function path(text: string, uri?: string): AttributePath {
  const [name, subAttribute] = text.split('.') as [string, string?];
  return { ...(uri === undefined ? {} : { uri }), name, ...(subAttribute === undefined ? {} : { subAttribute }) };
}
const cmp = (attr: string, op: CompareOperator, value: CompareValue, uri?: string): Filter => ({
  kind: 'compare',
  path: path(attr, uri),
  op,
  value,
});
const pr = (attr: string): Filter => ({ kind: 'present', path: path(attr) });
const and = (left: Filter, right: Filter): Filter => ({ kind: 'and', left, right });
const or = (left: Filter, right: Filter): Filter => ({ kind: 'or', left, right });
const not = (filter: Filter): Filter => ({ kind: 'not', filter });
const vp = (attr: string, filter: Filter): Filter => ({ kind: 'valuePath', path: path(attr), filter });

describe('parseFilter: RFC 7644 §3.4.2.2 examples', () => {
  const examples: [string, Filter][] = [
    ['userName eq "bjensen"', cmp('userName', 'eq', 'bjensen')],
    ['name.familyName co "O\'Malley"', cmp('name.familyName', 'co', "O'Malley")],
    ['userName sw "J"', cmp('userName', 'sw', 'J')],
    [`${CORE_USER}:userName sw "J"`, cmp('userName', 'sw', 'J', CORE_USER)],
    ['title pr', pr('title')],
    ['meta.lastModified gt "2011-05-13T04:42:34Z"', cmp('meta.lastModified', 'gt', '2011-05-13T04:42:34Z')],
    ['meta.lastModified ge "2011-05-13T04:42:34Z"', cmp('meta.lastModified', 'ge', '2011-05-13T04:42:34Z')],
    ['meta.lastModified lt "2011-05-13T04:42:34Z"', cmp('meta.lastModified', 'lt', '2011-05-13T04:42:34Z')],
    ['meta.lastModified le "2011-05-13T04:42:34Z"', cmp('meta.lastModified', 'le', '2011-05-13T04:42:34Z')],
    ['title pr and userType eq "Employee"', and(pr('title'), cmp('userType', 'eq', 'Employee'))],
    ['title pr or userType eq "Intern"', or(pr('title'), cmp('userType', 'eq', 'Intern'))],
    [`schemas eq "${ENTERPRISE}"`, cmp('schemas', 'eq', ENTERPRISE)],
    [
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      and(cmp('userType', 'eq', 'Employee'), or(cmp('emails', 'co', 'example.com'), cmp('emails.value', 'co', 'example.org'))),
    ],
    [
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      and(
        cmp('userType', 'ne', 'Employee'),
        not(or(cmp('emails', 'co', 'example.com'), cmp('emails.value', 'co', 'example.org'))),
      ),
    ],
    ['userType eq "Employee" and (emails.type eq "work")', and(cmp('userType', 'eq', 'Employee'), cmp('emails.type', 'eq', 'work'))],
    [
      'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
      and(cmp('userType', 'eq', 'Employee'), vp('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'co', '@example.com')))),
    ],
    [
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
      or(
        vp('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'co', '@example.com'))),
        vp('ims', and(cmp('type', 'eq', 'xmpp'), cmp('value', 'co', '@foo.com'))),
      ),
    ],
  ];

  it.each(examples)('%s', (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });
});

describe('parseFilter: grammar', () => {
  const cases: [string, string, Filter][] = [
    ['every operator', 'a ne 1', cmp('a', 'ne', 1)],
    ['ew', 'a ew "x"', cmp('a', 'ew', 'x')],
    ['le with a negative decimal', 'a le -1.5e3', cmp('a', 'le', -1500)],
    ['true', 'active eq true', cmp('active', 'eq', true)],
    ['false', 'active eq false', cmp('active', 'eq', false)],
    ['null', 'title eq null', cmp('title', 'eq', null)],
    ['and binds tighter than or', 'a pr or b pr and c pr', or(pr('a'), and(pr('b'), pr('c')))],
    ['and binds tighter than or (left)', 'a pr and b pr or c pr', or(and(pr('a'), pr('b')), pr('c'))],
    ['and associates left', 'a pr and b pr and c pr', and(and(pr('a'), pr('b')), pr('c'))],
    ['or associates left', 'a pr or b pr or c pr', or(or(pr('a'), pr('b')), pr('c'))],
    ['parentheses override precedence', '(a pr or b pr) and c pr', and(or(pr('a'), pr('b')), pr('c'))],
    ['redundant parentheses', '((a pr))', pr('a')],
    ['not with nested group', 'not (not (a pr))', not(not(pr('a')))],
    ['not without space', 'not(a pr)', not(pr('a'))],
    ['valuePath with or and not', 'emails[not (type eq "home") or primary eq true]', vp('emails', or(not(cmp('type', 'eq', 'home')), cmp('primary', 'eq', true)))],
    ['valuePath followed by a sub-attribute test', 'emails[type eq "work"].value eq "a@b.c"', vp('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'eq', 'a@b.c')))],
    ['valuePath .sub keeps the inner grouping', 'emails[type eq "a" or type eq "b"].value pr', vp('emails', and(or(cmp('type', 'eq', 'a'), cmp('type', 'eq', 'b')), pr('value')))],
    ['enterprise URN with sub-attribute', `${ENTERPRISE}:manager.value eq "42"`, cmp('manager.value', 'eq', '42', ENTERPRISE)],
    ['core URN with sub-attribute', `${CORE_USER}:name.givenName eq "Babs"`, cmp('name.givenName', 'eq', 'Babs', CORE_USER)],
    ['$ref', 'members.$ref pr', pr('members.$ref')],
    ['string escapes', 'a eq "q\\"b\\\\s\\/\\n\\u00e9"', cmp('a', 'eq', 'q"b\\s/\né')],
    ['string with brackets and keywords', 'a eq "x) and [y] or"', cmp('a', 'eq', 'x) and [y] or')],
    ['no space before a string', 'members[value eq"2819c223"]', vp('members', cmp('value', 'eq', '2819c223'))],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });
});

describe('parseFilter: tolerance', () => {
  const cases: [string, string, Filter][] = [
    ['keywords in any case', 'userName EQ "x" AND Title PR Or NOT (a Pr)', or(and(cmp('userName', 'eq', 'x'), pr('Title')), not(pr('a')))],
    ['attribute names kept as written', 'USERNAME eq "x"', cmp('USERNAME', 'eq', 'x')],
    ['literals in any case', 'active eq True', cmp('active', 'eq', true)],
    ['extra whitespace, tabs and newlines', '  (\ta   pr\n)  and  b  pr ', and(pr('a'), pr('b'))],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it('accepts unquoted values only when asked', () => {
    expect(() => parseFilter('externalId eq jyoung')).toThrow(ScimError);
    expect(parseFilter('externalId eq jyoung', { allowUnquotedValues: true })).toEqual(cmp('externalId', 'eq', 'jyoung'));
    expect(parseFilter('externalId eq 12', { allowUnquotedValues: true })).toEqual(cmp('externalId', 'eq', 12));
  });

  it('lets the IdP layer rewrite attribute paths, knowing when they are element-relative', () => {
    const seen: [string, boolean][] = [];
    const filter = parseFilter('emails[type eq "work"] and userName eq "x"', {
      mapAttributePath: (attribute, { inValueFilter }) => {
        seen.push([attribute.name, inValueFilter]);
        return { ...attribute, name: attribute.name.toLowerCase() };
      },
    });
    expect(seen).toEqual([
      ['emails', false],
      ['type', true],
      ['userName', false],
    ]);
    expect(filter).toEqual(and(vp('emails', cmp('type', 'eq', 'work')), cmp('username', 'eq', 'x')));
  });
});

describe('parseFilter: errors', () => {
  const cases: [string, string, string][] = [
    ['empty', '', 'The filter is empty'],
    ['blank', '   ', 'The filter is empty'],
    ['missing operator', 'userName', 'Invalid filter at the end: expected an operator'],
    ['unknown operator', 'userName is "x"', 'Invalid filter at position 10: expected an operator'],
    ['missing value', 'userName eq', 'Invalid filter at the end: expected a comparison value'],
    ['unquoted value', 'userName eq bjensen', 'Invalid filter at position 13: expected a comparison value'],
    ['unterminated string', 'userName eq "bjensen', 'Unterminated string at position 13'],
    ['bad escape', 'userName eq "a\\x"', 'Invalid string literal at position 13'],
    ['unbalanced (', '(a pr', 'Invalid filter at the end: expected ")"'],
    ['unbalanced )', 'a pr)', 'Invalid filter at position 5: unexpected ")"'],
    ['unbalanced [', 'emails[type pr', 'Invalid filter at the end: expected "]"'],
    ['nested valuePath', 'a[b[c pr]]', 'Invalid filter at position 4: value filters cannot be nested'],
    ['valuePath after sub-attribute', 'a.b[c pr]', 'Invalid filter at position 4: a value filter must follow an attribute'],
    ['dangling and', 'a pr and', 'Invalid filter at the end: expected an attribute path'],
    ['two tests without logic', 'a pr b pr', 'Invalid filter at position 6: unexpected "b"'],
    ['not without parentheses', 'not a pr', 'Invalid filter at position 5: expected an operator'],
    ['bad attribute name', '1abc eq "x"', 'Invalid filter at position 1: invalid attribute path "1abc"'],
    ['three-part path', 'a.b.c pr', 'invalid attribute path "a.b.c"'],
    ['number out of range', 'a eq 1e999', 'number out of range'],
    ['bad sub-attribute after valuePath', 'emails[type pr].1x eq "a"', 'invalid sub-attribute ".1x"'],
    ['too deep', `${'('.repeat(60)}a pr${')'.repeat(60)}`, 'nesting deeper than 50 levels'],
  ];

  it.each(cases)('%s', (_name, text, detail) => {
    let error: unknown;
    try {
      parseFilter(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    expect((error as ScimError).detail).toContain(detail);
  });

  it('rejects absurdly long filters instead of recursing', () => {
    const text = Array.from({ length: 1500 }, (_, index) => `a${index} pr`).join(' and ');
    expect(() => parseFilter(text)).toThrow(/too long/);
  });
});
