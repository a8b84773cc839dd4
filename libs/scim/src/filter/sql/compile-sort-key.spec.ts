import { compileSortKey } from './compile-sort-key';
import { GROUP_FILTER_MAPPING, USER_FILTER_MAPPING } from './roster-filter-mappings';

describe('compileSortKey', () => {
  it.each([
    ['userName', 'lower(t.user_name)'],
    ['meta.lastModified', 't.updated_at'],
    ['externalId', 't.external_id'],
    ['active', 't.active'],
    ['title', "lower(t.attributes->>'title')"],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', "lower(t.attributes->'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'->>'department')"],
    [' name.familyName ', 'lower(t.family_name)'],
  ])('%s', (sortBy, sql) => {
    expect(compileSortKey(sortBy, USER_FILTER_MAPPING, 't')).toBe(sql);
  });

  it.each(['emails', 'groups.value', 'password', 'not a path', ''])('ignores %p', (sortBy) => {
    expect(compileSortKey(sortBy, USER_FILTER_MAPPING, 't')).toBeUndefined();
  });

  it('works for groups', () => {
    expect(compileSortKey('displayName', GROUP_FILTER_MAPPING, 'g')).toBe('lower(g.display_name)');
  });
});
