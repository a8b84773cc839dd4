import * as scim from '@roster/scim';

describe('@roster/scim public API', () => {
  it('parses, prints and compiles a filter end to end', () => {
    const filter = scim.parseFilter('userName eq "bjensen" and emails[type eq "work"]');
    expect(scim.stringifyFilter(filter)).toBe('userName eq "bjensen" and emails[type eq "work"]');
    const { sql, params } = scim.compileFilter(filter, scim.USER_FILTER_MAPPING, { alias: 'u', firstParamIndex: 2 });
    expect(sql).toContain('lower(u.user_name) = lower($2::text)');
    expect(params).toEqual(['bjensen', 'work']);
  });

  it('patches users and groups', () => {
    const user = scim.applyPatch(
      { userName: 'a' },
      { Operations: [{ op: 'replace', path: 'active', value: false }] },
      scim.USER_RESOURCE_TYPE,
    );
    expect(user).toEqual({ resource: { userName: 'a', active: false }, changedAttributes: ['active'] });
    const group = scim.applyGroupPatch({ displayName: 'G' }, { Operations: [{ op: 'remove', path: 'members' }] });
    expect(group.membership).toEqual([{ kind: 'removeAll' }]);
  });

  it('exposes schemas, URNs and errors', () => {
    expect(scim.USER_RESOURCE_TYPE.schemaExtensions[0]?.schema).toBe(scim.ENTERPRISE_USER_SCHEMA);
    expect(scim.resolveAttribute(scim.USER_RESOURCE_TYPE, `${scim.SCIM_URNS.enterpriseUser}:manager.value`)?.isExtension).toBe(true);
    expect(scim.ScimError.noTarget('x').toScimErrorBody().scimType).toBe('noTarget');
  });
});
