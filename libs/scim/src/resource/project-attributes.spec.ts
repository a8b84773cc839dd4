import { USER_RESOURCE_TYPE } from '../schema/resource-types';
import { SCIM_URNS } from '../schema/schema-urns';
import { isAttributeExcluded, projectAttributes } from './project-attributes';

const user = {
  schemas: [SCIM_URNS.user, SCIM_URNS.enterpriseUser],
  id: 'u1',
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [{ value: 'b@x.io', type: 'work' }],
  groups: [{ value: 'g1', display: 'Eng' }],
  meta: { resourceType: 'User', version: 'W/"1"' },
  [SCIM_URNS.enterpriseUser]: { department: 'Ops', costCenter: '7' },
};

const project = (selection: Parameters<typeof projectAttributes>[1]) => projectAttributes(user, selection, USER_RESOURCE_TYPE);

describe('projectAttributes', () => {
  it('keeps only the asked attributes plus id and schemas', () => {
    expect(project({ attributes: ['userName', 'name.givenName', 'emails.value'] })).toEqual({
      schemas: user.schemas,
      id: 'u1',
      userName: 'bjensen',
      name: { givenName: 'Barbara' },
      emails: [{ value: 'b@x.io' }],
    });
  });

  it('understands URN-qualified names, for core and extension attributes', () => {
    expect(project({ attributes: [`${SCIM_URNS.user}:userName`, `${SCIM_URNS.enterpriseUser}:department`] })).toEqual({
      schemas: user.schemas,
      id: 'u1',
      userName: 'bjensen',
      [SCIM_URNS.enterpriseUser]: { department: 'Ops' },
    });
  });

  it('drops excluded attributes but never id', () => {
    const projected = project({ excludedAttributes: ['groups', 'ID', 'name.familyName', SCIM_URNS.enterpriseUser] });
    expect(projected).toEqual({
      schemas: user.schemas,
      id: 'u1',
      userName: 'bjensen',
      name: { givenName: 'Barbara' },
      emails: user.emails,
      meta: user.meta,
    });
    expect(user.name.familyName).toBe('Jensen');
  });

  it('rejects malformed paths', () => {
    expect(() => project({ attributes: ['emails[type eq "work"]'] })).toThrow(/not an attribute path/);
  });

  it('tells when an attribute need not be loaded', () => {
    expect(isAttributeExcluded({ excludedAttributes: ['members'] }, 'members')).toBe(true);
    expect(isAttributeExcluded({ excludedAttributes: ['members.display'] }, 'members')).toBe(false);
    expect(isAttributeExcluded({ attributes: ['displayName'] }, 'members')).toBe(true);
    expect(isAttributeExcluded({ attributes: ['members.value'] }, 'members')).toBe(false);
    expect(isAttributeExcluded({}, 'members')).toBe(false);
  });
});
