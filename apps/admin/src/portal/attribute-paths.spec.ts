import { readAttributeValue, USER_RESOURCE_TYPE } from '@roster/scim';
import { collectAttributePaths } from './attribute-paths';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const ada = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
  id: 'x',
  externalId: '00u1',
  userName: 'ada@acme.com',
  active: true,
  title: 'Engineer',
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  emails: [{ value: 'ada@acme.com', type: 'work', primary: true }],
  phoneNumbers: [{ value: '+1 555', type: 'mobile' }],
  [ENTERPRISE]: { department: 'R&D', manager: { value: 'boss-id', displayName: 'Boss' } },
  meta: { resourceType: 'User' },
};

describe('collectAttributePaths', () => {
  it('lists mappable paths, core first, with an example, skipping identity and bookkeeping', () => {
    const paths = collectAttributePaths([ada, { userName: 'bob', nickName: 'Bobby', emails: [{ value: 'b@x' }] }]);
    expect(paths.map((seen) => seen.path)).toEqual([
      'active',
      'emails.value',
      'emails[type eq "work"].value',
      'name.familyName',
      'name.givenName',
      'nickName',
      'phoneNumbers[type eq "mobile"].value',
      'title',
      'userName',
      `${ENTERPRISE}:department`,
      `${ENTERPRISE}:manager.displayName`,
      `${ENTERPRISE}:manager.value`,
    ]);
    expect(paths.find((seen) => seen.path === 'title')?.example).toBe('Engineer');
  });

  it('gives paths the attribute mapping reads back to the same value', () => {
    for (const { path, example } of collectAttributePaths([ada])) {
      expect(String(readAttributeValue(ada, path, USER_RESOURCE_TYPE))).toBe(example);
    }
  });

  it('ignores rows that are not objects', () => {
    expect(collectAttributePaths([null, 'x', 3])).toEqual([]);
  });
});
