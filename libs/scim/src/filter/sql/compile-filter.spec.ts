import { ScimError } from '../../errors/scim-error';
import { parseFilter } from '../parse-filter';
import type { FilterMapping } from './attribute-mapping';
import { compileFilter } from './compile-filter';
import { GROUP_FILTER_MAPPING, USER_FILTER_MAPPING } from './roster-filter-mappings';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

function users(filter: string, firstParamIndex?: number) {
  return compileFilter(parseFilter(filter), USER_FILTER_MAPPING, { alias: 't', firstParamIndex });
}

const array = (key: string) =>
  `jsonb_array_elements(CASE WHEN jsonb_typeof(t.attributes->'${key}') = 'array' THEN t.attributes->'${key}' ELSE '[]'::jsonb END) AS t_el(value)`;
const someElement = (key: string, where: string) => `EXISTS (SELECT 1 FROM ${array(key)} WHERE ${where})`;

describe('compileFilter: operators on a case-insensitive column', () => {
  const cases: [string, string, unknown[]][] = [
    ['userName eq "Bjensen"', 'lower(t.user_name) = lower($1::text)', ['Bjensen']],
    ['userName ne "b"', 'lower(t.user_name) IS DISTINCT FROM lower($1::text)', ['b']],
    ['userName co "a%b_c\\\\"', "lower(t.user_name) LIKE lower($1::text) ESCAPE '\\'", ['%a\\%b\\_c\\\\%']],
    ['userName sw "J"', "lower(t.user_name) LIKE lower($1::text) ESCAPE '\\'", ['J%']],
    ['userName ew "@x.com"', "lower(t.user_name) LIKE lower($1::text) ESCAPE '\\'", ['%@x.com']],
    ['userName gt "m"', 'lower(t.user_name) > lower($1::text)', ['m']],
    ['userName ge "m"', 'lower(t.user_name) >= lower($1::text)', ['m']],
    ['userName lt "m"', 'lower(t.user_name) < lower($1::text)', ['m']],
    ['userName le "m"', 'lower(t.user_name) <= lower($1::text)', ['m']],
    ['userName pr', "t.user_name <> ''", []],
    ['userName eq null', "NOT COALESCE(t.user_name <> '', false)", []],
    ['userName ne null', "t.user_name <> ''", []],
    ['USERNAME EQ "x"', 'lower(t.user_name) = lower($1::text)', ['x']],
  ];

  it.each(cases)('%s', (filter, sql, params) => {
    expect(users(filter)).toEqual({ sql, params });
  });
});

describe('compileFilter: attribute kinds', () => {
  const cases: [string, string, unknown[]][] = [
    ['externalId eq "Ab"', 't.external_id = $1::text', ['Ab']],
    ['id ne "x"', 't.id IS DISTINCT FROM $1::text', ['x']],
    ['externalId eq 42', 't.external_id = $1::text', ['42']],
    ['active eq true', 't.active = $1::boolean', [true]],
    ['active ne false', 't.active IS DISTINCT FROM $1::boolean', [false]],
    ['active pr', 't.active IS NOT NULL', []],
    ['meta.lastModified gt "2011-05-13T04:42:34Z"', 't.updated_at > $1::timestamptz', ['2011-05-13T04:42:34Z']],
    ['meta.created le "2011-05-13T04:42:34.123+02:00"', 't.created_at <= $1::timestamptz', ['2011-05-13T04:42:34.123+02:00']],
    ['meta.created ne "2011-05-13T04:42:34Z"', 't.created_at IS DISTINCT FROM $1::timestamptz', ['2011-05-13T04:42:34Z']],
    ['name.givenName sw "Bar"', "lower(t.given_name) LIKE lower($1::text) ESCAPE '\\'", ['Bar%']],
    ['NAME.FAMILYNAME eq "x"', 'lower(t.family_name) = lower($1::text)', ['x']],
    ['name.formatted pr', "t.attributes->'name'->>'formatted' <> ''", []],
    ['title eq "Boss"', "lower(t.attributes->>'title') = lower($1::text)", ['Boss']],
    [
      `${ENTERPRISE}:department eq "Ops"`,
      `lower(t.attributes->'${ENTERPRISE}'->>'department') = lower($1::text)`,
      ['Ops'],
    ],
    [
      `${ENTERPRISE.toUpperCase()}:Manager.Value eq "42"`,
      `lower(t.attributes->'${ENTERPRISE}'->'manager'->>'value') = lower($1::text)`,
      ['42'],
    ],
    [
      'urn:ietf:params:scim:schemas:core:2.0:User:name.givenName eq "Babs"',
      'lower(t.given_name) = lower($1::text)',
      ['Babs'],
    ],
    ['emails eq "a@b.c"', someElement('emails', "lower(t_el.value->>'value') = lower($1::text)"), ['a@b.c']],
    ['emails.type eq "work"', someElement('emails', "lower(t_el.value->>'type') = lower($1::text)"), ['work']],
    ['emails pr', `EXISTS (SELECT 1 FROM ${array('emails')})`, []],
    ['emails.value pr', someElement('emails', "t_el.value->>'value' <> ''"), []],
    ['emails.primary eq true', someElement('emails', "t_el.value->'primary' = to_jsonb($1::boolean)"), [true]],
    ['photos.value eq "HTTP://x"', someElement('photos', "lower(t_el.value->>'value') = lower($1::text)"), ['HTTP://x']],
    [
      `schemas eq "${ENTERPRISE}"`,
      someElement('schemas', "lower((t_el.value #>> '{}')) = lower($1::text)"),
      [ENTERPRISE],
    ],
    [
      'emails[type eq "work" and value co "@acme.com"]',
      someElement(
        'emails',
        "(lower(t_el.value->>'type') = lower($1::text) AND lower(t_el.value->>'value') LIKE lower($2::text) ESCAPE '\\')",
      ),
      ['work', '%@acme.com%'],
    ],
    [
      'emails[type eq "work"].value eq "a@b.c"',
      someElement(
        'emails',
        "(lower(t_el.value->>'type') = lower($1::text) AND lower(t_el.value->>'value') = lower($2::text))",
      ),
      ['work', 'a@b.c'],
    ],
    [
      'addresses[type eq "work" and postalCode pr]',
      someElement('addresses', "(lower(t_el.value->>'type') = lower($1::text) AND t_el.value->>'postalCode' <> '')"),
      ['work'],
    ],
    [
      'groups.value eq "grp_1"',
      'EXISTS (SELECT 1 FROM group_memberships AS t_el WHERE t_el.user_id = t.id AND t_el.group_id = $1::text)',
      ['grp_1'],
    ],
    ['groups pr', 'EXISTS (SELECT 1 FROM group_memberships AS t_el WHERE t_el.user_id = t.id)', []],
  ];

  it.each(cases)('%s', (filter, sql, params) => {
    expect(users(filter)).toEqual({ sql, params });
  });
});

