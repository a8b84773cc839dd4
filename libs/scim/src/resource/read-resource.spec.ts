import { ScimError } from '../errors/scim-error';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../schema/resource-types';
import { SCIM_URNS } from '../schema/schema-urns';
import { readResource } from './read-resource';

describe('readResource', () => {
  it('keeps the RFC 7643 example user in schema casing, without server-owned attributes', () => {
    const { resource } = readResource(
      {
        schemas: [SCIM_URNS.user, SCIM_URNS.enterpriseUser],
        id: 'client-chosen',
        meta: { resourceType: 'User' },
        username: 'bjensen@example.com',
        password: 'hunter2',
        name: { GIVENNAME: 'Barbara', familyName: 'Jensen' },
        emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
        groups: [{ value: 'g1' }],
        [SCIM_URNS.enterpriseUser]: { department: 'Tour Operations' },
      },
      USER_RESOURCE_TYPE,
    );
    expect(resource).toEqual({
      schemas: [SCIM_URNS.user, SCIM_URNS.enterpriseUser],
      userName: 'bjensen@example.com',
      name: { givenName: 'Barbara', familyName: 'Jensen' },
      emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
      [SCIM_URNS.enterpriseUser]: { department: 'Tour Operations' },
    });
  });

  it('lists extensions sent without schemas, and fills in the core schema', () => {
    const { resource } = readResource(
      { userName: 'a', [SCIM_URNS.enterpriseUser]: { employeeNumber: '7' } },
      USER_RESOURCE_TYPE,
    );
    expect(resource.schemas).toEqual([SCIM_URNS.user, SCIM_URNS.enterpriseUser]);
  });

  it('round-trips unknown extension URNs', () => {
    const urn = 'urn:example:params:scim:schemas:extension:acme:1.0:User';
    const { resource } = readResource({ userName: 'a', schemas: [SCIM_URNS.user, urn], [urn]: { badge: 42 } }, USER_RESOURCE_TYPE);
    expect(resource[urn]).toEqual({ badge: 42 });
    expect(resource.schemas).toEqual([SCIM_URNS.user, urn]);
  });

  it.each([
    [[], 'invalidSyntax'],
    [{ name: { givenName: 'x' } }, 'invalidValue'],
    [{ userName: '  ' }, 'invalidValue'],
    [{ userName: 'a', active: 'maybe' }, 'invalidValue'],
    [{ userName: 'a', emails: 'a@b.c' }, 'invalidValue'],
  ])('rejects %j with %s', (body, scimType) => {
    expect(() => readResource(body, USER_RESOURCE_TYPE)).toThrow(expect.objectContaining({ scimType }) as ScimError);
  });

  it('takes group members apart, in order and without duplicates', () => {
    const input = readResource(
      { displayName: 'Eng', members: [{ value: 'u2' }, { value: 'u1', display: 'x' }, { value: 'u2' }] },
      GROUP_RESOURCE_TYPE,
    );
    expect(input).toEqual({ resource: { schemas: [SCIM_URNS.group], displayName: 'Eng' }, memberIds: ['u2', 'u1'] });
    expect(readResource({ displayName: 'Eng' }, GROUP_RESOURCE_TYPE).memberIds).toBeUndefined();
    expect(() => readResource({ displayName: 'Eng', members: [{}] }, GROUP_RESOURCE_TYPE)).toThrow(ScimError);
  });
});
