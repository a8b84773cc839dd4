import { USER_RESOURCE_TYPE } from '../schema/resource-types';
import { SCIM_URNS } from '../schema/schema-urns';
import { readAttributeValue } from './read-attribute-value';

const user = {
  userName: 'ada@acme.com',
  title: 'Engineer',
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  emails: [
    { value: 'ada@home.example', type: 'home' },
    { value: 'ada@acme.com', type: 'work', primary: true },
  ],
  [SCIM_URNS.enterpriseUser]: { department: 'R&D', manager: { value: 'm1', displayName: 'Grace' } },
};

const read = (path: string) => readAttributeValue(user, path, USER_RESOURCE_TYPE);

describe('readAttributeValue', () => {
  it.each([
    ['title', 'Engineer'],
    ['TITLE', 'Engineer'],
    ['name.givenName', 'Ada'],
    ['emails[type eq "work"].value', 'ada@acme.com'],
    ['emails[primary eq true].type', 'work'],
    [`${SCIM_URNS.enterpriseUser}:department`, 'R&D'],
    [`${SCIM_URNS.enterpriseUser}:manager.displayName`, 'Grace'],
  ])('reads %s', (path, expected) => {
    expect(read(path)).toEqual(expected);
  });

  it('maps a sub-attribute over a multi-valued attribute', () => {
    expect(read('emails.value')).toEqual(['ada@home.example', 'ada@acme.com']);
  });

  it('is undefined for absent values and paths that do not resolve', () => {
    expect(read('nickName')).toBeUndefined();
    expect(read('emails[type eq "other"].value')).toBeUndefined();
    expect(read('noSuchAttribute')).toBeUndefined();
    expect(read('emails[type eq')).toBeUndefined();
  });
});