describe('compileFilter: logic', () => {
  const cases: [string, string, unknown[]][] = [
    [
      'title pr and userType eq "Employee"',
      "(t.attributes->>'title' <> '' AND lower(t.attributes->>'userType') = lower($1::text))",
      ['Employee'],
    ],
    [
      'title pr or userType eq "Intern"',
      "(t.attributes->>'title' <> '' OR lower(t.attributes->>'userType') = lower($1::text))",
      ['Intern'],
    ],
    ['not (active eq true)', 'NOT COALESCE(t.active = $1::boolean, false)', [true]],
    [
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      `(lower(t.attributes->>'userType') IS DISTINCT FROM lower($1::text) AND NOT COALESCE((${someElement(
        'emails',
        "lower(t_el.value->>'value') LIKE lower($2::text) ESCAPE '\\'",
      )} OR ${someElement('emails', "lower(t_el.value->>'value') LIKE lower($3::text) ESCAPE '\\'")}), false))`,
      ['Employee', '%example.com%', '%example.org%'],
    ],
    [
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
      `(${someElement(
        'emails',
        "(lower(t_el.value->>'type') = lower($1::text) AND lower(t_el.value->>'value') LIKE lower($2::text) ESCAPE '\\')",
      )} OR ${someElement(
        'ims',
        "(lower(t_el.value->>'type') = lower($3::text) AND lower(t_el.value->>'value') LIKE lower($4::text) ESCAPE '\\')",
      )})`,
      ['work', '%@example.com%', 'xmpp', '%@foo.com%'],
    ],
  ];

  it.each(cases)('%s', (filter, sql, params) => {
    expect(users(filter)).toEqual({ sql, params });
  });

  it('numbers placeholders from the given index', () => {
    expect(users('userName eq "a" or externalId eq "b"', 4)).toEqual({
      sql: '(lower(t.user_name) = lower($4::text) OR t.external_id = $5::text)',
      params: ['a', 'b'],
    });
  });

  it('never puts client text into the SQL', () => {
    const { sql } = users(`userName eq "x'); DROP TABLE directory_users; --"`);
    expect(sql).toBe('lower(t.user_name) = lower($1::text)');
  });
});

describe('compileFilter: RFC 7644 §3.4.2.2 examples all compile', () => {
  it.each([
    'userName eq "bjensen"',
    'name.familyName co "O\'Malley"',
    'userName sw "J"',
    'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"',
    'title pr',
    'meta.lastModified gt "2011-05-13T04:42:34Z"',
    'meta.lastModified ge "2011-05-13T04:42:34Z"',
    'meta.lastModified lt "2011-05-13T04:42:34Z"',
    'meta.lastModified le "2011-05-13T04:42:34Z"',
    'title pr and userType eq "Employee"',
    'title pr or userType eq "Intern"',
    `schemas eq "${ENTERPRISE}"`,
    'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
    'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
    'userType eq "Employee" and (emails.type eq "work")',
    'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
    'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
  ])('%s', (filter) => {
    expect(users(filter).sql.length).toBeGreaterThan(0);
  });
});

