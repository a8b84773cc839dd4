import { formatAttributePath, parseAttributePath } from './attribute-path';
import { findSchemaExtension, resolveAttribute } from './resolve-attribute';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from './resource-types';
import { SCIM_URNS } from './schema-urns';

describe('parseAttributePath', () => {
  it.each([
    ['userName', { name: 'userName' }],
    ['name.givenName', { name: 'name', subAttribute: 'givenName' }],
    ['members.$ref', { name: 'members', subAttribute: '$ref' }],
    [
      'urn:ietf:params:scim:schemas:core:2.0:User:name.givenName',
      { uri: 'urn:ietf:params:scim:schemas:core:2.0:User', name: 'name', subAttribute: 'givenName' },
    ],
    [
      'URN:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value',
      { uri: 'URN:ietf:params:scim:schemas:extension:enterprise:2.0:User', name: 'manager', subAttribute: 'value' },
    ],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', { uri: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0', name: 'User' }],
  ])('%s', (text, expected) => {
    expect(parseAttributePath(text)).toEqual(expected);
    expect(formatAttributePath(expected)).toBe(text);
  });

  it.each(['', '1a', 'a.b.c', 'a b', 'a..b', 'urn:', 'urn::a', 'a:b', 'emails[type eq "x"]', 'urn:x:1.0'])(
    'rejects %p',
    (text) => {
      expect(parseAttributePath(text)).toBeUndefined();
    },
  );
});

describe('resolveAttribute', () => {
  it.each([
    ['userName', SCIM_URNS.user, 'userName', undefined, false],
    ['USERNAME', SCIM_URNS.user, 'userName', undefined, false],
    ['name.givenname', SCIM_URNS.user, 'name', 'givenName', false],
    [`${SCIM_URNS.user}:name.givenName`, SCIM_URNS.user, 'name', 'givenName', false],
    [`${SCIM_URNS.user.toUpperCase()}:Emails.Value`, SCIM_URNS.user, 'emails', 'value', false],
    [`${SCIM_URNS.enterpriseUser}:manager.value`, SCIM_URNS.enterpriseUser, 'manager', 'value', true],
    [`${SCIM_URNS.enterpriseUser.toLowerCase()}:EmployeeNumber`, SCIM_URNS.enterpriseUser, 'employeeNumber', undefined, true],
    ['id', undefined, 'id', undefined, false],
    ['meta.lastModified', undefined, 'meta', 'lastModified', false],
    ['externalId', undefined, 'externalId', undefined, false],
    ['groups.$REF', SCIM_URNS.user, 'groups', '$ref', false],
  ])('%s', (path, schemaId, name, subName, isExtension) => {
    const resolved = resolveAttribute(USER_RESOURCE_TYPE, path);
    expect(resolved?.schema?.id).toBe(schemaId);
    expect(resolved?.attribute.name).toBe(name);
    expect(resolved?.subAttribute?.name).toBe(subName);
    expect(resolved?.isExtension).toBe(isExtension);
  });

  it.each([
    'nope',
    'name.nope',
    'userName.x',
    'employeeNumber',
    `${SCIM_URNS.group}:displayName.x`,
    `${SCIM_URNS.group}:members`,
    'urn:example:custom:1.0:User:foo',
    'not a path',
  ])('does not resolve %p', (path) => {
    expect(resolveAttribute(USER_RESOURCE_TYPE, path)).toBeUndefined();
  });

  it('resolves group attributes', () => {
    expect(resolveAttribute(GROUP_RESOURCE_TYPE, 'members.value')?.subAttribute?.mutability).toBe('immutable');
    expect(resolveAttribute(GROUP_RESOURCE_TYPE, 'displayname')?.attribute.required).toBe(true);
    expect(resolveAttribute(GROUP_RESOURCE_TYPE, 'userName')).toBeUndefined();
  });

  it('finds extensions by URN in any case', () => {
    expect(findSchemaExtension(USER_RESOURCE_TYPE, SCIM_URNS.enterpriseUser.toUpperCase())?.name).toBe('EnterpriseUser');
    expect(findSchemaExtension(GROUP_RESOURCE_TYPE, SCIM_URNS.enterpriseUser)).toBeUndefined();
  });
});