describe('compileFilter: groups', () => {
  const groups = (filter: string) => compileFilter(parseFilter(filter), GROUP_FILTER_MAPPING, { alias: 'g' });

  it.each([
    ['displayName eq "Eng"', 'lower(g.display_name) = lower($1::text)', ['Eng']],
    [
      'members.value eq "usr_1"',
      'EXISTS (SELECT 1 FROM group_memberships AS g_el WHERE g_el.group_id = g.id AND g_el.user_id = $1::text)',
      ['usr_1'],
    ],
    [
      'members[value eq "usr_1"]',
      'EXISTS (SELECT 1 FROM group_memberships AS g_el WHERE g_el.group_id = g.id AND g_el.user_id = $1::text)',
      ['usr_1'],
    ],
    ['externalId eq "x"', 'g.external_id = $1::text', ['x']],
  ] as [string, string, unknown[]][])('%s', (filter, sql, params) => {
    expect(groups(filter)).toEqual({ sql, params });
  });

  it('does not know user attributes', () => {
    expect(() => groups('userName eq "x"')).toThrow('Filtering on "userName" is not supported');
  });
});

describe('compileFilter: rejections', () => {
  const cases: [string, string][] = [
    ['password eq "x"', 'Filtering on "password" is not supported'],
    ['nope pr', 'Filtering on "nope" is not supported'],
    ['name.nope eq "x"', 'Filtering on "name.nope" is not supported'],
    ['emails.nope eq "x"', 'Filtering on "emails.nope" is not supported'],
    ['emails[nope eq "x"]', 'Filtering on "emails.nope" is not supported'],
    ['emails[value.x eq "x"]', 'Filtering on "emails.value.x" is not supported'],
    ['urn:example:custom:User:x eq "1"', 'Filtering on "urn:example:custom:User:x" is not supported'],
    ['department eq "Ops"', 'Filtering on "department" is not supported'],
    ['active gt true', 'Operator "gt" is not supported for boolean attribute "active"'],
    ['active co true', 'Operator "co" is not supported for boolean attribute "active"'],
    ['emails[primary le false]', 'Operator "le" is not supported for boolean attribute "emails.primary"'],
    ['active eq "true"', '"active" is a boolean attribute'],
    ['userName eq true', '"userName" is a string attribute'],
    ['meta.lastModified gt "yesterday"', 'is a dateTime attribute'],
    ['meta.lastModified gt 5', 'is a dateTime attribute'],
    ['meta.created co "2011"', 'is a dateTime attribute'],
    ['userName gt null', 'Operator "gt" cannot compare "userName" with null'],
    ['userName[value eq "x"]', '"userName" is not multi-valued'],
    ['addresses eq "x"', '"addresses" has no value to compare'],
  ];

  it.each(cases)('%s', (filter, detail) => {
    let error: unknown;
    try {
      users(filter);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    expect((error as ScimError).detail).toContain(detail);
  });

  it('rejects unsafe aliases and mapping identifiers as programming errors', () => {
    expect(() => compileFilter(parseFilter('userName pr'), USER_FILTER_MAPPING, { alias: 't; DROP' })).toThrow(
      'Unsafe SQL identifier',
    );
    const bad: FilterMapping = {
      coreSchemaUrn: 'urn:x',
      attributes: { a: { kind: 'column', column: 'a b', type: 'string', caseExact: true } },
    };
    expect(() => compileFilter(parseFilter('a pr'), bad, { alias: 't' })).toThrow('Unsafe SQL identifier');
    expect(() => compileFilter(parseFilter('userName pr'), USER_FILTER_MAPPING, { alias: 't', firstParamIndex: 0 })).toThrow(
      'Invalid first parameter index',
    );
  });
});

describe('compileFilter: custom mappings', () => {
  const mapping: FilterMapping = {
    coreSchemaUrn: 'urn:example:Thing',
    attributes: {
      version: { kind: 'column', column: 'version', type: 'integer', caseExact: false },
      score: { kind: 'jsonb', column: 'data', path: ['score'], type: 'decimal', caseExact: false },
      'flags.on': { kind: 'jsonb', column: 'data', path: ['flags', "it's"], type: 'boolean', caseExact: false },
    },
  };
  const compile = (filter: string) => compileFilter(parseFilter(filter), mapping, { alias: 'x' });

  it.each([
    ['version ge 2', 'x.version >= $1::numeric', [2]],
    ['version ne 2', 'x.version IS DISTINCT FROM $1::numeric', [2]],
    [
      'score lt 1.5',
      "(CASE WHEN jsonb_typeof(x.data->'score') = 'number' THEN (x.data->>'score')::numeric END) < $1::numeric",
      [1.5],
    ],
    ['score pr', "x.data->>'score' IS NOT NULL", []],
    ['flags.on eq true', "x.data->'flags'->'it''s' = to_jsonb($1::boolean)", [true]],
    ['urn:example:Thing:version eq 1', 'x.version = $1::numeric', [1]],
  ] as [string, string, unknown[]][])('%s', (filter, sql, params) => {
    expect(compile(filter)).toEqual({ sql, params });
  });

  it.each([
    ['version co 1', 'Operator "co" is not supported for integer attribute "version"'],
    ['version eq "1"', '"version" is a numeric attribute'],
  ])('%s is rejected', (filter, detail) => {
    expect(() => compile(filter)).toThrow(detail);
  });
});
